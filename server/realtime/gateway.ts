/**
 * The Socket.IO gateway: authenticates every connection with the session cookie, checks the Origin
 * and the protocol version, and parses every incoming payload with its zod schema before any domain
 * handler sees it. A bad payload gets an error ack, never a crash and never a silent drop.
 */
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { parse as parseCookie } from 'cookie';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import type { z } from 'zod';
import { ErrorReason, PROTOCOL_VERSION, SESSION_COOKIE, type ApiError } from '../../shared/protocol.js';
import {
  clientEvents,
  type AckResult,
  type ClientEventName,
  type ClientToServerEvents,
  type ConnectRefusal,
  type ServerToClientEvents,
  type SocketData,
} from '../../shared/events.js';
import { HandshakeAuth } from '../../shared/schemas.js';
import { HttpError, zodIssues } from '../errors.js';
import type { Caller, IdentityService } from '../identity/service.js';

export type HatcheryServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type HatcherySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

type Payload<K extends ClientEventName> = z.infer<(typeof clientEvents)[K]['payload']>;
type AckData<K extends ClientEventName> = z.infer<(typeof clientEvents)[K]['ack']>;
/** A domain handler: gets the parsed payload and the caller; returns the ack data or throws an HttpError. */
export type EventHandler<K extends ClientEventName> = (payload: Payload<K>, socket: HatcherySocket) => Promise<AckData<K>>;

/** Builds the error a refused connection carries in `err.data`. */
function refusal(reason: ConnectRefusal['reason'], message: string): Error & { data: ConnectRefusal } {
  return Object.assign(new Error(message), { data: { reason, message } });
}

/** True when the request's Origin (if any) is this server itself or explicitly allowed. */
export function originAllowed(req: IncomingMessage, allowed: string[]): boolean {
  const origin = req.headers.origin;
  // NOTE: non-browser clients send no Origin; browsers always do on cross-origin requests and upgrades.
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** Per-socket token bucket: a client may send EVENT_BURST events at once, refilled at EVENT_RATE per second. */
const EVENT_RATE = 20;
const EVENT_BURST = 40;

class TokenBucket {
  #tokens = EVENT_BURST;
  #last = Date.now();
  take(): boolean {
    const now = Date.now();
    this.#tokens = Math.min(EVENT_BURST, this.#tokens + ((now - this.#last) / 1000) * EVENT_RATE);
    this.#last = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}

export class Gateway {
  readonly io: HatcheryServer;
  readonly #handlers = new Map<ClientEventName, EventHandler<ClientEventName>>();
  /** Authenticated callers by socket id. */
  readonly #callers = new Map<string, Caller>();

  constructor(
    httpServer: HttpServer,
    private readonly identity: IdentityService,
    private readonly allowedOrigins: string[],
    private readonly log: Logger,
  ) {
    this.io = new Server(httpServer, {
      serveClient: false,
      maxHttpBufferSize: 64 * 1024,
      connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    });
    this.io.use((socket, next) => {
      this.#authenticate(socket).then(
        () => next(),
        (err: Error) => next(err),
      );
    });
  }

  async #authenticate(socket: HatcherySocket): Promise<void> {
    const req = socket.request;
    if (!originAllowed(req, this.allowedOrigins)) {
      throw refusal(ErrorReason.OriginNotAllowed, 'This page’s origin may not connect to this server.');
    }
    const auth = HandshakeAuth.safeParse(socket.handshake.auth);
    if (!auth.success || auth.data.protocolVersion !== PROTOCOL_VERSION) {
      throw refusal(ErrorReason.ProtocolMismatch, `Hatchery was updated (protocol ${PROTOCOL_VERSION}); please reload the page.`);
    }
    const token = parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];
    const caller = await this.identity.authenticate(token);
    if (!caller) throw refusal(ErrorReason.Unauthenticated, 'Please sign in first.');
    socket.data.userId = caller.user.id;
    socket.data.sessionId = caller.sessionId;
    this.#callers.set(socket.id, caller);
    socket.once('disconnect', () => this.#callers.delete(socket.id));
  }

  /** The signed-in caller behind a socket (set by the auth middleware). */
  caller(socket: HatcherySocket): Caller {
    const c = this.#callers.get(socket.id);
    if (!c) throw new HttpError(401, ErrorReason.Unauthenticated, 'Please sign in first.');
    return c;
  }

  /** Registers the domain handler for one client event; the payload reaches it already parsed. */
  handle<K extends ClientEventName>(event: K, handler: EventHandler<K>): void {
    this.#handlers.set(event, handler as unknown as EventHandler<ClientEventName>);
  }

  /** Wires every registered handler onto a new socket. */
  attach(socket: HatcherySocket): void {
    // Rooms that let the server reach every socket of one session (logout) or one person.
    void socket.join([`session:${socket.data.sessionId}`, `user:${socket.data.userId}`]);
    const bucket = new TokenBucket();
    for (const [event, handler] of this.#handlers) {
      const schema = clientEvents[event].payload;
      socket.on(event, (...args: unknown[]) => {
        const last = args[args.length - 1];
        const ack = typeof last === 'function' ? (last as (r: AckResult<unknown>) => void) : undefined;
        const payload = args[0];
        const reply = (r: AckResult<unknown>) => ack?.(r);
        if (!bucket.take()) {
          reply({ ok: false, error: { reason: ErrorReason.TooManyRequests, message: 'Slow down: too many requests.' } });
          return;
        }
        const parsed = schema.safeParse(payload ?? {});
        if (!parsed.success) {
          const issues = zodIssues(parsed.error);
          this.log.debug({ event, socketId: socket.id }, 'handle() | bad payload');
          reply({ ok: false, error: { reason: ErrorReason.BadRequest, message: `Invalid ${event} payload`, issues } });
          return;
        }
        handler(parsed.data as never, socket).then(
          (data) => reply({ ok: true, data }),
          (err: unknown) => reply({ ok: false, error: toApiError(err, this.log, event) }),
        );
      });
    }
  }

  /** Tells every socket of a session why it is closing, then closes them (logout). */
  endSession(sessionId: string, notice: { reason: string; message: string }): void {
    const room = `session:${sessionId}`;
    this.io.to(room).emit('server:notice', notice);
    this.io.in(room).disconnectSockets(true);
  }

  /** Tells everyone the server is going away, then closes all connections. */
  async close(reason: string): Promise<void> {
    this.io.emit('server:notice', { reason: ErrorReason.ServerShutdown, message: reason });
    // Send the disconnect packets first (without cutting the transport), so clients learn it was on purpose.
    this.io.disconnectSockets(false);
    await new Promise((r) => setImmediate(r));
    await this.io.close();
  }
}

export function toApiError(err: unknown, log: Logger, where: string): ApiError {
  if (err instanceof HttpError) return err.toApiError();
  log.error({ err, where }, 'handler failed');
  return { reason: ErrorReason.Internal, message: 'Something went wrong on the server.' };
}
