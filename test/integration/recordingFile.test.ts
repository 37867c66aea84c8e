/**
 * Recording a live roadshow (docs/recordings.md "Recording"): a host starts and stops it, everyone in
 * the room is told (`roadshow:recording`, `LiveState.recording`), and what comes out is one playable
 * WebM with the presenter's camera (VP8) and microphone (Opus), as long as the recording ran.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingServer } from '../helpers/recordingServer.js';
import type { TestServer } from '../helpers/server.js';
import { RoadshowKit } from '../helpers/roadshow.js';
import { colourAt, feedPresenter, fetchBytes, ffprobe, recordFor, recordingFile, recordingPushes, stopAllFeeds, videoFrames, waitRecordingPush, waitRecordingStatus } from '../helpers/recordings.js';
import { RecordingDetail, type RecordingStatePush } from '../../shared/recordings.js';

let srv: TestServer;
let kit: RoadshowKit;
const data = recordingServer('hatchery-rec-file-', (s, k) => ((srv = s), (kit = k)));
afterEach(async () => {
  await stopAllFeeds();
  kit.closeAll();
});

const SECONDS = 8;

describe('recording a live roadshow', () => {
  it(`the host records the presenter for ${SECONDS} s: everyone is told, and the file has one video and one audio stream of ${SECONDS} s`, { timeout: 90_000 }, async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: hannah } = await kit.enter('hannah', id);
    const { c: chen, join: chenJoin } = await kit.enter('chen', id);
    const room = [host, hannah, chen];
    for (const c of room) recordingPushes(c);
    expect(chenJoin.state.recording).toBe(false);

    // Chen presents the current item (Tidewater): camera and microphone from ffmpeg.
    await feedPresenter(srv.hatchery, id, await kit.person('chen'), { colour: 'red' });

    const started = await host.ok<RecordingStatePush>('roadshow:record', { roadshowId: id, recording: true });
    const t0 = Date.now();
    expect(started).toMatchObject({ roadshowId: id, recording: true, error: null });
    const recId = started.recordingId!;
    expect(recId).toEqual(expect.any(String));

    // Everyone in the room gets the push and the state; a late joiner sees it in the join.
    for (const c of room) {
      await waitRecordingPush(c, (p) => p.recording && p.recordingId === recId && p.roadshowId === id, 'recording:true');
      await c.waitState(id, (s) => s.recording, 'LiveState.recording true');
    }
    const { join: zhaoJoin } = await kit.enter('zhao', id);
    expect(zhaoJoin.state.recording).toBe(true);

    const ops = (await kit.person('ops')).session;
    const during = await ops.get(`/api/recordings/${recId}`);
    expect(during.status).toBe(200);
    expect(during.json.recording.status).toBe('recording');
    // Not finished yet: the file is a 409 (docs).
    expect((await fetchBytes(srv.url, `/api/recordings/${recId}/video`, ops.cookie)).status).toBe(409);

    await recordFor(SECONDS * 1000 - (Date.now() - t0));
    const stopped = await host.ok<RecordingStatePush>('roadshow:record', { roadshowId: id, recording: false });
    expect(stopped).toMatchObject({ roadshowId: id, recording: false, error: null });
    for (const c of room) {
      await waitRecordingPush(c, (p) => !p.recording && p.roadshowId === id, 'recording:false');
      await c.waitState(id, (s) => !s.recording, 'LiveState.recording false');
    }

    // Being finished: `processing` with how far it is (0..1) — unless it was already done.
    const right = (await ops.get(`/api/recordings/${recId}`)).json.recording as RecordingDetail;
    if (right.status === 'processing') {
      expect(right.progress).toBeGreaterThanOrEqual(0);
      expect(right.progress).toBeLessThan(1);
    } else expect(right.status).toBe('ready');

    const detail = await waitRecordingStatus(ops, recId, ['ready'], 45_000);
    expect(detail.progress).toBeNull();
    expect(() => RecordingDetail.parse(detail)).not.toThrow();
    expect(detail).toMatchObject({ id: recId, roadshowId: id, status: 'ready', error: null });
    expect(detail.startups.map((s) => s.name)).toContain('Tidewater Robotics');
    expect(Math.abs(detail.durationMs - SECONDS * 1000)).toBeLessThanOrEqual(1000);

    // The one file per session, where the docs say, is what /video serves.
    const file = recordingFile(data.dir, recId);
    expect(existsSync(file)).toBe(true);
    const probe = await ffprobe(file);
    const video = probe.streams.filter((s) => s.codec_type === 'video');
    const audio = probe.streams.filter((s) => s.codec_type === 'audio');
    expect(video).toHaveLength(1);
    expect(audio).toHaveLength(1);
    expect(video[0]!.codec_name).toBe('vp8');
    expect(audio[0]!.codec_name).toBe('opus');
    expect(video[0]).toMatchObject({ width: 320, height: 240 });
    expect(probe.format.format_name).toContain('webm');
    const duration = Number(probe.format.duration);
    expect(Math.abs(duration - SECONDS)).toBeLessThanOrEqual(1);
    // The duration the API reports is the one ffprobe measures.
    expect(Math.abs(detail.durationMs - duration * 1000)).toBeLessThanOrEqual(250);
    // Real video all along (30 fps sent), and it is the presenter's camera (red), not something else.
    expect(await videoFrames(file)).toBeGreaterThan((SECONDS - 1) * 30 * 0.8);
    expect(await colourAt(file, SECONDS / 2)).toBe('red');

    const dl = await fetchBytes(srv.url, `/api/recordings/${recId}/video`, (await kit.person('hannah')).session.cookie);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toMatch(/^video\/webm/);
    expect(dl.body.equals(readFileSync(file))).toBe(true);
  });

  it('the presenter’s screen share is recorded rather than their camera', { timeout: 60_000 }, async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    await feedPresenter(srv.hatchery, id, await kit.person('chen'), { colour: 'red', screen: 'green' });
    const started = await host.ok<RecordingStatePush>('roadshow:record', { roadshowId: id, recording: true });
    await recordFor(5000);
    await host.ok('roadshow:record', { roadshowId: id, recording: false });
    const detail = await waitRecordingStatus((await kit.person('ops')).session, started.recordingId!, ['ready'], 45_000);
    const file = recordingFile(data.dir, detail.id);
    const probe = await ffprobe(file);
    expect(probe.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
    expect(await colourAt(file, detail.durationMs / 2000)).toBe('green');
  });

  it('when the screen share stops, the recording goes back to the presenter’s camera', { timeout: 60_000 }, async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const feed = await feedPresenter(srv.hatchery, id, await kit.person('chen'), { colour: 'red', screen: 'green' });
    const started = await host.ok<RecordingStatePush>('roadshow:record', { roadshowId: id, recording: true });
    const t0 = Date.now();
    await recordFor(5000);
    await feed.stopScreen();
    const stoppedSharingAt = Date.now() - t0;
    await recordFor(11_000 - (Date.now() - t0));
    await host.ok('roadshow:record', { roadshowId: id, recording: false });
    const detail = await waitRecordingStatus((await kit.person('ops')).session, started.recordingId!, ['ready'], 45_000);
    const file = recordingFile(data.dir, detail.id);
    // Both parts are in the file: the screen before, the camera after (a switch costs at most ~2 s).
    expect(detail.durationMs, `stopped sharing at ${stoppedSharingAt} ms`).toBeGreaterThan(11_000 - 3000);
    expect(await colourAt(file, 2)).toBe('green');
    expect(await colourAt(file, detail.durationMs / 1000 - 1)).toBe('red');
  });

  it('investors, presenters and mentors who do not host cannot start (or stop) a recording: forbidden, and nobody is told anything', async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: hannah } = await kit.enter('hannah', id);
    const { c: chen } = await kit.enter('chen', id);
    const { c: daniel } = await kit.enter('daniel', id);
    const pushes = recordingPushes(host);

    expect((await daniel.refused('roadshow:record', { roadshowId: id, recording: true })).reason).toBe('forbidden');
    expect((await hannah.refused('roadshow:record', { roadshowId: id, recording: true })).reason).toBe('forbidden');
    expect((await chen.refused('roadshow:record', { roadshowId: id, recording: true })).reason).toBe('forbidden');
    expect((await chen.refused('roadshow:record', { roadshowId: id, recording: false })).reason).toBe('forbidden');
    // A round trip later, still nothing was pushed and the room is not recording.
    expect((await host.join(id)).state.recording).toBe(false);
    expect(pushes).toEqual([]);
    const list = await (await kit.person('ops')).session.get(`/api/recordings?roadshowId=${id}`);
    expect(list.status).toBe(200);
    expect(list.json.total).toBe(0);
  });

  it('a scheduled roadshow cannot be recorded (conflict); a bad payload is a bad_request', async () => {
    const { roadshow } = await kit.createRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    expect((await host.refused('roadshow:record', { roadshowId: id, recording: true })).reason).toBe('conflict');
    const bad = await host.refused('roadshow:record', { roadshowId: id, recording: 'yes' });
    expect(bad.reason).toBe('bad_request');
    expect((await host.join(id)).state.recording).toBe(false);
  });
});
