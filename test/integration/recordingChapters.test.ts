/**
 * Chapters, markers and thumbnails (docs/recordings.md): while recording, the host moves through the
 * agenda and the audience asks questions. Chapters follow the agenda items (titles, start at the switch,
 * contiguous, the last ends at the duration), markers sit where questions were asked and answered,
 * every chapter has a JPEG thumbnail, and the file shows the stage of each chapter: the presenter's
 * camera during a pitch, a host's camera during the break (each feed has its own colour).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordingServer } from '../helpers/recordingServer.js';
import type { TestServer } from '../helpers/server.js';
import { RoadshowKit, type AgendaIds } from '../helpers/roadshow.js';
import { colourAt, feedPresenter, fetchBytes, imageColour, recordFor, recordingFile, stopAllFeeds, waitRecordingStatus } from '../helpers/recordings.js';
import type { Question } from '../../shared/roadshow.js';
import type { RecordingDetail, RecordingStatePush } from '../../shared/recordings.js';

let srv: TestServer;
let kit: RoadshowKit;
const data = recordingServer('hatchery-rec-chapters-', (s, k) => ((srv = s), (kit = k)));

/** What happened while recording, in ms since the start was acknowledged. */
const at = { tideToBreak: 0, breakToAgri: 0, asked1: 0, answered1: 0, asked2: 0, stop: 0 };
let items: AgendaIds;
let q1: Question;
let q2: Question;
let recId: string;
let detail: RecordingDetail;
let file: string;

/** Runs `step` and returns when (ms since t0) the server acknowledged it: the midpoint of the round trip. */
async function timed(t0: number, step: () => Promise<unknown>): Promise<number> {
  const before = Date.now();
  await step();
  return Math.round((before + Date.now()) / 2 - t0);
}

/** Waits until `ms` since t0 (real time: the recording's length is the point). */
const until = (t0: number, ms: number) => recordFor(Math.max(0, t0 + ms - Date.now()));

beforeAll(async () => {
  const made = await kit.liveRoadshow();
  items = made.items;
  const id = made.roadshow.id;
  const { c: host } = await kit.enter('ops', id);
  const { c: hannah } = await kit.enter('hannah', id);
  const { c: zhao } = await kit.enter('zhao', id);
  await kit.enter('chen', id);

  // The host's camera (blue) is the stage when no presenter is; chen (red) presents Tidewater.
  await feedPresenter(srv.hatchery, id, await kit.person('ops'), { colour: 'blue' });
  await feedPresenter(srv.hatchery, id, await kit.person('chen'), { colour: 'red' });

  const started = await host.ok<RecordingStatePush>('roadshow:record', { roadshowId: id, recording: true });
  const t0 = Date.now();
  recId = started.recordingId!;

  await until(t0, 800);
  at.asked1 = await timed(t0, async () => {
    q1 = await hannah.ok<Question>('roadshow:ask', { roadshowId: id, text: 'How do the robots deal with barnacles?' });
  });
  await until(t0, 2500);
  at.answered1 = await timed(t0, () => host.ok('roadshow:moderate', { roadshowId: id, questionId: q1.id, action: 'answer' }));
  await until(t0, 4000);
  at.tideToBreak = await timed(t0, () => host.ok('roadshow:timer', { roadshowId: id, action: 'next' }));
  await until(t0, 7500);
  at.breakToAgri = await timed(t0, () => host.ok('roadshow:timer', { roadshowId: id, action: 'next' }));
  // Lina (green) starts her camera when her pitch comes up (as a presenter's browser would).
  await feedPresenter(srv.hatchery, id, await kit.person('lina'), { colour: 'green' });
  await until(t0, 9000);
  at.asked2 = await timed(t0, async () => {
    q2 = await zhao.ok<Question>('roadshow:ask', { roadshowId: id, text: '哪些作物先上？ Which crops first?' });
  });
  await until(t0, 13_000);
  at.stop = await timed(t0, () => host.ok('roadshow:record', { roadshowId: id, recording: false }));

  // Any final status here: each test below says what it needs (so markers are checked even if the file failed).
  detail = await waitRecordingStatus((await kit.person('ops')).session, recId, ['ready', 'incomplete', 'failed'], 60_000);
  file = recordingFile(data.dir, recId);
  await stopAllFeeds();
}, 120_000);


