import type { PublicUser } from '../../../shared/schemas';
import { api } from '../lib/api';
import { useAsync } from '../lib/useAsync';

/** Whether I may schedule roadshows: operators always; mentors when an operator allowed them. */
export function useCanSchedule(me: Pick<PublicUser, 'id' | 'role'>): boolean {
  const { state } = useAsync(
    async () => (me.role === 'mentor' ? (await api.roadshowSchedulers()).userIds.includes(me.id) : me.role === 'operator'),
    `can-schedule:${me.id}:${me.role}`,
  );
  return state.kind === 'ready' ? state.data : me.role === 'operator';
}
