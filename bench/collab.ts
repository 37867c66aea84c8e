/**
 * bench:collab — Hatchery's Yjs document server (`/collab/<name>`: cookie auth, access rules, debounced
 * SQLite log, idle unload) against the reference y-websocket server (@y/websocket-server 0.1.1, in
 * memory), in the same run, on 127.0.0.1.
 *
 *  1. Relay under load: E editors (default 50) on one document, each making one small edit (a few
 *     characters appended to its own paragraph of `content`, as TipTap types) every 100 ms, for a warm-up
 *     and then a measured window. Relay latency = from the moment an editor made the change to the moment
 *     each other editor's Y.Doc holds it (bench/collab/client-proc.ts says how, without parsing content).
 *     Reported: p50/p95/p99/max, deliveries, server CPU and RSS; ratios Hatchery / reference.
 *  2. Memory after disconnect: every editor disconnects; how many documents each server still holds
 *     `BENCH_COLLAB_LINGER_S` (default 60) seconds later, when it dropped them, and its heap after a GC.
 *  3. Cold load of a large document: a deterministic editing history of ~20 MB of small Yjs updates
 *     (bench/collab/bigdoc.ts) is appended to the stored log of a Hatchery pitch doc (through the store
 *     API, in the server process); a fresh client connects and we time it until synced (the server loads
 *     the log from SQLite, applies it, sends the state; the client applies it). The lower bound is
 *     `Y.applyUpdate` of the same entries into a fresh Y.Doc in a process of its own. For context: a
 *     second client while the document is loaded, the same content from the reference server (which has
 *     it in memory already), and the same content stored as one snapshot row (a compacted log). Then one
 *     edit checks that the document still takes changes.
 *
 * Fairness on a small machine (as bench:realtime): the orchestrator only coordinates; each server runs
 * alone in its own child process (bench/collab/server-proc.ts) and the editors in other child processes
 * (bench/collab/client-proc.ts); the servers are measured one after the other, never at the same time;
 * every window reports the CPU of the server, of the clients and of everything else on the machine.
 * Like bench:sfu, a full run first waits (≤ 10 min in all, `--wait=S`, `--no-wait`) until no other
 * benchmark, test run, browser or compiler has been seen for 15 s, and pauses before each measured part
 * if one started meanwhile; what it waited for is printed with the results.
 *
 *   npm run bench:collab                   full run (≈ 3.5 min on 2 cores, plus any waiting)
 *   npm run bench:collab -- --quick        smoke run (10 editors, 5 s, 10 s linger, 1 MB document; ≈ 1 min)
 *   options: --only=hatchery|reference  --editors=E  --rate=EDITS_PER_S  --warmup=S  --seconds=S
 *            --workers=K (client processes)  --linger=S  --big-mb=MB  --entry-bytes=B  --cold-repeat=N
 *            --cold-timeout=S  --skip=relay,memory,cold  --no-wait | --wait[=S]  --json=FILE
 *   env:     BENCH_COLLAB_LINGER_S (default 60), BENCH_COLLAB_LOG_LEVEL (Hatchery's log level, default silent),
 *            BENCH_PROFILE_DIR=dir (a V8 CPU profile of each server process)
 */
import { readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { monoMs, sleep } from './realtime/clock.js';
import { Child, type CpuReading } from './realtime/ipc.js';
import { latencyStats, type LatencyStats } from './realtime/stats.js';
import { otherBusyWork as busyProcesses } from './sfu/system.js';
import { cpuModel, ramGb } from './machine.js';
import { SESSION_COOKIE } from '../shared/protocol.js';
import type { BigDocOptions } from './collab/bigdoc.js';
import type { LatencyResult, OpenResult, SenderLog, SyncResult } from './collab/client-proc.js';
import type { CollabServerKind, MemoryReading } from './collab/server-proc.js';

// ---------------------------------------------------------------- options

export interface CollabBenchOptions {
  servers: CollabServerKind[];
  editors: number;
  /** Edits per second per editor. */
  rate: number;
  /** Characters per edit. */
  chars: number;
  warmupS: number;
  measureS: number;
  /** Time after the window for late deliveries. */
  drainMs: number;
  /** Client processes per server. */
  workers: number;
  lingerS: number;
  parts: { relay: boolean; memory: boolean; cold: boolean };
  big: BigDocOptions;
  coldRepeat: number;
  coldTimeoutS: number;
  rawRepeat: number;
  /** Wait (at most this many seconds in all) for other benchmarks, test runs and compilers to finish; 0 = don't. */
  waitS: number;
  log: (line: string) => void;
}

export function defaultOptions(quick = false): CollabBenchOptions {
  const linger = Number(process.env.BENCH_COLLAB_LINGER_S);
  return {
    servers: ['reference', 'hatchery'],
    editors: quick ? 10 : 50,
    rate: 10,
    chars: 4,
    warmupS: quick ? 2 : 5,
    measureS: quick ? 5 : 20,
    drainMs: quick ? 1000 : 3000,
    // The server is one Node process (≈ one core); its editors get the rest.
    workers: Math.max(1, Math.min(4, os.availableParallelism() - 1)),
    lingerS: Number.isFinite(linger) && linger > 0 ? linger : quick ? 10 : 60,
    parts: { relay: true, memory: true, cold: true },
    big: { targetBytes: (quick ? 1 : 20) * 1e6, entryBytes: 0, seed: 7, authors: 4 },
    coldRepeat: 2,
    coldTimeoutS: 240,
    rawRepeat: 1,
    waitS: quick ? 0 : 600,
    log: (line) => console.log(line),
  };
}

// ---------------------------------------------------------------- results

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
  date: string;
  loadAvgStart: number[];
  loadAvgEnd: number[];
  /** Other heavy work (tests, builds, benchmarks) seen running during the run. */
  otherWork: string[];
}

