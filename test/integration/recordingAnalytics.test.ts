/**
 * Watch reports and analytics (docs/recordings.md): investors report the segments they played; the
 * startup's founders and operators see, per viewer, the distinct time watched (overlaps merged, also
 * across reports), per chapter, and first/last view; segments past the end are clamped.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { recordingServer } from '../helpers/recordingServer.js';
import type { TestServer } from '../helpers/server.js';
import { RoadshowKit, type Who } from '../helpers/roadshow.js';
import { fetchBytes, recordFor, recordSession, stopAllFeeds } from '../helpers/recordings.js';
import { WatchAnalytics, type RecordingDetail } from '../../shared/recordings.js';

let srv: TestServer;
let kit: RoadshowKit;
recordingServer('hatchery-rec-analytics-', (s, k) => ((srv = s), (kit = k)));
let rec: RecordingDetail;

beforeAll(async () => {
  // Only Tidewater pitches here (two items, so two chapters with the same presenter on stage throughout),
  // so only its founders count as "a startup in it".
  const { roadshow } = await kit.liveRoadshow({
    agenda: [
      { kind: 'pitch', title: 'Tidewater Robotics', startupId: kit.tideId, pitchMinutes: 5, qaMinutes: 0 },
      { kind: 'pitch', title: 'Tidewater Q&A', startupId: kit.tideId, pitchMinutes: 3, qaMinutes: 3 },
    ],
  });
  const id = roadshow.id;
  rec = await recordSession(kit, {
    roadshowId: id,
    presenter: 'chen',
    ms: 9000,
    during: async (host, t0) => {
      await recordFor(t0 + 4500 - Date.now());
      await host.ok('roadshow:timer', { roadshowId: id, action: 'next' });
    },
  });
  await stopAllFeeds();
}, 120_000);


/** An independent merge, to check the server's numbers against. */
function covered(segments: [number, number][], from: number, to: number): number {
  const clipped = segments.map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as [number, number]).filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of clipped) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

const report = async (who: Who, segments: [number, number][]) => {
  const before = new Date().toISOString();
  const res = await (await kit.person(who)).session.post(`/api/recordings/${rec.id}/watch`, { segments });
  expect(res.status, `${who} watch: ${res.text}`).toBeLessThan(300);
  return { before, after: new Date().toISOString() };
};

async function analytics(who: Who) {
  return (await kit.person(who)).session.get(`/api/recordings/${rec.id}/analytics`);
}

describe('watch analytics', () => {
  it('the recording has two chapters to count against', () => {
    expect(rec.chapters.map((c) => c.title)).toEqual(['Tidewater Robotics', 'Tidewater Q&A']);
    expect(rec.durationMs).toBeGreaterThan(7000);
  });

  it('overlaps merge per viewer (across reports), per-chapter sums intersect the chapters, segments past the end are clamped', async () => {
    const D = rec.durationMs;
    const hannah = await kit.person('hannah');
    const zhao = await kit.person('zhao');
    const r1 = await report('hannah', [[0, 2000], [1000, 3000], [5000, 6000]]);
    const r2 = await report('hannah', [[2500, 3500]]);
    const rz = await report('zhao', [[6000, D + 60_000], [D + 1000, D + 2000]]);
    const hannahSegs: [number, number][] = [[0, 2000], [1000, 3000], [5000, 6000], [2500, 3500]];
    const zhaoSegs: [number, number][] = [[6000, D + 60_000]];

    const res = await analytics('chen');
    expect(res.status, res.text).toBe(200);
    const a = WatchAnalytics.parse(res.json);
    expect(a).toMatchObject({ recordingId: rec.id, durationMs: D });
    expect(a.viewers).toHaveLength(2);

    const h = a.viewers.find((v) => v.viewer.id === hannah.id)!;
    expect(h.viewer).toEqual({ id: hannah.id, name: hannah.name, role: 'investor' });
    expect(h.watchedMs).toBe(4500); // [0,3500] + [5000,6000]
    expect(h.firstAt >= r1.before && h.firstAt <= r1.after, `firstAt ${h.firstAt} in [${r1.before}, ${r1.after}]`).toBe(true);
    expect(h.lastAt >= r2.before && h.lastAt <= r2.after, `lastAt ${h.lastAt} in [${r2.before}, ${r2.after}]`).toBe(true);

    const z = a.viewers.find((v) => v.viewer.id === zhao.id)!;
    expect(z.viewer).toEqual({ id: zhao.id, name: zhao.name, role: 'investor' });
    expect(z.watchedMs).toBe(D - 6000); // clamped at the end of the file
    expect(z.firstAt).toBe(z.lastAt);
    expect(z.firstAt >= rz.before && z.firstAt <= rz.after).toBe(true);

    // Per chapter: the merged segments intersected with each chapter's range.
    for (const [v, segs] of [[h, hannahSegs], [z, zhaoSegs]] as const) {
      expect(v.chapters.map((c) => c.index)).toEqual(rec.chapters.map((c) => c.index));
      for (const c of rec.chapters) {
        expect(v.chapters.find((x) => x.index === c.index)!.watchedMs, `${v.viewer.name} chapter ${c.index}`).toBe(covered([...segs], c.startMs, c.endMs));
      }
      // Chapters cover the file, so they add up to the total.
      expect(v.chapters.reduce((n, c) => n + c.watchedMs, 0)).toBe(v.watchedMs);
    }

    // The library card counts them.
    const detail = (await (await kit.person('ops')).session.get(`/api/recordings/${rec.id}`)).json.recording as RecordingDetail;
    expect(detail.viewers).toBe(2);
  });

  it('analytics are for the startup’s founders and operators only', async () => {
    for (const who of ['chen', 'sofia', 'ops'] as const) expect((await analytics(who)).status, who).toBe(200);
    for (const who of ['hannah', 'zhao', 'daniel', 'lina', 'marcus'] as const) expect((await analytics(who)).status, who).toBe(403);
    expect((await fetchBytes(srv.url, `/api/recordings/${rec.id}/analytics`)).status).toBe(401);
    expect((await (await kit.person('ops')).session.get('/api/recordings/nope/analytics')).status).toBe(404);
  });

  it('bad watch reports are 400s and count nothing', async () => {
    const s = (await kit.person('daniel')).session;
    for (const body of [{ segments: [] }, { segments: [[5000, 5000]] }, { segments: [[3000, 1000]] }, { segments: [[-1, 100]] }, { segments: [[0, 1.5]] }, { segments: [[0, 100]], extra: 1 }, {}]) {
      const res = await s.post(`/api/recordings/${rec.id}/watch`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const tooMany = Array.from({ length: 201 }, (_, i) => [i * 10, i * 10 + 5]);
    expect((await s.post(`/api/recordings/${rec.id}/watch`, { segments: tooMany })).status).toBe(400);
    const a = WatchAnalytics.parse((await analytics('ops')).json);
    expect(a.viewers.map((v) => v.viewer.name).sort()).toEqual([(await kit.person('hannah')).name, (await kit.person('zhao')).name].sort());
  });
});
