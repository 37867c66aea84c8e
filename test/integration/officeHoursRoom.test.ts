/**
 * A booking's private video room `booking:<id>` and its notes document `notes:<id>`
 * (docs/office-hours.md "The session"): only the mentor and the booked startup's founders, only from
 * 5 minutes before the start until the room closes; the mentor extends by 5 minutes; the notes start
 * with the agenda and are edited live by both sides, refused to everyone else.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/waitFor.js';
import { book, dateIn, everyDay, listSlots, OfficeKit, OH, slotsOnDate, type OhClient, type OhPerson, type Who } from '../helpers/officeHours.js';
import { CollabClient, CollabKit, addParagraph, paragraphs, token } from '../helpers/collab.js';
import { CollabClose } from '../../shared/collabConstants.js';
import type { Booking } from '../../shared/officeHours.js';
import type { MediaJoinResult } from '../../shared/media.js';
import * as Y from 'yjs';

let srv: TestServer;
let kit: OfficeKit;
let collab: CollabKit;
/** A Tidewater booking that starts within about two minutes (its room is open). */
let soon: { mentor: OhPerson; booking: Booking };
/** A Tidewater booking tomorrow (its room is not open yet). */
let later: { mentor: OhPerson; booking: Booking };

beforeAll(async () => {
  srv = await startServer();
  kit = await OfficeKit.create(srv.url);
  collab = await CollabKit.create(srv.url);
  const chen = await kit.person('chen');
  soon = await kit.soonBooking(chen, kit.tideId, { minutesAhead: 1, slotMinutes: 30, agenda: 'Soon: hiring plan' });
  const mentor = await kit.newMentor('America/New_York', { weekly: everyDay('09:00', '12:00') });
  const slot = slotsOnDate(await listSlots(chen.session, mentor.id), 'America/New_York', dateIn('America/New_York', 2))[0]!;
  later = { mentor, booking: await book(chen.session, { mentorId: mentor.id, startsAt: slot.startsAt, startupId: kit.tideId, agenda: 'Agenda: our seed round terms' }) };
});
afterEach(() => {
  kit.closeAll();
  collab.closeAll();
});
afterAll(() => srv.close());

async function joinAs(person: OhPerson | Who, roomId: string): Promise<{ c: OhClient; r: Awaited<ReturnType<OhClient['call']>> }> {
  const c = await kit.connect(person);
  return { c, r: await c.call<MediaJoinResult>('media:join', { roomId }) };
}

const ALLOWED: Who[] = ['chen', 'sofia'];
const REFUSED: Who[] = ['lina', 'marcus', 'daniel', 'wanglei', 'hannah', 'zhao', 'ops'];

