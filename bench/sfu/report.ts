/** Tables, summary and RESULTS.md for bench:sfu. */
import type { SideName } from './sides.js';
import type { StepResult } from './step.js';
import type { MachineInfo } from './system.js';

export interface SideSummary {
  side: SideName;
  /** Largest N that passed (undefined: none did). */
  largestPass: number | undefined;
  /** Smallest N that failed (undefined: none did; the limit is above largestPass). */
  firstFail: number | undefined;
  stopReason: string;
  elapsedS: number;
}

export interface RunReport {
  command: string;
  machine: MachineInfo;
  settings: Record<string, string | number | boolean>;
  steps: StepResult[];
  sides: SideSummary[];
  ratio: number | undefined;
  goal: number;
  /** Waiting for other work before/during the run. */
  interference: string[];
  cleanup: string;
}

const f1 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(1));
const f2 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(2));

export const TABLE_HEADER = [
  '| side | N | try | routers / workers | sent | recv per sink min / avg | loss w1 % | loss w2 % | SFU-out loss % | drops sink / SFU-in | worker CPU ms/s per 100 | w1 / w2 CPU % | sinks CPU % | machine busy % | setup s | result |',
  '|---|--:|--:|:-:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|',
];

export function row(r: StepResult): string {
  const w = (i: number) => r.perWorker[i];
  const loss = (i: number) => (w(i) && w(i)!.consumers > 0 ? f2(w(i)!.lossPct) : '–');
  const result = (r.error ? `error: ${r.error.slice(0, 80)}` : r.pass ? 'pass' : 'FAIL') + (r.disturbedBy ? ` (other work running: ${r.disturbedBy})` : '');
  return `| ${r.side} | ${r.n} | ${r.attempt} | ${r.routers} / ${r.workersUsed} | ${r.sent} | ${r.recvMin} / ${f1(r.recvAvg)} | ${loss(0)} | ${loss(1)} | ${f2(r.sfuLossPct)} | ${r.sinkDrops} / ${r.sfuInDrops} | ${f1(r.cpuMsPerSecPer100)} | ${f1(w(0)?.cpuPct)} / ${f1(w(1)?.cpuPct)} | ${f1(r.benchCpuPct)} | ${f1(r.machineBusyPct)} | ${f1(r.setupS)} | ${result} |`;
}

function sideLine(s: SideSummary): string {
  const limit = s.largestPass === undefined ? 'none passed' : s.firstFail === undefined ? `≥ ${s.largestPass} (no step failed: ${s.stopReason})` : `${s.largestPass} (first failure at ${s.firstFail})`;
  return `- **${s.side}**: largest N with < 1 % loss on every worker: **${limit}**; ${Math.round(s.elapsedS)} s of steps; stopped: ${s.stopReason}`;
}

export function ratioLine(r: RunReport): string {
  if (r.ratio === undefined) return '- **ratio hatchery / bare**: n/a';
  const capped = r.sides.some((s) => s.firstFail === undefined);
  return `- **ratio hatchery / bare: ${r.ratio.toFixed(2)}** (goal ≥ ${r.goal}: ${r.ratio >= r.goal ? 'met' : 'NOT met'})${capped ? ' — a side never failed, so this is a ratio of lower bounds' : ''}`;
}

/** Mean worker CPU per 100 consumers over the N both sides ran (first attempts, both passing). */
export function cpuComparison(steps: StepResult[]): { n: number[]; hatchery: number; bare: number } | undefined {
  const first = (side: SideName) => new Map(steps.filter((s) => s.side === side && s.attempt === 1 && s.pass && s.n >= 100).map((s) => [s.n, s]));
  const h = first('hatchery');
  const b = first('bare');
  const common = [...h.keys()].filter((n) => b.has(n)).sort((x, y) => x - y);
  if (common.length === 0) return undefined;
  const mean = (m: Map<number, StepResult>) => common.reduce((a, n) => a + m.get(n)!.cpuMsPerSecPer100, 0) / common.length;
  return { n: common, hatchery: mean(h), bare: mean(b) };
}

/** A few sentences read off the numbers (what limited each side, CPU cost). */
export function interpretation(r: RunReport): string[] {
  const out: string[] = [];
  for (const s of r.sides) {
    const fails = r.steps.filter((x) => x.side === s.side && !x.pass && !x.error && x.n === s.firstFail);
    const f = fails[fails.length - 1];
    if (!f) continue;
    const inputLossPct = f.sent > 0 ? (100 * f.sfuInDrops) / f.sent : 0;
    const where =
      inputLossPct >= 0.5 * f.lossMaxPct && f.sfuInDrops > 0
        ? `at the SFU's input: ${f.sfuInDrops} of ${f.sent} packets were dropped by the kernel on the receive queue of the producer's (or a pipe) transport, because the worker did not get to read it in time — every consumer behind it lost the same packets`
        : f.sfuLossPct >= 0.5 * f.lossMaxPct && f.sfuLossPct > 0.1
          ? 'inside the SFU (the workers received the packets but sent fewer: the consumers\' packetCount is short)'
          : f.sinkDrops > 0
            ? 'at the receiving sockets (the workers sent everything; the sinks in this process could not read fast enough and the kernel dropped packets on their queues)'
            : 'without kernel drop counts to pin it down';
    out.push(
      `${s.side}: at N = ${f.n} the worst worker lost ${f.lossMaxPct.toFixed(2)} %, ${where}; the machine was ${f1(f.machineBusyPct)} % busy (workers ${f.perWorker.map((w) => f1(w.cpuPct)).join(' / ')} % of a core, sinks ${f1(f.benchCpuPct)} %).`,
    );
  }
  const cpu = cpuComparison(r.steps);
  if (cpu) {
    const top = cpu.n[cpu.n.length - 1]!;
    const at = (side: SideName) => r.steps.find((x) => x.side === side && x.n === top && x.attempt === 1)!.cpuMsPerSecPer100;
    out.push(
      `Worker CPU per 100 consumers (mean over N = ${cpu.n.join(', ')}, first tries that passed on both sides): hatchery ${cpu.hatchery.toFixed(1)} ms/s, bare ${cpu.bare.toFixed(1)} ms/s (hatchery / bare ${(cpu.hatchery / cpu.bare).toFixed(2)}); at N = ${top}: hatchery ${at('hatchery').toFixed(1)}, bare ${at('bare').toFixed(1)} ms/s.`,
    );
  }
  return out;
}

