/**
 * The live side of office hours for the signed-in person: in-app notifications and the drop-in queues
 * they watch, plus an admission to act on. Only `OfficeHoursLiveClient` writes here; components read slices.
 */
import { createStore } from 'zustand';
import type { ServerToClientEvents } from '../../../shared/events';
import type { DropInQueueState, Notification } from '../../../shared/officeHours';
import { createStoreContext } from '../lib/storeContext';

/** A drop-in admission: the booking of the session both sides now open. */
export type QueueAdmission = Parameters<ServerToClientEvents['queue:admitted']>[0];

/** Loading my notifications: not yet, loaded, or the last load failed (the list keeps what it had). */
export type NotificationsLoad = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; error: unknown };

export interface OfficeHoursLiveState {
  /** My notifications, newest first (from REST, then live pushes). */
  notifications: Notification[];
  /** Whether `notifications` has been loaded. */
  notificationsLoad: NotificationsLoad;
  /** The drop-in queues I watch, as the server shows them to me, by mentor id. */
  queues: Record<string, DropInQueueState>;
  /** An admission not yet acted on (the shell opens its room, then clears it). */
  admission: QueueAdmission | null;
  /** Whether the shared socket is connected (queue actions need it). */
  connected: boolean;
}

export const initialLiveState = (): OfficeHoursLiveState => ({
  notifications: [],
  notificationsLoad: { kind: 'loading' },
  queues: {},
  admission: null,
  connected: false,
});

export function createOfficeHoursLiveStore(initial: Partial<OfficeHoursLiveState> = {}) {
  return createStore<OfficeHoursLiveState>()(() => ({ ...initialLiveState(), ...initial }));
}

/** Adds or replaces notifications by id, newest first. */
export function mergeNotifications(list: readonly Notification[], incoming: readonly Notification[]): Notification[] {
  const byId = new Map(list.map((n) => [n.id, n]));
  for (const n of incoming) byId.set(n.id, n);
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** How many are unread. */
export const unreadCount = (list: readonly Notification[]): number => list.reduce((n, x) => n + (x.read ? 0 : 1), 0);

const ctx = createStoreContext<OfficeHoursLiveState>('OfficeHoursLiveStore', () => createOfficeHoursLiveStore());
export const OfficeHoursLiveStoreProvider = ctx.Provider;
export const useOfficeHoursLiveStoreApi = ctx.useStoreApi;
export const useOfficeHoursLive = ctx.useSelector;
