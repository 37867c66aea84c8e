/**
 * Intro requests from the replay (docs/recordings.md): an investor watching a recording marks interest in
 * one of its startups, optionally with a note (`POST /api/recordings/:id/interest`). It is the same
 * interest as the live room's `roadshow:interested`; when it is new or its note changed, every founder of
 * that startup gets an `intro.requested` notification (stored and pushed live). The investor's detail
 * lists the startups they marked; the founders' analytics list who is interested (their own startups
 * only), with the note and whether it came from this replay or from the live room.
 *
 * One recording of a live roadshow where Tidewater (chen, sofia) and AgriSense (lina) pitch; the
 * roadshow stays live afterwards, on Tidewater, so the live room can mark interest too.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession, type TestServer } from '../helpers/server.js';
import { recordingServer } from '../helpers/recordingServer.js';
import { put, RoadshowKit, type RoomClient, type Who } from '../helpers/roadshow.js';
import { recordSession, stopAllFeeds } from '../helpers/recordings.js';
import { waitFor } from '../helpers/waitFor.js';
import { RecordingDetail, WatchAnalytics, type RecordingInterest } from '../../shared/recordings.js';
import { Notification as NotificationSchema, type Notification } from '../../shared/officeHours.js';

let srv: TestServer;
let kit: RoadshowKit;
recordingServer('hatchery-rec-interest-', (s, k) => ((srv = s), (kit = k)));
let rec: RecordingDetail;
let roadshowId = '';
let tideItemId = '';
let tideName = '';
let agriName = '';

beforeAll(async () => {
  const { roadshow } = await kit.liveRoadshow({
    title: 'Harbour & Field Night',
    agenda: [
      { kind: 'pitch', title: 'Tidewater Robotics', startupId: kit.tideId, pitchMinutes: 5, qaMinutes: 3 },
      { kind: 'pitch', title: '青禾 AgriSense', startupId: kit.agriId, pitchMinutes: 5, qaMinutes: 3 },
    ],
  });
  roadshowId = roadshow.id;
  tideItemId = roadshow.agenda[0]!.id;
  rec = await recordSession(kit, { roadshowId, presenter: 'chen', ms: 4000 });
  await stopAllFeeds();
  tideName = rec.startups.find((s) => s.id === kit.tideId)!.name;
  agriName = rec.startups.find((s) => s.id === kit.agriId)!.name;
}, 120_000);

/** Every test starts from nobody interested and the recording not restricted (also after a failure). */
afterEach(async () => {
  kit.closeAll();
  const chen = (await kit.person('chen')).session;
  expect((await put(chen, `/api/recordings/${rec.id}/access`, { investorIds: null })).status).toBe(200);
  for (const who of ['hannah', 'zhao'] as const) {
    for (const startupId of [kit.tideId, kit.agriId]) {
      const res = await (await kit.person(who)).session.post(`/api/recordings/${rec.id}/interest`, { startupId, interested: false });
      expect(res.status, `reset ${who} ${startupId}: ${res.text}`).toBe(200);
    }
  }
});

// ---------- helpers ----------

const session = async (who: Who): Promise<HttpSession> => (await kit.person(who)).session;
const introLink = () => `/recordings/${rec.id}/analytics`;

/** `POST /api/recordings/:id/interest` as `who` (or without a session when `who` is null). */
async function postInterest(who: Who | null, body: unknown, id = rec.id) {
  const s = who ? await session(who) : new HttpSession(srv.url);
  return s.post(`/api/recordings/${id}/interest`, body);
}

/** Posts and asserts 200 with the echoed result. */
async function mark(who: Who, startupId: string, interested: boolean, message?: string): Promise<void> {
  const res = await postInterest(who, { startupId, interested, ...(message !== undefined ? { message } : {}) });
  expect(res.status, `${who} interest ${startupId} ${interested}: ${res.text}`).toBe(200);
  expect(res.json).toEqual({ startupId, interested });
}

async function detail(who: Who): Promise<RecordingDetail> {
  const res = await (await session(who)).get(`/api/recordings/${rec.id}`);
  expect(res.status, `${who} detail: ${res.text}`).toBe(200);
  return RecordingDetail.parse(res.json.recording);
}

async function analytics(who: Who): Promise<WatchAnalytics> {
  const res = await (await session(who)).get(`/api/recordings/${rec.id}/analytics`);
  expect(res.status, `${who} analytics: ${res.text}`).toBe(200);
  return WatchAnalytics.parse(res.json);
}

