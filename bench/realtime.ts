/**
 * bench:realtime — how many clients in one lobby room still get their broadcasts in time?
 *
 * Two servers in the same run: Hatchery's gateway (auth + validation + rooms + presence) and a bare
 * Socket.IO server. For each, the number N of clients in the lobby room grows step by step (clients are
 * added, never reconnected); at each step the server sends B broadcasts on a fixed schedule (one every
 * `intervalMs`) and every client timestamps every broadcast it receives. A step passes when ≥ 95 % of all
 * N × B deliveries arrive within 500 ms of the moment the broadcast was due (a missing delivery counts as
 * late). Result per server: the largest passing N; then the ratio hatchery / bare (goal ≥ 0.9).
 *
 * Fairness on a small machine:
 *  - the orchestrator (this process) only coordinates; each server runs alone in its own child process
 *    (bench/realtime/server-proc.ts) and its clients in their own child process(es)
 *    (bench/realtime/client-proc.ts, a minimal Socket.IO client by default); all read one monotonic clock;
 *  - the two servers are stepped in turn (N for one, N for the other, order alternating), so background
 *    load on the machine hits both alike; the CPU other processes used during each window is reported;
 *  - a failing window is re-run once at the same N; the step fails only if both windows fail.
 *
 *   npm run bench:realtime                 full run (≈ 10–12 min on 2 cores, mostly Hatchery's connect + join)
 *   npm run bench:realtime -- --quick      smoke run (~15 s)
 *   options: --only=hatchery|bare  --client=raw|sio  --workers=K  --ladder=50,100,…  --max=N
 *            --broadcasts=B  --interval=MS  --budget=SECONDS (per server)  --no-retry  --json=FILE
 *   env:     BENCH_PROFILE_DIR=dir  writes a V8 CPU profile of each server process there.
 *
 * On a shared machine, watch the "CPU other" and "server waited for CPU" columns; docs/benchmarks.md
 * says how the recorded run was given CPU priority over unrelated work.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { monoMs, sleep } from './realtime/clock.js';
import { Child, type ClientKind, type CpuReading, type ServerKind } from './realtime/ipc.js';
import { latencyStats, type LatencyStats } from './realtime/stats.js';
import type { BroadcastResult, GrowResult } from './realtime/server-proc.js';
import type { ArmArgs, ConnectArgs, ConnectResult } from './realtime/client-proc.js';
import { cpuModel, ramGb } from './machine.js';

export interface BenchOptions {
  servers: ServerKind[];
  /** Client counts to try, ascending. */
  ladder: number[];
  /** Broadcasts per window. */
  broadcasts: number;
  intervalMs: number;
  thresholdMs: number;
  /** Fraction of deliveries that must arrive within `thresholdMs`. */
  passFraction: number;
  client: ClientKind;
  /** Client processes per server. */
  workers: number;
  /** Concurrent connection attempts per client process. */
  connectConcurrency: number;
  connectTimeoutMs: number;
  /** A step whose connect phase takes longer than this stops that server's ladder. */
  stepSetupTimeoutMs: number;
  /** How long after the last broadcast was due to wait for stragglers. */
  drainMs: number;
  /** Quiet time between connecting and broadcasting. */
  settleMs: number;
  /** Per server: no new step starts once this much of its own step time is used. */
  budgetMs: number;
  /** Re-run a failing window once before calling the step failed. */
  retry: boolean;
  log: (line: string) => void;
}

/** One broadcast window. */
export interface WindowResult {
  n: number;
  /** Connect + join time of the clients this step added (0 for a retry). */
  setupMs: number;
  stats: LatencyStats;
  pass: boolean;
  retry: boolean;
  /** Worst lateness of the server's broadcast timer (a busy event loop delays the send itself). */
  sendLagMaxMs: number;
  payloadBytes: number;
  /** CPU use during the window, in % of one core. */
  serverCpuPct: number;
  clientCpuPct: number;
  /** CPU used by everything else on the machine during the window (other programs, kernel softirq), % of one core. */
  otherCpuPct: number;
  /** How long the server's main thread was ready to run but waited for a CPU during the window. */
  serverRunQueueMs: number;
  /** Window length (first scheduled broadcast to end of collection). */
  windowMs: number;
  serverRssMb: number;
  disconnects: number;
}

