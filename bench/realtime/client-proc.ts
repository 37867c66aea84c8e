/**
 * Child process that holds many lobby clients and timestamps every broadcast they receive.
 *
 * Two client implementations, both speaking the real Socket.IO v5 / Engine.IO v4 protocol over
 * WebSocket, so the server cannot tell them apart:
 *   raw (default): a minimal client on `ws`: handshake, auth, one acked join event, pong, and a byte-prefix
 *                  check on each broadcast — no JSON parsing on the hot path. On a 2-core machine the
 *                  clients share the CPU with the server; the cheaper they are, the more the numbers say
 *                  about the server rather than about the clients.
 *   sio:           the official socket.io-client, for cross-checking the raw client.
 *
 * A broadcast is recognised by its event name and the broadcaster's userId (a prefix of the frame),
 * and its index is its arrival order: one WebSocket per client keeps order, so the k-th matching frame is
 * broadcast k. A client that disconnects stops recording; its remaining deliveries count as missing.
 */
import WebSocket from 'ws';
import { io as ioClient, type Socket as ClientSocket } from 'socket.io-client';
import { PROTOCOL_VERSION, SESSION_COOKIE } from '../../shared/protocol.js';
import { monoMs } from './clock.js';
import { cpuMeter, push, serveRequests, type ClientKind } from './ipc.js';

interface Conn {
  arrivals: Float64Array;
  count: number;
  alive: boolean;
  close(): void;
}

export interface ConnectArgs {
  url: string;
  tokens: (string | null)[];
  /** Event the client emits (with an ack) to join the lobby room. */
  joinEvent: string;
  concurrency: number;
  timeoutMs: number;
}
export interface ConnectResult {
  connected: number;
  failed: number;
  errors: string[];
}
export interface ArmArgs {
  event: string;
  broadcasterId: string;
  perClient: number;
}

const kind = (process.argv[2] ?? 'raw') as ClientKind;
const conns: Conn[] = [];
let armed = false;
let perClient = 0;
let expectedTotal = 0;
let total = 0;
let disconnectsWhileArmed = 0;
/** `42["presence:updated",{"userId":"<broadcaster>"` as bytes, for the raw client's hot path. */
let prefix = Buffer.alloc(0);
let broadcaster = '';

function record(c: Conn): void {
  const t = monoMs();
  if (!armed || !c.alive || c.count >= perClient) return;
  c.arrivals[c.count++] = t;
  if (++total === expectedTotal) push('complete');
}

const startsWith = (buf: Buffer, p: Buffer): boolean => buf.length >= p.length && buf.compare(p, 0, p.length, 0, p.length) === 0;
const B = (s: string) => Buffer.from(s);
const EIO_OPEN = B('0');
const SIO_CONNECTED = B('40');
const SIO_CONNECT_ERROR = B('44');
const SIO_ACK0 = B('430');
const SIO_ACK0_OK = B('430[{"ok":true');

function rawConnect(url: string, token: string | null, joinEvent: string, timeoutMs: number): Promise<Conn> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, {
      headers: token ? { cookie: `${SESSION_COOKIE}=${token}` } : {},
      perMessageDeflate: false,
      skipUTF8Validation: true,
      handshakeTimeout: timeoutMs,
    });
    const conn: Conn = { arrivals: new Float64Array(0), count: 0, alive: false, close: () => ws.terminate() };
    let stage: 'open' | 'connect' | 'ack' | 'ready' = 'open';
    const fail = (err: Error) => {
      clearTimeout(timer);
      ws.terminate();
      reject(err);
    };
    const timer = setTimeout(() => fail(new Error(`timeout in stage ${stage}`)), timeoutMs);
    ws.on('message', (data: Buffer) => {
      if (stage === 'ready') {
        if (data.length === 1 && data[0] === 0x32) ws.send('3'); // Engine.IO ping → pong
        else if (startsWith(data, prefix)) record(conn);
        return;
      }
      if (data.length === 1 && data[0] === 0x32) {
        ws.send('3');
      } else if (stage === 'open' && startsWith(data, EIO_OPEN)) {
        stage = 'connect';
        ws.send(`40${JSON.stringify({ protocolVersion: PROTOCOL_VERSION })}`);
      } else if (stage === 'connect' && startsWith(data, SIO_CONNECTED)) {
        stage = 'ack';
        ws.send(`420${JSON.stringify([joinEvent, {}])}`);
      } else if (stage === 'connect' && startsWith(data, SIO_CONNECT_ERROR)) {
        fail(new Error(`refused: ${data.subarray(2, 200).toString()}`));
      } else if (stage === 'ack' && startsWith(data, SIO_ACK0)) {
        if (!startsWith(data, SIO_ACK0_OK)) return fail(new Error(`join failed: ${data.subarray(0, 200).toString()}`));
        stage = 'ready';
        conn.alive = true;
        clearTimeout(timer);
        resolve(conn);
      }
      // Anything else during setup (e.g. presence:joined of other people) is ignored.
    });
    ws.on('error', (err) => (stage === 'ready' ? undefined : fail(err)));
    ws.on('close', () => {
      if (conn.alive && armed) disconnectsWhileArmed++;
      conn.alive = false;
      if (stage !== 'ready') fail(new Error(`closed in stage ${stage}`));
    });
  });
}

