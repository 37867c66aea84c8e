/**
 * What a booking allows right now: whether its room is open, whether it can still be cancelled or moved,
 * whether feedback can be given. Mirrors the server's rules (server/officeHours/slots.ts), which decide. Pure.
 */
import type { Booking } from '../../../shared/officeHours';

/** The private room opens this long before the start. */
export const ROOM_OPENS_BEFORE_MS = 5 * 60_000;
/** Cancelling or rescheduling is allowed until this long before the start. */
export const CHANGE_CUTOFF_MS = 60 * 60_000;
/** One extension of the room (the mentor's "Extend 5 min"). */
export const EXTENSION_MS = 5 * 60_000;

/** The room of a booking: cancelled, not open yet, open, or closed for good. */
export type RoomPhase = 'cancelled' | 'notYet' | 'open' | 'closed';

type Times = Pick<Booking, 'status' | 'startsAt' | 'roomClosesAt'>;

/** When the room opens (ms). */
export const roomOpensAt = (b: Pick<Booking, 'startsAt'>): number => Date.parse(b.startsAt) - ROOM_OPENS_BEFORE_MS;

export function roomPhase(b: Times, now: number): RoomPhase {
  if (b.status === 'cancelled') return 'cancelled';
  if (now < roomOpensAt(b)) return 'notYet';
  return now < Date.parse(b.roomClosesAt) ? 'open' : 'closed';
}

/** Whether it can still be cancelled or moved (confirmed, and at least an hour before the start). */
export const canChange = (b: Pick<Booking, 'status' | 'startsAt'>, now: number): boolean =>
  b.status === 'confirmed' && Date.parse(b.startsAt) - now >= CHANGE_CUTOFF_MS;

/** Whether I can give feedback now (once it has started, once per person). */
export const canGiveFeedback = (b: Pick<Booking, 'status' | 'startsAt' | 'myFeedback'>, now: number): boolean =>
  b.status === 'confirmed' && now >= Date.parse(b.startsAt) && b.myFeedback === null;

/** "mm:ss" (or "h:mm:ss") of a duration; 0 for a negative one. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