describe('chapters', () => {
  it('the recording is ready (every stage switch made it into the file)', () => {
    expect(detail.status, String(detail.error)).toBe('ready');
    expect(detail.error).toBeNull();
  });

  it('one chapter per agenda item that was on, titled like the item, starting at the switch', () => {
    expect(detail.chapters.map((c) => c.title)).toEqual(['Tidewater Robotics', 'Coffee break', '青禾 AgriSense']);
    expect(detail.chapters.map((c) => c.itemId)).toEqual([items.tide, items.break, items.agri]);
    expect(detail.chapters.map((c) => c.index)).toEqual([0, 1, 2]);
    expect(detail.chapters[0]!.startupId).toBe(kit.tideId);
    expect(detail.chapters[1]!.startupId).toBeNull();
    expect(detail.chapters[2]!.startupId).toBe(kit.agriId);
    expect(detail.chapters[0]!.startMs).toBe(0);
    // NOTE: chapters are placed in the file's time, which leaves out what was never recorded (the moment
    // before the first frame, and each switch): a chapter starts at or a little before its wall-clock
    // time since the start. Where the content really changes is checked by the colour test below.
    for (const [chapter, wall] of [[detail.chapters[1]!, at.tideToBreak], [detail.chapters[2]!, at.breakToAgri]] as const) {
      expect(chapter.startMs).toBeLessThanOrEqual(wall + 300);
      expect(chapter.startMs).toBeGreaterThanOrEqual(wall - 2500);
    }
  });

  it('chapters are contiguous and the last one ends at the duration', () => {
    const cs = detail.chapters;
    for (let i = 1; i < cs.length; i++) expect(cs[i]!.startMs).toBe(cs[i - 1]!.endMs);
    for (const c of cs) expect(c.endMs).toBeGreaterThan(c.startMs);
    expect(cs.at(-1)!.endMs).toBe(detail.durationMs);
    // The file leaves out what was never recorded (before the first frame, at each of the two switches;
    // more on a loaded machine), so it is at most the wall-clock span and not much shorter.
    expect(detail.durationMs).toBeLessThanOrEqual(at.stop + 500);
    expect(detail.durationMs).toBeGreaterThanOrEqual(at.stop - 3000);
  });

  it('the file shows the stage of each chapter: presenter, then the host during the break, then the next presenter', async () => {
    const [tide, brk, agri] = detail.chapters;
    const mid = (c: { startMs: number; endMs: number }) => (c.startMs + c.endMs) / 2000;
    expect(await colourAt(file, mid(tide!))).toBe('red');
    expect(await colourAt(file, mid(brk!))).toBe('blue');
    // Lina's camera started after her item came up; by the end it is what is recorded.
    expect(await colourAt(file, (agri!.endMs - 700) / 1000)).toBe('green');
  });
});

describe('markers', () => {
  it('questions asked and answered while recording are markers at their time in the file', () => {
    const ms = detail.markers;
    const asked1 = ms.find((m) => m.kind === 'asked' && m.questionId === q1.id);
    const answered1 = ms.find((m) => m.kind === 'answered' && m.questionId === q1.id);
    const asked2 = ms.find((m) => m.kind === 'asked' && m.questionId === q2.id);
    expect(asked1?.text).toBe('How do the robots deal with barnacles?');
    expect(answered1?.text).toBe('How do the robots deal with barnacles?');
    expect(asked2?.text).toBe('哪些作物先上？ Which crops first?');
    // In the file's time (see the chapters test): at or a little before the wall-clock time since the start.
    for (const [marker, wall] of [[asked1!, at.asked1], [answered1!, at.answered1], [asked2!, at.asked2]] as const) {
      expect(marker.atMs).toBeLessThanOrEqual(wall + 300);
      expect(marker.atMs).toBeGreaterThanOrEqual(wall - 2500);
    }
    // And in order, each inside the chapter it was asked in.
    expect(asked1!.atMs).toBeLessThanOrEqual(answered1!.atMs);
    expect(answered1!.atMs).toBeLessThanOrEqual(asked2!.atMs);
    expect(ms).toHaveLength(3);
    // Each marker falls in the chapter of the item it was asked under.
    const chapterAt = (ms: number) => detail.chapters.find((c) => ms >= c.startMs && ms < c.endMs)?.itemId;
    expect(chapterAt(asked1!.atMs)).toBe(items.tide);
    expect(chapterAt(asked2!.atMs)).toBe(items.agri);
  });

  it('the replay lists the session’s questions', async () => {
    const res = await (await kit.person('hannah')).session.get(`/api/recordings/${recId}/questions`);
    expect(res.status).toBe(200);
    const qs = res.json.questions as Question[];
    expect(qs.map((q) => q.id).sort()).toEqual([q1.id, q2.id].sort());
    expect(qs.find((q) => q.id === q1.id)?.answered).toBe(true);
  });
});

describe('thumbnails', () => {
  it('every chapter has a JPEG thumbnail showing its stage', async () => {
    const cookie = (await kit.person('hannah')).session.cookie;
    expect(detail.chapters.every((c) => c.hasThumbnail)).toBe(true);
    expect(detail.hasThumbnail).toBe(true);
    const colours: string[] = [];
    for (const c of detail.chapters) {
      const res = await fetchBytes(srv.url, `/api/recordings/${recId}/chapters/${c.index}/thumbnail`, cookie);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^image\/jpeg/);
      expect([res.body[0], res.body[1]]).toEqual([0xff, 0xd8]);
      const jpg = join(data.dir, `thumb-${c.index}.jpg`);
      writeFileSync(jpg, res.body);
      colours.push(await imageColour(jpg));
      expect(readFileSync(jpg).length).toBeGreaterThan(100);
    }
    // The pitch and the break show who was on stage (the third chapter switched cameras midway).
    expect(colours.slice(0, 2)).toEqual(['red', 'blue']);
    const missing = await fetchBytes(srv.url, `/api/recordings/${recId}/chapters/99/thumbnail`, cookie);
    expect(missing.status).toBe(404);
  });
});
