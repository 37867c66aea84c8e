/**
 * Child process that runs ONE server under test, so both servers get a fresh process with the same
 * conditions and the bench's own bookkeeping never shares their event loop.
 *
 *   hatchery: the real `Hatchery` (testConfig: in-memory SQLite, silent logs). Users and sessions are
 *             created directly in the store; the broadcast is a real domain event —
 *             `lobby.presence.setStatus()` → `presence:updated` to the `lobby` room.
 *   bare:     a plain `new Server(httpServer)` from socket.io with default options; clients join the
 *             `lobby` room with one event; the broadcast is `io.to('lobby').emit('presence:updated', entry)`
 *             with an entry of the same shape and size as Hatchery's.
 *
 * Usage (by the bench only): server-proc.ts <hatchery|bare>
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { Hatchery } from '../../server/hatchery.js';
import { testConfig } from '../../server/config.js';
import { hashPassword } from '../../server/identity/passwords.js';
import { newId } from '../../server/identity/tokens.js';
import type { PresenceEntry, PresenceStatus } from '../../shared/schemas.js';
import { monoMs, sleep } from './clock.js';
import { cpuMeter, serveRequests, type ServerKind } from './ipc.js';

export interface GrowResult {
  /** One session token per new client (null for the bare server, which has no auth). */
  tokens: (string | null)[];
  /** The user whose presence changes are broadcast in the next step (one of the new clients for Hatchery). */
  broadcasterId: string;
}

export interface BroadcastResult {
  /** When each broadcast was due (monotonic ms): latencies are measured from here. */
  scheduled: number[];
  /** When each broadcast was actually handed to Socket.IO (timer lateness = actual − scheduled). */
  actual: number[];
  /** JSON size of the broadcast payload. */
  payloadBytes: number;
}

const STATUSES: PresenceStatus[] = ['busy', 'available'];
const benchName = (n: number) => `Bench User ${String(n).padStart(5, '0')}`;

interface Target {
  url: string;
  grow(count: number): Promise<GrowResult>;
  /** Fires broadcast `i` on behalf of `broadcasterId`; returns the payload. */
  fire(broadcasterId: string, i: number): unknown;
  close(): Promise<void>;
}

async function startHatchery(): Promise<Target> {
  const h = await Hatchery.create(testConfig({ host: '127.0.0.1' }));
  const url = await h.listen();
  // scrypt is deliberately slow: hash once, share the hash (nobody logs in by password here).
  const passwordHash = await hashPassword('bench-password-not-used');
  let created = 0;
  return {
    url,
    async grow(count) {
      const tokens: string[] = [];
      let broadcasterId = '';
      for (let i = 0; i < count; i++) {
        const n = created++;
        const user = await h.store.users.create({
          id: newId(),
          email: `bench-${n}@bench.invalid`,
          passwordHash,
          role: 'founder',
          name: benchName(n),
          headline: '',
          bio: '',
          languages: ['en'],
          timeZone: 'UTC',
          tags: [],
        });
        if (i === 0) broadcasterId = user.id;
        tokens.push(await h.identity.startSession(user.id, { userAgent: 'bench', ip: '127.0.0.1' }));
      }
      return { tokens, broadcasterId };
    },
    fire(broadcasterId, i) {
      const entry = h.lobby.presence.setStatus(broadcasterId, STATUSES[i % STATUSES.length]!);
      if (!entry) throw new Error(`broadcaster ${broadcasterId} is not online in the lobby`);
      return entry;
    },
    close: () => h.close('bench finished'),
  };
}

async function startBare(): Promise<Target> {
  const httpServer = createServer();
  const io = new Server(httpServer);
  io.on('connection', (socket) => {
    socket.on('bench:join', (_payload: unknown, ack?: (r: { ok: true }) => void) => {
      void socket.join('lobby');
      ack?.({ ok: true });
    });
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  let created = 0;
  const since = new Date().toISOString();
  const entries = new Map<string, PresenceEntry>();
  return {
    url,
    async grow(count) {
      const first = created;
      created += count;
      // Same shape, field order and sizes as the entry Hatchery broadcasts for a bench user.
      const entry: PresenceEntry = {
        userId: newId(),
        name: benchName(first),
        role: 'founder',
        startupId: null,
        startupName: null,
        status: 'available',
        since,
        connections: 1,
      };
      entries.set(entry.userId, entry);
      return { tokens: new Array<null>(count).fill(null), broadcasterId: entry.userId };
    },
    fire(broadcasterId, i) {
      const prev = entries.get(broadcasterId)!;
      // A fresh object per broadcast, like Hatchery's presence registry builds.
      const entry: PresenceEntry = { ...prev, status: STATUSES[i % STATUSES.length]! };
      entries.set(broadcasterId, entry);
      io.to('lobby').emit('presence:updated', entry);
      return entry;
    },
    async close() {
      io.disconnectSockets(true);
      await io.close();
      httpServer.closeAllConnections();
    },
  };
}

const kind = process.argv[2] as ServerKind;
if (kind !== 'hatchery' && kind !== 'bare') throw new Error(`usage: server-proc.ts <hatchery|bare> (got ${kind})`);
const target = kind === 'hatchery' ? await startHatchery() : await startBare();
let broadcasterId = '';
const cpu = cpuMeter();

serveRequests({
  url: () => target.url,
  ping: () => 'pong',
  ...cpu,
  grow: async ({ count }: { count: number }) => {
    const r = await target.grow(count);
    broadcasterId = r.broadcasterId;
    return r;
  },
  /** Fires `count` broadcasts every `intervalMs`, on a fixed schedule starting `leadMs` from now. */
  broadcast: async ({ count, intervalMs, leadMs }: { count: number; intervalMs: number; leadMs: number }): Promise<BroadcastResult> => {
    const start = monoMs() + leadMs;
    const scheduled: number[] = [];
    const actual: number[] = [];
    let payloadBytes = 0;
    for (let i = 0; i < count; i++) {
      const due = start + i * intervalMs;
      const wait = due - monoMs();
      if (wait > 0) await sleep(wait);
      scheduled.push(due);
      actual.push(monoMs());
      const payload = target.fire(broadcasterId, i);
      if (i === 0) payloadBytes = Buffer.byteLength(JSON.stringify(payload));
    }
    return { scheduled, actual, payloadBytes };
  },
  close: async () => {
    await target.close();
    setImmediate(() => process.exit(0));
  },
});
process.send?.({ event: 'ready', data: target.url });