export interface ServerResult {
  kind: ServerKind;
  windows: WindowResult[];
  /** Largest N whose step passed (0 = none). */
  largestPass: number;
  /** True when no step failed: the real limit is at least `largestPass` (ladder, time or fd cap). */
  capped: boolean;
  stopReason: string;
  /** Time spent on this server's steps. */
  elapsedMs: number;
}

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
  fdLimit: number;
  loadAvgStart: number[];
  loadAvgEnd: number[];
  date: string;
}

export interface BenchReport {
  machine: MachineInfo;
  options: Omit<BenchOptions, 'log'>;
  results: ServerResult[];
  /** hatchery / bare largest passing N, with how to read it. */
  ratio: { value: number | null; text: string };
}

const FULL_LADDER = [50, 100, 200, 400, 600, 800, 1000, 1250, 1500, 1750, 2000, 2500, 3000, 3500, 4000, 4500, 5000, 5500, 6000, 7000, 8000, 10000];
const QUICK_LADDER = [20, 50, 100];

export function defaultOptions(quick = false): BenchOptions {
  const cores = os.availableParallelism();
  return {
    servers: ['hatchery', 'bare'],
    ladder: quick ? QUICK_LADDER : FULL_LADDER,
    broadcasts: quick ? 10 : 20,
    intervalMs: 100,
    thresholdMs: 500,
    passFraction: 0.95,
    client: 'raw',
    // The server is one Node process (≈ one core); its clients get the rest.
    workers: Math.max(1, Math.min(4, cores - 1)),
    connectConcurrency: 50,
    connectTimeoutMs: 30_000,
    stepSetupTimeoutMs: 240_000,
    drainMs: quick ? 1000 : 2000,
    settleMs: quick ? 200 : 500,
    // Hatchery's connect + join cost grows with N² (see docs/benchmarks.md): reaching ~6000 takes ~8 min here.
    budgetMs: quick ? 15_000 : 600_000,
    retry: true,
    log: (line) => console.log(line),
  };
}

export function machineInfo(): MachineInfo {
  return {
    cpuModel: cpuModel(),
    cores: os.availableParallelism(),
    ramGb: ramGb(),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    fdLimit: fdLimit(),
    loadAvgStart: os.loadavg(),
    loadAvgEnd: [],
    date: new Date().toISOString(),
  };
}

/** The soft open-files limit (`ulimit -n`) the children inherit; Infinity when unknown. */
function fdLimit(): number {
  try {
    const m = /^Max open files\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    if (m?.[1] && m[1] !== 'unlimited') return Number(m[1]);
  } catch {
    /* not Linux */
  }
  return Infinity;
}

/** Machine-wide busy and total CPU time from /proc/stat (in jiffies); undefined off Linux. */
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

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const JOIN_EVENT: Record<ServerKind, string> = { hatchery: 'lobby:subscribe', bare: 'bench:join' };
/** File descriptors kept free for everything that is not a client socket. */
const FD_MARGIN = 256;

const cpuPct = (r: CpuReading) => (r.wallMs > 0 ? ((r.userMs + r.systemMs) / r.wallMs) * 100 : 0);

class TimeoutError extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]);
}

function waitForReady(child: Child): Promise<void> {
  return new Promise((resolve, reject) => {
    const off = child.on('ready', () => {
      off();
      resolve();
    });
    void child.exited.then(() => reject(new Error(`${child.name} exited before it was ready`)));
  });
}

function concat(arrays: Float64Array[]): Float64Array {
  const out = new Float64Array(arrays.reduce((s, a) => s + a.length, 0));
  let k = 0;
  for (const a of arrays) {
    out.set(a, k);
    k += a.length;
  }
  return out;
}

