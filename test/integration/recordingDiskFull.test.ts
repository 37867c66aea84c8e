/**
 * The disk fills up while recording (docs/recordings.md "Robustness"): the recordings directory is a
 * small tmpfs the test mounts (a real full filesystem, ENOSPC from the kernel — the test runs as root,
 * as CI does). The host is told in plain words, the recording stops for everyone, the library says why,
 * and the server and the room carry on.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { RoadshowKit } from '../helpers/roadshow.js';
import { feedPresenter, fetchBytes, ffprobe, recordingPushes, stopAllFeeds, tempDataDir, waitRecordingPush, waitRecordingStatus } from '../helpers/recordings.js';
import type { RecordingStatePush } from '../../shared/recordings.js';

const data = tempDataDir('hatchery-rec-full-');
const mnt = join(data.dir, 'small-disk');
let mounted = false;
let srv: TestServer;
let kit: RoadshowKit;

beforeAll(async () => {
  mkdirSync(mnt, { recursive: true });
  // 320 KiB: the moving test pattern (~300 kbit/s) fills it in about 8 s.
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=320k', 'tmpfs', mnt]);
  mounted = true;
  srv = await startServer({ dataDir: data.dir, recordings: { dir: mnt } });
  kit = await RoadshowKit.create(srv);
});
afterAll(async () => {
  await stopAllFeeds();
  kit?.closeAll();
  await srv?.close();
  if (mounted) execFileSync('umount', [mnt]);
  rmSync(mnt, { recursive: true, force: true });
  data.remove();
});

describe('the disk fills up while recording', () => {
  it('the host is told the disk is full, everyone sees the recording stop, the library says why, the room goes on, and once there is space an operator recovers it', { timeout: 120_000 }, async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: hannah } = await kit.enter('hannah', id);
    recordingPushes(host);
    recordingPushes(hannah);
    await feedPresenter(srv.hatchery, id, await kit.person('chen'), { colour: 'pattern' });

    const started = await host.ok<RecordingStatePush>('roadshow:record', { roadshowId: id, recording: true });
    const stopped = await waitRecordingPush(host, (p) => !p.recording && p.error !== null, 'a stop with an error', 45_000);
    expect(stopped.recordingId).toBe(started.recordingId);
    expect(stopped.error).toMatch(/disk is full/i);
    expect(stopped.errorCode).toBe('rec.disk_full');
    // Everyone sees it stop; the reason is for the hosts.
    const seen = await waitRecordingPush(hannah, (p) => !p.recording, 'recording:false');
    expect(seen.error).toBeNull();
    await hannah.waitState(id, (s) => !s.recording, 'LiveState.recording false');

    // The library (operators see failed ones) says why: with the disk full, the file could not be finished.
    const ops = (await kit.person('ops')).session;
    const recId = started.recordingId!;
    const detail = await waitRecordingStatus(ops, recId, ['failed'], 30_000);
    expect(detail.error).toMatch(/disk is full/i);
    expect(detail.errorCode).toBe('rec.disk_full');

    // Space is made (the filesystem grows); an operator has it processed again from what is on disk.
    execFileSync('mount', ['-o', 'remount,size=16m', mnt]);
    for (const who of ['chen', 'hannah', 'daniel'] as const) {
      const refused = await (await kit.person(who)).session.post(`/api/recordings/${recId}/reprocess`);
      expect(refused.status, `${who}: ${refused.text}`).toBe(403);
    }
    const again = await ops.post(`/api/recordings/${recId}/reprocess`);
    expect(again.status, again.text).toBe(202);
    expect(again.json.recording.status).toBe('processing');
    const recovered = await waitRecordingStatus(ops, recId, ['incomplete'], 45_000);
    // Incomplete (it was cut short), saying why, and playable: one video and one audio stream.
    expect(recovered.error).toMatch(/disk is full/i);
    expect(recovered.errorCode).toBe('rec.disk_full');
    expect(recovered.durationMs).toBeGreaterThan(1000);
    const probe = await ffprobe(join(mnt, `${recId}.webm`));
    expect(probe.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
    expect((await fetchBytes(srv.url, `/api/recordings/${recId}/video`, (await kit.person('hannah')).session.cookie)).status).toBe(200);
    // Only a failed recording is processed again.
    const twice = await ops.post(`/api/recordings/${recId}/reprocess`);
    expect(twice.status).toBe(409);
    expect(twice.json.error.code).toBe('rec.not_failed');

    // The server and the room carry on.
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
    expect(host.socket.connected).toBe(true);
    await host.ok('roadshow:timer', { roadshowId: id, action: 'pause' });
    expect((await hannah.join(id)).state.recording).toBe(false);
  });
});
