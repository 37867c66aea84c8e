import { useAsync, type AsyncState } from '../lib/useAsync';
import { api } from '../lib/api';
import { useMe } from '../session/sessionStore';
import type { PublicUser, Startup } from '../../../shared/schemas';
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
  const { state, reload } = useAsync(() => loadAccess(kind, id, me), `${kind}:${id}:${me.id}:${me.role}`);
  return { state, reload };
}

async function loadAccess(kind: MediaRoomKind, id: string, me: PublicUser): Promise<RoomAccess> {
  switch (kind) {
    case 'startup': {
      const { startup } = await api.getStartup(id);
      return { allowed: canEnterTeamRoom(me, startup), name: startup.name };
    }
    case 'roadshow':
    case 'booking':
    case 'dealroom':
      // NOTE: rules for these rooms live on the server only for now; the join ack tells.
      return { allowed: true, name: null };
  }
}

/** A startup's team room is for its founders, every mentor and the programme team (as the server rules). */
export const canEnterTeamRoom = (me: Pick<PublicUser, 'id' | 'role'>, startup: Pick<Startup, 'memberIds'>): boolean =>
  me.role === 'operator' || me.role === 'mentor' || startup.memberIds.includes(me.id);
