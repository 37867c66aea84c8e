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
import { feedPresenter, recordingPushes, stopAllFeeds, tempDataDir, waitRecordingPush, waitRecordingStatus } from '../helpers/recordings.js';
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
  it('the host is told the disk is full, everyone sees the recording stop, the library says why, and the room goes on', { timeout: 90_000 }, async () => {
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
    // Everyone sees it stop; the reason is for the hosts.
    const seen = await waitRecordingPush(hannah, (p) => !p.recording, 'recording:false');
    expect(seen.error).toBeNull();
    await hannah.waitState(id, (s) => !s.recording, 'LiveState.recording false');

    // The library (operators see failed ones) says why; nothing was left half-written as "ready".
    const detail = await waitRecordingStatus((await kit.person('ops')).session, started.recordingId!, ['failed', 'incomplete'], 30_000);
    expect(detail.error).toMatch(/disk is full/i);

    // The server and the room carry on.
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
    expect(host.socket.connected).toBe(true);
    await host.ok('roadshow:timer', { roadshowId: id, action: 'pause' });
    expect((await hannah.join(id)).state.recording).toBe(false);
  });
});