/** One server under test, its client processes, and its ladder so far. */
class ServerRunner {
  readonly windows: WindowResult[] = [];
  largestPass = 0;
  done = false;
  capped = true;
  stopReason = '';
  elapsedMs = 0;
  #connected = 0;
  #broadcasterId = '';

  private constructor(
    readonly kind: ServerKind,
    private readonly o: BenchOptions,
    private readonly server: Child,
    private readonly clients: Child[],
    private readonly url: string,
  ) {}

  static async start(kind: ServerKind, o: BenchOptions): Promise<ServerRunner> {
    const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
    const server = new Child(`${kind}-server`, here('./realtime/server-proc.ts'), [kind], profile);
    const clients = Array.from({ length: o.workers }, (_, i) => new Child(`${kind}-clients-${i}`, here('./realtime/client-proc.ts'), [o.client]));
    try {
      await withTimeout(Promise.all([server, ...clients].map(waitForReady)), 60_000, `starting the ${kind} processes`);
      return new ServerRunner(kind, o, server, clients, await server.call<string>('url'));
    } catch (err) {
      for (const c of [server, ...clients]) c.kill();
      throw err;
    }
  }

  stop(reason: string, failed: boolean): void {
    this.done = true;
    this.stopReason = reason;
    if (failed) this.capped = false;
  }

  /** Grows the room to `n` clients and measures; marks the runner done when the step fails. */
  async step(n: number): Promise<void> {
    const started = performance.now();
    try {
      await this.#step(n);
    } finally {
      this.elapsedMs += performance.now() - started;
    }
  }

  async #step(n: number): Promise<void> {
    const o = this.o;
    const setupStart = performance.now();
    let results: ConnectResult[];
    try {
      results = await withTimeout(this.#grow(n), o.stepSetupTimeoutMs, `connecting clients up to N=${n}`);
    } catch (err) {
      // Too slow to even get N people into the room: the broadcast limit stays undetermined (≥ last pass).
      if (err instanceof TimeoutError) return this.stop(`connect + join too slow at N=${n}: ${err.message}`, false);
      return this.stop(`setup failed at N=${n}: ${(err as Error).message}`, true);
    }
    const setupMs = performance.now() - setupStart;
    const failed = results.reduce((s, r) => s + r.failed, 0);
    if (failed > 0) {
      const added = results.reduce((s, r) => s + r.failed + r.connected, 0);
      const errors = [...new Set(results.flatMap((r) => r.errors))].join('; ');
      return this.stop(`${failed} of ${added} new clients failed to connect at N=${n} (${errors})`, true);
    }
    let w = await this.#window(n, setupMs, false);
    if (!w.pass && o.retry) w = await this.#window(n, 0, true);
    if (w.pass) this.largestPass = n;
    else this.stop(`failed at N=${n}`, true);
  }

