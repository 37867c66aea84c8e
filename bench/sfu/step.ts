/**
 * One measured step of bench:sfu: build a producer and N consumers on one side, stream a finite ffmpeg
 * VP8 clip through it, and count what arrived where.
 *
 * Because every consumer exists (and is resumed) before ffmpeg starts, and the clip has a definite end,
 * the packet counts cover the whole clip: no keyframe wait, no snapshot skew. "Sent" is the number of packets
 * ffmpeg sent (the producer's received + lost, from its RTP sequence numbers); each sink should get
 * exactly that many.
 */
import { performance } from 'node:perf_hooks';
import type { types } from 'mediasoup';
import { ffmpegVp8, RtpSink, stop } from '../../test/helpers/rtp.js';
import type { Rig, Side, SideName } from './sides.js';
import { busyPct, machineCpu, otherBusyWork, udpDropsByPort, type MachineCpu } from './system.js';

export interface WorkerMeasure {
  consumers: number;
  /** Packets the sinks of this worker's consumers received, summed. */
  received: number;
  /** 1 − received / (sent × consumers), in %. */
  lossPct: number;
  /** Same, but counting what the worker says it sent (consumer outbound packetCount): loss inside the SFU. */
  sfuLossPct: number;
  /** ru_utime + ru_stime over the step, ms. */
  cpuMs: number;
  /** CPU during the clip in % of one core. */
  cpuPct: number;
}

export interface StepResult {
  side: SideName;
  n: number;
  attempt: number;
  routers: number;
  workersUsed: number;
  /** Packets ffmpeg sent (producer packetCount + packetsLost). */
  sent: number;
  producerLost: number;
  recvMin: number;
  recvAvg: number;
  perWorker: WorkerMeasure[];
  /** Worst per-worker loss, %. */
  lossMaxPct: number;
  /** Loss inside the SFU over all consumers, % (what the workers did not send). */
  sfuLossPct: number;
  /** Kernel drops on the sink sockets (sinks too slow) and on the SFU's receiving sockets (producer + pipe transports). */
  sinkDrops: number;
  sfuInDrops: number;
  /** Both workers' CPU over the window per 100 consumers: ms of CPU per second per 100 consumers. */
  cpuMsPerSecPer100: number;
  /** CPU of this process (the sinks) during the clip, % of one core. */
  benchCpuPct: number;
  /** Machine-wide CPU busy during the clip, % of all cores. */
  machineBusyPct: number | undefined;
  /** The measuring window: first media packet at sink 0 → ffmpeg's exit, in s. */
  streamS: number;
  setupS: number;
  pass: boolean;
  error?: string;
  /** Other heavy work seen on the machine right after the clip (it may have distorted the step). */
  disturbedBy?: string;
}

export interface StepOptions {
  seconds: number;
  /** A worker passes with loss strictly below this, %. */
  maxLossPct: number;
  /** Lets the caller kill ffmpeg on an interrupt. */
  onFfmpeg: (pid: number | undefined) => void;
}

