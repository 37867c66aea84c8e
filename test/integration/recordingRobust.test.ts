/**
 * Recording robustness (docs/recordings.md "Robustness"): ffmpeg dying mid-recording keeps what was
 * recorded and goes on in a new segment; the server dying mid-recording (SIGKILL, its children with it,
 * as a service manager would) leaves an `incomplete` recording with its real duration and a playable
 * file after the restart; a missing ffmpeg is a clear error for the host, never a crash. Also: ending
 * the roadshow while recording finishes the recording.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { connectSocket, login, startServer, type TestServer } from '../helpers/server.js';
import { RoadshowKit, RoomClient } from '../helpers/roadshow.js';
import { freePort, killAndReap, pidAlive, reap } from '../helpers/serverProcess.js';
import { waitFor } from '../helpers/waitFor.js';
import {
  colourAt,
  FeedableServer,
  feedPresenter,
  fetchBytes,
  ffprobe,
  recordFor,
  recordingFile,
  recordingPushes,
  stopAllFeeds,
  tempDataDir,
  videoFrames,
  waitRecordingPush,
  waitRecordingStatus,
} from '../helpers/recordings.js';
import type { RecordingDetail, RecordingStatePush } from '../../shared/recordings.js';

const dirs: { remove(): void }[] = [];
const servers: TestServer[] = [];
const procs: FeedableServer[] = [];
const kits: RoadshowKit[] = [];

afterEach(async () => {
  await stopAllFeeds();
  for (const k of kits.splice(0)) k.closeAll();
  for (const s of servers.splice(0)) await s.close();
  await killAndReap(procs.splice(0), [], 2000);
});
afterAll(() => {
  for (const d of dirs) d.remove();
});

async function server(overrides: Parameters<typeof startServer>[0] = {}) {
  const data = tempDataDir('hatchery-rec-robust-');
  dirs.push(data);
  const srv = await startServer({ dataDir: data.dir, ...overrides });
  servers.push(srv);
  const kit = await RoadshowKit.create(srv);
  kits.push(kit);
  return { srv, kit, dataDir: data.dir };
}

/** The file plays: ffprobe reads it, it has a VP8 video stream, and decoding it yields frames. */
async function assertPlayable(file: string): Promise<number> {
  expect(existsSync(file), file).toBe(true);
  const probe = await ffprobe(file);
  expect(probe.streams.filter((s) => s.codec_type === 'video').map((s) => s.codec_name)).toEqual(['vp8']);
  const seconds = Number(probe.format.duration);
  expect(seconds).toBeGreaterThan(0);
  expect(await videoFrames(file)).toBeGreaterThan(seconds * 30 * 0.5);
  return seconds;
}

