/**
 * Feedback (docs/office-hours.md "Feedback"): only once the session has started, once per person,
 * rating 1–5; the mentor rates the startup and the founders rate the mentor; mentors see their average
 * and what they were told, operators see all of it, founders see nobody else's.
 * NOTE: the tests run in order on one started session: the later ones read the feedback given earlier.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { availability, book, dateIn, everyDay, listSlots, OfficeKit, OH, setAvailability, slotsOnDate, type OhPerson } from '../helpers/officeHours.js';
import { Feedback as FeedbackSchema, type Booking, type Feedback } from '../../shared/officeHours.js';

let srv: TestServer;
let kit: OfficeKit;
/** A mentor with a drop-in session with Tidewater that started just now (admitted from the queue). */
let mentor: OhPerson;
let started: Booking;

beforeAll(async () => {
  srv = await startServer();
  kit = await OfficeKit.create(srv.url);
  mentor = await kit.newMentor('Europe/London');
  await setAvailability(mentor, availability({ timeZone: 'Europe/London', slotMinutes: 30, weekly: everyDay('09:00', '12:00') }));
  const m = await kit.connect(mentor);
  await m.ok('queue:setOpen', { open: true });
  const chen = await kit.connect('chen');
  await chen.ok('queue:join', { mentorId: mentor.id, startupId: kit.tideId });
  started = (await m.ok<{ booking: Booking }>('queue:admit', {})).booking;
  kit.closeAll();
});
afterEach(() => kit.closeAll());
afterAll(() => srv.close());

const give = (p: OhPerson, bookingId: string, body: unknown) => p.session.post(`${OH}/bookings/${bookingId}/feedback`, body);

describe('feedback', () => {
  it('before the session starts it is refused (409) for both sides', async () => {
    const chen = await kit.person('chen');
    const day = slotsOnDate(await listSlots(chen.session, mentor.id), 'Europe/London', dateIn('Europe/London', 2));
    const future = await book(chen.session, { mentorId: mentor.id, startsAt: day[0]!.startsAt, startupId: kit.tideId, agenda: '' });
    for (const p of [chen, mentor]) {
      const res = await give(p, future.id, { rating: 5, comment: 'too early' });
      expect(res.status, `${p.who}: ${res.text}`).toBe(409);
      expect(res.json.error.message).toMatch(/start/i);
    }
  });

  it('ratings outside 1–5 (or not whole) are 400 and store nothing', async () => {
    const sofia = await kit.person('sofia');
    for (const rating of [0, 6, -1, 2.5, '5', null]) {
      const res = await give(sofia, started.id, { rating, comment: 'x' });
      expect(res.status, `rating ${String(rating)}`).toBe(400);
    }
    expect((await give(sofia, started.id, { comment: 'no rating' })).status).toBe(400);
    expect((await give(sofia, started.id, { rating: 4, comment: 'x'.repeat(2001) })).status).toBe(400);
    expect((await sofia.session.get(`${OH}/bookings/${started.id}`)).json.booking.myFeedback).toBeNull();
  });

  it('once the session has started, each party gives feedback once', async () => {
    const [chen, sofia] = await Promise.all([kit.person('chen'), kit.person('sofia')]);
    const first = await give(chen, started.id, { rating: 5, comment: 'Sharp advice on the seed round' });
    expect(first.status, first.text).toBe(201);
    expect(FeedbackSchema.parse(first.json.feedback)).toMatchObject({ bookingId: started.id, from: { id: chen.id }, role: 'founder', rating: 5 });
    const twice = await give(chen, started.id, { rating: 1, comment: 'changed my mind' });
    expect(twice.status).toBe(409);
    expect((await chen.session.get(`${OH}/bookings/${started.id}`)).json.booking.myFeedback).toEqual({ rating: 5, comment: 'Sharp advice on the seed round' });

    // The other founder has their own once.
    expect((await give(sofia, started.id, { rating: 3, comment: 'Good, but ran short' })).status).toBe(201);
    expect((await sofia.session.get(`${OH}/bookings/${started.id}`)).json.booking.myFeedback).toEqual({ rating: 3, comment: 'Good, but ran short' });

    // The mentor about the startup.
    const fromMentor = await give(mentor, started.id, { rating: 4, comment: 'Team knows its numbers' });
    expect(fromMentor.status).toBe(201);
    expect(fromMentor.json.feedback).toMatchObject({ role: 'mentor', rating: 4 });
    expect((await give(mentor, started.id, { rating: 4, comment: 'again' })).status).toBe(409);

    // People outside the booking cannot.
    for (const who of ['lina', 'daniel', 'hannah', 'ops'] as const) {
      expect((await give(await kit.person(who), started.id, { rating: 1, comment: 'drive-by' })).status, who).toBe(403);
    }
    expect((await give(chen, 'no-such-booking', { rating: 3 })).status).toBe(404);
  });

  it('the mentor sees their average and what they were told; other mentors do not see it', async () => {
    const res = await mentor.session.get(`${OH}/feedback`);
    expect(res.status).toBe(200);
    const list = res.json.feedback as Feedback[];
    expect(res.json.average).toBe(4); // (5 + 3) / 2 from the founders; the mentor's own rating is not in it
    const comments = list.map((f) => f.comment);
    expect(comments).toEqual(expect.arrayContaining(['Sharp advice on the seed round', 'Good, but ran short']));
    expect(comments).not.toContain('drive-by');

    const daniel = await (await kit.person('daniel')).session.get(`${OH}/feedback`);
    expect(daniel.status).toBe(200);
    expect(JSON.stringify(daniel.json)).not.toContain('Sharp advice');
    expect(daniel.json.average).toBeNull();

    // The directory shows the rating.
    const cards = (await (await kit.person('lina')).session.get(`${OH}/mentors`)).json.mentors as { mentor: { id: string }; rating: number | null }[];
    expect(cards.find((c) => c.mentor.id === mentor.id)?.rating).toBe(4);
  });

  it('operators see all of it; founders and investors see nobody else\'s feedback', async () => {
    const ops = await (await kit.person('ops')).session.get(`${OH}/feedback`);
    expect(ops.status).toBe(200);
    expect((ops.json.feedback as Feedback[]).map((f) => f.comment)).toEqual(
      expect.arrayContaining(['Sharp advice on the seed round', 'Good, but ran short', 'Team knows its numbers']),
    );
    for (const who of ['chen', 'lina', 'hannah'] as const) {
      const res = await (await kit.person(who)).session.get(`${OH}/feedback`);
      if (res.status === 200) {
        expect(res.text, who).not.toContain('Good, but ran short');
        expect(res.text, who).not.toContain('Team knows its numbers');
      } else {
        expect(res.status, who).toBe(403);
      }
    }
    // Chen's booking view carries only Chen's own feedback.
    const view = (await (await kit.person('chen')).session.get(`${OH}/bookings/${started.id}`)).text;
    expect(view).not.toContain('Good, but ran short');
    expect(view).not.toContain('Team knows its numbers');
  });
});
