import { describe, expect, it } from 'vitest';
import type { Availability, OfficeHourSlot } from '../../../shared/officeHours.js';
import { dayIn, groupSlotsByDay, slotState } from '../../../client/src/officeHours/slotGroups.js';
import { isoWeekday, previewSlots } from '../../../client/src/officeHours/slotPreview.js';
import { canChange, canGiveFeedback, formatCountdown, roomPhase } from '../../../client/src/officeHours/sessionRules.js';
import { mergeNotifications, unreadCount } from '../../../client/src/officeHours/liveStore.js';

const slot = (startsAt: string, over: Partial<OfficeHourSlot> = {}): OfficeHourSlot => ({
  id: `m_${Date.parse(startsAt)}`,
  mentorId: 'm',
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + 30 * 60_000).toISOString(),
  capacity: 1,
  booked: 0,
  mine: false,
  ...over,
});

describe('office-hour slots in the viewer’s zone', () => {
  // A Shanghai mentor's Tuesday 14:00 / 16:00 / Wednesday 09:00 (UTC+8, no DST).
  const slots = [slot('2026-12-01T06:00:00.000Z'), slot('2026-12-01T08:00:00.000Z'), slot('2026-12-02T01:00:00.000Z')];

  it('groups by the viewer’s calendar day, which may differ from the mentor’s', () => {
    // New York (UTC−5): Tue 01:00, Tue 03:00 and Tue 20:00 — all on the viewer's Tuesday.
    expect(groupSlotsByDay(slots, 'America/New_York').map((d) => [d.date, d.slots.length])).toEqual([['2026-12-01', 3]]);
    // Shanghai itself: two on Tuesday, one on Wednesday.
    expect(groupSlotsByDay(slots, 'Asia/Shanghai').map((d) => [d.date, d.slots.length])).toEqual([
      ['2026-12-01', 2],
      ['2026-12-02', 1],
    ]);
  });

  it('sorts days and slots even when the input is not sorted', () => {
    const days = groupSlotsByDay([...slots].reverse(), 'Asia/Shanghai');
    expect(days[0]!.slots.map((s) => s.startsAt)).toEqual([slots[0]!.startsAt, slots[1]!.startsAt]);
  });

  it('puts a slot on the right day around a daylight-saving change', () => {
    // 2026-03-08 02:30 UTC is 21:30 on 7 March in New York (still UTC−5); 07:30 UTC is 03:30 on the 8th (now UTC−4).
    expect(dayIn('2026-03-08T02:30:00Z', 'America/New_York')).toBe('2026-03-07');
    expect(dayIn('2026-03-08T07:30:00Z', 'America/New_York')).toBe('2026-03-08');
  });

  it('calls a slot free, full or mine', () => {
    expect(slotState(slot('2026-12-01T06:00:00Z'))).toBe('free');
    expect(slotState(slot('2026-12-01T06:00:00Z', { capacity: 3, booked: 3 }))).toBe('full');
    expect(slotState(slot('2026-12-01T06:00:00Z', { capacity: 3, booked: 3, mine: true }))).toBe('mine');
    expect(slotState(slot('2026-12-01T06:00:00Z', { capacity: 3, booked: 2 }))).toBe('free');
  });
});

describe('slot preview of an availability draft', () => {
  const base: Availability = {
    timeZone: 'Asia/Shanghai',
    slotMinutes: 45,
    bufferMinutes: 15,
    capacity: 1,
    topics: [],
    weekly: [{ weekday: 2, start: '14:00', end: '17:00' }],
    exceptions: [],
    maxPerStartupPerWeek: 2,
  };
  // Monday 30 Nov 2026, 10:00 in Shanghai.
  const now = new Date('2026-11-30T02:00:00Z');

  it('knows ISO weekdays', () => {
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-12-06')).toBe(7);
  });

  it('makes one slot every slot + buffer minutes while it fits, in the mentor’s zone', () => {
    const starts = previewSlots(base, now, { limit: 3 });
    expect(starts.map((d) => d.toISOString())).toEqual(['2026-12-01T06:00:00.000Z', '2026-12-01T07:00:00.000Z', '2026-12-01T08:00:00.000Z']);
  });

  it('honours a day off and an extra window', () => {
    const a: Availability = {
      ...base,
      exceptions: [
        { kind: 'off', date: '2026-12-01' },
        { kind: 'extra', date: '2026-12-03', start: '20:00', end: '21:00' },
      ],
    };
    expect(previewSlots(a, now, { limit: 1 })[0]!.toISOString()).toBe('2026-12-03T12:00:00.000Z');
  });

  it('keeps a New York 09:00 at 09:00 across the March change and skips a wall time that does not exist', () => {
    const ny: Availability = { ...base, timeZone: 'America/New_York', slotMinutes: 30, bufferMinutes: 0, weekly: [{ weekday: 7, start: '02:00', end: '03:00' }, { weekday: 1, start: '09:00', end: '09:30' }] };
    const starts = previewSlots(ny, new Date('2026-03-07T12:00:00Z'), { limit: 2 }).map((d) => d.toISOString());
    // Sunday 8 March 02:00–03:00 does not exist in New York; Monday 09:00 is now UTC−4.
    expect(starts).toEqual(['2026-03-09T13:00:00.000Z', '2026-03-15T06:00:00.000Z']);
  });
});

describe('what a booking allows now', () => {
  const b = { status: 'confirmed' as const, startsAt: '2026-12-01T10:00:00.000Z', roomClosesAt: '2026-12-01T10:30:00.000Z', myFeedback: null };
  const at = (iso: string) => Date.parse(iso);

  it('opens the room five minutes before the start until it closes', () => {
    expect(roomPhase(b, at('2026-12-01T09:54:59Z'))).toBe('notYet');
    expect(roomPhase(b, at('2026-12-01T09:55:00Z'))).toBe('open');
    expect(roomPhase(b, at('2026-12-01T10:29:59Z'))).toBe('open');
    expect(roomPhase(b, at('2026-12-01T10:30:00Z'))).toBe('closed');
    expect(roomPhase({ ...b, status: 'cancelled' }, at('2026-12-01T10:00:00Z'))).toBe('cancelled');
  });

  it('allows cancelling until an hour before, feedback once it started', () => {
    expect(canChange(b, at('2026-12-01T09:00:00Z'))).toBe(true);
    expect(canChange(b, at('2026-12-01T09:00:01Z'))).toBe(false);
    expect(canGiveFeedback(b, at('2026-12-01T09:59:59Z'))).toBe(false);
    expect(canGiveFeedback(b, at('2026-12-01T10:00:00Z'))).toBe(true);
    expect(canGiveFeedback({ ...b, myFeedback: { rating: 5, comment: '' } }, at('2026-12-01T11:00:00Z'))).toBe(false);
  });

  it('formats the time left', () => {
    expect(formatCountdown(65_000)).toBe('01:05');
    expect(formatCountdown(3_725_000)).toBe('1:02:05');
    expect(formatCountdown(-5)).toBe('00:00');
  });
});

describe('notifications list', () => {
  const n = (id: string, createdAt: string, read = false) => ({ id, kind: 'booking.booked' as const, bookingId: 'b', actorName: 'A', startsAt: null, subject: null, link: null, createdAt, read });
  it('merges pushes and loads by id, newest first, and counts unread', () => {
    const list = mergeNotifications([n('a', '2026-01-01T00:00:00Z')], [n('b', '2026-01-02T00:00:00Z'), n('a', '2026-01-01T00:00:00Z', true)]);
    expect(list.map((x) => x.id)).toEqual(['b', 'a']);
    expect(unreadCount(list)).toBe(1);
  });
});