function sioConnect(url: string, token: string | null, joinEvent: string, timeoutMs: number): Promise<Conn> {
  return new Promise((resolve, reject) => {
    const socket: ClientSocket = ioClient(url, {
      transports: ['websocket'],
      extraHeaders: token ? { cookie: `${SESSION_COOKIE}=${token}` } : {},
      auth: { protocolVersion: PROTOCOL_VERSION },
      forceNew: true,
      reconnection: false,
      timeout: timeoutMs,
    });
    const conn: Conn = { arrivals: new Float64Array(0), count: 0, alive: false, close: () => socket.disconnect() };
    socket.on('presence:updated', (entry: { userId?: string }) => {
      if (entry?.userId === broadcaster) record(conn);
    });
    socket.once('connect_error', (err) => {
      socket.disconnect();
      reject(err);
    });
    socket.once('connect', () => {
      socket.timeout(timeoutMs).emit(joinEvent, {}, (err: Error | null, res: { ok?: boolean } | undefined) => {
        if (err || !res?.ok) {
          socket.disconnect();
          reject(err ?? new Error(`join failed: ${JSON.stringify(res).slice(0, 200)}`));
          return;
        }
        conn.alive = true;
        resolve(conn);
      });
    });
    socket.on('disconnect', () => {
      if (conn.alive && armed) disconnectsWhileArmed++;
      conn.alive = false;
    });
  });
}

const connectOne = kind === 'sio' ? sioConnect : rawConnect;

serveRequests({
  ping: () => 'pong',
  ...cpuMeter(),
  /** Opens `tokens.length` more clients, `concurrency` at a time; each joins the lobby room. */
  connect: async ({ url, tokens, joinEvent, concurrency, timeoutMs }: ConnectArgs): Promise<ConnectResult> => {
    let next = 0;
    let connected = 0;
    const errors: string[] = [];
    const lane = async () => {
      while (next < tokens.length) {
        const token = tokens[next++]!;
        try {
          conns.push(await connectOne(url, token, joinEvent, timeoutMs));
          connected++;
        } catch (err) {
          errors.push(err instanceof Error ? err.message : String(err));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
    return { connected, failed: errors.length, errors: [...new Set(errors)].slice(0, 5) };
  },
  /** Starts recording broadcasts from `broadcasterId` (clears previous recordings). */
  arm: ({ event, broadcasterId, perClient: n }: ArmArgs) => {
    broadcaster = broadcasterId;
    prefix = B(`42${JSON.stringify([event, { userId: broadcasterId }]).slice(0, -2)}`);
    perClient = n;
    total = 0;
    disconnectsWhileArmed = 0;
    let alive = 0;
    for (const c of conns) {
      c.arrivals = new Float64Array(n).fill(NaN);
      c.count = 0;
      if (c.alive) alive++;
    }
    expectedTotal = alive * n;
    armed = true;
    return { alive, clients: conns.length };
  },
  /** Stops recording; returns latency (ms after each broadcast's scheduled time) per delivery, NaN = missing. */
  collect: ({ scheduled }: { scheduled: number[] }) => {
    armed = false;
    const latencies = new Float64Array(conns.length * perClient);
    let k = 0;
    for (const c of conns) {
      for (let i = 0; i < perClient; i++) latencies[k++] = c.arrivals[i]! - scheduled[i]!;
    }
    return { latencies, disconnects: disconnectsWhileArmed, alive: conns.filter((c) => c.alive).length };
  },
  close: () => {
    armed = false;
    for (const c of conns) c.close();
    setTimeout(() => process.exit(0), 50);
  },
});
push('ready');
