import { useMemo } from 'react';
import type { PresenceEntry, PresenceStatus, PublicUser, Role, Startup } from '../../../shared/schemas';
import { api } from '../lib/api';
import { useAsync } from '../lib/useAsync';

export interface Directory {
  people: PublicUser[];
  startupsById: Map<string, Startup>;
}

/** The directory for one role (or everyone), with the startups so cards can name them. */
export function usePeople(role: Role | null) {
  const { state, reload } = useAsync(async (): Promise<Directory> => {
    const [{ users }, { startups }] = await Promise.all([api.listUsers(role ?? undefined), api.listStartups()]);
    return { people: users, startupsById: new Map(startups.map((s) => [s.id, s])) };
  }, role ?? 'all');
  return { state, reload };
}

/** People whose name, headline or tags contain `query` (case-insensitive). */
export function useFilteredPeople(people: PublicUser[], query: string): PublicUser[] {
  return useMemo(() => {
    const q = query.trim().toLowerCase();
    const sorted = people.slice().sort((a, b) => a.name.localeCompare(b.name));
    if (!q) return sorted;
    return sorted.filter((p) => [p.name, p.headline, ...p.tags].some((s) => s.toLowerCase().includes(q)));
  }, [people, query]);
}

/** Who is online now and with what status, from the lobby's live presence. */
export function useOnlineStatuses(online: PresenceEntry[]): Map<string, PresenceStatus> {
  return useMemo(() => new Map(online.map((e) => [e.userId, e.status])), [online]);
}