export interface RelayResult {
  kind: CollabServerKind;
  doc: string;
  editors: number;
  connectMs: number;
  /** Edits due in the measured window (editors × rate × seconds) and edits actually made in it. */
  scheduled: number;
  sent: number;
  stats: LatencyStats;
  sendLagMaxMs: number;
  serverCpuPct: number;
  clientCpuPct: number;
  otherCpuPct: number;
  serverRunQueueMs: number;
  serverRssMb: number;
  windowMs: number;
  closes: string[];
  /** Per second of the window (by send time): the worst latency of the edits sent in it, ms. */
  maxBySecond: number[];
}

export interface MemoryResult {
  kind: CollabServerKind;
  lingerS: number;
  /** Documents in memory right after the last editor left. */
  loadedAtDisconnect: number | null;
  /** Seconds after the disconnect when `loadedAtEnd` was read (≥ lingerS). */
  measuredAfterS: number;
  /** Seconds after the disconnect when the count first reached 0 (null: never within the linger). */
  unloadedAfterS: number | null;
  loadedAtEnd: number | null;
  baseline: MemoryReading;
  atEnd: MemoryReading;
}

export interface ColdResult {
  doc: string;
  log: { entries: number; bytes: number; edits: number; mergedBytes: number; textChars: number; sha256: string; generateMs: number };
  appendMs: number;
  lowerBound: { applyMs: number; applyCpuMs: number; runsMs: number[]; encodeMs: number; stateBytes: number; textChars: number; snapshotApplyMs: number };
  cold: (SyncResult & { serverCpuMs: number })[];
  /** The same content stored as one snapshot (a compacted log), in another document: one cold load. */
  snapshot: (SyncResult & { serverCpuMs: number; doc: string }) | null;
  warm: SyncResult | null;
  unloadWaitS: number[];
  reference: SyncResult | null;
}

export interface CollabReport {
  machine: MachineInfo;
  options: Omit<CollabBenchOptions, 'log'>;
  relay: RelayResult[];
  memory: MemoryResult[];
  cold: ColdResult | null;
  /** Hatchery's document server settings during the run (`config.collab`). */
  hatcherySettings: Record<string, number> | null;
  errors: string[];
  elapsedS: number;
}

// ---------------------------------------------------------------- helpers

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

function machineInfo(): MachineInfo {
  return {
    cpuModel: cpuModel(),
    cores: os.availableParallelism(),
    ramGb: ramGb(),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    loadAvgStart: os.loadavg(),
    loadAvgEnd: [],
    otherWork: [],
  };
}

/** Machine-wide busy and total CPU time from /proc/stat (jiffies); undefined off Linux. */
function machineCpu(): { busy: number; total: number } | undefined {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, total: busy + idle + iowait };
  } catch {
    return undefined;
  }
}

const cpuPct = (r: CpuReading) => (r.wallMs > 0 ? ((r.userMs + r.systemMs) / r.wallMs) * 100 : 0);

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]);
}

async function startChild(name: string, script: string, args: string[] = [], execArgv: string[] = []): Promise<Child> {
  const child = new Child(name, here(script), args, execArgv);
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      const off = child.on('ready', () => {
        off();
        resolve();
      });
      void child.exited.then(() => reject(new Error(`${name} exited before it was ready`)));
    }),
    60_000,
    `starting ${name}`,
  ).catch((err: unknown) => {
    child.kill();
    throw err;
  });
  return child;
}

/** A small HTTP client that keeps Hatchery's session cookie. */
class HttpSession {
  cookie: string | null = null;
  constructor(readonly baseUrl: string) {}
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, value] = pair!.split('=');
      if (name === SESSION_COOKIE && value) this.cookie = `${SESSION_COOKIE}=${value}`;
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 200)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  static async login(baseUrl: string, email: string): Promise<HttpSession> {
    const s = new HttpSession(baseUrl);
    await s.request('POST', '/api/auth/login', { email, password: DEMO_PASSWORD });
    if (!s.cookie) throw new Error(`logging in as ${email} set no ${SESSION_COOKIE} cookie`);
    return s;
  }
}

/** The demo seed's password (server/demo.ts). */
const DEMO_PASSWORD = 'hatchery-demo';

async function pitchDocOf(s: HttpSession, startupName: string, log: (l: string) => void): Promise<string> {
  const { startups } = await s.request<{ startups: { id: string; name: string }[] }>('GET', '/api/startups');
  const st = startups.find((x) => x.name === startupName);
  if (!st) throw new Error(`no startup named ${startupName} in GET /api/startups`);
  const name = `pitch:${st.id}`;
  try {
    const access = await s.request<{ access: string }>('GET', `/api/docs/${encodeURIComponent(name)}/access`);
    if (access.access !== 'edit') log(`  note: GET /api/docs/${name}/access says "${access.access}", expected "edit"`);
  } catch (err) {
    log(`  note: could not check access: ${(err as Error).message}`);
  }
  return name;
}

/** Other heavy work running now (bench:sfu's list), without zombies (`<defunct>` uses no CPU). */
const otherBusyWork = () => busyProcesses().filter((p) => !p.includes('<defunct>'));

