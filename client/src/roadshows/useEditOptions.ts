import type { PublicUser, Startup } from '../../../shared/schemas';
import { api } from '../lib/api';
import { useAsync } from '../lib/useAsync';

export interface EditOptions {
  /** Who may co-host: mentors and operators. */
  hostCandidates: PublicUser[];
  /** Startups a pitch can be for. */
  startups: Startup[];
}

/** What the host's edit forms choose from. */
export function useEditOptions() {
  return useAsync(async (): Promise<EditOptions> => {
    const [{ users }, { startups }] = await Promise.all([api.listUsers(), api.listStartups()]);
    const hostCandidates = users.filter((u) => u.role === 'mentor' || u.role === 'operator').sort((a, b) => a.name.localeCompare(b.name));
    return { hostCandidates, startups: startups.slice().sort((a, b) => a.name.localeCompare(b.name)) };
  }, 'roadshow-edit-options');
}
