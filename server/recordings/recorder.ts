/**
 * Records one media room's stage into WebM segments: PlainTransports on the room's router send the chosen
 * VP8 video and every stage microphone's Opus audio as RTP into Debian's ffmpeg, which copies them into a
 * file, one track each (no re-encoding live; the microphones are mixed into one track when the recording
 * is finished, see postprocess.ts). Every track of a segment starts with it (see RoadshowRoom.stageSource);
 * muting and unmuting a microphone the segment already has needs no new one. When the source changes (or ffmpeg dies) the segment ends and a new one starts, with a
 * keyframe requested. It owns its ffmpeg processes, transports, consumers and timer; `stop()` ends them all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import type { MediaRoom } from '../media/mediaRoom.js';

/** What to record now: one video producer (or none) and every microphone on the stage (mixed afterwards). */
export interface StageSource {
  video: string | null;
  audio: string[];
}

/** At most this many microphones are recorded at once (each is its own track until the mix). */
export const MAX_STAGE_MICS = 8;

/**
 * Whether the segment recording `have` still serves `want`: the same picture, and no microphone it lacks.
 * A microphone that was in the segment and is muted (or gone) now just has a silent stretch in its track;
 * unmuting it again needs no new segment either. Only a microphone new to the segment does (see
 * RoadshowRoom.stageSource for why a track must start with its segment).
 */
const covers = (have: StageSource, want: StageSource) => have.video === want.video && want.audio.every((id) => have.audio.includes(id));

interface Segment {
  seq: number;
  file: string;
  source: StageSource;
  ffmpeg: ChildProcess;
  transports: types.PlainTransport[];
  consumers: types.Consumer[];
  startedAt: number;
  stopping: boolean;
  timers: NodeJS.Timeout[];
}

export interface RecorderOptions {
  room: MediaRoom;
  dir: string;
  ffmpegPath: string;
  pick: () => StageSource;
  log: Logger;
}

/** How often the stage is looked at for a source change. */
const RESELECT_MS = 1000;
/** After ffmpeg dies, wait at least this long before the next segment. */
const RESTART_BACKOFF_MS = 3000;
const FFMPEG_STOP_TIMEOUT_MS = 5000;

export class RoomRecorder extends EventEmitter<{ segment: [seq: number, file: string, startedAt: number]; problem: [message: string]; fatal: [message: string] }> {
  #segment: Segment | undefined;
  #seq = 0;
  #timer: NodeJS.Timeout;
  #switching: Promise<void> = Promise.resolve();
  #notBefore = 0;
  #busy = false;
  #stopped = false;

  constructor(private readonly o: RecorderOptions) {
    super();
    this.#timer = setInterval(() => this.#tick(), RESELECT_MS);
    this.#tick();
  }

  /** PIDs of ffmpeg processes (tests kill one to check recovery). */
  get ffmpegPids(): number[] {
    return this.#segment?.ffmpeg.pid ? [this.#segment.ffmpeg.pid] : [];
  }

