/**
 * bench:sfu — how many video consumers can one producer be forwarded to, through Hatchery's media layer
 * and through a bare mediasoup script, before a worker loses ≥ 1 % of the packets?
 *
 * Per step N and side: one ffmpeg VP8 clip into a PlainTransport producer, N consumers on PlainTransports
 * sending to UDP sinks on 127.0.0.1, two mediasoup workers per side with the consumers split over them
 * (bench/sfu/sides.ts says how each side places them). The step counts packets at every sink against
 * what ffmpeg sent (bench/sfu/step.ts) and passes when every worker's loss is < 1 %. N grows along a
 * ladder, then the gap between the last pass and the first failure is halved a few times. The two
 * sides are stepped in turn (order alternating), so background load hits both alike; a failing step is
 * run once more and fails only if both tries fail.
 *
 *   npm run bench:sfu                  full run (≤ ~4 min of steps per side; writes bench/sfu/RESULTS.md)
 *   npm run bench:sfu -- --quick       smoke run (N = 20, 50; 3 s clips; ~30 s; writes nothing)
 *   options: --only=hatchery|bare  --ladder=50,100,…  --seconds=S (clip length)  --budget=S (per side)
 *            --refine=K (halvings after the first failure)  --no-retry  --no-wait | --wait (quick runs do not wait)  --max-wait=S
 *            --out=FILE (markdown)  --json=FILE  --ports=MIN-MAX (worker ports)
 *            --caps=plain|full (consumer RTP capabilities; see bench/sfu/sides.ts)
 *
 * Before a full run it waits (≤ 20 min) until no other benchmark, test run, compiler or foreign
 * mediasoup/ffmpeg process has been seen for 15 s, and checks again before every step.
 * Everything is bounded and cleaned up: ffmpeg is killed, every worker closed, and `ps` is checked.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { bareSide, hatcherySide, type CapsMode, type Side, type SideName } from './sfu/sides.js';
import { runStep, type StepResult } from './sfu/step.js';
import { alive, machineInfo, otherBusyWork, waitForQuietMachine } from './sfu/system.js';
import { markdown, ratioLine, row, TABLE_HEADER, interpretation, type RunReport, type SideSummary } from './sfu/report.js';

const FULL_LADDER = [50, 100, 200, 400, 600, 800, 1000, 1500, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 10000, 12000, 14000, 16000];
const QUICK_LADDER = [20, 50];
const GOAL = 0.95;
/**
 * The workers' port range (shared by both workers of a side; one port per consumer). It stays below
 * Linux's default ephemeral range (32768–60999), where the sinks' sockets get their ports, so the two
 * never compete, and away from Hatchery's own default (40000–49999) in case a server runs meanwhile.
 */
const DEFAULT_PORTS = '10000-32000';

interface Options {
  quick: boolean;
  sides: SideName[];
  ladder: number[];
  seconds: number;
  budgetS: number;
  totalBudgetS: number;
  refine: number;
  retry: boolean;
  wait: boolean;
  maxWaitS: number;
  out: string | undefined;
  json: string | undefined;
  rtcMinPort: number;
  rtcMaxPort: number;
  caps: CapsMode;
}

