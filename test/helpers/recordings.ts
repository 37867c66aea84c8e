/**
 * Helpers for the recordings tests (docs/recordings.md): server-side presenter peers fed by ffmpeg
 * (VP8 + Opus over RTP into PlainTransports, one solid colour per person so a test can tell whose
 * video was recorded), raw (binary) HTTP, ffprobe, the `roadshow:recording` pushes a socket got, and a
 * child-process server that can be fed and then SIGKILLed.
 *
 * NOTE: this file must not import vitest: the child-process server imports it to feed its own rooms.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { types } from 'mediasoup';
import type { Hatchery } from '../../server/hatchery.js';
import type { HttpSession } from './server.js';
import type { RoadshowKit, RoomClient, Who } from './roadshow.js';
import { ServerProcess } from './serverProcess.js';
import { waitFor } from './waitFor.js';
import { OPUS_PT, VP8_PT } from './rtp.js';
import type { RecordingDetail, RecordingStatePush, RecordingStatus } from '../../shared/recordings.js';
import type { Role } from '../../shared/schemas.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Waits real (wall-clock) time. Only for what is being recorded: the length of a recording is the point. */
export function recordFor(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A fresh temp directory for a server's data (recordings go to `<dir>/recordings/`). */
export function tempDataDir(prefix = 'hatchery-rec-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // KEEP_RECORDING_DIRS=1 keeps them to look at the files after a failure.
  return { dir, remove: () => (process.env.KEEP_RECORDING_DIRS ? console.log(`kept ${dir}`) : rmSync(dir, { recursive: true, force: true })) };
}

/** Where docs/recordings.md says the joined file of a recording lives. */
export function recordingFile(dataDir: string, id: string): string {
  return join(dataDir, 'recordings', `${id}.webm`);
}

// ---------- ffmpeg senders ----------

/**
 * What a feed shows: a solid colour (`colourAt` tells them apart in a decoded frame; a flat picture
 * encodes to very few bytes), or `pattern`, a moving test pattern at a camera-like bitrate (~300 kbit/s).
 */
export type FeedColour = 'red' | 'green' | 'blue' | 'pattern';

// NOTE: ffmpeg does not answer the keyframe requests (PLI) a browser answers within a frame or two; a
// keyframe every 10 frames (1/3 s) stands in for that, so a recorder that asks for one gets it soon.
function vp8Sender(port: number, rtcpPort: number, seconds: number, colour: FeedColour, ssrc: number): ChildProcess {
  return spawn(
    'ffmpeg',
    [
      '-hide_banner', '-loglevel', 'error', '-re',
      '-f', 'lavfi', '-i', colour === 'pattern' ? 'testsrc2=size=320x240:rate=30' : `color=c=${colour}:size=320x240:rate=30`,
      '-t', String(seconds),
      '-map', '0:v:0', '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '300k', '-g', '10',
      '-payload_type', String(VP8_PT), '-ssrc', String(ssrc),
      '-f', 'rtp', `rtp://127.0.0.1:${port}?rtcpport=${rtcpPort}&pkt_size=1200`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
}

function opusSender(port: number, rtcpPort: number, seconds: number, ssrc: number, tone: number): ChildProcess {
  return spawn(
    'ffmpeg',
    [
      '-hide_banner', '-loglevel', 'error', '-re',
      '-f', 'lavfi', '-i', `sine=frequency=${tone}:sample_rate=48000`,
      '-t', String(seconds),
      '-map', '0:a:0', '-c:a', 'libopus', '-ac', '2', '-b:a', '48k', '-application', 'lowdelay',
      '-payload_type', String(OPUS_PT), '-ssrc', String(ssrc),
      '-f', 'rtp', `rtp://127.0.0.1:${port}?rtcpport=${rtcpPort}&pkt_size=1200`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
}

/** Kills a child process (SIGKILL) and waits for it to exit. */
export function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

// ---------- presenter feeds (server-side media peers) ----------

export interface FeedPerson {
  id: string;
  name: string;
  role: Role;
}

export interface FeedOptions {
  colour: FeedColour;
  /** How long ffmpeg sends (it is killed by `stop()` anyway). */
  seconds?: number;
  audio?: boolean;
  /** The microphone's sine tone in Hz (440 unless given), so a test can tell voices apart in a mix. */
  tone?: number;
  /** Publish a camera (true unless given; false: a voice only). */
  camera?: boolean;
  /** Also share the screen (its own producer, source `screen`) in this colour. */
  screen?: FeedColour;
}

/** A person publishing camera (or screen) and microphone into a roadshow's media room, from ffmpeg. */
export interface Feed {
  person: FeedPerson;
  peerId: string;
  ffmpegs: ChildProcess[];
  producers: types.Producer[];
  /** What ffmpeg wrote to stderr (for failure messages). */
  readonly stderr: string;
  /** Stops the screen share (its producer closes, as when a browser stops sharing). */
  stopScreen(): Promise<void>;
  stop(): Promise<void>;
}

const feeds = new Set<Feed>();
let ssrcSeq = 0;

const listenInfo = { protocol: 'udp' as const, ip: '127.0.0.1' };

/**
 * Joins `person` to the media room `roadshow:<roadshowId>` as a publisher (like a presenter's browser
 * would, but server-side) and feeds a VP8 camera (solid `colour`), optionally a VP8 screen share, and,
 * unless `audio: false`, an Opus microphone (440 Hz sine) from ffmpeg. FACTS.md: comedia with rtcpMux false, RTCP to the RTCP port.
 */
export async function feedPresenter(hatchery: Hatchery, roadshowId: string, person: FeedPerson, opts: FeedOptions): Promise<Feed> {
  const seconds = opts.seconds ?? 120;
  const room = await hatchery.media.room(`roadshow:${roadshowId}`);
  const peer = await room.join({ socketId: `feed-${person.id}-${++ssrcSeq}`, userId: person.id, name: person.name, role: person.role, canPublish: true });
  const transports: types.PlainTransport[] = [];
  const ffmpegs: ChildProcess[] = [];
  const producers: types.Producer[] = [];
  let stderr = '';
  const n = ++ssrcSeq;
  const videoSsrc = 30_000_000 + n;
  const audioSsrc = 40_000_000 + n;
  const screenSsrc = 50_000_000 + n;
  let screen: { producer: types.Producer; ffmpeg: ChildProcess } | undefined;
  const feed: Feed = {
    person,
    peerId: peer.peerId,
    ffmpegs,
    producers,
    get stderr() {
      return stderr;
    },
    async stopScreen() {
      if (!screen) return;
      room.closeProducer(peer.peerId, screen.producer.id);
      await kill(screen.ffmpeg);
    },
    async stop() {
      feeds.delete(feed);
      await Promise.all(ffmpegs.map(kill));
      for (const t of transports) t.close();
      if (!room.closed) {
        try {
          room.leave(peer.peerId);
        } catch {
          // already gone (the room closed or removed the peer)
        }
      }
    },
  };
  feeds.add(feed);
  try {
    const addVideo = async (colour: FeedColour, source: 'camera' | 'screen', ssrc: number) => {
      const t = await room.primaryRouter.createPlainTransport({ listenInfo, rtcpMux: false, comedia: true });
      transports.push(t);
      const producer = await t.produce({
        kind: 'video',
        rtpParameters: { codecs: [{ mimeType: 'video/VP8', payloadType: VP8_PT, clockRate: 90000 }], encodings: [{ ssrc }] },
      });
      producers.push(producer);
      await room.addServerProducer(peer.peerId, producer, source);
      const ffmpeg = vp8Sender(t.tuple.localPort, t.rtcpTuple!.localPort, seconds, colour, ssrc);
      ffmpegs.push(ffmpeg);
      return { producer, ffmpeg };
    };
    if (opts.camera !== false) await addVideo(opts.colour, 'camera', videoSsrc);
    if (opts.screen) screen = await addVideo(opts.screen, 'screen', screenSsrc);
    if (opts.audio !== false) {
      const at = await room.primaryRouter.createPlainTransport({ listenInfo, rtcpMux: false, comedia: true });
      transports.push(at);
      const audio = await at.produce({
        kind: 'audio',
        rtpParameters: {
          codecs: [{ mimeType: 'audio/opus', payloadType: OPUS_PT, clockRate: 48000, channels: 2, parameters: { 'sprop-stereo': 1 } }],
          encodings: [{ ssrc: audioSsrc }],
        },
      });
      producers.push(audio);
      await room.addServerProducer(peer.peerId, audio, 'microphone');
      ffmpegs.push(opusSender(at.tuple.localPort, at.rtcpTuple!.localPort, seconds, audioSsrc, opts.tone ?? 440));
    }
    for (const f of ffmpegs) f.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    // The feed is only useful once RTP arrives: wait until every producer has received packets.
    await waitFor(
      async () => {
        for (const p of producers) {
          const stats = (await p.getStats()) as { packetCount?: number }[];
          if (!stats.some((s) => (s.packetCount ?? 0) > 5)) return false;
        }
        return true;
      },
      { timeoutMs: 10_000, intervalMs: 100, what: `RTP from ffmpeg for ${person.name} (${stderr})` },
    );
  } catch (err) {
    await feed.stop();
    throw err;
  }
  return feed;
}

/** Stops every feed still running (afterEach/afterAll). */
export async function stopAllFeeds(): Promise<void> {
  await Promise.all([...feeds].map((f) => f.stop()));
}

// ---------- socket pushes ----------

const pushLogs = new WeakMap<RoomClient, RecordingStatePush[]>();

/** Starts collecting the `roadshow:recording` pushes this socket gets (call before they can arrive). */
export function recordingPushes(c: RoomClient): RecordingStatePush[] {
  let log = pushLogs.get(c);
  if (!log) {
    const l: RecordingStatePush[] = [];
    c.socket.on('roadshow:recording', (p) => l.push(p));
    pushLogs.set(c, l);
    log = l;
  }
  return log;
}

/** Waits until `c` got a `roadshow:recording` push that matches. */
export function waitRecordingPush(c: RoomClient, match: (p: RecordingStatePush) => boolean, what = 'roadshow:recording', timeoutMs = 5000): Promise<RecordingStatePush> {
  const log = recordingPushes(c);
  return waitFor(() => log.find(match), { timeoutMs, what: `${c.person.who} ${what} (got ${JSON.stringify(log)})` });
}

// ---------- HTTP ----------

/** A raw GET (binary body), with the session's cookie when given. */
export async function fetchBytes(baseUrl: string, path: string, cookie?: string, headers: Record<string, string> = {}) {
  const res = await fetch(baseUrl + path, { headers: { ...(cookie ? { cookie } : {}), ...headers } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** Polls `GET /api/recordings/:id` until its status is one of `until` (post-processing can take a while); fails at once on another final status. */
export async function waitRecordingStatus(
  session: HttpSession,
  id: string,
  until: RecordingStatus[] = ['ready'],
  timeoutMs = 30_000,
): Promise<RecordingDetail> {
  let last = 'nothing yet';
  const got = await waitFor(
    async () => {
      const res = await session.get(`/api/recordings/${id}`);
      last = `${res.status} ${res.text.slice(0, 400)}`;
      if (res.status !== 200) return undefined;
      const d = (res.json as { recording: RecordingDetail }).recording;
      last = `${d.status} (error: ${d.error})`;
      if (until.includes(d.status)) return { d, wrong: false };
      if (['ready', 'incomplete', 'failed'].includes(d.status)) return { d, wrong: true };
      return undefined;
    },
    { timeoutMs, intervalMs: 200, what: `recording ${id} ${until.join('/')}` },
  ).catch((err: Error) => {
    throw new Error(`${err.message} (last: ${last})`);
  });
  if (got.wrong) throw new Error(`recording ${id} ended as ${got.d.status} (error: ${got.d.error}), expected ${until.join('/')}`);
  return got.d;
}

// ---------- ffprobe / frames ----------

export interface Probe {
  streams: { codec_type: string; codec_name: string; width?: number; height?: number; duration?: string }[];
  format: { duration?: string; format_name: string; size: string };
}

function run(cmd: string, args: string[], encoding: 'utf8' | 'buffer' = 'utf8'): Promise<string | Buffer> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { encoding, maxBuffer: 64 * 1024 * 1024, timeout: 30_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${String(stderr)}`));
      else resolve(stdout);
    });
  });
}

/** `ffprobe -v error -show_streams -show_format -of json <file>`; throws when ffprobe cannot read it. */
export async function ffprobe(file: string): Promise<Probe> {
  return JSON.parse((await run('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file])) as string) as Probe;
}

/** Number of video frames ffprobe counts by decoding. */
export async function videoFrames(file: string): Promise<number> {
  const out = (await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-count_frames', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', file])) as string;
  return Number(out.trim());
}

/** The average colour of the video frame at `seconds` (scaled to 1×1), as a name. */
export async function colourAt(file: string, seconds: number): Promise<FeedColour | 'other'> {
  const px = (await run(
    'ffmpeg',
    ['-hide_banner', '-v', 'error', '-ss', seconds.toFixed(3), '-i', file, '-frames:v', '1', '-vf', 'scale=1:1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
    'buffer',
  )) as Buffer;
  return pixelColour(px);
}

/** The colour of a JPEG (or any image) file's average pixel. */
export async function imageColour(file: string): Promise<FeedColour | 'other'> {
  const px = (await run('ffmpeg', ['-hide_banner', '-v', 'error', '-i', file, '-frames:v', '1', '-vf', 'scale=1:1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], 'buffer')) as Buffer;
  return pixelColour(px);
}

function pixelColour(px: Buffer): FeedColour | 'other' {
  if (px.length < 3) return 'other';
  const [r, g, b] = [px[0]!, px[1]!, px[2]!];
  // lavfi's `green` is #008000, so compare each channel to the other two rather than to a threshold.
  if (r > 100 && r > 2 * g && r > 2 * b) return 'red';
  if (g > 60 && g > 2 * r && g > 2 * b) return 'green';
  if (b > 100 && b > 2 * r && b > 2 * g) return 'blue';
  return 'other';
}

/** A day as `YYYY-MM-DD` (UTC), `days` from now. */
export function isoDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

// ---------- a child-process server that can be fed ----------

/**
 * The real server in a child process (as test/helpers/serverProcess.ts, same env), that also reads
 * JSON commands on stdin so a test can feed a presenter into one of its rooms and then SIGKILL it:
 * `{"feed": {roadshowId, person, colour}}` → stdout `FED {"pids": [...]}`.
 */
export class FeedableServer extends ServerProcess {
  #fedCount = 0;

  static override start(opts: { dataDir: string; port: number; env?: Record<string, string> }): Promise<FeedableServer> {
    const url = (p: string) => JSON.stringify(pathToFileURL(join(root, p)).href);
    const script = `
      const { configFromEnv } = await import(${url('server/config.ts')});
      const { Hatchery } = await import(${url('server/hatchery.ts')});
      const { feedPresenter, stopAllFeeds } = await import(${url('test/helpers/recordings.ts')});
      const { createInterface } = await import('node:readline');
      const hatchery = await Hatchery.create(configFromEnv());
      const url = await hatchery.listen();
      process.stdout.write('Hatchery is running at ' + url + '\\n');
      createInterface({ input: process.stdin }).on('line', (line) => {
        const cmd = JSON.parse(line);
        if (!cmd.feed) return;
        feedPresenter(hatchery, cmd.feed.roadshowId, cmd.feed.person, { colour: cmd.feed.colour }).then(
          (f) => process.stdout.write('FED ' + JSON.stringify({ pids: f.ffmpegs.map((c) => c.pid) }) + '\\n'),
          (err) => process.stdout.write('FEED FAILED ' + String(err) + '\\n'),
        );
      });
      for (const s of ['SIGTERM', 'SIGINT']) process.on(s, () => stopAllFeeds().then(() => hatchery.close()).then(() => process.exit(0)));
    `;
    return ServerProcess.launch({ ...opts, entry: ['--input-type=module', '-e', script], stdin: true }, (child, u) => new FeedableServer(child, u));
  }

  /** Feeds a presenter into the child's room; resolves once RTP flows, with the feed's ffmpeg pids. */
  async feed(roadshowId: string, person: FeedPerson, colour: FeedColour): Promise<number[]> {
    const n = ++this.#fedCount;
    this.child.stdin!.write(JSON.stringify({ feed: { roadshowId, person, colour } }) + '\n');
    const line = await waitFor(
      () => {
        const lines = this.output.split('\n').filter((l) => l.startsWith('FED ') || l.startsWith('FEED FAILED'));
        const l = lines[n - 1];
        if (l?.startsWith('FEED FAILED')) throw new Error(l);
        return l;
      },
      { timeoutMs: 15_000, what: 'child feed running' },
    );
    return (JSON.parse(line.slice(4)) as { pids: number[] }).pids;
  }
}

// ---------- a whole recording in one call ----------

export interface RecordSessionOptions {
  roadshowId: string;
  /** Who presents (fed from ffmpeg) and in what colour. */
  presenter: Who;
  colour?: FeedColour;
  /** How long to record (real time). */
  ms: number;
  /** Runs right after the start was acknowledged (ask questions, move the agenda…); `t0` is that moment. */
  during?: (host: RoomClient, t0: number) => Promise<void>;
}

/**
 * Records a live roadshow as the operator for `ms` with `presenter` on stage, then waits until the
 * recording is `ready` and returns its detail (as the operator sees it).
 */
export async function recordSession(kit: RoadshowKit, o: RecordSessionOptions): Promise<RecordingDetail> {
  const hatchery = kit.srv.hatchery;
  const host = await kit.connect('ops');
  await host.join(o.roadshowId);
  const feed = await feedPresenter(hatchery, o.roadshowId, await kit.person(o.presenter), { colour: o.colour ?? 'red' });
  try {
    const started = await host.ok<RecordingStatePush>('roadshow:record', { roadshowId: o.roadshowId, recording: true });
    const t0 = Date.now();
    if (!started.recordingId) throw new Error(`roadshow:record gave no recordingId: ${JSON.stringify(started)}`);
    await o.during?.(host, t0);
    await recordFor(o.ms - (Date.now() - t0));
    await host.ok('roadshow:record', { roadshowId: o.roadshowId, recording: false });
    return await waitRecordingStatus((await kit.person('ops')).session, started.recordingId, ['ready'], 45_000);
  } finally {
    await feed.stop();
    host.close();
  }
}

// ---------- audio ----------

/**
 * How loud the tone at `hz` is in the file's audio between `fromS` and `toS` (RMS in dB after a narrow
 * band-pass; a 440 Hz sine at ffmpeg's default amplitude is about −25 dB, nothing is below −70 dB).
 */
export function toneLevelDb(file: string, hz: number, fromS: number, toS: number): Promise<number> {
  return rmsDb(file, fromS, toS, `bandpass=f=${hz}:width_type=h:w=40,bandpass=f=${hz}:width_type=h:w=40,`);
}

/** How loud the file's audio is overall between `fromS` and `toS` (RMS in dB; silence is −inf or below −80 dB). */
export function audioLevelDb(file: string, fromS: number, toS: number): Promise<number> {
  return rmsDb(file, fromS, toS, '');
}

async function rmsDb(file: string, fromS: number, toS: number, filters: string): Promise<number> {
  const out = await new Promise<string>((resolve, reject) => {
    execFile(
      'ffmpeg',
      ['-hide_banner', '-nostats', '-ss', fromS.toFixed(3), '-t', (toS - fromS).toFixed(3), '-i', file, '-map', '0:a:0', '-af', `${filters}astats=measure_perchannel=none`, '-f', 'null', '-'],
      { encoding: 'utf8', timeout: 30_000 },
      (err, _stdout, stderr) => (err ? reject(new Error(`ffmpeg astats failed: ${err.message}\n${stderr}`)) : resolve(stderr)),
    );
  });
  const m = /RMS level dB:\s*(-?[\d.]+|-inf)/.exec(out);
  if (!m) throw new Error(`no RMS level in ffmpeg's output:\n${out.slice(-1500)}`);
  return m[1] === '-inf' ? -Infinity : Number(m[1]);
}
