/** Slots as the booking page shows them: grouped by the viewer's calendar day, each free, full or mine. Pure. */
import type { OfficeHourSlot } from '../../../shared/officeHours';
import { dateToWallTime } from '../lib/time';

/** What a slot is to me: bookable, taken by others, or already holding my startup's seat. */
export type SlotState = 'free' | 'full' | 'mine';

export const slotState = (s: Pick<OfficeHourSlot, 'booked' | 'capacity' | 'mine'>): SlotState =>
  s.mine ? 'mine' : s.booked >= s.capacity ? 'full' : 'free';

/** One day of slots, in the viewer's zone. */
export interface SlotDay<S> {
  /** The viewer's calendar date, "YYYY-MM-DD". */
  date: string;
  /** Its slots, in time order. */
  slots: S[];
}

/** The viewer's calendar date of an instant, "YYYY-MM-DD". */
export const dayIn = (at: string | Date, timeZone: string): string => dateToWallTime(new Date(at), timeZone).slice(0, 10);

/** Groups slots by the calendar day they start on in `timeZone` (the viewer's), days and slots in order. */
export function groupSlotsByDay<S extends Pick<OfficeHourSlot, 'startsAt'>>(slots: readonly S[], timeZone: string): SlotDay<S>[] {
  const days = new Map<string, S[]>();
  const sorted = [...slots].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const s of sorted) {
    const date = dayIn(s.startsAt, timeZone);
    const list = days.get(date);
    if (list) list.push(s);
    else days.set(date, [s]);
  }
  return [...days].map(([date, list]) => ({ date, slots: list }));
}

/** Noon UTC of a "YYYY-MM-DD" date: formatting it in any zone within ±12 h gives that date back. */
export const dateAtNoonUtc = (date: string): Date => new Date(`${date}T12:00:00Z`);
