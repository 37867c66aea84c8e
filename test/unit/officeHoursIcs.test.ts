/**
 * The .ics of a booking as a pure function (server/officeHours/ics.ts), read back with ical.js: the
 * mentor's wall time next to its TZID on both sides of a daylight-saving switch, and the VTIMEZONE
 * carrying the rules that turn it back into the right instant.
 */
import { describe, expect, it } from 'vitest';
import { bookingIcs } from '../../server/officeHours/ics.js';
import type { BookingRecord } from '../../server/store/officeHoursTypes.js';
import { parseIcs } from '../helpers/officeHours.js';

function record(startsAt: string, minutes = 30, over: Partial<BookingRecord> = {}): BookingRecord {
  return {
    id: 'b1',
    mentorId: 'm1',
    startupId: 's1',
    bookedBy: 'f1',
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(),
    roomClosesAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(),
    topic: null,
    agenda: 'Pricing',
    status: 'confirmed',
    dropIn: false,
    sequence: 0,
    cancelledBy: null,
    cancelledAt: null,
    remindedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

const people = (timeZone: string) => ({
  mentor: { name: 'Daniel Brooks', email: 'daniel@hatchery.demo', timeZone },
  founders: [
    { name: 'Chen Yu', email: 'chen@hatchery.demo' },
    { name: 'Sofia Rossi', email: 'sofia@hatchery.demo' },
  ],
  startupName: 'Tidewater Robotics',
});

describe('bookingIcs', () => {
  it.each([
    ['before the March switch (EST)', '2026-03-06T14:00:00.000Z', '20260306T090000'],
    ['after the March switch (EDT)', '2026-03-09T13:00:00.000Z', '20260309T090000'],
    ['before the November switch (EDT)', '2026-10-30T13:00:00.000Z', '20261030T090000'],
    ['after the November switch (EST)', '2026-11-02T14:00:00.000Z', '20261102T090000'],
  ])('New York 09:00 %s: DTSTART is the wall time and ical.js resolves it to the instant', (_label, startsAt, wall) => {
    const text = bookingIcs(record(startsAt), people('America/New_York'), 'https://hatchery.example');
    expect(text).toContain(`DTSTART;TZID=America/New_York:${wall}`);
    const ics = parseIcs(text);
    expect(ics.start.toISOString()).toBe(startsAt);
    expect(ics.end.getTime() - ics.start.getTime()).toBe(30 * 60_000);
    expect(ics.tzid).toBe('America/New_York');
  });

  it('a Shanghai mentor: 09:00 local is 01:00 UTC', () => {
    const text = bookingIcs(record('2026-06-01T01:00:00.000Z'), people('Asia/Shanghai'), 'https://hatchery.example');
    expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20260601T090000');
    expect(parseIcs(text).start.toISOString()).toBe('2026-06-01T01:00:00.000Z');
  });

  it('REQUEST with a stable UID and the sequence; CANCEL with STATUS:CANCELLED when cancelled', () => {
    const ok = parseIcs(bookingIcs(record('2026-06-01T13:00:00.000Z', 30, { sequence: 2 }), people('America/New_York'), 'https://h.example'));
    expect(ok).toMatchObject({ method: 'REQUEST', uid: 'booking-b1@hatchery', sequence: 2, status: 'CONFIRMED' });
    expect(ok.organizer?.toLowerCase()).toBe('mailto:daniel@hatchery.demo');
    expect(ok.attendees.map((a) => a.toLowerCase()).sort()).toEqual(['mailto:chen@hatchery.demo', 'mailto:sofia@hatchery.demo']);
    const gone = parseIcs(bookingIcs(record('2026-06-01T13:00:00.000Z', 30, { sequence: 3, status: 'cancelled' }), people('America/New_York'), 'https://h.example'));
    expect(gone).toMatchObject({ method: 'CANCEL', uid: 'booking-b1@hatchery', sequence: 3, status: 'CANCELLED' });
  });
});
