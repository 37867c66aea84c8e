/**
 * Availability, slots and booking over REST (docs/office-hours.md "Availability and slots", "Booking"):
 * who may publish and book, the database refusing over-booking under concurrency (100 founders for one
 * 1:1 seat, 30 for a group of 3), one seat per startup, overlaps, cancelling, the 1-hour cut-off,
 * atomic rescheduling and the weekly limit per startup.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import {
  availability,
  book,
  bookingOf,
  dateIn,
  errorOf,
  everyDay,
  listSlots,
  mondayIn,
  OfficeKit,
  OH,
  postBooking,
  put,
  setAvailability,
  slotAt,
  slotsOnDate,
  wall,
  type OhPerson,
} from '../helpers/officeHours.js';
import { Availability as AvailabilitySchema, Booking as BookingSchema, OfficeHourSlot as SlotSchema } from '../../shared/officeHours.js';

const NY = 'America/New_York';
let srv: TestServer;
let kit: OfficeKit;
/** 100 (founder, startup) pairs: 20 fresh founders with 5 startups each. */
let racers: { founder: OhPerson; startupId: string }[];

beforeAll(async () => {
  srv = await startServer();
  kit = await OfficeKit.create(srv.url);
  racers = await kit.racers(100, 5);
}, 60_000);
afterEach(() => kit.closeAll());
afterAll(() => srv.close());

/** A fresh New York mentor with every-day 09:00–12:00 windows (30-min one-to-one slots unless overridden). */
async function nyMentor(over: Parameters<typeof availability>[0] = {}) {
  return kit.newMentor(NY, { weekly: everyDay('09:00', '12:00'), ...over });
}

/** The mentor's slots on the New York date `days` ahead. */
async function slotsOn(mentor: OhPerson, days: number, as?: OhPerson) {
  const viewer = as ?? (await kit.person('chen'));
  return slotsOnDate(await listSlots(viewer.session, mentor.id), NY, dateIn(NY, days));
}

describe('availability', () => {
  it('a mentor replaces their availability and anyone signed in reads it back', async () => {
    const mentor = await kit.newMentor(NY);
    const body = availability({
      timeZone: NY,
      slotMinutes: 45,
      bufferMinutes: 15,
      capacity: 3,
      topics: ['fundraising', 'pitching'],
      weekly: [{ weekday: 2, start: '13:00', end: '17:00' }],
      exceptions: [
        { kind: 'off', date: dateIn(NY, 7) },
        { kind: 'extra', date: dateIn(NY, 3), start: '08:00', end: '09:00' },
      ],
      maxPerStartupPerWeek: 2,
    });
    const res = await put(mentor.session, `${OH}/availability`, body);
    expect(res.status, res.text).toBe(200);
    const chen = await kit.person('chen');
    const got = await chen.session.get(`${OH}/availability/${mentor.id}`);
    expect(got.status).toBe(200);
    expect(AvailabilitySchema.parse(got.json.availability)).toEqual(body);

    // PUT replaces (no merging of old windows).
    await setAvailability(mentor, availability({ timeZone: NY, weekly: [{ weekday: 5, start: '10:00', end: '11:00' }] }));
    expect((await chen.session.get(`${OH}/availability/${mentor.id}`)).json.availability.weekly).toEqual([{ weekday: 5, start: '10:00', end: '11:00' }]);
  });

  it('founders, investors and operators get 403; nobody signed in gets 401', async () => {
    for (const who of ['chen', 'hannah', 'ops'] as const) {
      const res = await put((await kit.person(who)).session, `${OH}/availability`, availability());
      expect(res.status, `${who}: ${res.text}`).toBe(403);
      expect(errorOf(res).reason).toBe('forbidden');
    }
    const anon = await fetch(`${srv.url}${OH}/availability`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(availability()) });
    expect(anon.status).toBe(401);
  });

  it('bad bodies are 400 with the field named, and change nothing', async () => {
    const mentor = await kit.newMentor(NY, { weekly: [{ weekday: 1, start: '09:00', end: '10:00' }] });
    const bad: [string, unknown][] = [
      ['slotMinutes', availability({ slotMinutes: 5 })],
      ['bufferMinutes', availability({ bufferMinutes: 61 })],
      ['capacity', availability({ capacity: 9 })],
      ['capacity', availability({ capacity: 0 })],
      ['weekly', availability({ weekly: [{ weekday: 8, start: '09:00', end: '10:00' }] })],
      ['weekly', availability({ weekly: [{ weekday: 1, start: '12:00', end: '09:00' }] })],
      ['weekly', availability({ weekly: [{ weekday: 1, start: '9:00', end: '10:00' }] })],
      ['exceptions', availability({ exceptions: [{ kind: 'extra', date: '2026-02-30', start: '09:00', end: '10:00' }] })],
      ['exceptions', availability({ exceptions: [{ kind: 'holiday', date: '2026-02-03' } as never] })],
      ['timeZone', availability({ timeZone: 'Mars/Olympus_Mons' })],
      ['topics', availability({ topics: ['astrology' as never] })],
      ['maxPerStartupPerWeek', availability({ maxPerStartupPerWeek: 0 })],
      ['extra', { ...availability(), extra: true }],
    ];
    for (const [field, body] of bad) {
      const res = await put(mentor.session, `${OH}/availability`, body);
      expect(res.status, `${field}: ${res.text}`).toBe(400);
      expect(errorOf(res).reason).toBe('bad_request');
      if (field !== 'extra') expect(JSON.stringify(errorOf(res).issues ?? []), field).toContain(field);
    }
    const still = await (await kit.person('chen')).session.get(`${OH}/availability/${mentor.id}`);
    expect(still.json.availability.weekly).toEqual([{ weekday: 1, start: '09:00', end: '10:00' }]);
  });
});

