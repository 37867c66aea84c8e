import type { RoadshowDetailResponse } from '../../../shared/roadshow';
import { api } from '../lib/api';
import { useAsync } from '../lib/useAsync';
import { useLobby } from '../lobby/lobbyStore';

/** One roadshow with what I may do there; `setData` applies the answer of my own edits. */
export function useRoadshowDetail(id: string) {
  return useAsync((): Promise<RoadshowDetailResponse> => api.getRoadshow(id), id);
}

/**
 * The roadshow's status and registration count as the lobby last heard them (pushed to everyone), or
 * null when the lobby does not list it (ended, or not loaded yet).
 */
export function usePushedSummary(id: string) {
  const live = useLobby((s) => s.schedule.live.find((r) => r.id === id));
  const next = useLobby((s) => s.schedule.next.find((r) => r.id === id));
  return live ?? next ?? null;
}