/** Waits (bounded) until no other heavy work has been seen for `quietMs`. */
async function waitForQuietMachine(o: { maxWaitMs: number; quietMs: number; log: (l: string) => void }) {
  const start = Date.now();
  let quietSince = Date.now();
  let lastReport = start;
  for (;;) {
    const busy = otherBusyWork();
    const now = Date.now();
    if (busy.length > 0) {
      quietSince = now;
      if (now - lastReport >= 30_000) {
        lastReport = now;
        o.log(`  still waiting (${Math.round((now - start) / 1000)} s): ${summarizeWork(busy)}`);
      }
    }
    if (now - quietSince >= o.quietMs) return { waitedMs: now - start, stillBusy: [] as string[] };
    if (now - start >= o.maxWaitMs) return { waitedMs: now - start, stillBusy: busy };
    await sleep(2000);
  }
}

/** "vitest ×12, tsc ×2" from `otherBusyWork()` lines ("<pid> <args>"). */
function summarizeWork(busy: string[]): string {
  const labels = ['vitest', 'tsc', 'playwright', 'chrome', 'chromium', 'mediasoup-worker', 'ffmpeg', 'ninja', 'cc1plus', 'cc1', 'meson', 'bench/'];
  const counts = new Map<string, number>();
  for (const b of busy) {
    const args = b.replace(/^\d+ /, '');
    const label = labels.find((l) => args.includes(l)) ?? args.split(' ')[0]!.split('/').pop()!;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([l, n]) => `${l} ×${n}`).join(', ');
}

// ---------------------------------------------------------------- the servers

class ServerUnderTest {
  disconnectedAt: number | undefined;
  loadedAtDisconnect: number | null = null;
  baseline: MemoryReading | undefined;
  private constructor(
    readonly kind: CollabServerKind,
    readonly child: Child,
    readonly wsBase: string,
    readonly httpUrl: string,
  ) {}

  static async start(kind: CollabServerKind): Promise<ServerUnderTest> {
    const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
    const child = await startChild(`${kind}-server`, './collab/server-proc.ts', [kind], ['--expose-gc', ...profile]);
    const { wsBase, httpUrl } = await child.call<{ wsBase: string; httpUrl: string }>('urls');
    const s = new ServerUnderTest(kind, child, wsBase, httpUrl);
    s.baseline = await child.call<MemoryReading>('memory', { gc: true });
    return s;
  }
  loadedDocs = () => this.child.call<number | null>('loadedDocs');
  isLoaded = (name: string) => this.child.call<boolean | null>('isLoaded', { name });
}

// ---------------------------------------------------------------- part 1: relay

async function relay(o: CollabBenchOptions, server: ServerUnderTest, doc: string, cookies: (string | null)[]): Promise<RelayResult> {
  const workers = Math.min(o.workers, o.editors);
  const clients: Child[] = [];
  try {
    for (let i = 0; i < workers; i++) clients.push(await startChild(`${server.kind}-editors-${i}`, './collab/client-proc.ts'));
    // Editor i lives in process i % workers and uses cookie i % cookies.length.
    const parts = clients.map((_, w) => Array.from({ length: o.editors }, (_, i) => i).filter((i) => i % workers === w));
    const t0 = monoMs();
    await Promise.all(
      clients.map((c, w) =>
        c.call<OpenResult>('open', {
          serverUrl: server.wsBase,
          doc,
          cookies: parts[w]!.map((i) => cookies[i % cookies.length]!),
          firstIndex: parts[w]![0]!,
          timeoutMs: 60_000,
        }),
      ),
    );
    const connectMs = monoMs() - t0;
    const states = (await Promise.all(clients.map((c) => c.call<[number, number][]>('addParagraphs')))).flat();
    await Promise.all(clients.map((c) => c.call('converged', { states, timeoutMs: 30_000 })));

    const intervalMs = 1000 / o.rate;
    const start = monoMs() + 500;
    const from = start + o.warmupS * 1000;
    const to = from + o.measureS * 1000;
    // Editors of one process get consecutive stagger slots only if indices are consecutive; the stagger
    // uses the global index, so edits are spread evenly over each 100 ms whatever the split.
    await Promise.all(clients.map((c) => c.call('arm', { start, end: to, intervalMs, totalEditors: o.editors, chars: o.chars })));
    o.log(`  ${server.kind}: ${o.editors} editors connected in ${(connectMs / 1000).toFixed(1)} s; warm-up ${o.warmupS} s, then ${o.measureS} s measured`);
    await sleep(from - monoMs());
    const all = [server.child, ...clients];
    await Promise.all(all.map((c) => c.call('cpuMark')));
    const machine0 = machineCpu();
    const self0 = process.cpuUsage();
    await sleep(to - monoMs());
    const [serverCpu, ...clientCpu] = await Promise.all(all.map((c) => c.call<CpuReading>('cpuRead')));
    const machine1 = machineCpu();
    const self = process.cpuUsage(self0);
    await sleep(o.drainMs);

    const senders = (await Promise.all(clients.map((c) => c.call<SenderLog[]>('sends')))).flat();
    const results = await Promise.all(clients.map((c) => c.call<LatencyResult>('latencies', { senders, from, to })));
    const latencies = new Float64Array(results.reduce((s, r) => s + r.latencies.length, 0));
    const maxBySecond = new Array<number>(Math.ceil(o.measureS)).fill(0);
    let k = 0;
    for (const r of results) {
      latencies.set(r.latencies, k);
      k += r.latencies.length;
      r.sentAt.forEach((t, i) => {
        const sec = Math.min(maxBySecond.length - 1, Math.floor((t - from) / 1000));
        const l = r.latencies[i]!;
        maxBySecond[sec] = Math.max(maxBySecond[sec]!, Number.isNaN(l) ? Infinity : l);
      });
    }
    const serverCpuPct = cpuPct(serverCpu!);
    const clientCpuPct = clientCpu.reduce((s, r) => s + cpuPct(r), 0);
    let otherCpuPct = NaN;
    if (machine0 && machine1 && machine1.total > machine0.total) {
      const machinePct = ((machine1.busy - machine0.busy) / (machine1.total - machine0.total)) * os.availableParallelism() * 100;
      const selfPct = ((self.user + self.system) / 1000 / serverCpu!.wallMs) * 100;
      otherCpuPct = Math.max(0, machinePct - serverCpuPct - clientCpuPct - selfPct);
    }
    const result: RelayResult = {
      kind: server.kind,
      doc,
      editors: o.editors,
      connectMs,
      scheduled: Math.round(o.editors * o.rate * o.measureS),
      sent: results.reduce((s, r) => s + r.sent, 0),
      stats: latencyStats(latencies, 500),
      sendLagMaxMs: Math.max(...results.map((r) => r.sendLagMaxMs)),
      serverCpuPct,
      clientCpuPct,
      otherCpuPct,
      serverRunQueueMs: serverCpu!.runQueueMs,
      serverRssMb: serverCpu!.rssMb,
      windowMs: serverCpu!.wallMs,
      closes: [...new Set(results.flatMap((r) => r.closes))],
      maxBySecond,
    };
    o.log(`  ${server.kind}: ${relayLine(result)}`);
    o.log(`  ${server.kind}: worst latency per second of the window (ms): ${maxBySecond.map((x) => ms(x)).join(' ')}`);
    await Promise.all(clients.map((c) => c.call('disconnectAll')));
    server.disconnectedAt = monoMs();
    server.loadedAtDisconnect = await server.loadedDocs();
    return result;
  } finally {
    await Promise.all(clients.map((c) => c.shutdown()));
  }
}