describe('ffmpeg dies mid-recording', () => {
  it('the host is told, recording goes on in a new segment, and the final file plays with everything recorded', { timeout: 90_000 }, async () => {
    const { srv, kit, dataDir } = await server();
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: hannah } = await kit.enter('hannah', id);
    recordingPushes(host);
    const hannahPushes = recordingPushes(hannah);
    await feedPresenter(srv.hatchery, id, await kit.person('chen'), { colour: 'pattern' });

    const started = await host.ok<RecordingStatePush>('roadshow:record', { roadshowId: id, recording: true });
    const t0 = Date.now();
    const recId = started.recordingId!;
    const [first] = await waitFor(() => (srv.hatchery.recordings.ffmpegPids(id).length ? srv.hatchery.recordings.ffmpegPids(id) : undefined), {
      what: 'the recorder’s ffmpeg',
    });
    expect(pidAlive(first!)).toBe(true);

    await recordFor(5000 - (Date.now() - t0));
    process.kill(first!, 'SIGKILL');
    const killedAt = Date.now() - t0;

    // The host hears about it (the audience does not get the error), and the room still records.
    const problem = await waitRecordingPush(host, (p) => p.error !== null, 'an error push', 5000);
    expect(problem).toMatchObject({ roadshowId: id, recording: true, recordingId: recId });
    expect(problem.error).toMatch(/ffmpeg|interrupt/i);
    expect(hannahPushes.every((p) => p.error === null)).toBe(true);
    expect((await host.join(id)).state.recording).toBe(true);

    // A new ffmpeg takes over.
    const [second] = await waitFor(
      () => {
        const pids = srv.hatchery.recordings.ffmpegPids(id);
        return pids.length && pids[0] !== first ? pids : undefined;
      },
      { timeoutMs: 10_000, what: 'a new recorder ffmpeg' },
    );
    const resumedAt = Date.now() - t0;
    expect(second).not.toBe(first);

    await recordFor(14_000 - (Date.now() - t0));
    await host.ok('roadshow:record', { roadshowId: id, recording: false });
    const stoppedAt = Date.now() - t0;
    const detail = await waitRecordingStatus((await kit.person('ops')).session, recId, ['ready'], 45_000);

    const file = recordingFile(dataDir, recId);
    const seconds = await assertPlayable(file);
    // Its real duration: what the API says is what the file holds…
    expect(Math.abs(detail.durationMs - seconds * 1000)).toBeLessThanOrEqual(250);
    // …and the file holds both the part before ffmpeg died and the part after (the gap is left out;
    // 1.5 s of slack per segment for start-up).
    const recorded = killedAt + (stoppedAt - resumedAt);
    expect(detail.durationMs, `killed at ${killedAt} ms, resumed at ${resumedAt} ms, stopped at ${stoppedAt} ms`).toBeGreaterThan(recorded - 3000);
    expect(detail.durationMs).toBeLessThan(stoppedAt + 500);
    expect(detail.chapters.at(-1)?.endMs).toBe(detail.durationMs);
  });
});

describe('the server dies mid-recording', () => {
  it('after a restart the recording is incomplete, with its real duration and a playable file', { timeout: 120_000 }, async () => {
    const data = tempDataDir('hatchery-rec-crash-');
    dirs.push(data);
    const port = await freePort();
    const first = await FeedableServer.start({ dataDir: data.dir, port });
    procs.push(first);
    const ops = await login(first.url, 'ops@hatchery.demo');
    const startups = (await ops.get('/api/startups')).json.startups as { id: string; name: string }[];
    // RoadshowKit only needs the startups from the store; this server is another process.
    const kit = await RoadshowKit.create({ url: first.url, hatchery: { store: { startups: { list: async () => startups } } } } as never);
    kits.push(kit);
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const chen = await kit.person('chen');
    await first.feed(id, { id: chen.id, name: chen.name, role: chen.role }, 'pattern');

    const started = await host.ok<RecordingStatePush>('roadshow:record', { roadshowId: id, recording: true });
    const t0 = Date.now();
    const recId = started.recordingId!;
    await recordFor(10_000 - (Date.now() - t0));
    // kill -9 the server and everything it started, at once (a crash under a service manager).
    const children = first.childPids();
    expect(children.length).toBeGreaterThan(1);
    await first.kill('SIGKILL');
    for (const pid of children) if (pidAlive(pid)) process.kill(pid, 'SIGKILL');
    const recordedMs = Date.now() - t0;
    expect(await reap(children, 5000)).toEqual([]);
    kit.closeAll();

    const second = await FeedableServer.start({ dataDir: data.dir, port });
    procs.push(second);
    const ops2 = await login(second.url, 'ops@hatchery.demo');
    const detail = await waitRecordingStatus(ops2, recId, ['incomplete'], 60_000);
    expect(detail.error).toEqual(expect.any(String));
    expect(detail.durationMs).toBeGreaterThan(0);
    expect(detail.durationMs).toBeLessThanOrEqual(recordedMs + 500);
    // A real part of the 10 s survives (what ffmpeg had written when it was killed).
    expect(detail.durationMs, `recorded for ${recordedMs} ms`).toBeGreaterThan(2000);
    const file = recordingFile(data.dir, recId);
    const seconds = await assertPlayable(file);
    expect(Math.abs(detail.durationMs - seconds * 1000)).toBeLessThanOrEqual(250);
    const dl = await fetchBytes(second.url, `/api/recordings/${recId}/video`, ops2.cookie);
    expect(dl.status).toBe(200);
    expect(dl.body.equals(readFileSync(file))).toBe(true);
    // It is in the library, and the room no longer records.
    const lib = await ops2.get(`/api/recordings?roadshowId=${id}`);
    expect(lib.json.recordings.map((r: RecordingDetail) => [r.id, r.status])).toEqual([[recId, 'incomplete']]);
    const socket = await connectSocket(second.url, ops2.cookie);
    try {
      const room = new RoomClient({ who: 'ops', id: '', name: '', role: 'operator', session: ops2 }, socket);
      expect((await room.join(id)).state.recording).toBe(false);
    } finally {
      socket.close();
    }
  });
});

