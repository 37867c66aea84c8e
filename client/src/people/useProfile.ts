import type { PublicUser, Startup } from '../../../shared/schemas';
import { api } from '../lib/api';
import { useAsync } from '../lib/useAsync';

export interface Profile {
  person: PublicUser;
  startups: Startup[];
}

/** One person and the startups they belong to. */
export function useProfile(id: string) {
  return useAsync(async (): Promise<Profile> => {
    const { user } = await api.getUser(id);
    const startups = await Promise.all(user.startupIds.map(async (sid) => (await api.getStartup(sid)).startup));
    return { person: user, startups };
  }, id);
}