// ---------------------------------------------------------------- part 2: memory after disconnect

async function linger(o: CollabBenchOptions, server: ServerUnderTest): Promise<MemoryResult> {
  const since = server.disconnectedAt ?? monoMs();
  let unloadedAfterS: number | null = null;
  for (;;) {
    const n = await server.loadedDocs();
    const elapsed = (monoMs() - since) / 1000;
    if (n === 0 && unloadedAfterS === null) unloadedAfterS = elapsed;
    if (n !== 0) unloadedAfterS = null;
    if (elapsed >= o.lingerS) break;
    await sleep(Math.min(1000, o.lingerS * 1000 - (monoMs() - since)));
  }
  const loadedAtEnd = await server.loadedDocs();
  return {
    kind: server.kind,
    lingerS: o.lingerS,
    measuredAfterS: (monoMs() - since) / 1000,
    loadedAtDisconnect: server.loadedAtDisconnect,
    unloadedAfterS,
    loadedAtEnd,
    baseline: server.baseline!,
    atEnd: await server.child.call<MemoryReading>('memory', { gc: true }),
  };
}

// ---------------------------------------------------------------- part 3: cold load

async function coldLoad(
  o: CollabBenchOptions,
  hatchery: ServerUnderTest | undefined,
  reference: ServerUnderTest | undefined,
  generated: Promise<ColdResult['log']>,
  files: { log: string; state: string },
): Promise<ColdResult> {
  const log = await generated;
  o.log(`  document: ${log.entries} entries, ${mb(log.bytes)} MB of updates (${log.edits} edits, generated in ${(log.generateMs / 1000).toFixed(1)} s); merged state ${mb(log.mergedBytes)} MB, ${log.textChars} characters of text`);
  const result: ColdResult = {
    doc: '',
    log,
    appendMs: NaN,
    lowerBound: { applyMs: NaN, applyCpuMs: NaN, runsMs: [], encodeMs: NaN, stateBytes: 0, textChars: 0, snapshotApplyMs: NaN },
    cold: [],
    snapshot: null,
    warm: null,
    unloadWaitS: [],
    reference: null,
  };

  // The lower bound, in a fresh process of its own.
  const raw = await startChild('lower-bound', './collab/client-proc.ts');
  try {
    result.lowerBound = await raw.call('rawApply', { file: files.log, stateFile: files.state, repeat: o.rawRepeat });
  } finally {
    await raw.shutdown();
  }
  o.log(
    `  lower bound (Y.applyUpdate of every entry into a fresh Y.Doc): ${ms(result.lowerBound.applyMs)} ms (CPU ${ms(result.lowerBound.applyCpuMs)} ms); ` +
      `encodeStateAsUpdate ${ms(result.lowerBound.encodeMs)} ms; the merged state as one update: ${ms(result.lowerBound.snapshotApplyMs)} ms`,
  );

  const timeoutMs = o.coldTimeoutS * 1000;
  if (hatchery) {
    const marcus = await HttpSession.login(hatchery.httpUrl, 'marcus@hatchery.demo');
    const doc = await pitchDocOf(marcus, 'LedgerLeaf', o.log);
    result.doc = doc;
    const appended = await hatchery.child.call<{ rows: number; bytes: number; ms: number }>('appendLog', { name: doc, file: files.log });
    result.appendMs = appended.ms;
    o.log(`  appended ${appended.rows} entries (${mb(appended.bytes)} MB) to the log of ${doc} in ${(appended.ms / 1000).toFixed(1)} s`);
    const client = await startChild('cold-client', './collab/client-proc.ts');
    try {
      await client.call('warmup', { stateFile: files.state });
      for (let i = 0; i < o.coldRepeat; i++) {
        if (i > 0) {
          // Wait until the document was unloaded again, so the next load is cold too.
          const t = monoMs();
          while ((await hatchery.isLoaded(doc)) === true && monoMs() - t < 60_000) await sleep(250);
          result.unloadWaitS.push((monoMs() - t) / 1000);
          if ((await hatchery.isLoaded(doc)) === true) {
            o.log('  the document was not unloaded within 60 s: no more cold loads');
            break;
          }
        }
        if ((await hatchery.isLoaded(doc)) === true) throw new Error(`${doc} is already loaded: the load would not be cold`);
        await hatchery.child.call('cpuMark');
        const keep = i === 0;
        const last = i === o.coldRepeat - 1;
        const r = await client.call<SyncResult>('sync', { serverUrl: hatchery.wsBase, doc, cookie: marcus.cookie, timeoutMs, keep, probeEdit: last });
        const cpu = await hatchery.child.call<CpuReading>('cpuRead');
        result.cold.push({ ...r, serverCpuMs: cpu.userMs + cpu.systemMs });
        o.log(`  hatchery cold load #${i + 1}: synced after ${ms(r.syncedMs)} ms (open ${ms(r.openMs)} ms; ${mb(r.stateBytes)} MB state, ${r.textChars} chars; server CPU ${ms(cpu.userMs + cpu.systemMs)} ms)${r.closes.length ? ` closes: ${r.closes.join(', ')}` : ''}`);
        if (r.edit) o.log(`  an edit after that load: ${r.edit}`);
        if (r.timedOut) break;
        if (keep) {
          // A second client while the document is loaded: the sync without the load.
          result.warm = await client.call<SyncResult>('sync', { serverUrl: hatchery.wsBase, doc, cookie: marcus.cookie, timeoutMs, keep: false });
          o.log(`  hatchery warm sync (document already loaded): ${ms(result.warm.syncedMs)} ms`);
        }
      }
      // The same content as Hatchery keeps it after compaction: one snapshot row.
      const lina = await HttpSession.login(hatchery.httpUrl, 'lina@hatchery.demo');
      const snapDoc = await pitchDocOf(lina, '青禾 AgriSense', o.log);
      await hatchery.child.call('appendLog', { name: snapDoc, file: files.state });
      await hatchery.child.call('cpuMark');
      const r = await client.call<SyncResult>('sync', { serverUrl: hatchery.wsBase, doc: snapDoc, cookie: lina.cookie, timeoutMs, keep: false });
      const cpu = await hatchery.child.call<CpuReading>('cpuRead');
      result.snapshot = { ...r, serverCpuMs: cpu.userMs + cpu.systemMs, doc: snapDoc };
      o.log(`  hatchery cold load of the same content stored as one snapshot (${snapDoc}): synced after ${ms(r.syncedMs)} ms (server CPU ${ms(result.snapshot.serverCpuMs)} ms)`);
    } finally {
      await client.shutdown();
    }
  }
  if (reference) {
    const client = await startChild('reference-client', './collab/client-proc.ts');
    try {
      await client.call('warmup', { stateFile: files.state });
      const doc = 'pitch:bench-big';
      const sv = await client.call<Uint8Array>('upload', { serverUrl: reference.wsBase, doc, stateFile: files.state, timeoutMs });
      // The uploader has synced; wait until the server holds all of its state too.
      const t = monoMs();
      while (monoMs() - t < 30_000) {
        const serverSv = await reference.child.call<Uint8Array | null>('stateVector', { name: doc });
        if (serverSv && Buffer.from(serverSv).equals(Buffer.from(sv))) break;
        await sleep(100);
      }
      result.reference = await client.call<SyncResult>('sync', { serverUrl: reference.wsBase, doc, cookie: null, timeoutMs, keep: false });
      o.log(`  reference, same content already in memory: a fresh client synced after ${ms(result.reference.syncedMs)} ms`);
    } finally {
      await client.shutdown();
    }
  }
  return result;
}