async function openSinks(n: number): Promise<RtpSink[]> {
  const sinks: RtpSink[] = [];
  try {
    for (let i = 0; i < n; i += 100) {
      const batch = await Promise.all(Array.from({ length: Math.min(100, n - i) }, () => RtpSink.open()));
      sinks.push(...batch);
    }
    return sinks;
  } catch (err) {
    for (const s of sinks) s.close();
    throw err;
  }
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

const cpuOf = (u: types.WorkerResourceUsage) => u.ru_utime + u.ru_stime;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function failed(side: SideName, n: number, attempt: number, error: string, setupS = 0): StepResult {
  return {
    side, n, attempt, routers: 0, workersUsed: 0, sent: 0, producerLost: 0, recvMin: 0, recvAvg: 0, perWorker: [], lossMaxPct: 100,
    sfuLossPct: 100, sinkDrops: 0, sfuInDrops: 0, cpuMsPerSecPer100: 0, benchCpuPct: 0, machineBusyPct: undefined, streamS: 0, setupS, pass: false, error,
  };
}

export async function runStep(side: Side, n: number, attempt: number, opts: StepOptions): Promise<StepResult> {
  let sinks: RtpSink[] = [];
  let rig: Rig | undefined;
  const t0 = performance.now();
  try {
    sinks = await openSinks(n);
    try {
      rig = await side.build(n, sinks.map((s) => s.port));
    } catch (err) {
      return failed(side.name, n, attempt, `setup: ${(err as Error).message}`, (performance.now() - t0) / 1000);
    }
    const setupS = (performance.now() - t0) / 1000;
    await sleep(200); // let the last transport settle

    // The measuring window: from the first media packet at sink 0 to ffmpeg's exit (right after its
    // last packet), both as seen by this process. Worker, process and machine CPU are read at both ends.
    interface Mark {
      t: number;
      workers: Promise<types.WorkerResourceUsage[]>;
      self: NodeJS.CpuUsage;
      machine: MachineCpu | undefined;
    }
    const mark = (): Mark => {
      const workers = Promise.all(rig!.workers.map((w) => w.getResourceUsage()));
      workers.catch(() => {}); // awaited below
      return { t: performance.now(), workers, self: process.cpuUsage(), machine: machineCpu() };
    };
    const spawned = mark();
    let start: Mark | undefined;
    const onFirst = (msg: Buffer) => {
      const pt = msg[1]! & 0x7f;
      if (msg.length <= 12 || pt < 96 || pt > 126 || msg.readUInt32BE(8) === 1234) return; // not media (see RtpSink)
      start = mark();
      sinks[0]!.socket.off('message', onFirst);
    };
    sinks[0]!.socket.on('message', onFirst);

    const ffmpeg = ffmpegVp8(rig.producerTransport.tuple.localPort, rig.producerTransport.rtcpTuple!.localPort, opts.seconds);
    opts.onFfmpeg(ffmpeg.pid);
    let ffErr = '';
    ffmpeg.stderr!.on('data', (d) => (ffErr += String(d)));
    const exited = new Promise<void>((r) => {
      ffmpeg.once('exit', () => r());
      ffmpeg.once('error', (e) => {
        ffErr += e.message;
        r();
      });
    });
    let timedOut = false;
    const kill = setTimeout(() => {
      timedOut = true;
      void stop(ffmpeg);
    }, (opts.seconds + 20) * 1000);
    await exited;
    const end = mark();
    clearTimeout(kill);
    sinks[0]!.socket.off('message', onFirst);
    const busy = otherBusyWork();
    opts.onFfmpeg(undefined);

    // Drain: wait until nothing has arrived for 500 ms (bounded).
    const count = () => {
      let t = 0;
      for (const s of sinks) t += s.packets;
      return t;
    };
    const drainEnd = Date.now() + 5000;
    let last = count();
    let stableSince = Date.now();
    while (Date.now() - stableSince < 500 && Date.now() < drainEnd) {
      await sleep(50);
      const c = count();
      if (c !== last) {
        last = c;
        stableSince = Date.now();
      }
    }
    if (count() === 0) {
      return failed(side.name, n, attempt, `no packet arrived${timedOut ? ' (ffmpeg timed out)' : ''}${ffErr ? `; ffmpeg: ${ffErr.trim().slice(0, 200)}` : ''}`, setupS);
    }
    const from = start ?? spawned;
    const streamS = Math.max(0.001, (end.t - from.t) / 1000);
    const u0 = await from.workers;
    const u1 = await end.workers;
    const self1 = { user: end.self.user - from.self.user, system: end.self.system - from.self.system };

    // Counts.
    const [inbound] = (await rig.producer.getStats()).filter((s) => s.type === 'inbound-rtp') as types.RtpStreamRecvStats[];
    const producerCount = inbound?.packetCount ?? 0;
    const drops = udpDropsByPort();
    // What ffmpeg sent: received + lost. Lost from the producer's sequence numbers, or from the kernel
    // drops on its socket when those are higher (drops before the first or after the last received
    // packet leave no sequence gap).
    const producerLost = Math.max(0, inbound?.packetsLost ?? 0, drops.get(rig.producerTransport.tuple.localPort) ?? 0);
    const sent = producerCount + producerLost;
    const outbound = await mapLimit(rig.consumers, 64, async (c) => {
      const stats = (await c.consumer.getStats()).filter((s) => s.type === 'outbound-rtp') as types.RtpStreamSendStats[];
      return stats[0]?.packetCount ?? 0;
    });
    const sinkDrops = sinks.reduce((a, s) => a + (drops.get(s.port) ?? 0), 0);
    const sfuInPorts = new Set<number>([rig.producerTransport.tuple.localPort, rig.producerTransport.rtcpTuple?.localPort ?? 0]);
    for (const t of rig.transports) if (t.type === 'pipe' && !t.closed) sfuInPorts.add((t as types.PipeTransport).tuple.localPort);
    const sfuInDrops = [...sfuInPorts].reduce((a, p) => a + (drops.get(p) ?? 0), 0);

    const perWorker: WorkerMeasure[] = rig.workers.map((_, w) => {
      const idx = rig!.consumers.map((c, i) => (c.worker === w ? i : -1)).filter((i) => i >= 0);
      const received = idx.reduce((a, i) => a + sinks[i]!.packets, 0);
      const sfuSent = idx.reduce((a, i) => a + outbound[i]!, 0);
      const expected = sent * idx.length;
      const cpuMs = cpuOf(u1[w]!) - cpuOf(u0[w]!);
      return {
        consumers: idx.length,
        received,
        lossPct: expected > 0 ? 100 * (1 - received / expected) : 0,
        sfuLossPct: expected > 0 ? 100 * (1 - sfuSent / expected) : 0,
        cpuMs,
        cpuPct: cpuMs / streamS / 10,
      };
    });
    const counts = sinks.map((s) => s.packets);
    const totalSfuSent = outbound.reduce((a, b) => a + b, 0);
    const workerCpuMs = perWorker.reduce((a, w) => a + w.cpuMs, 0);
    const lossMaxPct = Math.max(...perWorker.filter((w) => w.consumers > 0).map((w) => w.lossPct));
    const error = timedOut ? 'ffmpeg did not finish in time' : sent === 0 ? `producer received nothing${ffErr ? `; ffmpeg: ${ffErr.trim().slice(0, 200)}` : ''}` : undefined;
    return {
      side: side.name,
      n,
      attempt,
      routers: rig.routers,
      workersUsed: perWorker.filter((w) => w.consumers > 0).length,
      sent,
      producerLost,
      recvMin: Math.min(...counts),
      recvAvg: counts.reduce((a, b) => a + b, 0) / n,
      perWorker,
      lossMaxPct,
      sfuLossPct: sent > 0 ? 100 * (1 - totalSfuSent / (sent * n)) : 100,
      sinkDrops,
      sfuInDrops,
      cpuMsPerSecPer100: workerCpuMs / streamS / (n / 100),
      benchCpuPct: (self1.user + self1.system) / 1000 / streamS / 10,
      machineBusyPct: busyPct(from.machine, end.machine),
      streamS,
      setupS,
      pass: !error && lossMaxPct < opts.maxLossPct,
      ...(error ? { error } : {}),
      ...(busy.length > 0 ? { disturbedBy: busy[0]!.replace(/^\d+ /, '').slice(0, 60) } : {}),
    };
  } catch (err) {
    return failed(side.name, n, attempt, (err as Error).message);
  } finally {
    if (rig) await rig.close().catch(() => {});
    for (const s of sinks) s.close();
  }
}