describe('slots', () => {
  it('every day 09:00–12:00 New York time in 30-min slots for the next 28 days, none in the past', async () => {
    const mentor = await nyMentor();
    const chen = await kit.person('chen');
    const slots = await listSlots(chen.session, mentor.id);
    for (const s of slots) SlotSchema.parse(s);
    const now = Date.now();
    expect(slots.length).toBeGreaterThanOrEqual(27 * 6);
    expect(slots.length).toBeLessThanOrEqual(29 * 6);
    for (const s of slots) {
      expect(Date.parse(s.startsAt)).toBeGreaterThan(now - 5000);
      expect(Date.parse(s.startsAt)).toBeLessThanOrEqual(now + 28 * 86400_000);
      expect(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']).toContain(wall(s.startsAt, NY).slice(11));
      expect(Date.parse(s.endsAt) - Date.parse(s.startsAt)).toBe(30 * 60_000);
      expect(s).toMatchObject({ id: `${mentor.id}_${Date.parse(s.startsAt)}`, mentorId: mentor.id, capacity: 1, booked: 0, mine: false });
    }
    // Six a day on a full day.
    expect(slotsOnDate(slots, NY, dateIn(NY, 3))).toHaveLength(6);
  });

  it('from/to narrow the list; beyond 28 days nothing is offered; unknown mentors are 404', async () => {
    const mentor = await nyMentor();
    const chen = await kit.person('chen');
    const day = await slotsOn(mentor, 4);
    const narrow = await listSlots(chen.session, mentor.id, new Date(day[1]!.startsAt), new Date(day[3]!.startsAt));
    expect(narrow.map((s) => s.startsAt)).toEqual([day[1]!.startsAt, day[2]!.startsAt]);

    const far = await chen.session.get(
      `${OH}/mentors/${mentor.id}/slots?from=${encodeURIComponent(new Date(Date.now() + 40 * 86400_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 50 * 86400_000).toISOString())}`,
    );
    // Either refused or empty: never slots past the 28-day horizon.
    if (far.status === 200) expect(far.json.slots).toEqual([]);
    else expect(far.status).toBe(400);

    expect((await chen.session.get(`${OH}/mentors/${mentor.id}/slots?from=yesterday`)).status).toBe(400);
    expect((await chen.session.get(`${OH}/mentors/no-such-mentor/slots`)).status).toBe(404);
  });

  it('the directory lists a published mentor with topics and free slots', async () => {
    const mentor = await nyMentor({ topics: ['legal', 'hiring'], capacity: 2 });
    const res = await (await kit.person('lina')).session.get(`${OH}/mentors`);
    expect(res.status).toBe(200);
    const card = (res.json.mentors as { mentor: { id: string }; topics: string[]; capacity: number; nextSlots: unknown[]; doorOpen: boolean; rating: number | null }[]).find(
      (m) => m.mentor.id === mentor.id,
    );
    expect(card).toMatchObject({ topics: ['legal', 'hiring'], capacity: 2, doorOpen: false, rating: null });
    expect(card!.nextSlots.length).toBeGreaterThan(0);
  });
});

describe('booking', () => {
  it('a founder books a slot: 201 with the booking; the slot shows the seat taken and `mine` for the startup', async () => {
    const mentor = await nyMentor();
    const [chen, sofia, lina] = await Promise.all([kit.person('chen'), kit.person('sofia'), kit.person('lina')]);
    const slot = (await slotsOn(mentor, 2))[1]!;
    const res = await postBooking(chen.session, { mentorId: mentor.id, startsAt: slot.startsAt, startupId: kit.tideId, topic: 'fundraising', agenda: 'Seed deck review' });
    expect(res.status, res.text).toBe(201);
    const b = BookingSchema.parse(bookingOf(res.json));
    expect(b).toMatchObject({
      mentor: { id: mentor.id, timeZone: NY },
      startup: { id: kit.tideId },
      bookedBy: { id: chen.id },
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      roomClosesAt: slot.endsAt,
      topic: 'fundraising',
      agenda: 'Seed deck review',
      status: 'confirmed',
      dropIn: false,
      cancelledBy: null,
    });

    const forSofia = slotAt(await listSlots(sofia.session, mentor.id), slot.startsAt)!;
    expect(forSofia).toMatchObject({ booked: 1, mine: true });
    const forLina = slotAt(await listSlots(lina.session, mentor.id), slot.startsAt)!;
    expect(forLina).toMatchObject({ booked: 1, mine: false });

    // Both parties see it; an outsider does not.
    expect((await sofia.session.get(`${OH}/bookings/${b.id}`)).status).toBe(200);
    expect((await mentor.session.get(`${OH}/bookings/${b.id}`)).status).toBe(200);
    expect((await lina.session.get(`${OH}/bookings/${b.id}`)).status).toBe(403);
    const mine = await mentor.session.get(`${OH}/bookings`);
    expect(mine.json.bookings.map((x: { id: string }) => x.id)).toContain(b.id);
  });

  it('a taken 1:1 slot is 409 for another startup, with a reason', async () => {
    const mentor = await nyMentor();
    const [chen, lina] = await Promise.all([kit.person('chen'), kit.person('lina')]);
    const slot = (await slotsOn(mentor, 2))[0]!;
    await book(chen.session, { mentorId: mentor.id, startsAt: slot.startsAt, startupId: kit.tideId, agenda: '' });
    const res = await postBooking(lina.session, { mentorId: mentor.id, startsAt: slot.startsAt, startupId: kit.agriId, agenda: '' });
    expect(res.status).toBe(409);
    // The specific refusal is machine-readable too (the client says it in the user's language).
    expect(errorOf(res)).toMatchObject({ reason: 'conflict', code: 'oh.slot_full' });
    expect(errorOf(res).message.length).toBeGreaterThan(10);
    // Chen's startup asking again for the slot it holds is a different refusal.
    const again = await postBooking(chen.session, { mentorId: mentor.id, startsAt: slot.startsAt, startupId: kit.tideId, agenda: '' });
    expect(errorOf(again)).toMatchObject({ reason: 'conflict', code: expect.stringMatching(/^oh\.(same_startup|slot_full)$/) });
  });

  it('a start that is not one of the mentor\'s slots, or in the past, is 409; malformed bodies are 400', async () => {
    const mentor = await nyMentor();
    const chen = await kit.person('chen');
    const slot = (await slotsOn(mentor, 2))[0]!;
    const offGrid = new Date(Date.parse(slot.startsAt) + 10 * 60_000).toISOString();
    const r1 = await postBooking(chen.session, { mentorId: mentor.id, startsAt: offGrid, startupId: kit.tideId, agenda: '' });
    expect(r1.status, r1.text).toBe(409);
    expect(errorOf(r1).code).toBe('oh.slot_not_offered');
    const past = new Date(Date.parse(slot.startsAt) - 7 * 86400_000).toISOString(); // same wall time a week ago
    const r2 = await postBooking(chen.session, { mentorId: mentor.id, startsAt: past, startupId: kit.tideId, agenda: '' });
    expect(r2.status, r2.text).toBe(409);
    const beyond = new Date(Date.parse(slot.startsAt) + 35 * 86400_000).toISOString();
    const r3 = await postBooking(chen.session, { mentorId: mentor.id, startsAt: beyond, startupId: kit.tideId, agenda: '' });
    expect(r3.status, r3.text).toBe(409);
    for (const body of [
      { mentorId: mentor.id, startsAt: 'tomorrow at nine', startupId: kit.tideId },
      { mentorId: mentor.id, startupId: kit.tideId },
      { mentorId: mentor.id, startsAt: slot.startsAt, startupId: kit.tideId, topic: 'astrology' },
      { mentorId: mentor.id, startsAt: slot.startsAt, startupId: kit.tideId, agenda: 'x'.repeat(2001) },
      { mentorId: mentor.id, startsAt: slot.startsAt, startupId: kit.tideId, seats: 2 },
    ]) {
      const res = await chen.session.post(`${OH}/bookings`, body);
      expect(res.status, JSON.stringify(body).slice(0, 100)).toBe(400);
    }
    expect(slotAt(await listSlots(chen.session, mentor.id), slot.startsAt)!.booked).toBe(0);
  });

  it('only a founder of the startup books for it: investors, mentors, operators and other founders get 403', async () => {
    const mentor = await nyMentor();
    const slot = (await slotsOn(mentor, 2))[0]!;
    for (const who of ['hannah', 'daniel', 'ops', 'lina', 'marcus'] as const) {
      const res = await postBooking((await kit.person(who)).session, { mentorId: mentor.id, startsAt: slot.startsAt, startupId: kit.tideId, agenda: '' });
      expect(res.status, `${who}: ${res.text}`).toBe(403);
      expect(errorOf(res).reason).toBe('forbidden');
    }
    // A founder of a startup that does not exist is not its founder either.
    const res = await postBooking((await kit.person('chen')).session, { mentorId: mentor.id, startsAt: slot.startsAt, startupId: 'no-such-startup', agenda: '' });
    expect([403, 404]).toContain(res.status);
    expect(slotAt(await listSlots((await kit.person('chen')).session, mentor.id), slot.startsAt)!.booked).toBe(0);
  });
});

describe('concurrency: the database refuses over-booking', () => {
  it('100 concurrent requests from 100 startups for one 1:1 slot: exactly one 201, 99 × 409 with a reason', async () => {
    const mentor = await nyMentor({ capacity: 1 });
    const slot = (await slotsOn(mentor, 3))[2]!;
    const results = await Promise.all(
      racers.map(({ founder, startupId }) => postBooking(founder.session, { mentorId: mentor.id, startsAt: slot.startsAt, startupId, agenda: 'race' })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(errorOf(r).reason).toBe('conflict');
      expect(errorOf(r).message).toMatch(/taken|full|slot/i);
      expect(errorOf(r).code).toBe('oh.slot_full');
    }
    const winner = bookingOf(results.find((r) => r.status === 201)!.json);
    const winnerPair = racers.find((p) => p.startupId === winner.startup.id)!;
    expect(winnerPair).toBeDefined();
    const after = slotAt(await listSlots(winnerPair.founder.session, mentor.id), slot.startsAt)!;
    expect(after).toMatchObject({ booked: 1, mine: true });
    // The mentor has exactly one booking at that start.
    const mine = (await mentor.session.get(`${OH}/bookings`)).json.bookings as { startsAt: string; status: string }[];
    expect(mine.filter((b) => b.startsAt === slot.startsAt && b.status === 'confirmed')).toHaveLength(1);
  });

  it('a capacity-3 group slot under 30 concurrent requests admits exactly 3 different startups', async () => {
    const mentor = await nyMentor({ capacity: 3 });
    const slot = (await slotsOn(mentor, 3))[4]!;
    expect(slot.capacity).toBe(3);
    const contenders = racers.slice(0, 30);
    const results = await Promise.all(
      contenders.map(({ founder, startupId }) => postBooking(founder.session, { mentorId: mentor.id, startsAt: slot.startsAt, startupId, agenda: 'group' })),
    );
    const ok = results.filter((r) => r.status === 201);
    expect(ok).toHaveLength(3);
    expect(results.filter((r) => r.status === 409)).toHaveLength(27);
    expect(new Set(ok.map((r) => bookingOf(r.json).startup.id)).size).toBe(3);
    const chen = await kit.person('chen');
    expect(slotAt(await listSlots(chen.session, mentor.id), slot.startsAt)!.booked).toBe(3);
    // A fourth startup later is still refused.
    const late = await postBooking(chen.session, { mentorId: mentor.id, startsAt: slot.startsAt, startupId: kit.tideId, agenda: '' });
    expect(late.status).toBe(409);
  });

  it('the same startup cannot take two seats of a group slot, even racing itself', async () => {
    const mentor = await nyMentor({ capacity: 3 });
    const [chen, sofia] = await Promise.all([kit.person('chen'), kit.person('sofia')]);
    const [s1, s2] = await slotsOn(mentor, 4);
    await book(chen.session, { mentorId: mentor.id, startsAt: s1!.startsAt, startupId: kit.tideId, agenda: '' });
    const again = await postBooking(sofia.session, { mentorId: mentor.id, startsAt: s1!.startsAt, startupId: kit.tideId, agenda: '' });
    expect(again.status).toBe(409);
    expect(errorOf(again).message).toMatch(/already/i);
    expect(slotAt(await listSlots(chen.session, mentor.id), s1!.startsAt)!.booked).toBe(1);

    // Ten concurrent requests for one startup (two founders) on a fresh group slot: one seat.
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => postBooking((i % 2 ? sofia : chen).session, { mentorId: mentor.id, startsAt: s2!.startsAt, startupId: kit.tideId, agenda: '' })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    expect(slotAt(await listSlots(chen.session, mentor.id), s2!.startsAt)).toMatchObject({ booked: 1, mine: true });
  });

  it('a slot that overlaps an existing booking at a different start is refused (409)', async () => {
    const mentor = await nyMentor({ slotMinutes: 30 });
    const [chen, lina] = await Promise.all([kit.person('chen'), kit.person('lina')]);
    const day = await slotsOn(mentor, 5);
    const nineThirty = day.find((s) => wall(s.startsAt, NY).endsWith('09:30'))!;
    const held = await book(chen.session, { mentorId: mentor.id, startsAt: nineThirty.startsAt, startupId: kit.tideId, agenda: '' });

    // 45-minute slots now: 09:00–09:45 and 09:45–10:30 overlap 09:30–10:00; 10:30 does not.
    await setAvailability(mentor, availability({ timeZone: NY, slotMinutes: 45, weekly: everyDay('09:00', '12:00') }));
    const newDay = await slotsOn(mentor, 5, lina);
    expect(newDay.map((s) => wall(s.startsAt, NY).slice(11))).toEqual(['09:00', '09:45', '10:30', '11:15']);
    for (const s of newDay.slice(0, 2)) {
      const res = await postBooking(lina.session, { mentorId: mentor.id, startsAt: s.startsAt, startupId: kit.agriId, agenda: '' });
      expect(res.status, `${wall(s.startsAt, NY)}: ${res.text}`).toBe(409);
      expect(errorOf(res).message).toMatch(/overlap/i);
      expect(errorOf(res).code).toBe('oh.overlap');
    }
    const ok = await postBooking(lina.session, { mentorId: mentor.id, startsAt: newDay[2]!.startsAt, startupId: kit.agriId, agenda: '' });
    expect(ok.status, ok.text).toBe(201);
    expect(bookingOf((await chen.session.get(`${OH}/bookings/${held.id}`)).json).status).toBe('confirmed');
  });

  it('concurrent requests for two overlapping slots at different starts: at most one wins', async () => {
    // Capacity 2 so that the per-slot seat check cannot be what refuses; only the overlap rule can.
    const mentor = await nyMentor({ slotMinutes: 30, capacity: 2 });
    const day = await slotsOn(mentor, 6);
    const nine = day[0]!;
    // Same mentor, now with 45-min slots starting 09:15 as an extra window the same day.
    await setAvailability(
      mentor,
      availability({ timeZone: NY, slotMinutes: 30, capacity: 2, weekly: everyDay('09:00', '12:00'), exceptions: [{ kind: 'extra', date: dateIn(NY, 6), start: '09:15', end: '09:45' }] }),
    );
    const nineFifteen = (await slotsOn(mentor, 6)).find((s) => wall(s.startsAt, NY).endsWith('09:15'))!;
    expect(nineFifteen).toBeDefined();
    const pairs = racers.slice(30, 50);
    const results = await Promise.all(
      pairs.map(({ founder, startupId }, i) =>
        postBooking(founder.session, { mentorId: mentor.id, startsAt: (i % 2 ? nineFifteen : nine).startsAt, startupId, agenda: '' }),
      ),
    );
    const won = results.filter((r) => r.status === 201).map((r) => bookingOf(r.json).startsAt);
    // Up to 2 seats at ONE of the two starts, never seats at both.
    expect(won.length).toBeGreaterThanOrEqual(1);
    expect(won.length).toBeLessThanOrEqual(2);
    expect(new Set(won).size).toBe(1);
    expect(results.filter((r) => r.status !== 201).every((r) => r.status === 409)).toBe(true);
  });
});

describe('cancel, cut-off, reschedule', () => {
  it('cancelling frees the seat at once: another startup books it', async () => {
    const mentor = await nyMentor();
    const [lina, marcus, chen] = await Promise.all([kit.person('lina'), kit.person('marcus'), kit.person('chen')]);
    const slot = (await slotsOn(mentor, 2))[3]!;
    const b = await book(lina.session, { mentorId: mentor.id, startsAt: slot.startsAt, startupId: kit.agriId, agenda: '' });
    expect((await postBooking(marcus.session, { mentorId: mentor.id, startsAt: slot.startsAt, startupId: kit.ledgerId, agenda: '' })).status).toBe(409);

    // Someone else's founder cannot cancel it.
    expect((await chen.session.post(`${OH}/bookings/${b.id}/cancel`)).status).toBe(403);
    const cancelled = await lina.session.post(`${OH}/bookings/${b.id}/cancel`);
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(bookingOf(cancelled.json)).toMatchObject({ status: 'cancelled', cancelledBy: { id: lina.id } });
    expect(slotAt(await listSlots(marcus.session, mentor.id), slot.startsAt)!.booked).toBe(0);
    // Cancelling twice is a conflict.
    expect((await lina.session.post(`${OH}/bookings/${b.id}/cancel`)).status).toBe(409);

    const taken = await postBooking(marcus.session, { mentorId: mentor.id, startsAt: slot.startsAt, startupId: kit.ledgerId, agenda: '' });
    expect(taken.status, taken.text).toBe(201);
    // The mentor may cancel too.
    const byMentor = await mentor.session.post(`${OH}/bookings/${bookingOf(taken.json).id}/cancel`);
    expect(byMentor.status).toBe(200);
    expect(bookingOf(byMentor.json)).toMatchObject({ status: 'cancelled', cancelledBy: { id: mentor.id } });
  });

  it('within an hour of the start neither side can cancel or reschedule (409)', async () => {
    const [chen, sofia] = await Promise.all([kit.person('chen'), kit.person('sofia')]);
    const { mentor, booking } = await kit.soonBooking(chen, kit.tideId, { minutesAhead: 20, slotMinutes: 15 });
    expect(Date.parse(booking.startsAt) - Date.now()).toBeLessThan(3600_000);
    for (const who of [chen, sofia, mentor]) {
      const res = await who.session.post(`${OH}/bookings/${booking.id}/cancel`);
      expect(res.status, `${who.who}: ${res.text}`).toBe(409);
      expect(errorOf(res).message).toMatch(/hour|late/i);
      expect(errorOf(res).code).toBe('oh.cancel_too_late');
    }
    const resched = await chen.session.post(`${OH}/bookings/${booking.id}/reschedule`, { startsAt: new Date(Date.parse(booking.startsAt) + 15 * 60_000).toISOString() });
    expect(resched.status, resched.text).toBe(409);
    expect(bookingOf((await chen.session.get(`${OH}/bookings/${booking.id}`)).json)).toMatchObject({ status: 'confirmed', startsAt: booking.startsAt });
  });

  it('a founder reschedules to another slot: the old seat is freed and the new one taken', async () => {
    const mentor = await nyMentor();
    const [chen, marcus] = await Promise.all([kit.person('chen'), kit.person('marcus')]);
    const [s1, s2] = await slotsOn(mentor, 3);
    const b = await book(chen.session, { mentorId: mentor.id, startsAt: s1!.startsAt, startupId: kit.tideId, agenda: 'move me' });
    const res = await chen.session.post(`${OH}/bookings/${b.id}/reschedule`, { startsAt: s2!.startsAt });
    expect(res.status, res.text).toBe(200);
    expect(bookingOf(res.json)).toMatchObject({ id: b.id, startsAt: s2!.startsAt, endsAt: s2!.endsAt, status: 'confirmed', agenda: 'move me' });
    const slots = await listSlots(chen.session, mentor.id);
    expect(slotAt(slots, s1!.startsAt)).toMatchObject({ booked: 0, mine: false });
    expect(slotAt(slots, s2!.startsAt)).toMatchObject({ booked: 1, mine: true });
    expect((await postBooking(marcus.session, { mentorId: mentor.id, startsAt: s1!.startsAt, startupId: kit.ledgerId, agenda: '' })).status).toBe(201);
  });

  it('rescheduling onto a taken slot is 409 and keeps the old seat; the mentor cannot reschedule', async () => {
    const mentor = await nyMentor();
    const [chen, lina, marcus] = await Promise.all([kit.person('chen'), kit.person('lina'), kit.person('marcus')]);
    const [s1, s2, s3] = await slotsOn(mentor, 4);
    const mineB = await book(chen.session, { mentorId: mentor.id, startsAt: s1!.startsAt, startupId: kit.tideId, agenda: '' });
    await book(lina.session, { mentorId: mentor.id, startsAt: s2!.startsAt, startupId: kit.agriId, agenda: '' });

    const res = await chen.session.post(`${OH}/bookings/${mineB.id}/reschedule`, { startsAt: s2!.startsAt });
    expect(res.status, res.text).toBe(409);
    const after = bookingOf((await chen.session.get(`${OH}/bookings/${mineB.id}`)).json);
    expect(after).toMatchObject({ startsAt: s1!.startsAt, status: 'confirmed' });
    // The old seat is still held: nobody else can take s1.
    expect((await postBooking(marcus.session, { mentorId: mentor.id, startsAt: s1!.startsAt, startupId: kit.ledgerId, agenda: '' })).status).toBe(409);
    expect(slotAt(await listSlots(chen.session, mentor.id), s1!.startsAt)).toMatchObject({ booked: 1, mine: true });

    // Not a slot: 409, seat kept.
    const offGrid = await chen.session.post(`${OH}/bookings/${mineB.id}/reschedule`, { startsAt: new Date(Date.parse(s3!.startsAt) + 60_000).toISOString() });
    expect(offGrid.status).toBe(409);
    // The mentor does not move a founder's booking; another startup's founder cannot either.
    expect((await mentor.session.post(`${OH}/bookings/${mineB.id}/reschedule`, { startsAt: s3!.startsAt })).status).toBe(403);
    expect((await lina.session.post(`${OH}/bookings/${mineB.id}/reschedule`, { startsAt: s3!.startsAt })).status).toBe(403);
    expect(bookingOf((await chen.session.get(`${OH}/bookings/${mineB.id}`)).json).startsAt).toBe(s1!.startsAt);
  });

  it('two founders racing to reschedule into the same free slot: one moves, the other keeps their seat', async () => {
    const mentor = await nyMentor();
    const [chen, lina] = await Promise.all([kit.person('chen'), kit.person('lina')]);
    const [s1, s2, s3] = await slotsOn(mentor, 5);
    const a = await book(chen.session, { mentorId: mentor.id, startsAt: s1!.startsAt, startupId: kit.tideId, agenda: '' });
    const b = await book(lina.session, { mentorId: mentor.id, startsAt: s2!.startsAt, startupId: kit.agriId, agenda: '' });
    const [ra, rb] = await Promise.all([
      chen.session.post(`${OH}/bookings/${a.id}/reschedule`, { startsAt: s3!.startsAt }),
      lina.session.post(`${OH}/bookings/${b.id}/reschedule`, { startsAt: s3!.startsAt }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const slots = await listSlots(chen.session, mentor.id);
    expect(slotAt(slots, s3!.startsAt)!.booked).toBe(1);
    expect(slotAt(slots, s1!.startsAt)!.booked + slotAt(slots, s2!.startsAt)!.booked).toBe(1);
  });
});

describe('weekly limit per startup', () => {
  it('a startup reaching the mentor\'s weekly limit gets 409 that week, not the next; other startups are not affected', async () => {
    const mentor = await nyMentor({ maxPerStartupPerWeek: 2 });
    const [chen, lina] = await Promise.all([kit.person('chen'), kit.person('lina')]);
    const all = await listSlots(chen.session, mentor.id);
    const monday = mondayIn(NY, 2);
    const tuesday = slotsOnDate(all, NY, addDays(monday, 1));
    const thursday = slotsOnDate(all, NY, addDays(monday, 3));
    const nextWeek = slotsOnDate(all, NY, mondayIn(NY, 3));

    await book(chen.session, { mentorId: mentor.id, startsAt: tuesday[0]!.startsAt, startupId: kit.tideId, agenda: '' });
    const second = await book(chen.session, { mentorId: mentor.id, startsAt: tuesday[2]!.startsAt, startupId: kit.tideId, agenda: '' });
    const third = await postBooking(chen.session, { mentorId: mentor.id, startsAt: thursday[0]!.startsAt, startupId: kit.tideId, agenda: '' });
    expect(third.status, third.text).toBe(409);
    expect(errorOf(third).message).toMatch(/2|week/i);
    // The next week is a new week.
    expect((await postBooking(chen.session, { mentorId: mentor.id, startsAt: nextWeek[0]!.startsAt, startupId: kit.tideId, agenda: '' })).status).toBe(201);
    // Another startup still books that week.
    expect((await postBooking(lina.session, { mentorId: mentor.id, startsAt: thursday[0]!.startsAt, startupId: kit.agriId, agenda: '' })).status).toBe(201);
    // A cancelled booking no longer counts.
    expect((await chen.session.post(`${OH}/bookings/${second.id}/cancel`)).status).toBe(200);
    expect((await postBooking(chen.session, { mentorId: mentor.id, startsAt: thursday[1]!.startsAt, startupId: kit.tideId, agenda: '' })).status).toBe(201);
  });

  it('the weekly limit holds under concurrency: limit 1, eight simultaneous bookings of one startup in one week → one', async () => {
    const mentor = await nyMentor({ maxPerStartupPerWeek: 1 });
    const { founder, startupId } = racers[60]!;
    const all = await listSlots(founder.session, mentor.id);
    const monday = mondayIn(NY, 2);
    const week = [0, 1, 2, 3].flatMap((d) => slotsOnDate(all, NY, addDays(monday, d)).slice(0, 2));
    expect(week).toHaveLength(8);
    const results = await Promise.all(week.map((s) => postBooking(founder.session, { mentorId: mentor.id, startsAt: s.startsAt, startupId, agenda: '' })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
  });
});

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