  async #grow(n: number): Promise<ConnectResult[]> {
    const grow = await this.server.call<GrowResult>('grow', { count: n - this.#connected });
    this.#broadcasterId = grow.broadcasterId;
    const parts = this.clients.map(() => [] as (string | null)[]);
    grow.tokens.forEach((t, i) => parts[i % parts.length]!.push(t));
    const results = await Promise.all(
      this.clients.map((c, i) =>
        c.call<ConnectResult>('connect', {
          url: this.url,
          tokens: parts[i]!,
          joinEvent: JOIN_EVENT[this.kind],
          concurrency: this.o.connectConcurrency,
          timeoutMs: this.o.connectTimeoutMs,
        } satisfies ConnectArgs),
      ),
    );
    this.#connected += results.reduce((s, r) => s + r.connected, 0);
    return results;
  }

  async #window(n: number, setupMs: number, retry: boolean): Promise<WindowResult> {
    const o = this.o;
    const all = [this.server, ...this.clients];
    // Settle: both event loops answer (setup traffic such as presence:joined has been written), then rest.
    await this.server.call('ping');
    await Promise.all(this.clients.map((c) => c.call('ping')));
    await sleep(o.settleMs);

    const arm: ArmArgs = { event: 'presence:updated', broadcasterId: this.#broadcasterId, perClient: o.broadcasts };
    let completes = 0;
    let onAllComplete: () => void = () => undefined;
    const allComplete = new Promise<void>((resolve) => (onAllComplete = resolve));
    const offs = this.clients.map((c) => c.on('complete', () => ++completes === this.clients.length && onAllComplete()));
    await Promise.all(this.clients.map((c) => c.call('arm', arm)));
    await Promise.all(all.map((c) => c.call('cpuMark')));
    const machine0 = machineCpu();
    const self0 = process.cpuUsage();

    const b = await this.server.call<BroadcastResult>('broadcast', { count: o.broadcasts, intervalMs: o.intervalMs, leadMs: 50 });
    await Promise.race([allComplete, sleep(Math.max(0, b.scheduled.at(-1)! + o.drainMs - monoMs()))]);
    offs.forEach((off) => off());

    const [serverCpu, ...clientCpu] = await Promise.all(all.map((c) => c.call<CpuReading>('cpuRead')));
    const machine1 = machineCpu();
    const self = process.cpuUsage(self0);
    const collected = await Promise.all(
      this.clients.map((c) => c.call<{ latencies: Float64Array; disconnects: number }>('collect', { scheduled: b.scheduled })),
    );
    const stats = latencyStats(concat(collected.map((c) => c.latencies)), o.thresholdMs);
    const serverCpuPct = cpuPct(serverCpu!);
    const clientCpuPct = clientCpu.reduce((s, r) => s + cpuPct(r), 0);
    let otherCpuPct = NaN;
    if (machine0 && machine1 && machine1.total > machine0.total) {
      const machinePct = ((machine1.busy - machine0.busy) / (machine1.total - machine0.total)) * os.availableParallelism() * 100;
      const selfPct = ((self.user + self.system) / 1000 / serverCpu!.wallMs) * 100;
      otherCpuPct = Math.max(0, machinePct - serverCpuPct - clientCpuPct - selfPct);
    }
    const w: WindowResult = {
      n,
      setupMs,
      stats,
      pass: stats.withinThreshold >= o.passFraction * stats.expected,
      retry,
      sendLagMaxMs: Math.max(...b.actual.map((a, i) => a - b.scheduled[i]!)),
      payloadBytes: b.payloadBytes,
      serverCpuPct,
      clientCpuPct,
      otherCpuPct,
      serverRunQueueMs: serverCpu!.runQueueMs,
      windowMs: serverCpu!.wallMs,
      serverRssMb: serverCpu!.rssMb,
      disconnects: collected.reduce((s, c) => s + c.disconnects, 0),
    };
    this.windows.push(w);
    o.log(`  ${this.kind.padEnd(8)} ${windowLine(w)}`);
    return w;
  }

  result(): ServerResult {
    return { kind: this.kind, windows: this.windows, largestPass: this.largestPass, capped: this.capped, stopReason: this.stopReason, elapsedMs: this.elapsedMs };
  }

  async shutdown(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.shutdown()));
    await this.server.shutdown();
  }
}

const ms = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : Number.isNaN(x) ? '–' : 'missing');
const pct = (a: number, b: number) => (b === 0 ? '–' : ((a / b) * 100).toFixed(a === b ? 0 : 2));

function windowLine(w: WindowResult): string {
  return (
    `N=${String(w.n).padStart(5)}${w.retry ? ' retry' : ''}  setup ${(w.setupMs / 1000).toFixed(1)} s  ` +
    `p50 ${ms(w.stats.p50)}  p95 ${ms(w.stats.p95)}  p99 ${ms(w.stats.p99)} ms  in time ${pct(w.stats.withinThreshold, w.stats.expected)}%  ` +
    `cpu srv ${w.serverCpuPct.toFixed(0)}% cli ${w.clientCpuPct.toFixed(0)}% other ${Number.isNaN(w.otherCpuPct) ? '?' : w.otherCpuPct.toFixed(0)}% srv-waited ${ms(w.serverRunQueueMs)} ms  ${w.pass ? 'PASS' : 'FAIL'}`
  );
}

