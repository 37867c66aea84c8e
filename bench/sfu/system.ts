/** Machine facts and /proc readings for bench:sfu (Linux; the readings degrade to "unknown" elsewhere). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { cpuModel, ramGb } from '../machine.js';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
  fdLimit: string;
  date: string;
}

function sh(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

export function machineInfo(): MachineInfo {
  return {
    cpuModel: cpuModel(),
    cores: os.availableParallelism(),
    ramGb: ramGb(),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    fdLimit: sh('sh', ['-c', 'ulimit -n']) || 'unknown',
    date: sh('date', ['-u']) || new Date().toUTCString(),
  };
}

/** Machine-wide busy and total CPU time from /proc/stat (jiffies). */
export interface MachineCpu {
  busy: number;
  total: number;
}
export function machineCpu(): MachineCpu | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, total: busy + idle + iowait };
  } catch {
    return undefined;
  }
}
/** Machine CPU busy between two readings, in % of all cores. */
export function busyPct(a: MachineCpu | undefined, b: MachineCpu | undefined): number | undefined {
  if (!a || !b || b.total <= a.total) return undefined;
  return (100 * (b.busy - a.busy)) / (b.total - a.total);
}

/** Kernel receive-queue drops per local UDP port (from /proc/net/udp; counters live as long as the socket). */
export function udpDropsByPort(): Map<number, number> {
  const drops = new Map<number, number>();
  try {
    const lines = readFileSync('/proc/net/udp', 'utf8').split('\n').slice(1);
    for (const line of lines) {
      const f = line.trim().split(/\s+/);
      if (f.length < 13) continue;
      const port = parseInt(f[1]!.split(':')[1]!, 16);
      const d = Number(f[f.length - 1]);
      if (Number.isFinite(port) && Number.isFinite(d)) drops.set(port, (drops.get(port) ?? 0) + d);
    }
  } catch {
    /* not Linux */
  }
  return drops;
}

// ---------- other work on the machine ----------

interface Proc {
  pid: number;
  ppid: number;
  args: string;
}

function processes(): Proc[] {
  const out = sh('ps', ['-eo', 'pid=,ppid=,args=']);
  return out
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3]! }));
}

/**
 * Work that would distort the numbers: other benchmarks, test runs, media processes that are not ours,
 * compilers. Our own process, its ancestors (npm, tsx) and its descendants (our workers, ffmpeg) are skipped.
 */
const BUSY = [
  /\bbench\//, // bench/realtime.ts and its server/client processes, another bench:sfu
  /\bvitest\b/,
  /mediasoup-worker/,
  /\bffmpeg\b/,
  /\bcc1(plus)?\b/,
  /\bninja\b/,
  /\bmeson\b.*\bcompile\b/,
  /\btsc\b/,
  /\bplaywright\b|\bchrom(e|ium)\b/,
];

export function otherBusyWork(): string[] {
  const procs = processes();
  const byPid = new Map(procs.map((p) => [p.pid, p]));
  const mine = new Set<number>();
  // Ancestors.
  for (let pid: number | undefined = process.pid; pid && !mine.has(pid); pid = byPid.get(pid)?.ppid) mine.add(pid);
  // Descendants (our mediasoup workers, ffmpeg, ps itself).
  for (const p of procs) if (isDescendant(p.pid, byPid)) mine.add(p.pid);
  return procs
    .filter((p) => !mine.has(p.pid) && BUSY.some((re) => re.test(p.args)))
    .map((p) => `${p.pid} ${p.args.slice(0, 120)}`);
}

function isDescendant(pid: number, byPid: Map<number, Proc>): boolean {
  for (let p = byPid.get(pid); p; p = byPid.get(p.ppid)) {
    if (p.ppid === process.pid) return true;
    if (p.ppid <= 1) return false;
  }
  return false;
}

/**
 * Waits (bounded) until no other heavy work has been seen for `quietMs`. Returns what was waited for and
 * how long, or what is still running when the bound is hit.
 */
export async function waitForQuietMachine(opts: {
  maxWaitMs: number;
  quietMs: number;
  pollMs?: number;
  log: (line: string) => void;
}): Promise<{ waitedMs: number; seen: string[]; stillBusy: string[] }> {
  const start = Date.now();
  const seen = new Set<string>();
  let quietSince = Date.now();
  let lastReport = 0;
  for (;;) {
    const busy = otherBusyWork();
    for (const b of busy) seen.add(b.replace(/^\d+ /, '').slice(0, 80));
    const now = Date.now();
    if (busy.length > 0) {
      quietSince = now;
      if (now - lastReport > 30_000) {
        lastReport = now;
        opts.log(`  waiting for other work to finish (${Math.round((now - start) / 1000)} s so far): ${busy.slice(0, 3).join(' | ')}${busy.length > 3 ? ` (+${busy.length - 3})` : ''}`);
      }
    }
    if (now - quietSince >= opts.quietMs) return { waitedMs: now - start, seen: [...seen], stillBusy: [] };
    if (now - start >= opts.maxWaitMs) return { waitedMs: now - start, seen: [...seen], stillBusy: busy };
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 2000));
  }
}

/** Whether a process id is still alive. */
export function alive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