/** The interest of `investor` in `startupId` in `who`'s analytics (undefined when not listed). */
async function interestIn(who: Who, startupId: string, investor: Who): Promise<RecordingInterest | undefined> {
  const inv = await kit.person(investor);
  return (await analytics(who)).interests.find((i) => i.startupId === startupId && i.investor.id === inv.id);
}

/** `GET /api/notifications` as `who`, parsed. */
async function listed(who: Who): Promise<Notification[]> {
  const res = await (await session(who)).get('/api/notifications');
  expect(res.status, `${who} notifications: ${res.text}`).toBe(200);
  return (res.json.notifications as unknown[]).map((n) => NotificationSchema.parse(n));
}

/** Intro requests for this recording's startup `subject` from `investor`. */
async function intros(list: Notification[], investor: Who, subject: string): Promise<Notification[]> {
  const name = (await kit.person(investor)).name;
  return list.filter((n) => n.kind === 'intro.requested' && n.actorName === name && n.subject === subject && n.link === introLink());
}

interface Inbox {
  c: RoomClient;
  got: Notification[];
  /** Waits until `count` intro requests from `investor` about `subject` arrived on this socket. */
  wait(investor: Who, subject: string, count?: number): Promise<Notification[]>;
}

/** A new socket of `who` that keeps every `notification` push it gets from now on. */
async function inbox(who: Who): Promise<Inbox> {
  const c = await kit.connect(who);
  const got: Notification[] = [];
  c.socket.on('notification', (n) => got.push(NotificationSchema.parse(n)));
  return {
    c,
    got,
    wait: async (investor, subject, count = 1) => {
      const name = (await kit.person(investor)).name;
      return waitFor(
        async () => {
          const mine = await intros(got, investor, subject);
          return mine.length >= count ? mine : undefined;
        },
        { what: `${who} gets ${count} intro.requested from ${name} about ${subject} (got ${JSON.stringify(got)})` },
      );
    },
  };
}

// ---------- tests ----------