  #tick(): void {
    // A switch in progress (ffmpeg finishing a file) is not queued behind: the next tick looks again.
    if (this.#stopped || this.#busy) return;
    this.#busy = true;
    this.#switching = this.#switching
      .then(() => this.#reselect())
      .catch((err: unknown) => this.o.log.warn({ err }, 'reselect() | failed'))
      .finally(() => (this.#busy = false));
  }

  async #reselect(): Promise<void> {
    if (this.#stopped || this.o.room.closed) return;
    const want = this.o.pick();
    const have = this.#segment?.source;
    if (have && covers(have, want)) return;
    // NOTE: the next segment starts before the previous one is finished, so a switch leaves no gap in
    // the file (ffmpeg takes a moment to start, and a moment to finish a file).
    const previous = this.#segment;
    this.#segment = undefined;
    if ((want.video || want.audio.length > 0) && Date.now() >= this.#notBefore && !this.#stopped) await this.#startSegment(want);
    if (previous) await this.#finishSegment(previous);
  }

  async #startSegment(source: StageSource): Promise<void> {
    const router = this.o.room.primaryRouter;
    const seq = ++this.#seq;
    const file = join(this.o.dir, `segment-${String(seq).padStart(4, '0')}.webm`);
    const transports: types.PlainTransport[] = [];
    const consumers: types.Consumer[] = [];
    const media: string[] = [];
    try {
      const wanted: ['video' | 'audio', string | null][] = [['video', source.video], ...source.audio.slice(0, MAX_STAGE_MICS).map((id) => ['audio', id] as ['audio', string])];
      for (const [kind, producerId] of wanted) {
        if (!producerId) continue;
        const caps = { ...router.rtpCapabilities, codecs: (router.rtpCapabilities.codecs ?? []).filter((c) => /^(video\/VP8|audio\/opus)$/i.test(c.mimeType)) };
        if (!router.canConsume({ producerId, rtpCapabilities: caps })) continue;
        const [port, rtcpPort] = await freePortPair();
        const transport = await router.createPlainTransport({ listenInfo: { protocol: 'udp', ip: '127.0.0.1' }, rtcpMux: false, comedia: false });
        transports.push(transport);
        await transport.connect({ ip: '127.0.0.1', port: port!, rtcpPort: rtcpPort! });
        const consumer = await transport.consume({ producerId, rtpCapabilities: caps, paused: true });
        consumers.push(consumer);
        media.push(sdpMedia(kind, port!, rtcpPort!, consumer.rtpParameters));
      }
    } catch (err) {
      for (const t of transports) t.close();
      this.o.log.warn({ err, source }, 'startSegment() | could not consume the stage');
      return;
    }
    if (media.length === 0) {
      for (const t of transports) t.close();
      return;
    }
    const sdp = ['v=0', 'o=- 0 0 IN IP4 127.0.0.1', 's=Hatchery recording', 'c=IN IP4 127.0.0.1', 't=0 0', ...media].join('\r\n') + '\r\n';
    const ffmpeg = spawn(
      this.o.ffmpegPath,
      // NOTE: -listen_timeout lets ffmpeg notice SIGINT when packets stop (a stage change closed the
      // source); -flush_packets/-cluster_time_limit/-live keep a killed ffmpeg's file playable up to ~1 s.
      ['-hide_banner', '-loglevel', 'error', '-protocol_whitelist', 'pipe,udp,rtp', '-listen_timeout', '1', '-fflags', '+genpts',
        '-f', 'sdp', '-i', 'pipe:0', '-map', '0', '-c', 'copy', '-flush_packets', '1', '-max_interleave_delta', '1000000', '-cluster_time_limit', '1000', '-live', '1',
        '-f', 'webm', '-y', file],
      { stdio: ['pipe', 'ignore', 'pipe'] },
    );
    const segment: Segment = { seq, file, source, ffmpeg, transports, consumers, startedAt: Date.now(), stopping: false, timers: [] };
    this.#segment = segment;
    let stderr = '';
    ffmpeg.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    ffmpeg.on('error', (err: NodeJS.ErrnoException) => {
      const message = err.code === 'ENOENT' ? 'Recording failed: ffmpeg is not installed on the server.' : `Recording failed: ffmpeg could not start (${err.message}).`;
      this.emit('fatal', message);
    });
    ffmpeg.on('exit', (code, signal) => {
      if (segment.stopping || this.#segment !== segment) return;
      // ffmpeg died on its own: keep what it wrote, and try a new segment after a short pause.
      const full = /No space left on device/i.test(stderr);
      const message = full ? 'Recording stopped: the server’s disk is full.' : `Recording was interrupted (ffmpeg exited: ${signal ?? code}); continuing.`;
      this.o.log.warn({ code, signal, stderr: stderr.slice(-300) }, 'ffmpeg exited unexpectedly');
      this.#notBefore = Date.now() + RESTART_BACKOFF_MS;
      void this.#endSegment(true).then(() => (full ? this.emit('fatal', message) : this.emit('problem', message)));
    });
    ffmpeg.stdin?.on('error', () => {});
    ffmpeg.stdin?.end(sdp);
    // Start the flow as soon as ffmpeg listens (its RTP port is taken), with keyframes so the file starts clean.
    const ports = media.map((m) => Number(/^m=\w+ (\d+)/.exec(m)![1]));
    void waitListening(ports, () => segment.stopping).then(() => {
      if (segment.stopping) return;
      // The file's time 0 is about now: chapters and markers are placed against this instant.
      segment.startedAt = Date.now();
      this.emit('segment', seq, file, segment.startedAt);
      for (const c of consumers) void c.resume().catch(() => {});
      segment.timers.push(
        ...[50, 1000, 2500].map((ms) =>
          setTimeout(() => {
            for (const c of consumers) if (c.kind === 'video') void c.requestKeyFrame().catch(() => {});
          }, ms),
        ),
      );
    });
    this.o.log.info({ seq, source, file }, 'startSegment()');
  }

  /** Ends the current segment. */
  async #endSegment(died = false): Promise<void> {
    const s = this.#segment;
    if (!s) return;
    this.#segment = undefined;
    await this.#finishSegment(s, died);
  }

  /** ffmpeg finishes the segment's file (SIGINT), then its transports close. */
  async #finishSegment(s: Segment, died = false): Promise<void> {
    s.stopping = true;
    for (const t of s.timers) clearTimeout(t);
    if (!died && s.ffmpeg.exitCode === null && s.ffmpeg.signalCode === null) {
      const exited = new Promise<void>((resolve) => s.ffmpeg.once('exit', () => resolve()));
      s.ffmpeg.kill('SIGINT');
      const timeout = setTimeout(() => s.ffmpeg.kill('SIGKILL'), FFMPEG_STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timeout);
    }
    for (const t of s.transports) t.close();
  }

  /** Stops recording: ends the current segment and the timer. Idempotent. */
  async stop(): Promise<void> {
    if (this.#stopped) return this.#switching;
    this.#stopped = true;
    clearInterval(this.#timer);
    this.#switching = this.#switching.then(() => this.#endSegment());
    return this.#switching;
  }
}

/** One SDP media section for a consumer (what ffmpeg receives on `port`). */
function sdpMedia(kind: 'video' | 'audio', port: number, rtcpPort: number, rtp: types.RtpParameters): string {
  const codec = rtp.codecs[0]!;
  const name = codec.mimeType.split('/')[1];
  const channels = kind === 'audio' && codec.channels ? `/${codec.channels}` : '';
  const lines = [`m=${kind} ${port} RTP/AVP ${codec.payloadType}`, `a=rtcp:${rtcpPort}`, `a=rtpmap:${codec.payloadType} ${name}/${codec.clockRate}${channels}`];
  const params = Object.entries(codec.parameters ?? {}).map(([k, v]) => `${k}=${v}`);
  if (params.length) lines.push(`a=fmtp:${codec.payloadType} ${params.join(';')}`);
  lines.push('a=recvonly');
  return lines.join('\r\n');
}

/** Resolves once ffmpeg has bound every port (seen in /proc/net/udp, without touching them), after 3 s, or when `cancelled()`. */
async function waitListening(ports: number[], cancelled: () => boolean): Promise<void> {
  const deadline = Date.now() + 3000;
  const hex = ports.map((p) => `:${p.toString(16).toUpperCase().padStart(4, '0')} `);
  while (Date.now() < deadline && !cancelled()) {
    const table = await readFile('/proc/net/udp', 'utf8').catch(() => null);
    if (table === null) return void (await new Promise((r) => setTimeout(r, 300))); // not Linux: just give it a moment
    if (hex.every((h) => table.includes(h))) return;
    await new Promise((r) => setTimeout(r, 30));
  }
}

/** A free even UDP port P on loopback with P + 1 free too (ffmpeg takes RTP on P and RTCP on P + 1). */
async function freePortPair(): Promise<[number, number]> {
  const tryBind = (port: number) =>
    new Promise<ReturnType<typeof createSocket> | null>((resolve) => {
      const s = createSocket('udp4');
      s.once('error', () => {
        s.close();
        resolve(null);
      });
      s.bind(port, '127.0.0.1', () => resolve(s));
    });
  for (let attempt = 0; attempt < 50; attempt++) {
    // NOTE: above mediasoup's default RTC range (40000–49999).
    const port = 50000 + 2 * Math.floor(Math.random() * 7500);
    const a = await tryBind(port);
    const b = a ? await tryBind(port + 1) : null;
    for (const s of [a, b]) if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    if (a && b) return [port, port + 1];
  }
  throw new Error('no free UDP port pair for ffmpeg');
}