describe('the private room booking:<id>', () => {
  it('inside the window: the mentor and the booked founders join and may publish', async () => {
    const roomId = `booking:${soon.booking.id}`;
    expect(Date.parse(soon.booking.startsAt) - Date.now()).toBeLessThan(5 * 60_000);
    for (const who of [soon.mentor, ...ALLOWED] as const) {
      const { c, r } = await joinAs(who, roomId);
      expect(r.ok, `${typeof who === 'string' ? who : who.who}: ${JSON.stringify(r)}`).toBe(true);
      if (r.ok) expect((r.data as MediaJoinResult).canPublish).toBe(true);
      await c.call('media:leave', { roomId });
    }
    for (const who of [soon.mentor, await kit.person('chen'), await kit.person('sofia')]) {
      const res = await who.session.get(`/api/media/access?roomId=${roomId}`);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ canJoin: true, canPublish: true });
    }
  });

  it('everyone else — other founders, other mentors, investors, operators — is refused (forbidden)', async () => {
    const roomId = `booking:${soon.booking.id}`;
    for (const who of REFUSED) {
      const { r } = await joinAs(who, roomId);
      expect(r.ok, who).toBe(false);
      if (!r.ok) expect(r.error.reason, who).toBe('forbidden');
      const res = await (await kit.person(who)).session.get(`/api/media/access?roomId=${roomId}`);
      // The access endpoint answers like it does for team rooms: 200 with canJoin false (or a 403).
      if (res.status === 200) expect(res.json, who).toEqual({ canJoin: false, canPublish: false });
      else expect(res.status, who).toBe(403);
    }
  });

  it('outside the window (a booking tomorrow) even the mentor and the founders are refused', async () => {
    const roomId = `booking:${later.booking.id}`;
    for (const who of [later.mentor, 'chen', 'sofia'] as const) {
      const { r } = await joinAs(who, roomId);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.reason).toBe('forbidden');
    }
    expect((await later.mentor.session.get(`/api/media/access?roomId=${roomId}`)).json).toEqual({ canJoin: false, canPublish: false });
  });

  it('an unknown booking is not_found', async () => {
    const { r } = await joinAs(soon.mentor, 'booking:no-such-booking');
    expect(!r.ok && r.error.reason).toBe('not_found');
    expect((await soon.mentor.session.get('/api/media/access?roomId=booking:no-such-booking')).status).toBe(404);
  });

  it('the mentor extends by 5 minutes while the room is open; founders cannot; a closed room cannot be extended', async () => {
    const chen = await kit.person('chen');
    // Open session pages (sockets) of both founders, the mentor, and someone else.
    const [chenC, sofiaC, mentorC, linaC] = await Promise.all([kit.connect(chen), kit.connect('sofia'), kit.connect(soon.mentor), kit.connect('lina')]);
    const notesBefore = chenC.notifications.length;
    const before = (await soon.mentor.session.get(`${OH}/bookings/${soon.booking.id}`)).json.booking as Booking;
    const res = await soon.mentor.session.post(`${OH}/bookings/${soon.booking.id}/extend`);
    expect(res.status, res.text).toBe(200);
    expect(Date.parse(res.json.booking.roomClosesAt) - Date.parse(before.roomClosesAt)).toBe(5 * 60_000);
    // Pushed at once to every party (the mentor's other tabs too): the open pages need not poll for it.
    for (const c of [chenC, sofiaC, mentorC]) {
      const got = await waitFor(() => c.bookingChanges.find((x) => x.bookingId === soon.booking.id), { timeoutMs: 5000, what: `${c.person.who} booking:changed` });
      expect(got).toMatchObject({ change: 'extended', status: 'confirmed', roomClosesAt: res.json.booking.roomClosesAt, endsAt: before.endsAt });
    }
    // Nobody else hears of it, and it is not a stored notification (the room shows it).
    // (a round trip on lina's socket after the pushes were sent: anything for her would have arrived first)
    await linaC.call('queue:watch', { mentorId: soon.mentor.id });
    expect(linaC.bookingChanges).toEqual([]);
    expect(chenC.notifications.length).toBe(notesBefore);
    // Stored, not just echoed; the session's end is unchanged.
    const after = (await chen.session.get(`${OH}/bookings/${soon.booking.id}`)).json.booking as Booking;
    expect(after.roomClosesAt).toBe(res.json.booking.roomClosesAt);
    expect(after.endsAt).toBe(before.endsAt);

    const byFounder = await chen.session.post(`${OH}/bookings/${soon.booking.id}/extend`);
    expect(byFounder.status).toBe(403);
    const byOther = await (await kit.person('daniel')).session.post(`${OH}/bookings/${soon.booking.id}/extend`);
    expect(byOther.status).toBe(403);
    const notOpen = await later.mentor.session.post(`${OH}/bookings/${later.booking.id}/extend`);
    expect(notOpen.status).toBe(409);
  });
});

describe('when the room closes', () => {
  it('the sweep honours an extension, then closes the room for everyone inside', async () => {
    // A booking of its own, so closing its room does not touch the other tests' rooms.
    const sofiaP = await kit.person('sofia');
    const { mentor, booking } = await kit.soonBooking(sofiaP, kit.tideId, { minutesAhead: 1, slotMinutes: 15 });
    const roomId = `booking:${booking.id}`;
    const { c: m, r: mr } = await joinAs(mentor, roomId);
    const { c: sofia, r: sr } = await joinAs('sofia', roomId);
    expect(mr.ok && sr.ok).toBe(true);

    const ext = await mentor.session.post(`${OH}/bookings/${booking.id}/extend`);
    expect(ext.status, ext.text).toBe(200);
    const closesAt = Date.parse(ext.json.booking.roomClosesAt);
    expect(closesAt - Date.parse(booking.endsAt)).toBe(5 * 60_000);

    // Just after the planned end the extension keeps it open…
    await srv.hatchery.officeHourSessions.sweep(Date.parse(booking.endsAt) + 1000);
    // …a live round trip proves nothing was pushed meanwhile.
    await m.call('media:leave', { roomId: 'booking:no-such-booking' });
    expect(m.roomClosed.concat(sofia.roomClosed).filter((x) => x.roomId === roomId)).toEqual([]);

    // After the extended end the room is closed for both.
    await srv.hatchery.officeHourSessions.sweep(closesAt + 1000);
    await waitFor(() => m.roomClosed.some((x) => x.roomId === roomId), { what: 'mentor told the room closed' });
    await waitFor(() => sofia.roomClosed.some((x) => x.roomId === roomId), { what: 'founder told the room closed' });
    // Nobody is left in it: acting in it now is refused.
    const t = await sofia.call('media:createTransport', { roomId, direction: 'recv' });
    expect(t.ok).toBe(false);
  });
});

