/** Small read hooks over the live room store, shared by the room's components. */
import type { AgendaItem } from '../../../shared/roadshow';
import { useRoadshowRoom } from './roadshowRoomStore';

/** The agenda item on stage now, or null before the first one. */
export function useCurrentItem(): AgendaItem | null {
  const agenda = useRoadshowRoom((s) => s.roadshow?.agenda);
  const id = useRoadshowRoom((s) => s.state?.currentItemId ?? null);
  return (id && agenda?.find((i) => i.id === id)) || null;
}

/** Whether posting (asking, chatting, voting, reacting) is still possible: admitted and not ended. */
export function useCanTakePart(): boolean {
  const admitted = useRoadshowRoom((s) => s.me?.admission === 'admitted');
  const ended = useRoadshowRoom((s) => s.state?.status === 'ended');
  return admitted && !ended;
}