// ---------------------------------------------------------------- the run

export async function runCollabBench(overrides: Partial<CollabBenchOptions> = {}): Promise<CollabReport> {
  const o: CollabBenchOptions = { ...defaultOptions(), ...overrides };
  const started = monoMs();
  const machine = machineInfo();
  const errors: string[] = [];
  const noteOtherWork = (when: string) => {
    const busy = otherBusyWork();
    if (busy.length === 0) return;
    const line = `${when}: ${summarizeWork(busy)}`;
    machine.otherWork.push(line);
    o.log(`  other work on the machine ${line}`);
  };
  // Like bench:sfu: wait (bounded) for other heavy work to finish before starting, and pause before each
  // measured part if some started meanwhile. The waiting is reported, not hidden.
  let waitLeftMs = o.waitS * 1000;
  const waitQuiet = async (when: string, maxMs: number) => {
    if (waitLeftMs <= 0 || otherBusyWork().length === 0) return;
    o.log(`  waiting (≤ ${Math.round(Math.min(maxMs, waitLeftMs) / 1000)} s) for other work to finish ${when}: ${summarizeWork(otherBusyWork())}`);
    const w = await waitForQuietMachine({ maxWaitMs: Math.min(maxMs, waitLeftMs), quietMs: 15_000, log: o.log });
    waitLeftMs -= w.waitedMs;
    machine.otherWork.push(
      `waited ${Math.round(w.waitedMs / 1000)} s ${when}${w.stillBusy.length ? `, then went on while still running: ${summarizeWork(w.stillBusy)}` : ' until quiet'}`,
    );
  };
  await waitQuiet('before starting', o.waitS * 1000);
  if (machine.loadAvgStart[0]! > 0.5 * machine.cores) {
    o.log(`WARNING: load average is ${machine.loadAvgStart[0]!.toFixed(2)} on ${machine.cores} cores: other programs compete for the CPU (see the "CPU other" column).`);
  }
  noteOtherWork('at start');

  const tmp = mkdtempSync(join(os.tmpdir(), 'hatchery-bench-collab-'));
  const files = { log: join(tmp, 'bigdoc.log'), state: join(tmp, 'bigdoc.state') };
  const servers = new Map<CollabServerKind, ServerUnderTest>();
  const children: Child[] = [];
  const relayResults: RelayResult[] = [];
  const memoryResults: MemoryResult[] = [];
  let cold: ColdResult | null = null;
  let hatcherySettings: Record<string, number> | null = null;
  const lingering: Promise<MemoryResult | null>[] = [];
  try {
    for (const kind of o.servers) servers.set(kind, await ServerUnderTest.start(kind));
    const hatchery = servers.get('hatchery');
    const reference = servers.get('reference');

    // Hatchery: the two Tidewater founders log in; editors alternate between their session cookies.
    let hatcheryDoc = '';
    let hatcheryCookies: (string | null)[] = [];
    if (hatchery) {
      hatcherySettings = await hatchery.child.call<Record<string, number> | null>('settings');
      const chen = await HttpSession.login(hatchery.httpUrl, 'chen@hatchery.demo');
      const sofia = await HttpSession.login(hatchery.httpUrl, 'sofia@hatchery.demo');
      hatcheryDoc = await pitchDocOf(chen, 'Tidewater Robotics', o.log);
      hatcheryCookies = [chen.cookie, sofia.cookie];
    }

    if (o.parts.relay) {
      o.log(`\nPart 1 — relay: ${o.editors} editors × ${o.rate} edits/s on one document`);
      for (const kind of o.servers) {
        const s = servers.get(kind)!;
        await waitQuiet(`before the ${kind} relay`, 180_000);
        noteOtherWork(`before ${kind} relay`);
        try {
          relayResults.push(kind === 'hatchery' ? await relay(o, s, hatcheryDoc, hatcheryCookies) : await relay(o, s, hatcheryDoc || 'pitch:bench', [null]));
          // Part 2 starts for this server now: it is watched (once a second, from its own disconnect)
          // while the other one is measured.
          if (o.parts.memory) {
            lingering.push(
              linger(o, s).catch((err: unknown) => {
                errors.push(`memory ${kind}: ${(err as Error).message}`);
                return null;
              }),
            );
          }
        } catch (err) {
          errors.push(`relay ${kind}: ${(err as Error).message}`);
          o.log(`  ${kind}: FAILED ${(err as Error).message}`);
        }
      }
    }

    // The big document is generated while the servers sit idle (part 2); it uses no server.
    let generated: Promise<ColdResult['log']> | undefined;
    if (o.parts.cold) {
      const gen = await startChild('generator', './collab/client-proc.ts');
      children.push(gen);
      generated = gen.call<ColdResult['log']>('generate', { file: files.log, options: o.big }).finally(() => gen.shutdown());
      generated.catch(() => undefined);
    }

    if (o.parts.memory && o.parts.relay) {
      o.log(`\nPart 2 — documents in memory ${o.lingerS} s after everyone disconnected${generated ? ' (the big document is generated meanwhile, in another process)' : ''}`);
      for (const m of await Promise.all(lingering)) if (m) memoryResults.push(m);
      for (const m of memoryResults) o.log(`  ${m.kind}: ${memoryLine(m)}`);
    }

    if (o.parts.cold && generated) {
      o.log(`\nPart 3 — cold load of a large document`);
      await waitQuiet('before the cold load', 180_000);
      noteOtherWork('before the cold load');
      try {
        cold = await coldLoad(o, hatchery, reference, generated, files);
      } catch (err) {
        errors.push(`cold load: ${(err as Error).message}`);
        o.log(`  FAILED: ${(err as Error).message}`);
      }
    }
    noteOtherWork('at the end');
  } finally {
    await Promise.all([...servers.values()].map((s) => s.child.shutdown(15_000)));
    for (const c of children) c.kill();
    rmSync(tmp, { recursive: true, force: true });
  }
  machine.loadAvgEnd = os.loadavg();
  const { log: _log, ...options } = o;
  return { machine, options, relay: relayResults, memory: memoryResults, cold, hatcherySettings, errors, elapsedS: (monoMs() - started) / 1000 };
}