export function computeRatio(results: ServerResult[]): BenchReport['ratio'] {
  const h = results.find((r) => r.kind === 'hatchery');
  const b = results.find((r) => r.kind === 'bare');
  if (!h || !b) return { value: null, text: 'needs both servers' };
  if (b.largestPass === 0) return { value: null, text: 'the bare server passed no step' };
  const value = h.largestPass / b.largestPass;
  const v = value.toFixed(2);
  if (h.capped && b.capped) return { value, text: `${v} (neither server failed a step: both limits lie above what was tried, so the ratio is not resolved)` };
  if (b.capped) return { value, text: `≤ ${v} (the bare server never failed: its real limit is higher)` };
  if (h.capped) return { value, text: `≥ ${v} (Hatchery never failed: its real limit is higher)` };
  return { value, text: v };
}

export function formatReport(r: BenchReport): string {
  const m = r.machine;
  const o = r.options;
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  const lines: string[] = [];
  lines.push(`Machine: ${m.cpuModel}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, ${m.os}, ulimit -n ${m.fdLimit}`);
  lines.push(`Date: ${m.date}; load average at start ${load(m.loadAvgStart)}, at end ${load(m.loadAvgEnd)}`);
  lines.push(
    `Method: ${o.broadcasts} broadcasts every ${o.intervalMs} ms per window; pass = ≥ ${o.passFraction * 100} % of deliveries within ${o.thresholdMs} ms of the scheduled send ` +
      `(missing = late)${o.retry ? '; a failing window is re-run once' : ''}; client=${o.client}, ${o.workers} client process(es) per server; servers stepped in turn.`,
  );
  for (const res of r.results) {
    lines.push('');
    lines.push(`#### ${res.kind === 'hatchery' ? 'Hatchery gateway (auth + validation + rooms + presence)' : 'Bare Socket.IO server'}`);
    lines.push('');
    lines.push(`| N | connect + join (s) | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | delivered % | ≤ ${o.thresholdMs} ms % | send lag max (ms) | CPU server % | CPU clients % | CPU other % | server waited for CPU (ms) | server RSS (MB) | result |`);
    lines.push('|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|:--|');
    for (const w of res.windows) {
      lines.push(
        `| ${w.n}${w.retry ? ' (retry)' : ''} | ${w.retry ? '' : (w.setupMs / 1000).toFixed(1)} | ${ms(w.stats.p50)} | ${ms(w.stats.p95)} | ${ms(w.stats.p99)} | ${ms(w.stats.max)} | ` +
          `${pct(w.stats.delivered, w.stats.expected)} | ${pct(w.stats.withinThreshold, w.stats.expected)} | ${ms(w.sendLagMaxMs)} | ${w.serverCpuPct.toFixed(0)} | ` +
          `${w.clientCpuPct.toFixed(0)} | ${Number.isNaN(w.otherCpuPct) ? '–' : w.otherCpuPct.toFixed(0)} | ${ms(w.serverRunQueueMs)} | ${w.serverRssMb.toFixed(0)} | ${w.pass ? 'pass' : '**fail**'}${w.disconnects ? ` (${w.disconnects} disconnects)` : ''} |`,
      );
    }
    lines.push('');
    lines.push(
      `Largest passing N: **${res.largestPass}${res.capped ? '+' : ''}**; stopped: ${res.stopReason}; ${(res.elapsedMs / 1000).toFixed(0)} s; broadcast payload ${res.windows[0]?.payloadBytes ?? '?'} bytes of JSON.`,
    );
  }
  lines.push('');
  lines.push(`**Ratio hatchery / bare: ${r.ratio.text}** (goal ≥ 0.9)`);
  return lines.join('\n');
}

