/**
 * The replay library (docs/recordings.md "Library", "Who may watch"): who finds a recording and may
 * fetch its detail, file and thumbnails; a startup's restriction to chosen investors; search, filters,
 * sort and pagination. Two recordings: A (English, Tidewater pitches) and B (Chinese, AgriSense pitches).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HttpSession, TestServer } from '../helpers/server.js';
import { recordingServer } from '../helpers/recordingServer.js';
import { put, RoadshowKit, type Who } from '../helpers/roadshow.js';
import { fetchBytes, isoDay, recordSession } from '../helpers/recordings.js';
import { RecordingsPage, type RecordingDetail } from '../../shared/recordings.js';

let srv: TestServer;
let kit: RoadshowKit;
recordingServer('hatchery-rec-access-', (s, k) => ((srv = s), (kit = k)));
let A: RecordingDetail;
let B: RecordingDetail;
let roadshowA = '';
const QUESTION_A = 'What does a hull cleaning cost per ship?';

beforeAll(async () => {
  const a = await kit.liveRoadshow({
    title: 'Ocean Robotics Night',
    description: 'Marine autonomy and ship maintenance.',
    language: 'en',
    agenda: [{ kind: 'pitch', title: 'Tidewater Robotics', startupId: kit.tideId, pitchMinutes: 5, qaMinutes: 3 }],
  });
  roadshowA = a.roadshow.id;
  A = await recordSession(kit, {
    roadshowId: roadshowA,
    presenter: 'chen',
    ms: 5000,
    during: async () => {
      const { c } = await kit.enter('hannah', roadshowA);
      await c.ok('roadshow:ask', { roadshowId: roadshowA, text: QUESTION_A });
    },
  });
  const b = await kit.liveRoadshow({
    title: '农业科技专场 Farm Tech Evening',
    description: '智慧农业。',
    language: 'zh',
    agenda: [{ kind: 'pitch', title: '青禾 AgriSense', startupId: kit.agriId, pitchMinutes: 5, qaMinutes: 3 }],
  });
  B = await recordSession(kit, { roadshowId: b.roadshow.id, presenter: 'lina', colour: 'green', ms: 5000 });
}, 120_000);

afterEach(() => kit.closeAll());

const session = async (who: Who): Promise<HttpSession> => (await kit.person(who)).session;

/** `GET /api/recordings?<query>` as `who`; asserts 200 and the page's shape. */
async function library(who: Who, query = ''): Promise<RecordingsPage> {
  const res = await (await session(who)).get(`/api/recordings${query ? `?${query}` : ''}`);
  expect(res.status, `${who} GET /api/recordings?${query}: ${res.text}`).toBe(200);
  return RecordingsPage.parse(res.json);
}
const ids = (p: RecordingsPage) => p.recordings.map((r) => r.id);

/** Status of every file request for a recording (detail, video, video with Range, thumbnail, questions). */
async function fileStatuses(who: Who | null, id: string): Promise<number[]> {
  const cookie = who ? (await session(who)).cookie : undefined;
  const paths = [`/api/recordings/${id}`, `/api/recordings/${id}/video`, `/api/recordings/${id}/chapters/0/thumbnail`, `/api/recordings/${id}/questions`];
  const out: number[] = [];
  for (const p of paths) out.push((await fetchBytes(srv.url, p, cookie)).status);
  out.push((await fetchBytes(srv.url, `/api/recordings/${id}/video`, cookie, { range: 'bytes=0-99' })).status);
  return out;
}