// ---------------------------------------------------------------- report

const mb = (bytes: number) => (bytes / 1e6).toFixed(bytes >= 1e7 ? 1 : 2);
const ms = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : Number.isNaN(x) ? '–' : 'missing');
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : '–');
const pctOf = (a: number, b: number) => (b === 0 ? '–' : ((a / b) * 100).toFixed(a === b ? 0 : 2));

function relayLine(r: RelayResult): string {
  return (
    `sent ${r.sent} of ${r.scheduled} due, delivered ${pctOf(r.stats.delivered, r.stats.expected)}% of ${r.stats.expected}; latency p50 ${ms(r.stats.p50)} p95 ${ms(r.stats.p95)} p99 ${ms(r.stats.p99)} max ${ms(r.stats.max)} ms; ` +
    `CPU server ${r.serverCpuPct.toFixed(0)}% clients ${r.clientCpuPct.toFixed(0)}% other ${Number.isNaN(r.otherCpuPct) ? '?' : r.otherCpuPct.toFixed(0)}%; server RSS ${r.serverRssMb.toFixed(0)} MB` +
    (r.closes.length ? `; closes: ${r.closes.join(', ')}` : '')
  );
}

function memoryLine(m: MemoryResult): string {
  const n = (x: number | null) => (x === null ? 'unknown' : String(x));
  return (
    `${n(m.loadedAtDisconnect)} loaded at disconnect → ${n(m.loadedAtEnd)} after ${m.measuredAfterS.toFixed(0)} s` +
    (m.unloadedAfterS !== null ? ` (0 reached after ≈ ${m.unloadedAfterS.toFixed(0)} s)` : '') +
    `; heap after GC ${m.baseline.heapUsedMb.toFixed(1)} MB at start → ${m.atEnd.heapUsedMb.toFixed(1)} MB; RSS ${m.atEnd.rssMb.toFixed(0)} MB`
  );
}