describe('the notes document notes:<bookingId>', () => {
  const name = () => `notes:${later.booking.id}`;

  /** A synced WebsocketProvider for a person made by the office kit (not a demo one). */
  async function syncedAs(person: OhPerson): Promise<CollabClient> {
    const c = new CollabClient(null, name(), srv.url, person.session.cookie);
    extra.push(c);
    await c.waitSynced();
    return c;
  }
  const extra: CollabClient[] = [];
  afterEach(() => {
    for (const c of extra.splice(0)) c.destroy();
  });

  it('starts with the agenda; the mentor and the founders edit and see each other\'s edits', async () => {
    const mentor = await syncedAs(later.mentor);
    const chen = await collab.synced('chen', name());
    const sofia = await collab.synced('sofia', name());
    expect(paragraphs(chen.doc)[0]).toBe('Agenda: our seed round terms');
    expect(paragraphs(mentor.doc)[0]).toBe('Agenda: our seed round terms');
    // Seeded once, not once per connection.
    expect(paragraphs(sofia.doc).filter((p) => p === 'Agenda: our seed round terms')).toHaveLength(1);

    const fromChen = token('chen');
    addParagraph(chen.doc, fromChen);
    await waitFor(() => paragraphs(mentor.doc).includes(fromChen), { what: 'mentor sees chen\'s edit' });
    await waitFor(() => paragraphs(sofia.doc).includes(fromChen), { what: 'sofia sees chen\'s edit' });

    const fromMentor = token('mentor');
    addParagraph(mentor.doc, fromMentor);
    mentor.doc.transact(() => {
      const item = new Y.Map<unknown>();
      mentor.doc.getArray('actions').push([item]);
      item.set('id', 'a1');
      item.set('text', 'Send the cap table');
      item.set('done', false);
    });
    await waitFor(() => paragraphs(chen.doc).includes(fromMentor), { what: 'chen sees the mentor\'s edit' });
    await waitFor(() => (sofia.doc.getArray('actions').toJSON() as { text: string }[]).some((a) => a.text === 'Send the cap table'), {
      what: 'sofia sees the action item',
    });

    // A fresh client (the server's state) has all of it.
    const fresh = await collab.view('sofia', name());
    expect(fresh.paragraphs).toEqual(expect.arrayContaining(['Agenda: our seed round terms', fromChen, fromMentor]));
    expect(fresh.paragraphs[0]).toBe('Agenda: our seed round terms');
  });

  it('other founders, other mentors, investors and operators are refused with 4403', async () => {
    for (const who of ['lina', 'marcus', 'daniel', 'hannah', 'ops'] as const) {
      const close = await collab.refusal(who, name());
      expect(close.code, who).toBe(CollabClose.Forbidden);
      expect(close.raw.opened && close.raw.messages.some((m) => m[0] === 0 && m.length > 3), `${who} got document data`).toBe(false);
    }
    const res = await (await kit.person('lina')).session.get(`/api/docs/${name()}/access`);
    expect(res.json?.access ?? 'none').toBe('none');
  });

  it('an unknown booking is 4404; no session is 4401', async () => {
    expect((await collab.refusal('chen', 'notes:no-such-booking')).code).toBe(CollabClose.NotFound);
    expect((await collab.refusal(null, name())).code).toBe(CollabClose.Unauthenticated);
  });
});