describe('who may watch', () => {
  it('the library lists a recording for operators, mentors, investors and the founders of a startup in it', async () => {
    for (const who of ['ops', 'daniel', 'priya', 'hannah', 'zhao'] as const) {
      const page = await library(who);
      expect(ids(page).sort(), who).toEqual([A.id, B.id].sort());
      expect(page.total).toBe(2);
    }
    expect(ids(await library('chen'))).toEqual([A.id]);
    expect(ids(await library('sofia'))).toEqual([A.id]);
    expect(ids(await library('lina'))).toEqual([B.id]);
    const marcus = await library('marcus');
    expect(marcus.recordings).toEqual([]);
    expect(marcus.total).toBe(0);
  });

  it('every file request is checked: 200/206 for who may watch, 403 for a founder of a startup that did not pitch, 401 without a session', async () => {
    expect(A.chapters[0]?.hasThumbnail).toBe(true);
    expect(await fileStatuses('hannah', A.id)).toEqual([200, 200, 200, 200, 206]);
    expect(await fileStatuses('chen', A.id)).toEqual([200, 200, 200, 200, 206]);
    expect(await fileStatuses('daniel', A.id)).toEqual([200, 200, 200, 200, 206]);
    expect(await fileStatuses('marcus', A.id)).toEqual([403, 403, 403, 403, 403]);
    expect(await fileStatuses('lina', A.id)).toEqual([403, 403, 403, 403, 403]);
    expect(await fileStatuses('chen', B.id)).toEqual([403, 403, 403, 403, 403]);
    expect(await fileStatuses(null, A.id)).toEqual([401, 401, 401, 401, 401]);
    const anonList = await fetchBytes(srv.url, '/api/recordings');
    expect(anonList.status).toBe(401);
    // Watch reports and analytics are file-level too.
    const marcus = await session('marcus');
    expect((await marcus.post(`/api/recordings/${A.id}/watch`, { segments: [[0, 1000]] })).status).toBe(403);
    expect((await fetchBytes(srv.url, `/api/recordings/${A.id}/analytics`)).status).toBe(401);
    // An unknown recording is a 404 for someone who could watch it.
    expect((await (await session('hannah')).get('/api/recordings/nope')).status).toBe(404);
  });

  it('the detail says who may restrict and whether viewing is reported', async () => {
    const as = async (who: Who) => (await (await session(who)).get(`/api/recordings/${A.id}`)).json.recording as RecordingDetail;
    expect(await as('chen')).toMatchObject({ canRestrict: true, viewingIsVisible: false, restrictedTo: null });
    expect(await as('hannah')).toMatchObject({ canRestrict: false, viewingIsVisible: true, restrictedTo: null });
    expect(await as('ops')).toMatchObject({ canRestrict: false, viewingIsVisible: false });
    expect(await as('daniel')).toMatchObject({ canRestrict: false, viewingIsVisible: false });
  });
});

describe('restricting to chosen investors', () => {
  it('a founder restricts A to hannah: hannah still watches, zhao gets 403 everywhere and no longer finds it; lifting it restores zhao', async () => {
    const hannah = await kit.person('hannah');
    const chen = await session('chen');
    const res = await put(chen, `/api/recordings/${A.id}/access`, { investorIds: [hannah.id] });
    expect(res.status, res.text).toBe(200);
    expect(res.json.recording.restrictedTo).toEqual([{ id: hannah.id, name: hannah.name }]);

    expect(await fileStatuses('hannah', A.id)).toEqual([200, 200, 200, 200, 206]);
    expect(ids(await library('hannah')).sort()).toEqual([A.id, B.id].sort());
    expect(await fileStatuses('zhao', A.id)).toEqual([403, 403, 403, 403, 403]);
    expect((await (await session('zhao')).post(`/api/recordings/${A.id}/watch`, { segments: [[0, 1000]] })).status).toBe(403);
    const zhaoLib = await library('zhao');
    expect(ids(zhaoLib)).toEqual([B.id]);
    expect(zhaoLib.total).toBe(1);
    expect((await library('zhao', 'q=hull')).total).toBe(0);
    // The restriction is about investors: operators, mentors and founders still watch.
    expect(await fileStatuses('ops', A.id)).toEqual([200, 200, 200, 200, 206]);
    expect(await fileStatuses('daniel', A.id)).toEqual([200, 200, 200, 200, 206]);
    expect(await fileStatuses('sofia', A.id)).toEqual([200, 200, 200, 200, 206]);
    // Every founder of the startup sees the restriction.
    expect((await (await session('sofia')).get(`/api/recordings/${A.id}`)).json.recording.restrictedTo).toEqual([{ id: hannah.id, name: hannah.name }]);

    const lifted = await put(chen, `/api/recordings/${A.id}/access`, { investorIds: null });
    expect(lifted.status).toBe(200);
    expect(lifted.json.recording.restrictedTo).toBeNull();
    expect(await fileStatuses('zhao', A.id)).toEqual([200, 200, 200, 200, 206]);
    expect(ids(await library('zhao')).sort()).toEqual([A.id, B.id].sort());
  });

  it('only founders of a startup in it may restrict (403 for investors, mentors, operators and other founders)', async () => {
    const hannah = await kit.person('hannah');
    for (const who of ['hannah', 'daniel', 'ops', 'lina', 'marcus'] as const) {
      const res = await put(await session(who), `/api/recordings/${A.id}/access`, { investorIds: [hannah.id] });
      expect(res.status, `${who}: ${res.text}`).toBe(403);
    }
    expect((await fetchBytes(srv.url, `/api/recordings/${A.id}`, (await session('zhao')).cookie)).status).toBe(200);
    // Lina restricts her own (B) fine.
    const own = await put(await session('lina'), `/api/recordings/${B.id}/access`, { investorIds: [hannah.id] });
    expect(own.status).toBe(200);
    expect((await put(await session('lina'), `/api/recordings/${B.id}/access`, { investorIds: null })).status).toBe(200);
  });

  it('a bad access body is a 400 and changes nothing', async () => {
    const chen = await session('chen');
    const daniel = await kit.person('daniel');
    expect((await put(chen, `/api/recordings/${A.id}/access`, { investorIds: 'all' })).status).toBe(400);
    expect((await put(chen, `/api/recordings/${A.id}/access`, {})).status).toBe(400);
    // Only investors can be on the list.
    expect((await put(chen, `/api/recordings/${A.id}/access`, { investorIds: [daniel.id] })).status).toBe(400);
    expect((await (await session('zhao')).get(`/api/recordings/${A.id}`)).status).toBe(200);
  });
});

