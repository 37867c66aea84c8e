/**
 * A preview of the next slots an availability draft will offer, before it is saved. It follows the
 * server's rules (docs/office-hours.md): in each window of each day in the mentor's zone, one slot every
 * slotMinutes + bufferMinutes while it fits; `off` removes the day's weekly windows, `extra` adds one; a
 * wall time that does not exist that day (spring forward) is skipped. Pure; the server stays the truth.
 */
import type { Availability } from '../../../shared/officeHours';
import { dateToWallTime, wallTimeToDate } from '../lib/time';

const DAY_MS = 86_400_000;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const pad = (n: number) => String(n).padStart(2, '0');

/** ISO weekday (Monday = 1) of a "YYYY-MM-DD" date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The date `days` after a "YYYY-MM-DD" date. */
export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

type Draft = Pick<Availability, 'timeZone' | 'slotMinutes' | 'bufferMinutes' | 'weekly' | 'exceptions'>;

/** The starts of the next `limit` slots after `now`, looking `days` days ahead. */
export function previewSlots(a: Draft, now: Date, { days = 14, limit = 8 } = {}): Date[] {
  const step = a.slotMinutes + a.bufferMinutes;
  if (a.slotMinutes <= 0 || step <= 0) return [];
  const today = dateToWallTime(now, a.timeZone).slice(0, 10);
  const out: Date[] = [];
  for (let d = 0; d <= days && out.length < limit; d++) {
    const date = addDays(today, d);
    const exceptions = a.exceptions.filter((e) => e.date === date);
    const windows: { start: string; end: string }[] = exceptions.some((e) => e.kind === 'off')
      ? []
      : a.weekly.filter((w) => w.weekday === isoWeekday(date));
    for (const e of exceptions) if (e.kind === 'extra') windows.push(e);
    const starts: Date[] = [];
    for (const w of windows) {
      for (let m = minutesOf(w.start); m + a.slotMinutes <= minutesOf(w.end); m += step) {
        const local = `${date}T${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
        const at = wallTimeToDate(local, a.timeZone);
        // A wall time that does not exist that day maps elsewhere: skipped, like the server does.
        if (!at || dateToWallTime(at, a.timeZone) !== local || at.getTime() <= now.getTime()) continue;
        if (!starts.some((s) => s.getTime() === at.getTime())) starts.push(at);
      }
    }
    out.push(...starts.sort((x, y) => x.getTime() - y.getTime()));
  }
  return out.slice(0, limit);
}
