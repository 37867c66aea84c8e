/**
 * Slot generation and the pure booking rules (server/officeHours/slots.ts, docs/office-hours.md
 * "Availability and slots"): wall times stay the mentor's across daylight-saving switches, the
 * spring-forward gap is skipped, the fall-back hour is taken once, exceptions remove or add windows.
 */
import { describe, expect, it } from 'vitest';
import {
  canChange,
  CHANGE_CUTOFF_MS,
  EXTENSION_MS,
  generateSlots,
  overlaps,
  ROOM_OPENS_BEFORE_MS,
  roomOpen,
  SLOT_HORIZON_DAYS,
  slotId,
  weekOf,
} from '../../server/officeHours/slots.js';
import type { Availability } from '../../shared/officeHours.js';

const NY = 'America/New_York';
type Avail = Pick<Availability, 'timeZone' | 'slotMinutes' | 'bufferMinutes' | 'weekly' | 'exceptions'>;

function avail(over: Partial<Avail> = {}): Avail {
  return { timeZone: NY, slotMinutes: 30, bufferMinutes: 10, weekly: [{ weekday: 1, start: '09:00', end: '12:00' }], exceptions: [], ...over };
}

/** "HH:mm" of an instant in a zone, through Intl (independent of the code under test's luxon). */
function hhmm(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}
/** "yyyy-mm-dd HH:mm" of an instant in a zone. */
function local(iso: string, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
const starts = (slots: { startsAt: string }[]) => slots.map((s) => s.startsAt);

describe('generateSlots: a New York mentor, Monday 09:00–12:00, 30 min + 10 min buffer', () => {
  // Monday 2026-01-12 (EST, UTC-5).
  const from = new Date('2026-01-12T00:00:00Z');
  const to = new Date('2026-01-13T12:00:00Z');

  it('starts at 09:00, 09:40, 10:20 and 11:00 New York time (11:40 would not fit)', () => {
    const slots = generateSlots(avail(), from, to);
    expect(slots.map((s) => hhmm(s.startsAt, NY))).toEqual(['09:00', '09:40', '10:20', '11:00']);
    expect(starts(slots)).toEqual(['2026-01-12T14:00:00.000Z', '2026-01-12T14:40:00.000Z', '2026-01-12T15:20:00.000Z', '2026-01-12T16:00:00.000Z']);
    // Each slot lasts slotMinutes (the buffer is between slots, not part of them).
    for (const s of slots) expect(Date.parse(s.endsAt) - Date.parse(s.startsAt)).toBe(30 * 60_000);
    expect(slots.at(-1)!.endsAt).toBe('2026-01-12T16:30:00.000Z');
  });

  it('a slot that ends exactly at the window end fits; one a minute longer does not', () => {
    const exact = generateSlots(avail({ slotMinutes: 60, bufferMinutes: 0 }), from, to);
    expect(exact.map((s) => hhmm(s.startsAt, NY))).toEqual(['09:00', '10:00', '11:00']);
    const tooLong = generateSlots(avail({ slotMinutes: 61, bufferMinutes: 0 }), from, to);
    expect(tooLong.map((s) => hhmm(s.startsAt, NY))).toEqual(['09:00', '10:01']);
  });

  it('only the window\'s weekday gets slots; times are UTC ISO strings in order', () => {
    const week = generateSlots(avail(), new Date('2026-01-12T00:00:00Z'), new Date('2026-01-19T05:00:00Z'));
    // Monday the 12th only (the next Monday, the 19th, starts at 05:00Z = 00:00 New York and has no slot before `to`).
    expect(new Set(week.map((s) => local(s.startsAt, NY).slice(0, 10)))).toEqual(new Set(['2026-01-12']));
    for (const s of week) expect(s.startsAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
    expect(starts(week)).toEqual([...starts(week)].sort());
  });

  it('a Shanghai founder sees the same slot in their own wall time', () => {
    const [first] = generateSlots(avail(), from, to);
    // 09:00 EST (UTC-5) = 14:00 UTC = 22:00 in Shanghai (UTC+8, no DST).
    expect(local(first!.startsAt, 'Asia/Shanghai')).toBe('2026-01-12 22:00');
  });

  it('from is inclusive and to is exclusive (slots that started before `from` are not offered)', () => {
    const all = generateSlots(avail(), from, to);
    const fromSecond = generateSlots(avail(), new Date(all[1]!.startsAt), to);
    expect(starts(fromSecond)).toEqual(starts(all).slice(1));
    const oneMsLater = generateSlots(avail(), new Date(Date.parse(all[1]!.startsAt) + 1), to);
    expect(starts(oneMsLater)).toEqual(starts(all).slice(2));
    const untilThird = generateSlots(avail(), from, new Date(all[2]!.startsAt));
    expect(starts(untilThird)).toEqual(starts(all).slice(0, 2));
  });
});

describe('generateSlots across daylight-saving switches (America/New_York)', () => {
  const every = (start: string, end: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));

  it('March 8 2026: 09:00 stays 09:00 in New York; the UTC instant moves an hour earlier', () => {
    const a = avail({ weekly: every('09:00', '09:30'), bufferMinutes: 0 });
    const slots = generateSlots(a, new Date('2026-03-06T00:00:00Z'), new Date('2026-03-11T00:00:00Z'));
    expect(slots.map((s) => local(s.startsAt, NY))).toEqual(['2026-03-06 09:00', '2026-03-07 09:00', '2026-03-08 09:00', '2026-03-09 09:00', '2026-03-10 09:00']);
    expect(starts(slots)).toEqual([
      '2026-03-06T14:00:00.000Z',
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z', // EDT from 02:00 that morning
      '2026-03-09T13:00:00.000Z',
      '2026-03-10T13:00:00.000Z',
    ]);
    // For a founder in Shanghai (no DST) the same slot moves from 22:00 to 21:00.
    expect(slots.map((s) => hhmm(s.startsAt, 'Asia/Shanghai'))).toEqual(['22:00', '22:00', '21:00', '21:00', '21:00']);
  });

  it('November 1 2026: 09:00 stays 09:00; the UTC instant moves an hour later', () => {
    const a = avail({ weekly: every('09:00', '09:30'), bufferMinutes: 0 });
    const slots = generateSlots(a, new Date('2026-10-31T00:00:00Z'), new Date('2026-11-03T00:00:00Z'));
    expect(slots.map((s) => local(s.startsAt, NY))).toEqual(['2026-10-31 09:00', '2026-11-01 09:00', '2026-11-02 09:00']);
    expect(starts(slots)).toEqual(['2026-10-31T13:00:00.000Z', '2026-11-01T14:00:00.000Z', '2026-11-02T14:00:00.000Z']);
    expect(slots.map((s) => hhmm(s.startsAt, 'Asia/Shanghai'))).toEqual(['21:00', '22:00', '22:00']);
  });

  it('a window over the spring-forward gap skips the nonexistent 02:00 and 02:30', () => {
    // Sunday 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT.
    const a = avail({ weekly: [], bufferMinutes: 0, exceptions: [{ kind: 'extra', date: '2026-03-08', start: '01:30', end: '03:30' }] });
    const slots = generateSlots(a, new Date('2026-03-08T00:00:00Z'), new Date('2026-03-09T00:00:00Z'));
    expect(slots.map((s) => hhmm(s.startsAt, NY))).toEqual(['01:30', '03:00']);
    expect(starts(slots)).toEqual(['2026-03-08T06:30:00.000Z', '2026-03-08T07:00:00.000Z']);
    // Not shifted: no slot lands on 03:00 twice, and none starts at a made-up 03:30 either.
    expect(new Set(starts(slots)).size).toBe(slots.length);
  });

  it('a window over the fall-back hour takes each wall time once (the first occurrence)', () => {
    // Sunday 2026-11-01: 01:00–02:00 happens twice (EDT, then EST).
    const a = avail({ weekly: [], bufferMinutes: 0, exceptions: [{ kind: 'extra', date: '2026-11-01', start: '01:00', end: '02:00' }] });
    const slots = generateSlots(a, new Date('2026-11-01T00:00:00Z'), new Date('2026-11-02T00:00:00Z'));
    expect(slots.map((s) => hhmm(s.startsAt, NY))).toEqual(['01:00', '01:30']);
    // The first 01:00 is EDT (UTC-4).
    expect(starts(slots)).toEqual(['2026-11-01T05:00:00.000Z', '2026-11-01T05:30:00.000Z']);
    expect(new Set(starts(slots)).size).toBe(slots.length);
  });

  it('a 15-minute grid through the whole fall-back night has no duplicate instants', () => {
    const a = avail({ weekly: [{ weekday: 7, start: '00:00', end: '04:00' }], slotMinutes: 15, bufferMinutes: 0 });
    const slots = generateSlots(a, new Date('2026-11-01T00:00:00Z'), new Date('2026-11-02T00:00:00Z'));
    expect(slots).toHaveLength(16); // 00:00 … 03:45 by wall time, each once
    expect(new Set(starts(slots)).size).toBe(16);
    expect(new Set(slots.map((s) => hhmm(s.startsAt, NY))).size).toBe(16);
  });
});

describe('generateSlots: exceptions', () => {
  // Mondays 2026-01-12 and 2026-01-19.
  const from = new Date('2026-01-12T00:00:00Z');
  const to = new Date('2026-01-20T00:00:00Z');
  const base = () => avail({ bufferMinutes: 0, slotMinutes: 60 });

  it('`off` removes that date and only that date', () => {
    const all = generateSlots(base(), from, to);
    expect(new Set(all.map((s) => local(s.startsAt, NY).slice(0, 10)))).toEqual(new Set(['2026-01-12', '2026-01-19']));
    const off = generateSlots({ ...base(), exceptions: [{ kind: 'off', date: '2026-01-12' }] }, from, to);
    expect(off.map((s) => local(s.startsAt, NY))).toEqual(['2026-01-19 09:00', '2026-01-19 10:00', '2026-01-19 11:00']);
  });

  it('`extra` adds a window on a day without weekly hours, and beside the weekly window', () => {
    const extra = generateSlots(
      {
        ...base(),
        exceptions: [
          { kind: 'extra', date: '2026-01-14', start: '18:00', end: '20:00' }, // a Wednesday
          { kind: 'extra', date: '2026-01-12', start: '14:00', end: '15:00' }, // the Monday, in the afternoon
        ],
      },
      from,
      to,
    );
    expect(extra.map((s) => local(s.startsAt, NY))).toEqual([
      '2026-01-12 09:00',
      '2026-01-12 10:00',
      '2026-01-12 11:00',
      '2026-01-12 14:00',
      '2026-01-14 18:00',
      '2026-01-14 19:00',
      '2026-01-19 09:00',
      '2026-01-19 10:00',
      '2026-01-19 11:00',
    ]);
  });

  it('an `extra` window overlapping the weekly one gives no duplicate instants', () => {
    const both = generateSlots({ ...base(), exceptions: [{ kind: 'extra', date: '2026-01-12', start: '09:00', end: '10:00' }] }, from, new Date('2026-01-13T00:00:00Z'));
    expect(both.map((s) => hhmm(s.startsAt, NY))).toEqual(['09:00', '10:00', '11:00']);
  });

  it('`off` plus `extra` on the same date: only the extra window', () => {
    const swapped = generateSlots(
      {
        ...base(),
        exceptions: [
          { kind: 'off', date: '2026-01-12' },
          { kind: 'extra', date: '2026-01-12', start: '16:00', end: '17:00' },
        ],
      },
      from,
      new Date('2026-01-13T00:00:00Z'),
    );
    expect(swapped.map((s) => hhmm(s.startsAt, NY))).toEqual(['16:00']);
  });
});

describe('generateSlots: other zones and the horizon', () => {
  it('a Shanghai mentor\'s Tuesday 09:00 is Monday 20:00 in New York in winter', () => {
    const slots = generateSlots(
      { timeZone: 'Asia/Shanghai', slotMinutes: 45, bufferMinutes: 15, weekly: [{ weekday: 2, start: '09:00', end: '11:00' }], exceptions: [] },
      new Date('2026-01-12T00:00:00Z'),
      new Date('2026-01-14T00:00:00Z'),
    );
    expect(slots.map((s) => local(s.startsAt, 'Asia/Shanghai'))).toEqual(['2026-01-13 09:00', '2026-01-13 10:00']);
    expect(local(slots[0]!.startsAt, NY)).toBe('2026-01-12 20:00');
  });

  it('28 days of every-day windows give 28 × slots-per-day', () => {
    expect(SLOT_HORIZON_DAYS).toBe(28);
    const from = new Date('2026-02-02T00:00:00Z');
    const slots = generateSlots(
      { timeZone: 'UTC', slotMinutes: 30, bufferMinutes: 0, weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '10:00' })), exceptions: [] },
      from,
      new Date(from.getTime() + SLOT_HORIZON_DAYS * 86400_000),
    );
    expect(slots).toHaveLength(56);
  });
});

