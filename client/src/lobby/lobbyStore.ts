/**
 * The lobby's live state: the socket connection, who is online and what is live or next.
 * Only `LobbyClient` writes here; components read slices of it.
 */
import { createStore } from 'zustand';
import type { ApiError, ErrorReason } from '../../../shared/protocol';
import type { LobbySchedule, LobbySnapshot, PresenceEntry } from '../../../shared/schemas';
import { createStoreContext } from '../lib/storeContext';

/** Why we are trying to reconnect: the network dropped, or the server said it is restarting. */
export type ReconnectCause = 'network' | 'server_restart';

export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting'; attempt: number; cause: ReconnectCause }
  | { kind: 'offline' }
  | { kind: 'refused'; reason: ErrorReason; message: string };
export type ConnectionKind = ConnectionState['kind'];

export type SnapshotState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; error: ApiError };

export interface LobbyState {
  /** The socket's state; changed only by `LobbyClient.setConnectionState()`. */
  connection: ConnectionState;
  /** Whether the lobby snapshot (online + schedule) has been loaded. */
  snapshot: SnapshotState;
  /** When a snapshot was last applied (ISO), null before the first one; data below is stale-but-shown after. */
  loadedAt: string | null;
  /** Everyone online, one entry per person, in the order they arrived. */
  online: PresenceEntry[];
  /** Roadshows live now and coming up. */
  schedule: LobbySchedule;
  /** Server clock minus ours, in ms, so relative times agree with the server. */
  clockSkewMs: number;
}

export const initialLobbyState = (): LobbyState => ({
  connection: { kind: 'connecting' },
  snapshot: { kind: 'loading' },
  loadedAt: null,
  online: [],
  schedule: { live: [], next: [] },
  clockSkewMs: 0,
});

export function createLobbyStore(initial: Partial<LobbyState> = {}) {
  return createStore<LobbyState>()(() => ({ ...initialLobbyState(), ...initial }));
}

/** Adds or replaces a person's entry (by userId), keeping their position. */
export function upsertPresence(list: PresenceEntry[], entry: PresenceEntry): PresenceEntry[] {
  const i = list.findIndex((e) => e.userId === entry.userId);
  if (i === -1) return [...list, entry];
  const next = list.slice();
  next[i] = entry;
  return next;
}

export function removePresence(list: PresenceEntry[], userId: string): PresenceEntry[] {
  return list.some((e) => e.userId === userId) ? list.filter((e) => e.userId !== userId) : list;
}

/** The state after a fresh snapshot. */
export function applySnapshot(snapshot: LobbySnapshot, receivedAt: number): Partial<LobbyState> {
  const serverTime = Date.parse(snapshot.serverTime);
  return {
    snapshot: { kind: 'ready' },
    loadedAt: new Date(receivedAt).toISOString(),
    online: snapshot.online,
    schedule: snapshot.schedule,
    clockSkewMs: Number.isNaN(serverTime) ? 0 : serverTime - receivedAt,
  };
}

const ctx = createStoreContext<LobbyState>('LobbyStore', () => createLobbyStore());
export const LobbyStoreProvider = ctx.Provider;
export const useLobbyStoreApi = ctx.useStoreApi;
export const useLobby = ctx.useSelector;
