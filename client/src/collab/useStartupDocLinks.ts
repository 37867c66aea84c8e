import type { PublicUser, Startup } from '../../../shared/schemas';
import { api } from '../lib/api';
import { useAsync } from '../lib/useAsync';
import { startupDocName, type StartupDocKind } from './docNames';

/**
 * Which of a startup's documents to link from its page. Founders of the startup, mentors and
 * operators always have them; an investor has those the startup shared with them (asked from the
 * server). Only a hint for the UI: the document page asks the server again.
 */
export function useStartupDocLinks(me: Pick<PublicUser, 'id' | 'role'>, startup: Pick<Startup, 'id' | 'memberIds'>): StartupDocKind[] {
  const always = me.role === 'operator' || me.role === 'mentor' || startup.memberIds.includes(me.id);
  const ask = me.role === 'investor';
  const { state } = useAsync(async (): Promise<StartupDocKind[]> => {
    if (!ask) return [];
    const kinds: StartupDocKind[] = ['pitch', 'board'];
    const answers = await Promise.all(kinds.map((k) => api.docAccess(startupDocName(k, startup.id)).catch(() => null)));
    return kinds.filter((_, i) => answers[i] && answers[i].access !== 'none');
  }, `${startup.id}:${me.id}:${ask}`);
  if (always) return ['pitch', 'board'];
  return state.kind === 'ready' ? state.data : [];
}
