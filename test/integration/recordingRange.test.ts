/**
 * The recording's file over HTTP with Range (docs/recordings.md: "206 partial content, 416 for a bad
 * range"), byte for byte against the file on disk, so a player can seek.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordingServer } from '../helpers/recordingServer.js';
import type { TestServer } from '../helpers/server.js';
import { RoadshowKit } from '../helpers/roadshow.js';
import { fetchBytes, recordingFile, recordSession } from '../helpers/recordings.js';

let srv: TestServer;
let kit: RoadshowKit;
const data = recordingServer('hatchery-rec-range-', (s, k) => ((srv = s), (kit = k)));
let recId: string;
let disk: Buffer;
let cookie: string | undefined;

beforeAll(async () => {
  const { roadshow } = await kit.liveRoadshow();
  const detail = await recordSession(kit, { roadshowId: roadshow.id, presenter: 'chen', ms: 5000 });
  recId = detail.id;
  disk = readFileSync(recordingFile(data.dir, recId));
  cookie = (await kit.person('hannah')).session.cookie;
}, 90_000);


const video = (headers: Record<string, string> = {}) => fetchBytes(srv.url, `/api/recordings/${recId}/video`, cookie, headers);

describe('GET /api/recordings/:id/video with Range', () => {
  it('the file is big enough to slice', () => {
    expect(disk.length).toBeGreaterThan(10_000);
  });

  it('no Range: 200, the whole file, Accept-Ranges: bytes', async () => {
    const res = await video();
    expect(res.status).toBe(200);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-type')).toMatch(/^video\/webm/);
    expect(Number(res.headers.get('content-length'))).toBe(disk.length);
    expect(res.body.equals(disk)).toBe(true);
  });

  it('bytes=0-99: 206 with exactly those 100 bytes', async () => {
    const res = await video({ range: 'bytes=0-99' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 0-99/${disk.length}`);
    expect(Number(res.headers.get('content-length'))).toBe(100);
    expect(res.body.equals(disk.subarray(0, 100))).toBe(true);
  });

  it('a range in the middle', async () => {
    const a = Math.floor(disk.length / 3);
    const b = a + 4095;
    const res = await video({ range: `bytes=${a}-${b}` });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes ${a}-${b}/${disk.length}`);
    expect(res.body.equals(disk.subarray(a, b + 1))).toBe(true);
  });

  it('an open range bytes=100-: the rest of the file', async () => {
    const res = await video({ range: 'bytes=100-' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 100-${disk.length - 1}/${disk.length}`);
    expect(res.body.equals(disk.subarray(100))).toBe(true);
  });

  it('a suffix bytes=-50: the last 50 bytes', async () => {
    const res = await video({ range: 'bytes=-50' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes ${disk.length - 50}-${disk.length - 1}/${disk.length}`);
    expect(res.body.equals(disk.subarray(disk.length - 50))).toBe(true);
  });

  it('an end past the file is cut at the last byte', async () => {
    const res = await video({ range: `bytes=${disk.length - 10}-${disk.length + 1000}` });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes ${disk.length - 10}-${disk.length - 1}/${disk.length}`);
    expect(res.body.equals(disk.subarray(disk.length - 10))).toBe(true);
  });

  it('an unsatisfiable range: 416 with the size', async () => {
    const res = await video({ range: `bytes=${disk.length}-` });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${disk.length}`);
    const past = await video({ range: `bytes=${disk.length + 100}-${disk.length + 200}` });
    expect(past.status).toBe(416);
  });

  it('Range does not get around access: 401 without a session, 403 for a founder whose startup did not pitch', async () => {
    const anon = await fetchBytes(srv.url, `/api/recordings/${recId}/video`, undefined, { range: 'bytes=0-99' });
    expect(anon.status).toBe(401);
    expect(anon.body.subarray(0, 4).equals(disk.subarray(0, 4))).toBe(false);
    const marcus = (await kit.person('marcus')).session.cookie;
    const res = await fetchBytes(srv.url, `/api/recordings/${recId}/video`, marcus, { range: 'bytes=0-99' });
    expect(res.status).toBe(403);
  });
});