export function formatReport(r: CollabReport): string {
  const m = r.machine;
  const o = r.options;
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  const L: string[] = [];
  L.push(`Machine: ${m.cpuModel}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, ${m.os}`);
  L.push(`Date: ${m.date}; load average at start ${load(m.loadAvgStart)}, at end ${load(m.loadAvgEnd)}; run took ${r.elapsedS.toFixed(0)} s`);
  if (m.otherWork.length) L.push(`Other work seen on the machine: ${m.otherWork.join(' ; ')}`);
  if (r.hatcherySettings) L.push(`Hatchery's document server settings: ${Object.entries(r.hatcherySettings).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const rel = (k: CollabServerKind) => r.relay.find((x) => x.kind === k);
  const h = rel('hatchery');
  const ref = rel('reference');
  if (r.relay.length) {
    L.push('');
    L.push(
      `#### 1. Relay: ${o.editors} editors × ${o.rate} edits/s (${o.chars} characters appended to the editor's own paragraph per edit), ${o.warmupS} s warm-up, ${o.measureS} s measured, ${o.workers} client process(es)`,
    );
    L.push('');
    L.push('| server | edits made (due) | deliveries expected | delivered % | ≤ 500 ms % | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | server CPU % | server RSS (MB) | clients CPU % | other CPU % | server waited for CPU (ms) | client send lag max (ms) |');
    L.push('|:--|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const x of r.relay) {
      L.push(
        `| ${x.kind} | ${x.sent} (${x.scheduled}) | ${x.stats.expected} | ${pctOf(x.stats.delivered, x.stats.expected)} | ${pctOf(x.stats.withinThreshold, x.stats.expected)} | ${ms(x.stats.p50)} | ${ms(x.stats.p95)} | ${ms(x.stats.p99)} | ${ms(x.stats.max)} | ` +
          `${x.serverCpuPct.toFixed(0)} | ${x.serverRssMb.toFixed(0)} | ${x.clientCpuPct.toFixed(0)} | ${Number.isNaN(x.otherCpuPct) ? '–' : x.otherCpuPct.toFixed(0)} | ${ms(x.serverRunQueueMs)} | ${ms(x.sendLagMaxMs)} |`,
      );
    }
    if (h && ref) {
      L.push(
        `| **hatchery / reference** | | | | | **${ratio(h.stats.p50, ref.stats.p50)}** | **${ratio(h.stats.p95, ref.stats.p95)}** | ${ratio(h.stats.p99, ref.stats.p99)} | ${ratio(h.stats.max, ref.stats.max)} | **${ratio(h.serverCpuPct, ref.serverCpuPct)}** | **${ratio(h.serverRssMb, ref.serverRssMb)}** | | | | |`,
      );
    }
    L.push('');
    L.push('Worst latency (ms) of the edits made in each second of the window:');
    L.push('');
    for (const x of r.relay) L.push(`- ${x.kind}: ${x.maxBySecond.map((v) => ms(v)).join(' ')}`);
    for (const x of r.relay) if (x.closes.length) L.push(`${x.kind}: connections closed with ${x.closes.join(', ')}`);
  }
  if (r.memory.length) {
    L.push('');
    L.push(`#### 2. Documents in memory after every editor disconnected`);
    L.push('');
    L.push(`| server | loaded at disconnect | became 0 after (s) | loaded after ${o.lingerS} s | heap after GC at start (MB) | heap after GC after ${o.lingerS} s (MB) | RSS at start (MB) | RSS after ${o.lingerS} s (MB) |`);
    L.push('|:--|--:|--:|--:|--:|--:|--:|--:|');
    const n = (x: number | null) => (x === null ? 'not exposed' : String(x));
    for (const x of r.memory) {
      L.push(
        `| ${x.kind} | ${n(x.loadedAtDisconnect)} | ${x.unloadedAfterS === null ? 'never' : `≈ ${x.unloadedAfterS.toFixed(0)}`} | **${n(x.loadedAtEnd)}**${Math.round(x.measuredAfterS) > x.lingerS + 1 ? ` (read at ${x.measuredAfterS.toFixed(0)} s)` : ''} | ${x.baseline.heapUsedMb.toFixed(1)} | ${x.atEnd.heapUsedMb.toFixed(1)} | ${x.baseline.rssMb.toFixed(0)} | ${x.atEnd.rssMb.toFixed(0)} |`,
      );
    }
  }
  const c = r.cold;
  if (c) {
    L.push('');
    L.push(
      `#### 3. Cold load: ${c.log.entries} stored updates, ${mb(c.log.bytes)} MB (${c.log.edits} edits by ${o.big.authors} authors; merged state ${mb(c.log.mergedBytes)} MB, ${c.log.textChars} characters of text; sha256 ${c.log.sha256})`,
    );
    L.push('');
    const lb = c.lowerBound.applyMs;
    const lbCpu = c.lowerBound.applyCpuMs;
    L.push('| what | wall time (ms) | × lower bound | CPU (ms) | CPU × lower bound |');
    L.push('|:--|--:|--:|--:|--:|');
    L.push(`| lower bound: \`Y.applyUpdate\` of every entry into a fresh Y.Doc, own process (best of ${c.lowerBound.runsMs.length}) | ${ms(lb)} | 1.00 | ${ms(lbCpu)} | 1.00 |`);
    L.push(`| … plus \`Y.encodeStateAsUpdate\` of the result (${mb(c.lowerBound.stateBytes)} MB) | ${ms(lb + c.lowerBound.encodeMs)} | ${ratio(lb + c.lowerBound.encodeMs, lb)} | | |`);
    c.cold.forEach((x, i) =>
      L.push(
        `| **Hatchery cold load #${i + 1}**: fresh client, connect → synced${x.timedOut ? ' (TIMED OUT)' : ''} (CPU: the server's) | **${ms(x.syncedMs)}** | **${ratio(x.syncedMs, lb)}** | ${ms(x.serverCpuMs)} | ${ratio(x.serverCpuMs, lbCpu)} |`,
      ),
    );
    if (c.warm) L.push(`| Hatchery, a second client while the document is loaded | ${ms(c.warm.syncedMs)} | ${ratio(c.warm.syncedMs, lb)} | | |`);
    if (c.reference) L.push(`| reference server, the same content already in memory, fresh client | ${ms(c.reference.syncedMs)} | ${ratio(c.reference.syncedMs, lb)} | | |`);
    if (c.snapshot) {
      L.push(`| the same content stored as **one snapshot** (a compacted log): lower bound, one \`Y.applyUpdate\` | ${ms(c.lowerBound.snapshotApplyMs)} | | | |`);
      L.push(`| Hatchery cold load of that snapshot document, connect → synced (CPU: the server's) | ${ms(c.snapshot.syncedMs)} | ${ratio(c.snapshot.syncedMs, c.lowerBound.snapshotApplyMs)} × its lower bound | ${ms(c.snapshot.serverCpuMs)} | |`);
    }
    const probed = c.cold.find((x) => x.edit);
    if (probed?.edit) L.push(`\nAn edit right after the last cold load: ${probed.edit.replace(/\.$/, '')}.`);
    if (Number.isFinite(c.appendMs)) L.push(`\nSetup: appending the ${c.log.entries} entries through \`store.docs.appendUpdate\` (transactions of 5000) took ${(c.appendMs / 1000).toFixed(1)} s.`);
    const check = [...c.cold, ...(c.warm ? [c.warm] : []), ...(c.reference ? [c.reference] : []), ...(c.snapshot ? [c.snapshot] : [])].filter((x) => !x.timedOut && x.textChars !== c.lowerBound.textChars);
    if (check.length) L.push(`WARNING: a client ended with ${check.map((x) => x.textChars).join('/')} characters of text, the log holds ${c.lowerBound.textChars}.`);
  }
  if (r.errors.length) {
    L.push('');
    for (const e of r.errors) L.push(`ERROR: ${e}`);
  }
  return L.join('\n');
}