describe('an investor asks for an intro from the replay', () => {
  it('hannah marks Tidewater with a note: 200, her detail lists it, chen and sofia get it pushed and listed, their analytics show it from the replay', async () => {
    const [hannah, chenIn, sofiaIn] = [await kit.person('hannah'), await inbox('chen'), await inbox('sofia')];
    expect((await detail('hannah')).interestedStartupIds).toEqual([]);

    const before = Date.now();
    await mark('hannah', kit.tideId, true, '  Would love an intro — we back marine robotics.  ');
    const after = Date.now();

    // Her detail lists it; nobody else's does (only the calling investor's own marks).
    expect((await detail('hannah')).interestedStartupIds).toEqual([kit.tideId]);
    for (const who of ['zhao', 'chen', 'ops', 'daniel'] as const) expect((await detail(who)).interestedStartupIds, who).toEqual([]);

    // Every founder of Tidewater gets it live, and it is stored for them.
    for (const [who, box] of [['chen', chenIn], ['sofia', sofiaIn]] as const) {
      const [pushed] = await box.wait('hannah', tideName);
      expect(pushed, who).toMatchObject({
        kind: 'intro.requested',
        actorName: hannah.name,
        subject: tideName,
        link: `/recordings/${rec.id}/analytics`,
        bookingId: null,
        read: false,
      });
      expect(await intros(box.got, 'hannah', tideName), who).toHaveLength(1);
      const stored = (await listed(who)).find((n) => n.id === pushed!.id);
      expect(stored, `${who} lists the pushed notification`).toEqual(pushed);
    }

    // The founders' analytics: hannah, with her (trimmed) note, marked from this replay.
    for (const who of ['chen', 'sofia'] as const) {
      const a = await analytics(who);
      expect(a.interests, who).toEqual([
        {
          startupId: kit.tideId,
          startupName: tideName,
          investor: { id: hannah.id, name: hannah.name, role: 'investor' },
          message: 'Would love an intro — we back marine robotics.',
          fromReplay: true,
          createdAt: expect.any(String),
        },
      ]);
      const at = Date.parse(a.interests[0]!.createdAt);
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThanOrEqual(after + 1000);
    }
    // Operators see it too.
    expect((await analytics('ops')).interests.map((i) => `${i.startupId}:${i.investor.id}`)).toContain(`${kit.tideId}:${hannah.id}`);

    // It is the same interest as the live room's: joining the (still live) roadshow shows it marked.
    const { join } = await kit.enter('hannah', roadshowId);
    expect(join.interestedStartupIds).toEqual([kit.tideId]);
  });

  it('posting the same interest again does not notify again (the same note, also with other surrounding spaces)', async () => {
    const zhao = await kit.person('zhao');
    const chenIn = await inbox('chen');
    const storedBefore = (await intros(await listed('chen'), 'hannah', tideName)).length;

    await mark('hannah', kit.tideId, true, 'Second look: the hull-cleaning numbers.');
    await chenIn.wait('hannah', tideName);
    await mark('hannah', kit.tideId, true, 'Second look: the hull-cleaning numbers.');
    await mark('hannah', kit.tideId, true, '   Second look: the hull-cleaning numbers.\n');

    // Something chen does get afterwards (pushes to one socket arrive in order): zhao's new interest.
    await mark('zhao', kit.tideId, true);
    const [fromZhao] = await chenIn.wait('zhao', tideName);
    expect(fromZhao!.actorName).toBe(zhao.name);

    expect(await intros(chenIn.got, 'hannah', tideName)).toHaveLength(1);
    expect(await intros(await listed('chen'), 'hannah', tideName)).toHaveLength(storedBefore + 1);
    expect((await interestIn('chen', kit.tideId, 'hannah'))?.message).toBe('Second look: the hull-cleaning numbers.');
    // Zhao's plain interest has no note.
    expect((await interestIn('chen', kit.tideId, 'zhao'))?.message).toBeNull();
  });

  it('a changed note replaces the old one and notifies again; withdrawing removes it from analytics and the detail without a notification', async () => {
    const chenIn = await inbox('chen');

    await mark('hannah', kit.tideId, true, 'First note.');
    await chenIn.wait('hannah', tideName, 1);
    await mark('hannah', kit.tideId, true, 'A better note.');
    await chenIn.wait('hannah', tideName, 2);
    const hannahId = (await kit.person('hannah')).id;
    const hers = (await analytics('chen')).interests.filter((i) => i.investor.id === hannahId);
    expect(hers.map((i) => [i.startupId, i.message, i.fromReplay])).toEqual([[kit.tideId, 'A better note.', true]]);

    const withdrawn = await postInterest('hannah', { startupId: kit.tideId, interested: false });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.json).toEqual({ startupId: kit.tideId, interested: false });
    expect(await interestIn('chen', kit.tideId, 'hannah')).toBeUndefined();
    expect(await interestIn('ops', kit.tideId, 'hannah')).toBeUndefined();
    expect((await detail('hannah')).interestedStartupIds).toEqual([]);
    // Withdrawing twice is fine.
    await mark('hannah', kit.tideId, false);

    // No notification for withdrawing: a later push to chen arrives with still only two from hannah.
    await mark('zhao', kit.tideId, true);
    await chenIn.wait('zhao', tideName);
    expect(await intros(chenIn.got, 'hannah', tideName)).toHaveLength(2);
  });

  it('the founders of each startup hear only about their own: lina never gets Tidewater’s, chen never AgriSense’s; analytics are per startup', async () => {
    const [hannah, linaIn, chenIn] = [await kit.person('hannah'), await inbox('lina'), await inbox('chen')];

    await mark('hannah', kit.tideId, true, 'Tidewater, please.');
    await chenIn.wait('hannah', tideName);
    await mark('hannah', kit.agriId, true, 'AgriSense too.');
    const [toLina] = await linaIn.wait('hannah', agriName);
    expect(toLina).toMatchObject({ kind: 'intro.requested', actorName: hannah.name, subject: agriName, link: introLink(), bookingId: null });
    // A later push to chen (zhao), so an AgriSense push to chen would have arrived before it.
    await mark('zhao', kit.tideId, true);
    await chenIn.wait('zhao', tideName);

    expect(linaIn.got.filter((n) => n.subject === tideName)).toEqual([]);
    expect(linaIn.got.filter((n) => n.kind === 'intro.requested')).toHaveLength(1);
    expect(chenIn.got.filter((n) => n.subject === agriName)).toEqual([]);
    // Stored: lina has no Tidewater intro request at all (from any test in this file).
    const linaStored = await listed('lina');
    expect(linaStored.filter((n) => n.kind === 'intro.requested' && n.subject === tideName)).toEqual([]);
    expect(linaStored.some((n) => n.id === toLina!.id)).toBe(true);
    expect((await listed('chen')).filter((n) => n.subject === agriName)).toEqual([]);

    // Analytics: each founder sees their own startup's interests; operators see all.
    const pairs = (a: WatchAnalytics) => a.interests.map((i) => `${i.startupId}:${i.investor.id}:${i.message ?? ''}`).sort();
    const zhao = await kit.person('zhao');
    expect(pairs(await analytics('lina'))).toEqual([`${kit.agriId}:${hannah.id}:AgriSense too.`]);
    expect(pairs(await analytics('chen'))).toEqual([`${kit.tideId}:${hannah.id}:Tidewater, please.`, `${kit.tideId}:${zhao.id}:`].sort());
    expect(pairs(await analytics('ops'))).toEqual(
      [`${kit.agriId}:${hannah.id}:AgriSense too.`, `${kit.tideId}:${hannah.id}:Tidewater, please.`, `${kit.tideId}:${zhao.id}:`].sort(),
    );
    expect((await analytics('lina')).interests[0]?.startupName).toBe(agriName);
    expect((await detail('hannah')).interestedStartupIds.sort()).toEqual([kit.tideId, kit.agriId].sort());
    expect((await detail('zhao')).interestedStartupIds).toEqual([kit.tideId]);

    await mark('hannah', kit.agriId, false);
    expect((await analytics('lina')).interests).toEqual([]);
  });

  it('an interest marked in the live room shows in the replay’s analytics with fromReplay false; a note from the replay then makes it a replay intro request', async () => {
    const zhao = await kit.person('zhao');
    await mark('hannah', kit.tideId, true, 'From the replay.');

    const { c: room, join } = await kit.enter('zhao', roadshowId);
    expect(join.state.status).toBe('live');
    expect(join.state.currentItemId).toBe(tideItemId);
    const live = await room.ok<{ startupId: string; interested: boolean }>('roadshow:interested', { roadshowId, interested: true });
    expect(live).toEqual({ startupId: kit.tideId, interested: true });

    const a = await analytics('chen');
    const byInvestor = new Map(a.interests.map((i) => [i.investor.name, i]));
    expect(byInvestor.get(zhao.name)).toMatchObject({ startupId: kit.tideId, startupName: tideName, investor: { id: zhao.id, role: 'investor' }, message: null, fromReplay: false });
    expect(byInvestor.get((await kit.person('hannah')).name)).toMatchObject({ message: 'From the replay.', fromReplay: true });
    // The replay detail knows zhao marked Tidewater (the same interest).
    expect((await detail('zhao')).interestedStartupIds).toEqual([kit.tideId]);

    // Zhao now adds a note while watching: the note changed, so the founders hear about it and it counts as from the replay.
    const sofiaIn = await inbox('sofia');
    await mark('zhao', kit.tideId, true, 'Saw the replay, let us talk.');
    await sofiaIn.wait('zhao', tideName);
    expect(await interestIn('sofia', kit.tideId, 'zhao')).toMatchObject({ message: 'Saw the replay, let us talk.', fromReplay: true });
    // The event's own interest list (the roadshow page) shows the notes too, live and replay alike.
    const hannahId = (await kit.person('hannah')).id;
    const eventList = (await (await kit.person('chen')).session.get(`/api/roadshows/${roadshowId}/interests`)).json.interests as { investor: { id: string }; message: string | null }[];
    expect(eventList.find((i) => i.investor.id === zhao.id)?.message).toBe('Saw the replay, let us talk.');
    expect(eventList.find((i) => i.investor.id === hannahId)?.message).toBe('From the replay.');

    await mark('zhao', kit.tideId, false);
    expect((await room.join(roadshowId)).interestedStartupIds).toEqual([]);
  });
});

