/** The Express app: request ids, logging, metrics, JSON bodies, the API routes and the built client. */
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { parse as parseCookie } from 'cookie';
import { ErrorReason, SESSION_COOKIE } from '../../shared/protocol.js';
import { HttpError } from '../errors.js';
import type { Caller, IdentityService } from '../identity/service.js';
import type { Metrics } from '../metrics.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** The signed-in caller, when the session cookie is valid. */
    caller?: Caller;
  }
}

export interface AppDeps {
  identity: IdentityService;
  metrics: Metrics;
  log: Logger;
  clientDist: string;
  /** Health probe: resolves when the store answers. */
  health: () => Promise<void>;
  /** Mounted under /api. */
  api: express.Router;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.use(
    pinoHttp({
      logger: deps.log,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
    }),
  );

  // HTTP latency histogram, labelled with the matched route (not the raw URL, to bound cardinality).
  app.use((req, res, next) => {
    const end = deps.metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : req.path.startsWith('/api') ? 'unmatched' : 'static';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  });

  app.get('/healthz', async (_req, res) => {
    try {
      await deps.health();
      res.json({ ok: true });
    } catch {
      res.status(503).json({ ok: false });
    }
  });

  app.get('/metrics', async (_req, res) => {
    res.set('Content-Type', deps.metrics.registry.contentType);
    res.send(await deps.metrics.registry.metrics());
  });

  // Resolve the session once per API request.
  app.use('/api', async (req, _res, next) => {
    try {
      const token = parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];
      req.caller = await deps.identity.authenticate(token);
      next();
    } catch (err) {
      next(err);
    }
  });
  app.use('/api', express.json({ limit: '100kb' }), deps.api);
  app.use('/api', (_req, _res, next) => next(new HttpError(404, ErrorReason.NotFound, 'No such API route.')));

  if (existsSync(deps.clientDist)) {
    app.use(express.static(deps.clientDist, { index: false, maxAge: '1h' }));
    // Single-page app: every other GET renders index.html.
    app.get(/^(?!\/api\/|\/socket\.io\/|\/collab\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(deps.clientDist, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res.type('text').send('Hatchery API is running. Build the client with `npm run build` to serve the app here.');
    });
  }

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof HttpError) {
      res.set(err.headers).status(err.status).json({ error: err.toApiError() });
      return;
    }
    const e = err as { type?: string; status?: number };
    if (e?.type === 'entity.parse.failed') {
      res.status(400).json({ error: { reason: ErrorReason.BadRequest, message: 'The request body is not valid JSON.' } });
      return;
    }
    if (e?.type === 'entity.too.large') {
      res.status(413).json({ error: { reason: ErrorReason.BadRequest, message: 'The request body is too large.' } });
      return;
    }
    req.log.error({ err }, 'unhandled error');
    res.status(500).json({ error: { reason: ErrorReason.Internal, message: 'Something went wrong on the server.' } });
  });
  return app;
}