export async function runRealtimeBench(overrides: Partial<BenchOptions> = {}): Promise<BenchReport> {
  const o: BenchOptions = { ...defaultOptions(), ...overrides };
  const machine = machineInfo();
  // Every server process and client process holds one fd per client socket.
  const fdCap = Number.isFinite(machine.fdLimit) ? machine.fdLimit - FD_MARGIN : Infinity;
  if (fdCap < (o.ladder.at(-1) ?? 0)) {
    o.log(`NOTE: ulimit -n is ${machine.fdLimit}, so N stops at ${fdCap}. Raise it (e.g. ulimit -n 65536) to try the whole ladder.`);
  }
  if (machine.loadAvgStart[0]! > 0.5 * machine.cores) {
    o.log(`WARNING: load average is ${machine.loadAvgStart[0]!.toFixed(2)} on ${machine.cores} cores: other programs compete for the CPU, see the "CPU other" column.`);
  }
  const runners: ServerRunner[] = [];
  try {
    for (const kind of o.servers) runners.push(await ServerRunner.start(kind, o));
    o.log(`stepping N over ${o.ladder.join(', ')}`);
    for (const [i, n] of o.ladder.entries()) {
      // Alternate which server goes first, so neither always runs right after the other's heavy setup.
      const order = i % 2 === 0 ? runners : [...runners].reverse();
      for (const r of order) {
        if (r.done) continue;
        if (r.elapsedMs > o.budgetMs) r.stop(`time budget (${Math.round(o.budgetMs / 1000)} s of steps) used up before N=${n}`, false);
        else if (n > fdCap) r.stop(`ulimit -n ${machine.fdLimit} allows about ${fdCap} clients; raise it to go further`, false);
        else await r.step(n);
      }
      if (runners.every((r) => r.done)) break;
    }
    for (const r of runners) if (!r.done) r.stop(`ladder exhausted (max ${o.ladder.at(-1)})`, false);
  } finally {
    await Promise.all(runners.map((r) => r.shutdown()));
  }
  machine.loadAvgEnd = os.loadavg();
  const results = runners.map((r) => r.result());
  const { log: _log, ...options } = o;
  return { machine, options, results, ratio: computeRatio(results) };
}

// ---------------------------------------------------------------- CLI

function parseArgs(argv: string[]): Partial<BenchOptions> & { json?: string } {
  const o: Partial<BenchOptions> & { json?: string } = { ...defaultOptions(argv.includes('--quick')) };
  for (const arg of argv) {
    const [key, value = ''] = arg.replace(/^--/, '').split('=') as [string, string?];
    const num = () => {
      const n = Number(value);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`--${key} needs a positive number`);
      return n;
    };
    switch (key) {
      case 'quick':
        break;
      case 'only':
        if (value !== 'hatchery' && value !== 'bare') throw new Error('--only=hatchery|bare');
        o.servers = [value];
        break;
      case 'client':
        if (value !== 'raw' && value !== 'sio') throw new Error('--client=raw|sio');
        o.client = value;
        break;
      case 'workers':
        o.workers = Math.round(num());
        break;
      case 'ladder':
        o.ladder = value
          .split(',')
          .map(Number)
          .filter((n) => Number.isInteger(n) && n > 0)
          .sort((a, b) => a - b);
        break;
      case 'max': {
        const max = num();
        o.ladder = o.ladder!.filter((n) => n <= max);
        break;
      }
      case 'broadcasts':
        o.broadcasts = Math.round(num());
        break;
      case 'interval':
        o.intervalMs = num();
        break;
      case 'budget':
        o.budgetMs = num() * 1000;
        break;
      case 'no-retry':
        o.retry = false;
        break;
      case 'json':
        o.json = value;
        break;
      default:
        throw new Error(`unknown option ${arg} (see the header of bench/realtime.ts)`);
    }
  }
  return o;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { json, ...opts } = parseArgs(process.argv.slice(2));
  const report = await runRealtimeBench(opts);
  console.log('');
  console.log(formatReport(report));
  if (json) writeFileSync(json, JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2));
  process.exit(0);
}
