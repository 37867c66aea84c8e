/**
 * The recording's sound is the stage's (docs/recordings.md "Sound"): every microphone of someone who may
 * publish — the presenter, the hosts, promoted guests — recorded as its own track and mixed into the
 * file's one audio track, each voice at the time it was spoken (a muted stretch is silence, not a shift).
 * Voices are told apart by their tone: the presenter hums 440 Hz, the host 1000 Hz.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { recordingServer } from '../helpers/recordingServer.js';
import type { TestServer } from '../helpers/server.js';
import { RoadshowKit } from '../helpers/roadshow.js';
import { feedPresenter, ffprobe, recordFor, recordingFile, stopAllFeeds, toneLevelDb, waitRecordingStatus } from '../helpers/recordings.js';
import type { RecordingStatePush } from '../../shared/recordings.js';

let srv: TestServer;
let kit: RoadshowKit;
const data = recordingServer('hatchery-rec-audio-', (s, k) => ((srv = s), (kit = k)));
afterEach(async () => {
  await stopAllFeeds();
  kit.closeAll();
});

const PRESENTER_HZ = 440;
const HOST_HZ = 1000;
/** Clearly there (a sine at ffmpeg's default level is about −25 dB) / clearly not (opus noise is below −60 dB). */
const HEARD = -40;
const SILENT = -55;

async function audioStreams(file: string) {
  return (await ffprobe(file)).streams.filter((s) => s.codec_type === 'audio');
}

describe('the recording’s sound is the whole stage, mixed', () => {
  it('a host who unmutes 4 s in is heard from then on, over the presenter, in the file’s one audio track', { timeout: 90_000 }, async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    await feedPresenter(srv.hatchery, id, await kit.person('chen'), { colour: 'red', tone: PRESENTER_HZ });
    // The host (an operator) is on the stage by voice only, muted to begin with.
    const hostVoice = await feedPresenter(srv.hatchery, id, await kit.person('ops'), { colour: 'blue', camera: false, tone: HOST_HZ });
    const room = await srv.hatchery.media.room(`roadshow:${id}`);
    const mic = hostVoice.producers.find((p) => p.kind === 'audio')!;
    await room.setProducerPaused(hostVoice.peerId, mic.id, true);

    const started = await host.ok<RecordingStatePush>('roadshow:record', { roadshowId: id, recording: true });
    const t0 = Date.now();
    await recordFor(4000 - (Date.now() - t0));
    await room.setProducerPaused(hostVoice.peerId, mic.id, false);
    const unmutedAt = (Date.now() - t0) / 1000;
    await recordFor(9000 - (Date.now() - t0));
    await host.ok('roadshow:record', { roadshowId: id, recording: false });
    const detail = await waitRecordingStatus((await kit.person('ops')).session, started.recordingId!, ['ready'], 45_000);
    const file = recordingFile(data.dir, detail.id);

    const audio = await audioStreams(file);
    expect(audio).toHaveLength(1);
    expect(audio[0]!.codec_name).toBe('opus');
    const end = detail.durationMs / 1000;
    expect(end).toBeGreaterThan(7.5);
    // The presenter all along; the host only after unmuting (a 1 s margin either side of the moment).
    expect(await toneLevelDb(file, PRESENTER_HZ, 0.5, unmutedAt - 1)).toBeGreaterThan(HEARD);
    expect(await toneLevelDb(file, PRESENTER_HZ, unmutedAt + 1, end - 0.3)).toBeGreaterThan(HEARD);
    expect(await toneLevelDb(file, HOST_HZ, 0.5, unmutedAt - 1)).toBeLessThan(SILENT);
    expect(await toneLevelDb(file, HOST_HZ, unmutedAt + 1, end - 0.3)).toBeGreaterThan(HEARD);
    // The presenter's camera is still what is seen (a voice-only host does not take the picture).
    expect((await ffprobe(file)).streams.filter((s) => s.codec_type === 'video')).toHaveLength(1);
  });

  it('someone who joins the stage mid-recording is heard from when they join; the file stays one audio and one video track', { timeout: 90_000 }, async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    await feedPresenter(srv.hatchery, id, await kit.person('chen'), { colour: 'red', tone: PRESENTER_HZ });
    const started = await host.ok<RecordingStatePush>('roadshow:record', { roadshowId: id, recording: true });
    const t0 = Date.now();
    await recordFor(4000 - (Date.now() - t0));
    await feedPresenter(srv.hatchery, id, await kit.person('ops'), { colour: 'blue', camera: false, tone: HOST_HZ });
    const joinedAt = (Date.now() - t0) / 1000;
    await recordFor(10_000 - (Date.now() - t0));
    await host.ok('roadshow:record', { roadshowId: id, recording: false });
    const detail = await waitRecordingStatus((await kit.person('ops')).session, started.recordingId!, ['ready'], 45_000);
    const file = recordingFile(data.dir, detail.id);

    const probe = await ffprobe(file);
    expect(probe.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
    const end = detail.durationMs / 1000;
    // A change of who is on stage starts a new part of the file; the gap it leaves is bounded.
    expect(end, `host joined at ${joinedAt} s`).toBeGreaterThan(10 - 2.5);
    expect(await toneLevelDb(file, HOST_HZ, 0.5, joinedAt - 1.5)).toBeLessThan(SILENT);
    expect(await toneLevelDb(file, HOST_HZ, end - 3, end - 0.3)).toBeGreaterThan(HEARD);
    expect(await toneLevelDb(file, PRESENTER_HZ, 0.5, joinedAt - 1.5)).toBeGreaterThan(HEARD);
    expect(await toneLevelDb(file, PRESENTER_HZ, end - 3, end - 0.3)).toBeGreaterThan(HEARD);
  });

  it('the presenter mutes for a while and unmutes: one segment, silence exactly then, their voice before and after', { timeout: 90_000 }, async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const presenter = await feedPresenter(srv.hatchery, id, await kit.person('chen'), { colour: 'red', tone: PRESENTER_HZ });
    const room = await srv.hatchery.media.room(`roadshow:${id}`);
    const mic = presenter.producers.find((p) => p.kind === 'audio')!;
    const started = await host.ok<RecordingStatePush>('roadshow:record', { roadshowId: id, recording: true });
    const t0 = Date.now();
    await recordFor(3000 - (Date.now() - t0));
    await room.setProducerPaused(presenter.peerId, mic.id, true);
    const mutedAt = (Date.now() - t0) / 1000;
    await recordFor(6000 - (Date.now() - t0));
    await room.setProducerPaused(presenter.peerId, mic.id, false);
    const unmutedAt = (Date.now() - t0) / 1000;
    await recordFor(9000 - (Date.now() - t0));
    await host.ok('roadshow:record', { roadshowId: id, recording: false });
    const detail = await waitRecordingStatus((await kit.person('ops')).session, started.recordingId!, ['ready'], 45_000);
    const file = recordingFile(data.dir, detail.id);

    // No new segment for a microphone the segment already has (so no picture hitch at each mute).
    expect((await srv.hatchery.store.recordings.segments(detail.id)).length, `muted ${mutedAt}–${unmutedAt} s`).toBe(1);
    const end = detail.durationMs / 1000;
    expect(await toneLevelDb(file, PRESENTER_HZ, 0.5, mutedAt - 0.7)).toBeGreaterThan(HEARD);
    expect(await toneLevelDb(file, PRESENTER_HZ, mutedAt + 0.7, unmutedAt - 0.7)).toBeLessThan(SILENT);
    expect(await toneLevelDb(file, PRESENTER_HZ, unmutedAt + 0.7, end - 0.3)).toBeGreaterThan(HEARD);
  });
});