describe('booking rules (pure)', () => {
  const r = (startsAt: string, endsAt: string) => ({ startsAt, endsAt });

  it('slot ids are the mentor and the start in ms', () => {
    expect(slotId('m1', '2026-01-12T14:00:00.000Z')).toBe(`m1_${Date.parse('2026-01-12T14:00:00.000Z')}`);
  });

  it('overlaps: intersecting ranges overlap, touching ends do not', () => {
    const a = r('2026-01-12T14:00:00.000Z', '2026-01-12T14:30:00.000Z');
    expect(overlaps(a, r('2026-01-12T14:15:00.000Z', '2026-01-12T14:45:00.000Z'))).toBe(true);
    expect(overlaps(a, r('2026-01-12T13:45:00.000Z', '2026-01-12T14:01:00.000Z'))).toBe(true);
    expect(overlaps(a, r('2026-01-12T14:05:00.000Z', '2026-01-12T14:10:00.000Z'))).toBe(true); // inside
    expect(overlaps(a, r('2026-01-12T13:00:00.000Z', '2026-01-12T15:00:00.000Z'))).toBe(true); // around
    expect(overlaps(a, r('2026-01-12T14:30:00.000Z', '2026-01-12T15:00:00.000Z'))).toBe(false);
    expect(overlaps(a, r('2026-01-12T13:30:00.000Z', '2026-01-12T14:00:00.000Z'))).toBe(false);
  });

  it('cancel/reschedule cut-off is one hour before the start', () => {
    expect(CHANGE_CUTOFF_MS).toBe(3600_000);
    const start = '2026-01-12T14:00:00.000Z';
    const t = Date.parse(start);
    expect(canChange(start, t - 3600_000)).toBe(true);
    expect(canChange(start, t - 3600_000 - 1)).toBe(true);
    expect(canChange(start, t - 3600_000 + 1)).toBe(false);
    expect(canChange(start, t + 60_000)).toBe(false);
  });

  it('the private room is open from 5 minutes before the start until roomClosesAt', () => {
    expect(ROOM_OPENS_BEFORE_MS).toBe(5 * 60_000);
    expect(EXTENSION_MS).toBe(5 * 60_000);
    const b = { startsAt: '2026-01-12T14:00:00.000Z', roomClosesAt: '2026-01-12T14:30:00.000Z' };
    const t = Date.parse(b.startsAt);
    expect(roomOpen(b, t - 5 * 60_000 - 1)).toBe(false);
    expect(roomOpen(b, t - 5 * 60_000)).toBe(true);
    expect(roomOpen(b, t + 29 * 60_000)).toBe(true);
    expect(roomOpen(b, Date.parse(b.roomClosesAt))).toBe(false);
    // An extension keeps it open longer.
    expect(roomOpen({ ...b, roomClosesAt: '2026-01-12T14:35:00.000Z' }, Date.parse(b.roomClosesAt))).toBe(true);
  });

  it('weekOf: Monday 00:00 to the next Monday 00:00 in the mentor\'s zone', () => {
    // Sunday 2026-01-18 22:00 New York = Monday 03:00 UTC: still the New York week of Monday the 12th.
    expect(weekOf('2026-01-19T03:00:00.000Z', NY)).toEqual({ from: '2026-01-12T05:00:00.000Z', to: '2026-01-19T05:00:00.000Z' });
    // The same instant is already Monday in Shanghai.
    expect(weekOf('2026-01-19T03:00:00.000Z', 'Asia/Shanghai')).toEqual({ from: '2026-01-18T16:00:00.000Z', to: '2026-01-25T16:00:00.000Z' });
    // A week containing the spring-forward switch is 167 hours long.
    const dst = weekOf('2026-03-08T12:00:00.000Z', NY);
    expect(dst).toEqual({ from: '2026-03-02T05:00:00.000Z', to: '2026-03-09T04:00:00.000Z' });
  });
});

describe('a window that runs to midnight', () => {
  it('"24:00" is accepted as an end, and the last slot ends exactly at midnight', async () => {
    const { Availability } = await import('../../shared/officeHours.js');
    const a = Availability.parse({
      timeZone: 'Asia/Shanghai', slotMinutes: 60, bufferMinutes: 0, capacity: 1, topics: [], maxPerStartupPerWeek: 1, exceptions: [],
      weekly: [{ weekday: 1, start: '22:00', end: '24:00' }],
    });
    // Monday 2026-11-30 in Shanghai.
    const slots = generateSlots(a, new Date('2026-11-30T00:00:00+08:00'), new Date('2026-12-01T02:00:00+08:00'));
    expect(slots.map((s) => s.endsAt)).toEqual(['2026-11-30T15:00:00.000Z', '2026-11-30T16:00:00.000Z']);
    expect(Availability.safeParse({ ...a, weekly: [{ weekday: 1, start: '24:00', end: '24:00' }] }).success).toBe(false);
  });
});
