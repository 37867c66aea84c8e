/**
 * Concrete slots from a mentor's weekly availability. Wall times are the mentor's, so a 09:00 slot stays
 * 09:00 in their zone across daylight-saving changes (its UTC instant moves). Pure functions.
 */
import { DateTime } from 'luxon';
import type { Availability } from '../../shared/officeHours.js';

/** How far ahead slots are offered. */
export const SLOT_HORIZON_DAYS = 28;

export interface SlotTime {
  /** UTC ISO (toISOString format, so strings compare in time order). */
  startsAt: string;
  endsAt: string;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Slots starting in [from, to): in each window of each day (in the mentor's zone), one every
 * slotMinutes + bufferMinutes from the window's start while the slot fits. An `off` exception removes
 * the day's weekly windows; an `extra` one adds a window. A wall time that does not exist (the
 * spring-forward gap) is skipped; one that occurs twice (fall back) is taken once.
 */
export function generateSlots(a: Pick<Availability, 'timeZone' | 'slotMinutes' | 'bufferMinutes' | 'weekly' | 'exceptions'>, from: Date, to: Date): SlotTime[] {
  const zone = a.timeZone;
  const out: SlotTime[] = [];
  const seen = new Set<number>();
  const last = DateTime.fromJSDate(to, { zone }).endOf('day');
  for (let day = DateTime.fromJSDate(from, { zone }).startOf('day'); day <= last; day = day.plus({ days: 1 })) {
    const date = day.toISODate();
    const exceptions = a.exceptions.filter((e) => e.date === date);
    const windows: { start: string; end: string }[] = exceptions.some((e) => e.kind === 'off') ? [] : a.weekly.filter((w) => w.weekday === day.weekday);
    for (const e of exceptions) if (e.kind === 'extra') windows.push(e);
    for (const w of windows) {
      const end = minutesOf(w.end);
      for (let m = minutesOf(w.start); m + a.slotMinutes <= end; m += a.slotMinutes + a.bufferMinutes) {
        const hour = Math.floor(m / 60);
        const minute = m % 60;
        const local = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone });
        // NOTE: luxon moves a nonexistent wall time forward; such a slot is skipped, not shifted.
        if (!local.isValid || local.hour !== hour || local.minute !== minute) continue;
        // On a fall-back night the wall time occurs twice: take the first occurrence.
        const start = Math.min(...local.getPossibleOffsets().map((d) => d.toMillis()), local.toMillis());
        if (seen.has(start) || start < from.getTime() || start >= to.getTime()) continue;
        seen.add(start);
        out.push({ startsAt: new Date(start).toISOString(), endsAt: new Date(start + a.slotMinutes * 60_000).toISOString() });
      }
    }
  }
  return out.sort((x, y) => x.startsAt.localeCompare(y.startsAt));
}

/** A slot's stable id: the mentor and its start. */
export const slotId = (mentorId: string, startsAt: string) => `${mentorId}_${Date.parse(startsAt)}`;

/** Whether two time ranges overlap (touching ends do not). */
export const overlaps = (a: SlotTime, b: SlotTime) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** The Monday–Sunday week (in `zone`) that contains `instant`, as UTC ISO bounds. */
export function weekOf(instant: string, zone: string): { from: string; to: string } {
  const start = DateTime.fromISO(instant, { zone }).startOf('week');
  return { from: start.toUTC().toJSDate().toISOString(), to: start.plus({ weeks: 1 }).toUTC().toJSDate().toISOString() };
}

/** Cancelling or rescheduling is allowed until this long before the start. */
export const CHANGE_CUTOFF_MS = 60 * 60_000;
/** The private room opens this long before the start. */
export const ROOM_OPENS_BEFORE_MS = 5 * 60_000;
/** One extension of the room. */
export const EXTENSION_MS = 5 * 60_000;

export const canChange = (startsAt: string, now: number) => Date.parse(startsAt) - now >= CHANGE_CUTOFF_MS;
export const roomOpen = (b: { startsAt: string; roomClosesAt: string }, now: number) =>
  now >= Date.parse(b.startsAt) - ROOM_OPENS_BEFORE_MS && now < Date.parse(b.roomClosesAt);