// ---------------------------------------------------------------- CLI

function parseArgs(argv: string[]): Partial<CollabBenchOptions> & { json?: string } {
  const o: Partial<CollabBenchOptions> & { json?: string } = { ...defaultOptions(argv.includes('--quick')) };
  for (const arg of argv) {
    const [key, value = ''] = arg.replace(/^--/, '').split('=') as [string, string?];
    const num = () => {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) throw new Error(`--${key} needs a number ≥ 0`);
      return n;
    };
    switch (key) {
      case 'quick':
        break;
      case 'only':
        if (value !== 'hatchery' && value !== 'reference') throw new Error('--only=hatchery|reference');
        o.servers = [value];
        break;
      case 'editors':
        o.editors = Math.max(2, Math.round(num()));
        break;
      case 'rate':
        o.rate = num();
        break;
      case 'warmup':
        o.warmupS = num();
        break;
      case 'seconds':
        o.measureS = num();
        break;
      case 'workers':
        o.workers = Math.max(1, Math.round(num()));
        break;
      case 'linger':
        o.lingerS = num();
        break;
      case 'big-mb':
        o.big = { ...o.big!, targetBytes: num() * 1e6 };
        break;
      case 'entry-bytes':
        o.big = { ...o.big!, entryBytes: Math.round(num()) };
        break;
      case 'cold-repeat':
        o.coldRepeat = Math.max(1, Math.round(num()));
        break;
      case 'cold-timeout':
        o.coldTimeoutS = num();
        break;
      case 'skip': {
        const skip = value.split(',');
        o.parts = { relay: !skip.includes('relay'), memory: !skip.includes('memory'), cold: !skip.includes('cold') };
        break;
      }
      case 'wait':
        o.waitS = value ? num() : 600;
        break;
      case 'no-wait':
        o.waitS = 0;
        break;
      case 'json':
        o.json = value;
        break;
      default:
        throw new Error(`unknown option ${arg} (see the header of bench/collab.ts)`);
    }
  }
  return o;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { json, ...opts } = parseArgs(process.argv.slice(2));
  // A hard bound on the whole run; children are killed by pid with their parent's IPC channel.
  const watchdog = setTimeout(() => {
    console.error('bench:collab: the run took too long; giving up');
    process.exit(2);
  }, 15 * 60_000 + (opts.waitS ?? 0) * 1000);
  watchdog.unref();
  const report = await runCollabBench(opts);
  console.log('');
  console.log(formatReport(report));
  if (json) writeFileSync(json, JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v instanceof Float64Array ? undefined : v), 2));
  process.exit(report.errors.length ? 1 : 0);
}
