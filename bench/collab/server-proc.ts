/**
 * Child process that runs ONE document server under test, so its CPU and memory are its own.
 *
 *   hatchery:  the real `Hatchery` as server/main.ts starts it (`Hatchery.create(configFromEnv(env))` +
 *              `listen()`, see `hatcheryEnv`): demo seed, SQLite in a fresh temporary data directory (a
 *              file, WAL, like production), the document server's default settings, logs silent
 *              (`BENCH_COLLAB_LOG_LEVEL` to change), port 0 on 127.0.0.1. Clients log in over HTTP and
 *              connect to `/collab/<name>` with the session cookie.
 *   reference: @y/websocket-server 0.1.1 wired exactly like its bin (src/server.js: an HTTP server that
 *              answers "okay", a `ws` server in noServer mode with the `ws` version that package
 *              resolves, every upgrade → `setupWSConnection`), in memory (no YPERSISTENCE), port 0 on
 *              127.0.0.1. The document name is the URL path.
 *
 * Usage (by the bench only): server-proc.ts <hatchery|reference>
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { cpuMeter, push, serveRequests } from '../realtime/ipc.js';
import { readLog } from './bigdoc.js';

export type CollabServerKind = 'hatchery' | 'reference';

export interface MemoryReading {
  rssMb: number;
  heapUsedMb: number;
  /** ArrayBuffers and other memory outside the JS heap (Yjs keeps none; ws buffers do). */
  externalMb: number;
  /** Whether a full GC ran first (the process runs with --expose-gc). */
  afterGc: boolean;
}

interface Target {
  /** Base URL for `WebsocketProvider` (it appends `/<doc>`). */
  wsBase: string;
  httpUrl: string;
  /** Documents held in memory now; null when the server does not say. */
  loadedDocs(): number | null;
  isLoaded(name: string): boolean | null;
  /** The server's document settings (Hatchery's `config.collab`; null for the reference). */
  settings(): Record<string, number> | null;
  /** The in-memory document's state vector (reference only; null otherwise). */
  stateVector(name: string): Uint8Array | null;
  /** Appends log entries to a document's stored log (Hatchery only). */
  appendLog?(name: string, file: string): Promise<{ rows: number; bytes: number; ms: number }>;
  close(): Promise<void>;
}

/**
 * The environment the app would get, as for `npm start` (server/main.ts: `configFromEnv()`): demo seed,
 * a fresh data directory, port 0 on 127.0.0.1, one mediasoup worker (idle here), quiet logs. The
 * document server's settings are the app's defaults (HATCHERY_COLLAB_* in the bench's environment are
 * passed through). Not `testConfig()`: it shortens the store debounce and the unload grace for tests.
 */
function hatcheryEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (k.startsWith('HATCHERY_COLLAB_')) env[k] = v;
  return {
    ...env,
    HATCHERY_DEMO: '1',
    HATCHERY_DATA_DIR: dataDir,
    HATCHERY_HOST: '127.0.0.1',
    PORT: '0',
    HATCHERY_LOG_LEVEL: process.env.BENCH_COLLAB_LOG_LEVEL ?? 'silent',
    HATCHERY_MEDIA_WORKERS: '1',
  };
}

async function startHatchery(): Promise<Target> {
  // Imported here, so the reference server's process does not carry Hatchery's code (its RSS is its own).
  const { Hatchery } = await import('../../server/hatchery.js');
  const { configFromEnv } = await import('../../server/config.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'hatchery-bench-collab-'));
  const config = configFromEnv(hatcheryEnv(dataDir));
  const h = await Hatchery.create(config);
  const httpUrl = await h.listen();
  return {
    wsBase: `${httpUrl.replace(/^http/, 'ws')}/collab`,
    httpUrl,
    loadedDocs: () => h.collab.loadedCount,
    isLoaded: (name) => h.collab.isLoaded(name),
    stateVector: () => null,
    settings: () => ({ ...config.collab }),
    async appendLog(name, file) {
      if (h.collab.isLoaded(name)) throw new Error(`${name} is loaded: appending to its log now would not be seen`);
      const entries = readLog(file);
      const t0 = performance.now();
      let bytes = 0;
      const now = new Date().toISOString();
      // In transactions of 5000 rows: one commit per row would measure fsync, not the load path.
      for (let i = 0; i < entries.length; i += 5000) {
        await h.store.transaction(async () => {
          for (const e of entries.slice(i, i + 5000)) {
            await h.store.docs.appendUpdate(name, e, now);
            bytes += e.length;
          }
        });
      }
      return { rows: entries.length, bytes, ms: performance.now() - t0 };
    },
    async close() {
      await h.close('bench finished');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function startReference(): Promise<Target> {
  const require = createRequire(import.meta.url);
  // The package's own entry points and the `ws` it resolves (its bin imports 'ws' from its own folder).
  const utils = (await import('@y/websocket-server/utils')) as {
    setupWSConnection: (conn: unknown, req: IncomingMessage, opts?: { docName?: string; gc?: boolean }) => void;
    docs: Map<string, Y.Doc>;
  };
  const pkgRequire = createRequire(require.resolve('@y/websocket-server/package.json'));
  // ws 6 (the version @y/websocket-server resolves) exports the server as `WebSocket.Server`.
  const WS = pkgRequire('ws') as { Server: typeof import('ws').WebSocketServer };
  const wss = new WS.Server({ noServer: true });
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('okay');
  });
  wss.on('connection', utils.setupWSConnection);
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    wss.handleUpgrade(request, socket, head, (ws: import('ws').WebSocket) => {
      wss.emit('connection', ws, request);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    wsBase: `ws://127.0.0.1:${port}`,
    httpUrl: `http://127.0.0.1:${port}`,
    loadedDocs: () => utils.docs.size,
    isLoaded: (name) => utils.docs.has(name),
    settings: () => null,
    stateVector: (name) => {
      const doc = utils.docs.get(name);
      return doc ? Y.encodeStateVector(doc) : null;
    },
    async close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function memory(gc: boolean): MemoryReading {
  const g = (globalThis as { gc?: () => void }).gc;
  if (gc && g) {
    g();
    g();
  }
  const m = process.memoryUsage();
  const mb = (x: number) => x / 2 ** 20;
  return { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), externalMb: mb(m.external + m.arrayBuffers), afterGc: gc && !!g };
}

const kind = process.argv[2] as CollabServerKind;
if (kind !== 'hatchery' && kind !== 'reference') throw new Error(`usage: server-proc.ts <hatchery|reference> (got ${kind})`);
const target = kind === 'hatchery' ? await startHatchery() : await startReference();
const cpu = cpuMeter();

serveRequests({
  urls: () => ({ wsBase: target.wsBase, httpUrl: target.httpUrl }),
  ping: () => 'pong',
  ...cpu,
  memory: ({ gc }: { gc: boolean }) => memory(gc),
  loadedDocs: () => target.loadedDocs(),
  isLoaded: ({ name }: { name: string }) => target.isLoaded(name),
  stateVector: ({ name }: { name: string }) => target.stateVector(name),
  settings: () => target.settings(),
  appendLog: ({ name, file }: { name: string; file: string }) => {
    if (!target.appendLog) throw new Error(`${kind} has no stored log`);
    return target.appendLog(name, file);
  },
  close: async () => {
    await target.close();
    setImmediate(() => process.exit(0));
  },
});
push('ready');