describe('search, filters, sort, pagination', () => {
  it('q searches the title, description, startup names and question texts (case-insensitive)', async () => {
    expect(ids(await library('ops', `q=${encodeURIComponent('hull cleaning cost')}`))).toEqual([A.id]);
    expect(ids(await library('ops', 'q=agrisense'))).toEqual([B.id]);
    expect(ids(await library('ops', `q=${encodeURIComponent('OCEAN robotics')}`))).toEqual([A.id]);
    expect(ids(await library('ops', `q=${encodeURIComponent('智慧农业')}`))).toEqual([B.id]);
    expect(ids(await library('ops', 'q=tidewater'))).toEqual([A.id]);
    const none = await library('ops', 'q=blockchain');
    expect(none.recordings).toEqual([]);
    expect(none.total).toBe(0);
  });

  it('filters: industry, stage, language, roadshow and date range', async () => {
    expect(ids(await library('ops', 'industry=Robotics'))).toEqual([A.id]);
    expect(ids(await library('ops', 'industry=AgTech'))).toEqual([B.id]);
    expect(ids(await library('ops', 'stage=seed'))).toEqual([A.id]);
    expect(ids(await library('ops', 'stage=pre-seed'))).toEqual([B.id]);
    expect(ids(await library('ops', 'stage=series-a'))).toEqual([]);
    expect(ids(await library('ops', 'language=zh'))).toEqual([B.id]);
    expect(ids(await library('ops', 'language=en'))).toEqual([A.id]);
    expect(ids(await library('ops', `roadshowId=${roadshowA}`))).toEqual([A.id]);
    expect(ids(await library('ops', `from=${isoDay(-1)}&to=${isoDay(1)}`)).sort()).toEqual([A.id, B.id].sort());
    expect(ids(await library('ops', `from=${isoDay(2)}`))).toEqual([]);
    expect(ids(await library('ops', `to=${isoDay(-2)}`))).toEqual([]);
    // Filters combine.
    expect(ids(await library('ops', 'language=zh&industry=Robotics'))).toEqual([]);
    // Filters never widen what a caller may see.
    expect(ids(await library('chen', 'language=zh'))).toEqual([]);
  });

  it('bad queries are 400s', async () => {
    const ops = await session('ops');
    for (const q of ['pageSize=0', 'pageSize=51', 'page=0', 'stage=unicorn', 'sort=random', 'language=xx', 'from=yesterday']) {
      expect((await ops.get(`/api/recordings?${q}`)).status, q).toBe(400);
    }
  });

  it('sort by date (newest first) and by popular (most viewers, after watch reports)', async () => {
    expect(ids(await library('ops', 'sort=date'))).toEqual([B.id, A.id]);
    expect(ids(await library('ops'))).toEqual([B.id, A.id]); // date is the default
    for (const who of ['hannah', 'zhao'] as const) {
      const res = await (await session(who)).post(`/api/recordings/${A.id}/watch`, { segments: [[0, 1500]] });
      expect(res.status, `${who} watch: ${res.text}`).toBeLessThan(300);
    }
    const popular = await library('ops', 'sort=popular');
    expect(ids(popular)).toEqual([A.id, B.id]);
    expect(popular.recordings[0]!.viewers).toBe(2);
    expect(popular.recordings[1]!.viewers).toBe(0);
  });

  it('pagination: page, pageSize and the total', async () => {
    const p1 = await library('ops', 'pageSize=1&page=1');
    const p2 = await library('ops', 'pageSize=1&page=2');
    const p3 = await library('ops', 'pageSize=1&page=3');
    expect(p1).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(p2).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(p3).toMatchObject({ total: 2, page: 3, pageSize: 1, recordings: [] });
    expect(p1.recordings).toHaveLength(1);
    expect(p2.recordings).toHaveLength(1);
    expect([...ids(p1), ...ids(p2)]).toEqual([B.id, A.id]);
    const def = await library('ops');
    expect(def).toMatchObject({ page: 1, pageSize: 12 });
  });
});