describe('ffmpeg is missing', () => {
  it('the host gets a clear error, the room does not record, and the server stays up', { timeout: 60_000 }, async () => {
    const { srv, kit } = await server({ recordings: { ffmpegPath: '/nonexistent/bin/ffmpeg' } });
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: hannah } = await kit.enter('hannah', id);
    recordingPushes(host);
    await feedPresenter(srv.hatchery, id, await kit.person('chen'), { colour: 'red' });

    // Either the start is refused with the reason, or it is accepted and the failure is pushed.
    const r = await host.call<RecordingStatePush>('roadshow:record', { roadshowId: id, recording: true });
    let message: string;
    if (!r.ok) {
      message = r.error.message;
    } else {
      const failed = await waitRecordingPush(host, (p) => p.error !== null, 'an error push', 10_000);
      expect(failed.recording).toBe(false);
      message = failed.error!;
      expect(failed.errorCode).toBe('rec.ffmpeg_missing');
      await host.waitState(id, (s) => !s.recording, 'LiveState.recording false');
      // What the library shows for it says why, too.
      const detail = await waitRecordingStatus((await kit.person('ops')).session, r.data.recordingId!, ['failed', 'incomplete'], 20_000);
      expect.soft(detail.error).toMatch(/ffmpeg/i);
    }
    expect(message).toMatch(/ffmpeg/i);
    expect(message).toMatch(/not installed|missing|not found/i);

    // Still up and working.
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
    expect(host.socket.connected).toBe(true);
    await host.ok('roadshow:timer', { roadshowId: id, action: 'pause' });
    expect((await hannah.join(id)).state.recording).toBe(false);
  });
});

describe('the roadshow ends while recording', () => {
  it('the recording stops, everyone is told, and the file is finished', { timeout: 60_000 }, async () => {
    const { srv, kit, dataDir } = await server();
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: hannah } = await kit.enter('hannah', id);
    recordingPushes(hannah);
    await feedPresenter(srv.hatchery, id, await kit.person('chen'), { colour: 'red' });
    const started = await host.ok<RecordingStatePush>('roadshow:record', { roadshowId: id, recording: true });
    const t0 = Date.now();
    await recordFor(7000);
    await kit.advance(id, 'ended');
    const endedAt = Date.now() - t0;
    await waitRecordingPush(hannah, (p) => !p.recording, 'recording:false');
    const detail = await waitRecordingStatus((await kit.person('ops')).session, started.recordingId!, ['ready'], 45_000);
    const seconds = await assertPlayable(recordingFile(dataDir, detail.id));
    expect(Math.abs(seconds * 1000 - endedAt)).toBeLessThanOrEqual(1500);
    expect(await colourAt(recordingFile(dataDir, detail.id), seconds / 2)).toBe('red');
  });
});
