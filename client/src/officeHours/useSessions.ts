import { useEffect, useRef } from 'react';
import type { Booking } from '../../../shared/officeHours';
import { useAsync } from '../lib/useAsync';
import { useMe } from '../session/sessionStore';
import { ohApi, type BookingScope } from './api';
import { useOfficeHoursLive } from './liveStore';

/** My sessions (upcoming or past); reloaded when a notification says one was booked, moved or cancelled. */
export function useSessions(scope: BookingScope) {
  const me = useMe();
  const result = useAsync<Booking[]>(async () => (await ohApi.bookings(scope)).bookings, `${scope}:${me.id}`);
  const latest = useOfficeHoursLive((s) => s.notifications[0]?.id ?? null);
  const seen = useRef(latest);
  const { reload } = result;
  useEffect(() => {
    if (latest === seen.current) return;
    seen.current = latest;
    reload();
  }, [latest, reload]);
  return result;
}

/** Mentors: the feedback founders gave me and my average. */
export function useReceivedFeedback() {
  const me = useMe();
  return useAsync(() => ohApi.feedbackList(), me.id);
}
