import { useEffect, useState } from 'react';
import type { Booking } from '../../../shared/officeHours';
import { useAsync } from '../lib/useAsync';
import { useMe } from '../session/sessionStore';
import { ohApi } from './api';
import { roomPhase, type RoomPhase } from './sessionRules';
import { useOfficeHoursLiveClient } from './OfficeHoursLive';

/** While the room is open, how often the booking is asked again (the mentor may have extended it). */
export const OPEN_REFRESH_MS = 30_000;

/** The booking of a session page (403 for anyone but its parties); asked again when the server says it changed. */
export function useSessionBooking(id: string) {
  const me = useMe();
  const result = useAsync<Booking>(async () => (await ohApi.booking(id)).booking, `${id}:${me.id}`);
  const live = useOfficeHoursLiveClient();
  const { reload } = result;
  useEffect(() => live?.onBookingChanged((c) => c.bookingId === id && reload()), [live, id, reload]);
  return result;
}

/**
 * The room's phase, re-evaluated every second but changing (and re-rendering) only when the phase does.
 * NOTE: an extension is pushed (`booking:changed`, see useSessionBooking); a push can be missed while the
 * socket is reconnecting, so while the room is open the booking is also refreshed now and then; and when the local clock says it has closed, the phase stays open until the server's
 * answer says so too (it may have been extended), so nobody is dropped from a room that is still open.
 */
export function useRoomPhase(booking: Booking | null, reload: () => void): RoomPhase | null {
  const [phase, setPhase] = useState<RoomPhase | null>(() => (booking ? roomPhase(booking, Date.now()) : null));
  useEffect(() => {
    if (!booking) return;
    let shown = roomPhase(booking, Date.now());
    let asked = false;
    setPhase(shown);
    const timer = setInterval(() => {
      const next = roomPhase(booking, Date.now());
      if (shown === 'open' && next === 'closed') {
        // Asked once; the fresh booking re-runs this effect.
        if (!asked) reload();
        asked = true;
        return;
      }
      shown = next;
      setPhase(next);
    }, 1000);
    const refresh = setInterval(() => {
      if (shown === 'open') reload();
    }, OPEN_REFRESH_MS);
    return () => {
      clearInterval(timer);
      clearInterval(refresh);
    };
  }, [booking, reload]);
  return booking ? phase : null;
}
