import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useOfficeHoursLive } from './liveStore';
import type { OfficeHoursLiveClient } from './OfficeHoursLiveClient';
import { ohPaths } from './ohPaths';

/** When the mentor admits me from a queue (or I admit someone), opens that session's room, wherever I am. */
export function useAdmissionNavigation(client: OfficeHoursLiveClient | null): void {
  const navigate = useNavigate();
  const admission = useOfficeHoursLive((s) => s.admission);
  useEffect(() => {
    if (!admission || !client) return;
    client.clearAdmission();
    void navigate(ohPaths.session(admission.booking.id));
  }, [admission, client, navigate]);
}