export function markdown(r: RunReport): string {
  const m = r.machine;
  const lines = [
    '# bench:sfu — results',
    '',
    'One ffmpeg VP8 producer (PlainTransport, 320×240 testsrc at 30 fps, 400 kbit/s, keyframe every 30 frames) forwarded',
    "to N PlainTransport consumers that send to UDP sinks on 127.0.0.1, through Hatchery's media layer",
    '(`WorkerPool` + `MediaRoom`: viewers join the room, which spreads them over two routers on two workers with',
    '`pipeToRouter`, and consume through `room.consume`) and through a bare mediasoup script doing the same by hand.',
    'Generated by `bench/sfu.ts`; a new run overwrites this file.',
    '',
    `- command: \`${r.command}\``,
    `- machine: ${m.cpuModel}, ${m.cores} cores, ${m.ramGb} GB RAM, ${m.os}, fd limit ${m.fdLimit}`,
    `- Node ${m.node}, mediasoup 3.19.3 (2 workers per side), ffmpeg from /usr/bin/ffmpeg`,
    `- date: ${m.date}`,
    `- settings: ${Object.entries(r.settings).map(([k, v]) => `${k}=${v}`).join(', ')}`,
    '',
    '## How to read the table',
    '',
    '- **sent**: packets ffmpeg sent (producer packetCount + packetsLost, or + the kernel drops on its socket when',
    '  higher); every sink should receive exactly that many. All consumers exist (resumed) before ffmpeg starts and the',
    '  clip has a fixed length, so the counts cover the whole clip: no keyframe wait, no snapshot skew.',
    '- **loss w1 / w2**: 1 − (packets at the sinks of that worker\'s consumers) / (sent × consumers on it); w1 hosts the',
    '  producer, w2 the piped router. A step passes when every worker is below 1 %; a failing step is run once more',
    '  (try 2) and fails only if both tries fail.',
    "- **SFU-out loss**: the same against what the workers say they sent (consumers' outbound packetCount), over all",
    '  consumers: loss inside mediasoup, including packets it never got off its input sockets. **drops**: kernel',
    "  receive-queue drops (/proc/net/udp) on the sink sockets (sinks too slow) and on the SFU's input sockets (producer",
    '  and pipe transports: the worker too slow to read them).',
    '- **worker CPU ms/s per 100**: ru_utime + ru_stime of both workers (`worker.getResourceUsage()`) over the window',
    '  (first media packet at a sink → ffmpeg exits), per second of wall time, per 100 consumers. **w1 / w2 CPU %**:',
    '  each worker, % of one core. **sinks CPU %**: this Node process reading all sink sockets (`RtpSink` from',
    '  test/helpers/rtp.ts, one socket per consumer). **machine busy %**: all cores, from /proc/stat, same window.',
    '',
    '## Steps',
    '',
    ...TABLE_HEADER,
    ...r.steps.map(row),
    '',
    '## Result',
    '',
    ...r.sides.map(sideLine),
    ratioLine(r),
    '',
    '## Interpretation',
    '',
    ...interpretation(r).map((l) => `- ${l}`),
    '',
    '## Caveats (true of every run)',
    '',
    '- Everything shares the machine: both workers of the side under test, ffmpeg, and the sinks (one Node process).',
    "  The limit found is the machine's (watch \"machine busy %\"), and the sinks' CPU is part of it; both sides pay the",
    '  same, so the ratio is the comparable number, not the absolute N.',
    "- Hatchery's code is not on the packet path: once the consumers exist, forwarding is mediasoup's. What can differ is",
    '  placement (which router / worker each consumer lands on), the objects the room adds (an ActiveSpeakerObserver on',
    '  the primary router; consumers created paused, then resumed) and setup time. A ratio near 1 is the expected result;',
    '  the spread between tries at the same N shows the noise.',
    `- Consumers ask for ${r.settings.consumerCaps === 'full' ? "the router's full RTP capabilities (send-side bandwidth estimation on every consumer transport)" : "the router's RTP capabilities without the bandwidth-estimation header extensions (transport-wide-cc, abs-send-time): the sinks never send feedback. `--caps=full` keeps them"}.`,
    '',
    '## Interference and cleanup',
    '',
    ...(r.interference.length > 0 ? r.interference.map((l) => `- ${l}`) : ['- no other benchmark, test run or compiler was seen before or during the run']),
    `- ${r.cleanup}`,
    '',
  ];
  return lines.join('\n');
}