describe('who may ask, and bad requests', () => {
  it('only investors: a mentor, founders and an operator get 403 forbidden and nothing is stored', async () => {
    const before = await analytics('ops');
    for (const who of ['daniel', 'chen', 'sofia', 'lina', 'ops'] as const) {
      const res = await postInterest(who, { startupId: kit.tideId, interested: true, message: 'Hello' });
      expect(res.status, `${who}: ${res.text}`).toBe(403);
      expect(res.json.error.reason, who).toBe('forbidden');
    }
    expect((await analytics('ops')).interests).toEqual(before.interests);
  });

  it('an investor the startup did not share the recording with gets 403; the one on the list still may', async () => {
    const hannah = await kit.person('hannah');
    const chen = await session('chen');
    const restricted = await put(chen, `/api/recordings/${rec.id}/access`, { investorIds: [hannah.id] });
    expect(restricted.status, restricted.text).toBe(200);
    try {
      const res = await postInterest('zhao', { startupId: kit.tideId, interested: true, message: 'Let me in' });
      expect(res.status, res.text).toBe(403);
      expect(res.json.error.reason).toBe('forbidden');
      expect(await interestIn('ops', kit.tideId, 'zhao')).toBeUndefined();
      // Hannah is on the list.
      await mark('hannah', kit.tideId, true);
      expect((await detail('hannah')).interestedStartupIds).toContain(kit.tideId);
    } finally {
      const lifted = await put(chen, `/api/recordings/${rec.id}/access`, { investorIds: null });
      expect(lifted.status, lifted.text).toBe(200);
    }
    // Once lifted, zhao may.
    await mark('zhao', kit.tideId, true);
  });

  it('a startup that did not pitch in it is a 400; an unknown recording a 404; no session a 401', async () => {
    for (const startupId of [kit.ledgerId, 'no-such-startup']) {
      const res = await postInterest('hannah', { startupId, interested: true });
      expect(res.status, `${startupId}: ${res.text}`).toBe(400);
      expect(res.json.error.reason).toBe('bad_request');
      expect(res.json.error.message).toMatch(/startupId/);
    }
    expect((await detail('hannah')).interestedStartupIds).toEqual([]);

    const unknown = await postInterest('hannah', { startupId: kit.tideId, interested: true }, 'no-such-recording');
    expect(unknown.status, unknown.text).toBe(404);
    expect(unknown.json.error.reason).toBe('not_found');

    const anon = await postInterest(null, { startupId: kit.tideId, interested: true });
    expect(anon.status, anon.text).toBe(401);
    expect(anon.json.error.reason).toBe('unauthenticated');
  });

  it('bad bodies are 400 bad_request with a reason and change nothing; a 1000-character note is fine', async () => {
    const tide = kit.tideId;
    await mark('hannah', tide, true, 'Keep me.');
    const chenStored = (await listed('chen')).length;
    const before = await analytics('ops');
    expect(before.interests.map((i) => i.message)).toEqual(['Keep me.']);
    const cases: [string, unknown, string | null][] = [
      ['empty body', {}, 'startupId'],
      ['no interested', { startupId: tide }, 'interested'],
      ['no startupId', { interested: true }, 'startupId'],
      ['interested not a boolean', { startupId: tide, interested: 'yes' }, 'interested'],
      ['empty startupId', { startupId: '', interested: true }, 'startupId'],
      ['empty note', { startupId: tide, interested: true, message: '' }, 'message'],
      ['blank note', { startupId: tide, interested: true, message: '   \n ' }, 'message'],
      ['note too long', { startupId: tide, interested: true, message: 'x'.repeat(1001) }, 'message'],
      ['note not a string', { startupId: tide, interested: true, message: 42 }, 'message'],
      ['unknown field', { startupId: tide, interested: true, note: 'hi' }, null],
      ['a note when withdrawing', { startupId: tide, interested: false, message: 'bye' }, null],
    ];
    for (const [what, body, path] of cases) {
      const res = await postInterest('hannah', body);
      expect(res.status, `${what}: ${res.text}`).toBe(400);
      expect(res.json.error.reason, what).toBe('bad_request');
      expect(res.json.error.message, what).toEqual(expect.any(String));
      expect(res.json.error.message.length, what).toBeGreaterThan(0);
      if (path) expect((res.json.error.issues as { path: string }[]).map((i) => i.path), what).toContain(path);
    }
    const malformed = await (await session('hannah')).request('POST', `/api/recordings/${rec.id}/interest`, '{"startupId": ', { 'content-type': 'application/json' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.reason).toBe('bad_request');

    expect((await analytics('ops')).interests).toEqual(before.interests);
    expect((await listed('chen')).length).toBe(chenStored);
    expect((await detail('hannah')).interestedStartupIds).toEqual([tide]);

    // The longest note allowed.
    const long = 'y'.repeat(1000);
    await mark('hannah', tide, true, long);
    expect((await interestIn('chen', tide, 'hannah'))?.message).toBe(long);
  });
});
