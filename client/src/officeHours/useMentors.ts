import { useEffect } from 'react';
import type { MentorCard } from '../../../shared/officeHours';
import { useAsync } from '../lib/useAsync';
import { useMe } from '../session/sessionStore';
import { ohApi } from './api';
import { useOfficeHoursLiveClient } from './OfficeHoursLive';

/** The mentors' directory, and a live watch on each mentor's drop-in door while the page is open. */
export function useMentors() {
  const me = useMe();
  const client = useOfficeHoursLiveClient();
  const result = useAsync<MentorCard[]>(async () => (await ohApi.mentors()).mentors, me.id);
  const ids = result.state.kind === 'ready' ? result.state.data.map((c) => c.mentor.id).join(',') : '';
  useEffect(() => {
    // NOTE: a watch lasts as long as the socket (there is no unwatch); the client re-watches after reconnects.
    if (!client || !ids) return;
    for (const id of ids.split(',')) void client.watch(id);
  }, [client, ids]);
  return result;
}
