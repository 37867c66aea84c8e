import { useAsync, type AsyncState } from '../lib/useAsync';
import type { PublicUser, Startup } from '../../../shared/schemas';
import { api } from '../lib/api';
import { useMe } from '../session/sessionStore';
import type { MediaRoomKind } from './roomRoute';

export interface RoomAccess {
  /** Whether I may be in this room, as far as the browser can tell; the server decides on join. */
  allowed: boolean;
  /** What to call the room (a startup's name), or null for a generic title. */
  name: string | null;
}

/**
 * Checks, before the pre-join screen, whether I may enter the room, so someone who may not is told so
 * straight away instead of after setting up their camera. The server enforces the same rule on join.
 */
export function useRoomAccess(kind: MediaRoomKind, id: string): { state: AsyncState<RoomAccess>; reload: () => void } {
  const me = useMe();
  const { state, reload } = useAsync(() => loadAccess(kind, id), `${kind}:${id}:${me.id}:${me.role}`);
  return { state, reload };
}

async function loadAccess(kind: MediaRoomKind, id: string): Promise<RoomAccess> {
  // The server's rule, asked before the pre-join screen; it enforces the same rule again on join.
  const access = await api.mediaAccess(`${kind}:${id}`);
  const name = kind === 'startup' ? (await api.getStartup(id)).startup.name : null;
  return { allowed: access.canJoin, name };
}

/**
 * Whether to offer the "Join team room" button: a startup's team room is for its founders, every
 * mentor and the programme team. Only a hint for the UI — the server's answer above is what counts.
 */
export const canEnterTeamRoom = (me: Pick<PublicUser, 'id' | 'role'>, startup: Pick<Startup, 'memberIds'>): boolean =>
  me.role === 'operator' || me.role === 'mentor' || startup.memberIds.includes(me.id);
