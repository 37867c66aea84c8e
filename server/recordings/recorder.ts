/**
 * Records one media room's stage into WebM segments: PlainTransports on the room's router send the chosen
 * source's VP8 video and Opus audio as RTP into Debian's ffmpeg, which copies them into a file (no
 * re-encoding). When the source changes (or ffmpeg dies) the segment ends and a new one starts, with a
 * keyframe requested. It owns its ffmpeg processes, transports, consumers and timer; `stop()` ends them all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import type { MediaRoom } from '../media/mediaRoom.js';

/** What to record now: a video and an audio producer (either may be missing). */
export interface StageSource {
  video: string | null;
  audio: string | null;
}

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
  /** Milliseconds recorded in finished segments (the file's timeline leaves out gaps). */
  #doneMs = 0;
  #timer: NodeJS.Timeout;
  #switching: Promise<void> = Promise.resolve();
  #notBefore = 0;
  #stopped = false;

  constructor(private readonly o: RecorderOptions) {
    super();
    this.#timer = setInterval(() => this.#tick(), RESELECT_MS);
    this.#tick();
  }

  /** Where we are in the final file's timeline now (gaps without a source are not in the file). */
  fileMs(now = Date.now()): number {
    return this.#doneMs + (this.#segment ? Math.max(0, now - this.#segment.startedAt) : 0);
  }

  /** PIDs of ffmpeg processes (tests kill one to check recovery). */
  get ffmpegPids(): number[] {
    return this.#segment?.ffmpeg.pid ? [this.#segment.ffmpeg.pid] : [];
  }

  #tick(): void {
    if (this.#stopped) return;
    this.#switching = this.#switching.then(() => this.#reselect()).catch((err: unknown) => this.o.log.warn({ err }, 'reselect() | failed'));
  }

  async #reselect(): Promise<void> {
    if (this.#stopped || this.o.room.closed) return;
    const want = this.o.pick();
    const have = this.#segment?.source;
    if (have && have.video === want.video && have.audio === want.audio) return;
    await this.#endSegment();
    if ((want.video || want.audio) && Date.now() >= this.#notBefore && !this.#stopped) await this.#startSegment(want);
  }

  async #startSegment(source: StageSource): Promise<void> {
    const router = this.o.room.primaryRouter;
    const seq = ++this.#seq;
    const file = join(this.o.dir, `segment-${String(seq).padStart(4, '0')}.webm`);
    const transports: types.PlainTransport[] = [];
    const consumers: types.Consumer[] = [];
    const media: string[] = [];
    try {
      for (const [kind, producerId] of [['video', source.video], ['audio', source.audio]] as const) {
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
      ['-hide_banner', '-loglevel', 'error', '-protocol_whitelist', 'pipe,udp,rtp', '-fflags', '+genpts', '-f', 'sdp', '-i', 'pipe:0',
        '-map', '0', '-c', 'copy', '-f', 'webm', '-y', file],
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
    this.emit('segment', seq, file, segment.startedAt);
    // Start the flow as soon as ffmpeg listens (its RTP port is taken), with keyframes so the file starts clean.
    const ports = media.map((m) => Number(/^m=\w+ (\d+)/.exec(m)![1]));
    void waitListening(ports, () => segment.stopping).then(() => {
      if (segment.stopping) return;
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

  /** Ends the current segment: ffmpeg finishes the file (SIGINT), then its transports close. */
  async #endSegment(died = false): Promise<void> {
    const s = this.#segment;
    if (!s) return;
    this.#segment = undefined;
    s.stopping = true;
    this.#doneMs += Math.max(0, Date.now() - s.startedAt);
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

/** Resolves once every port is bound by someone else (ffmpeg), or after 3 s, or when `cancelled()`. */
async function waitListening(ports: number[], cancelled: () => boolean): Promise<void> {
  const deadline = Date.now() + 3000;
  const taken = (port: number) =>
    new Promise<boolean>((resolve) => {
      const s = createSocket('udp4');
      s.once('error', () => {
        s.close();
        resolve(true);
      });
      s.bind(port, '127.0.0.1', () => s.close(() => resolve(false)));
    });
  while (Date.now() < deadline && !cancelled()) {
    if ((await Promise.all(ports.map(taken))).every(Boolean)) return;
    await new Promise((r) => setTimeout(r, 40));
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
    const port = 40000 + 2 * Math.floor(Math.random() * 10000);
    const a = await tryBind(port);
    const b = a ? await tryBind(port + 1) : null;
    for (const s of [a, b]) if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    if (a && b) return [port, port + 1];
  }
  throw new Error('no free UDP port pair for ffmpeg');
}
