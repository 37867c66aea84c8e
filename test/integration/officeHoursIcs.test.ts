/**
 * The booking's calendar invite (docs/office-hours.md ".ics"), read back with ical.js: one VEVENT in the
 * mentor's zone with its VTIMEZONE, the mentor as ORGANIZER and the founders as ATTENDEEs, a stable UID,
 * a SEQUENCE that grows on reschedule and cancel, METHOD:CANCEL for a cancelled booking, and who may fetch it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import {
  book,
  dateIn,
  EMAIL,
  everyDay,
  getIcs,
  listSlots,
  OfficeKit,
  OH,
  parseIcs,
  slotsOnDate,
  wall,
  type OhPerson,
} from '../helpers/officeHours.js';

let srv: TestServer;
let kit: OfficeKit;
beforeAll(async () => {
  srv = await startServer();
  kit = await OfficeKit.create(srv.url);
});
afterAll(() => srv.close());

/** A fresh mentor in `zone` (every day 09:00–12:00) and Tidewater's booking of the first slot `days` ahead. */
async function booked(zone: string, days: number, slotIndex = 0) {
  const mentor = await kit.newMentor(zone, { weekly: everyDay('09:00', '12:00') });
  const chen = await kit.person('chen');
  const slots = slotsOnDate(await listSlots(chen.session, mentor.id), zone, dateIn(zone, days));
  const slot = slots[slotIndex]!;
  const booking = await book(chen.session, { mentorId: mentor.id, startsAt: slot.startsAt, startupId: kit.tideId, agenda: 'Go-to-market plan' });
  return { mentor, chen, booking, slots };
}

/** `mailto:` addresses, lower-cased. */
const addr = (v: string | null) => (v ?? '').toLowerCase().replace(/^mailto:/, '');

async function fetchIcs(who: OhPerson, id: string) {
  const res = await getIcs(who.session, id);
  expect(res.status, res.text).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
  return { text: res.text, ics: parseIcs(res.text) };
}

describe('GET /api/office-hours/bookings/:id/calendar.ics', () => {
  it('one VEVENT: the start as an instant, the mentor\'s TZID with its VTIMEZONE, organizer, attendees, stable UID', async () => {
    const { mentor, chen, booking } = await booked('America/New_York', 3, 1);
    const { text, ics } = await fetchIcs(chen, booking.id);

    expect(ics.method).toBe('REQUEST');
    expect(ics.events).toHaveLength(1);
    expect(ics.start.getTime()).toBe(Date.parse(booking.startsAt));
    expect(ics.end.getTime()).toBe(Date.parse(booking.endsAt));
    expect(ics.tzid).toBe('America/New_York');
    expect(ics.vtimezones.map((z) => z.getFirstPropertyValue('tzid'))).toContain('America/New_York');
    // The wall time written in DTSTART is the mentor's (e.g. 09:30 New York).
    const hhmm = wall(booking.startsAt, 'America/New_York').slice(11).replace(':', '');
    expect(text).toMatch(new RegExp(`DTSTART;TZID=America/New_York:\\d{8}T${hhmm}00`));
    expect(addr(ics.organizer)).toBe(mentor.email.toLowerCase());
    expect(ics.attendees.map(addr).sort()).toEqual([EMAIL.chen, EMAIL.sofia].sort());
    expect(ics.uid).toBe(`booking-${booking.id}@hatchery`);
    expect(ics.status).toBe('CONFIRMED');

    // Fetching again (or as the mentor, or the other founder) gives the same UID and sequence.
    const again = await fetchIcs(mentor, booking.id);
    const sofia = await fetchIcs(await kit.person('sofia'), booking.id);
    expect([again.ics.uid, sofia.ics.uid]).toEqual([ics.uid, ics.uid]);
    expect([again.ics.sequence, sofia.ics.sequence]).toEqual([ics.sequence, ics.sequence]);
  });

  it('a Shanghai mentor\'s booking carries Asia/Shanghai and its VTIMEZONE; the instant still matches', async () => {
    const { chen, booking } = await booked('Asia/Shanghai', 2, 0);
    const { text, ics } = await fetchIcs(chen, booking.id);
    expect(ics.tzid).toBe('Asia/Shanghai');
    expect(ics.vtimezones.map((z) => z.getFirstPropertyValue('tzid'))).toContain('Asia/Shanghai');
    expect(text).toMatch(/DTSTART;TZID=Asia\/Shanghai:\d{8}T090000/);
    expect(ics.start.toISOString()).toBe(new Date(booking.startsAt).toISOString());
  });

  it('after a reschedule: same UID, higher SEQUENCE, new start', async () => {
    const { chen, booking, slots } = await booked('America/New_York', 4, 0);
    const before = (await fetchIcs(chen, booking.id)).ics;
    const to = slots[3]!;
    const res = await chen.session.post(`${OH}/bookings/${booking.id}/reschedule`, { startsAt: to.startsAt });
    expect(res.status, res.text).toBe(200);
    const after = (await fetchIcs(chen, booking.id)).ics;
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.start.getTime()).toBe(Date.parse(to.startsAt));
    expect(after.start.getTime()).not.toBe(before.start.getTime());
    expect(after.method).toBe('REQUEST');
  });

  it('after a cancel: METHOD:CANCEL, STATUS:CANCELLED, same UID, higher SEQUENCE', async () => {
    const { mentor, chen, booking } = await booked('America/New_York', 5, 2);
    const before = (await fetchIcs(mentor, booking.id)).ics;
    expect((await mentor.session.post(`${OH}/bookings/${booking.id}/cancel`)).status).toBe(200);
    const { text, ics } = await fetchIcs(chen, booking.id);
    expect(ics.method).toBe('CANCEL');
    expect(ics.status).toBe('CANCELLED');
    expect(text).toMatch(/^METHOD:CANCEL\r?$/m);
    expect(ics.uid).toBe(before.uid);
    expect(ics.sequence).toBeGreaterThan(before.sequence);
  });

  it('only the mentor and the startup\'s founders may fetch it; unknown bookings are 404', async () => {
    const { booking } = await booked('America/New_York', 6, 0);
    for (const who of ['lina', 'marcus', 'hannah', 'daniel', 'ops'] as const) {
      const res = await getIcs((await kit.person(who)).session, booking.id);
      expect(res.status, who).toBe(403);
      expect(res.text).not.toContain('BEGIN:VCALENDAR');
    }
    expect((await fetch(`${srv.url}${OH}/bookings/${booking.id}/calendar.ics`)).status).toBe(401);
    expect((await getIcs((await kit.person('chen')).session, 'no-such-booking')).status).toBe(404);
  });
});