function parseArgs(argv: string[]): Options {
  const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const flag = (name: string) => argv.includes(`--${name}`);
  const quick = flag('quick');
  const only = arg('only') as SideName | undefined;
  if (only && only !== 'hatchery' && only !== 'bare') throw new Error('--only must be hatchery or bare');
  if (arg('caps') && arg('caps') !== 'plain' && arg('caps') !== 'full') throw new Error('--caps must be plain or full');
  const known = ['quick', 'only', 'ladder', 'seconds', 'budget', 'refine', 'no-retry', 'no-wait', 'wait', 'max-wait', 'out', 'json', 'ports', 'caps'];
  for (const a of argv) {
    const name = a.replace(/^--/, '').split('=')[0]!;
    if (!a.startsWith('--') || !known.includes(name)) throw new Error(`unknown argument ${a}; see the header of bench/sfu.ts`);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  return {
    quick,
    sides: only ? [only] : ['hatchery', 'bare'],
    ladder: arg('ladder') ? arg('ladder')!.split(',').map(Number).filter((n) => n > 0) : quick ? QUICK_LADDER : FULL_LADDER,
    seconds: Number(arg('seconds') ?? (quick ? 3 : 8)),
    budgetS: Number(arg('budget') ?? (quick ? 60 : 240)),
    totalBudgetS: quick ? 150 : 600,
    refine: Number(arg('refine') ?? (quick ? 0 : 2)),
    retry: !flag('no-retry'),
    wait: flag('wait') || (!flag('no-wait') && !quick),
    maxWaitS: Number(arg('max-wait') ?? 1200),
    out: arg('out') ?? (quick ? undefined : join(here, 'sfu', 'RESULTS.md')),
    json: arg('json'),
    rtcMinPort: Number((arg('ports') ?? DEFAULT_PORTS).split('-')[0]),
    rtcMaxPort: Number((arg('ports') ?? DEFAULT_PORTS).split('-')[1]),
    caps: (arg('caps') ?? 'plain') as CapsMode,
  };
}

interface SideState {
  side: Side;
  ladderIdx: number;
  lastPass: number | undefined;
  firstFail: number | undefined;
  refineLeft: number;
  usedMs: number;
  done: boolean;
  stopReason: string;
}

/** The next N for a side, or a reason to stop. */
function nextN(s: SideState, opts: Options, maxN: number): number | string {
  if (s.firstFail === undefined) {
    const n = opts.ladder[s.ladderIdx];
    if (n === undefined) return 'end of the ladder';
    if (n > maxN) return `N = ${n} exceeds the port/fd cap ${maxN}`;
    return n;
  }
  if (s.lastPass === undefined) return `failed at the first N (${s.firstFail})`;
  if (s.refineLeft <= 0) return `failed at ${s.firstFail}`;
  const gap = s.firstFail - s.lastPass;
  const grain = gap >= 400 ? 50 : 10;
  const mid = Math.round((s.lastPass + s.firstFail) / 2 / grain) * grain;
  if (mid <= s.lastPass || mid >= s.firstFail) return `failed at ${s.firstFail}`;
  return mid;
}

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const machine = machineInfo();
  log(`bench:sfu ${opts.quick ? '(quick) ' : ''}— ${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGb} GB, Node ${machine.node}, ${machine.date}`);
  const fdLimit = Number(machine.fdLimit) || 1024;
  // Ports: each consumer takes one worker port (rtcMinPort–rtcMaxPort, shared by the workers) and this
  // process one sink socket; keep clear of both limits.
  const maxN = Math.min(Math.floor((opts.rtcMaxPort - opts.rtcMinPort + 1) * 0.75), fdLimit - 300);

  const interference: string[] = [];
  if (opts.wait) {
    log(`checking for other benchmarks / test runs / compilers (waiting up to ${opts.maxWaitS} s for 15 s of quiet)…`);
    const w = await waitForQuietMachine({ maxWaitMs: opts.maxWaitS * 1000, quietMs: 15_000, log });
    if (w.seen.length > 0) interference.push(`waited ${Math.round(w.waitedMs / 1000)} s before starting for: ${w.seen.slice(0, 6).join(' | ')}`);
    if (w.stillBusy.length > 0) interference.push(`started anyway after ${Math.round(w.waitedMs / 1000)} s with still running: ${w.stillBusy.slice(0, 4).join(' | ')}`);
    log(w.stillBusy.length > 0 ? `  still busy after the bound; starting anyway: ${w.stillBusy.join(' | ')}` : `  quiet (waited ${Math.round(w.waitedMs / 1000)} s)`);
  } else {
    const busy = otherBusyWork();
    if (busy.length > 0) {
      log(`  note: other work is running (not waiting): ${busy.slice(0, 4).join(' | ')}`);
      interference.push(`ran without waiting while these were running: ${busy.slice(0, 4).join(' | ')}`);
    }
  }

  // Cleanup on every exit path.
  const sides: Side[] = [];
  let ffmpegPid: number | undefined;
  const workerPids = new Set<number>();
  let cleanedUp = false;
  const cleanup = () => {
    if (cleanedUp) return;
    cleanedUp = true;
    if (ffmpegPid && alive(ffmpegPid)) process.kill(ffmpegPid, 'SIGKILL');
    for (const s of sides) {
      try {
        s.close();
      } catch {
        /* already closed */
      }
    }
  };
  const onSignal = (sig: NodeJS.Signals) => {
    log(`\n${sig}: cleaning up`);
    cleanup();
    setTimeout(() => process.exit(130), 300);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // Hard bound on the measuring part (waiting for other work is bounded separately and not counted).
  const measureStart = Date.now();
  let waitedMs = 0;
  const watchdog = setInterval(() => {
    if (Date.now() - measureStart - waitedMs < (opts.totalBudgetS + 300) * 1000) return;
    log('\nwatchdog: the run took too long; cleaning up');
    cleanup();
    setTimeout(() => process.exit(2), 300);
  }, 2000);
  watchdog.unref();

  const states: SideState[] = [];
  const steps: StepResult[] = [];
  try {
    for (const name of opts.sides) {
      const side = name === 'hatchery' ? await hatcherySide(2, opts, opts.caps) : await bareSide(2, opts, opts.caps);
      sides.push(side);
      for (const w of side.workers()) workerPids.add(w.pid);
      states.push({ side, ladderIdx: 0, lastPass: undefined, firstFail: undefined, refineLeft: opts.refine, usedMs: 0, done: false, stopReason: '' });
    }
    log(`clip ${opts.seconds} s per step; budget ${opts.budgetS} s of steps per side; ladder ${opts.ladder.join(', ')}; cap N ≤ ${maxN}\n`);
    log(TABLE_HEADER.join('\n'));

    let round = 0;
    while (states.some((s) => !s.done)) {
      const order = round % 2 === 0 ? states : [...states].reverse();
      round++;
      for (const s of order) {
        if (s.done) continue;
        const next = nextN(s, opts, maxN);
        if (typeof next === 'string') {
          s.done = true;
          s.stopReason = next;
          continue;
        }
        if (s.usedMs >= opts.budgetS * 1000) {
          s.done = true;
          s.stopReason = `time budget (${opts.budgetS} s) used`;
          continue;
        }
        if (Date.now() - measureStart - waitedMs >= opts.totalBudgetS * 1000) {
          s.done = true;
          s.stopReason = `total time budget (${opts.totalBudgetS} s) used`;
          continue;
        }
        if (opts.wait && waitedMs < opts.maxWaitS * 1000 && otherBusyWork().length > 0) {
          // Someone started something mid-run: pause (bounded: 3 min here, --max-wait in all) rather
          // than measure their load.
          const w = await waitForQuietMachine({ maxWaitMs: Math.min(180_000, opts.maxWaitS * 1000 - waitedMs), quietMs: 10_000, log });
          waitedMs += w.waitedMs;
          interference.push(`paused ${Math.round(w.waitedMs / 1000)} s before ${s.side.name} N = ${next} for: ${w.seen.slice(0, 4).join(' | ')}${w.stillBusy.length ? ' (continued while still busy)' : ''}`);
        }
        const stepOpts = { seconds: opts.seconds, maxLossPct: 1, onFfmpeg: (pid: number | undefined) => (ffmpegPid = pid) };
        const t0 = Date.now();
        let r = await runStep(s.side, next, 1, stepOpts);
        steps.push(r);
        log(row(r));
        if (!r.pass && !r.error && opts.retry) {
          r = await runStep(s.side, next, 2, stepOpts);
          steps.push(r);
          log(row(r));
        }
        s.usedMs += Date.now() - t0;
        if (r.pass) {
          s.lastPass = Math.max(s.lastPass ?? 0, next);
          if (s.firstFail === undefined) s.ladderIdx++;
          else s.refineLeft--;
        } else if (r.error) {
          s.done = true;
          s.firstFail = Math.min(s.firstFail ?? next, next);
          s.stopReason = `error at N = ${next}: ${r.error}`;
        } else {
          if (s.firstFail !== undefined) s.refineLeft--;
          s.firstFail = Math.min(s.firstFail ?? next, next);
        }
      }
    }
  } finally {
    cleanup();
    clearInterval(watchdog);
  }

  // Every worker and ffmpeg must be gone.
  const deadline = Date.now() + 10_000;
  const leftovers = () => [...workerPids, ...(ffmpegPid ? [ffmpegPid] : [])].filter(alive);
  while (leftovers().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const left = leftovers();
  const cleanupLine =
    left.length === 0
      ? `cleanup: all ${workerPids.size} mediasoup workers and ffmpeg exited (checked by pid after close)`
      : `cleanup: STILL RUNNING after 10 s: pids ${left.join(', ')}`;
  log(`\n${cleanupLine}`);

  const summaries: SideSummary[] = states.map((s) => ({
    side: s.side.name,
    largestPass: s.lastPass,
    firstFail: s.firstFail,
    stopReason: s.stopReason,
    elapsedS: s.usedMs / 1000,
  }));
  const h = summaries.find((s) => s.side === 'hatchery')?.largestPass;
  const b = summaries.find((s) => s.side === 'bare')?.largestPass;
  const report: RunReport = {
    command: `npm run bench:sfu${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    machine,
    settings: {
      clipSeconds: opts.seconds,
      budgetPerSideS: opts.budgetS,
      refine: opts.refine,
      retry: opts.retry,
      ports: `${opts.rtcMinPort}-${opts.rtcMaxPort}`,
      consumerCaps: opts.caps,
      totalS: Math.round((Date.now() - started) / 1000),
    },
    steps,
    sides: summaries,
    ratio: h !== undefined && b !== undefined && b > 0 ? h / b : undefined,
    goal: GOAL,
    interference,
    cleanup: cleanupLine,
  };
  log('');
  for (const s of summaries) log(`${s.side}: largest passing N ${s.largestPass ?? 'none'}${s.firstFail !== undefined ? `, first failure ${s.firstFail}` : ''} (${s.stopReason}; ${Math.round(s.elapsedS)} s)`);
  log(ratioLine(report).replace(/\*\*/g, '').replace(/^- /, ''));
  for (const l of interpretation(report)) log(l);
  if (opts.out) {
    writeFileSync(opts.out, markdown(report));
    log(`wrote ${opts.out}`);
  }
  if (opts.json) writeFileSync(opts.json, JSON.stringify(report, null, 2));
  return left.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench:sfu failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
