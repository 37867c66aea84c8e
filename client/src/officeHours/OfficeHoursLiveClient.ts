/**
 * Office hours, live: a plain object (no React) that owns the `queue:*` and `notification` events on the
 * shared socket and writes what they say into its store. It keeps my notifications (loaded over REST,
 * then pushed), the drop-in queues I watch (re-watched after every reconnect, since the server's watch
 * belongs to a socket), and hands a `queue:admitted` to the shell once.
 */
import type { StoreApi } from 'zustand';
import type { BookingChanged, DropInQueueState, Notification } from '../../../shared/officeHours';
import type { Role } from '../../../shared/schemas';
import type { LobbySocket } from '../lobby/LobbyClient';
import { ohApi } from './api';
import { mergeNotifications, type OfficeHoursLiveState, type QueueAdmission } from './liveStore';
import { queueRequest, type QueueResult } from './queueSignal';

export interface OfficeHoursLiveClientOptions {
  /** The shared, already-managed Socket.IO socket (owned by LobbyClient). */
  socket: LobbySocket;
  store: StoreApi<OfficeHoursLiveState>;
  /** Who I am: a mentor watches their own queue from the start. */
  me: { id: string; role: Role };
}

const log = (message: string, ...args: unknown[]) => {
  if (import.meta.env.DEV) console.debug(`[OfficeHoursLiveClient] ${message}`, ...args);
};

export class OfficeHoursLiveClient {
  readonly #socket: LobbySocket;
  readonly #store: StoreApi<OfficeHoursLiveState>;
  readonly #me: { id: string; role: Role };
  readonly #disposers: (() => void)[] = [];
  /** Mentors whose queue I watch; watched again on every (re)connect. */
  readonly #watched = new Set<string>();
  /** Bookings already handed over as admissions (the ack and the push both carry the mentor's). */
  readonly #admitted = new Set<string>();
  #closed = false;
  #started = false;
  /** Bumped per notifications load, so a late answer to an older one is ignored. */
  #loadSeq = 0;

  constructor(options: OfficeHoursLiveClientOptions) {
    this.#socket = options.socket;
    this.#store = options.store;
    this.#me = options.me;
  }

  /** Wires the pushes and, if connected, loads and watches now (else on connect). */
  start(): void {
    if (this.#closed || this.#started) return;
    this.#started = true;
    const s = this.#socket;
    const onState = (state: DropInQueueState) => this.#setQueue(state);
    const onAdmitted = (admission: QueueAdmission) => this.#admit(admission);
    const onNotification = (n: Notification) => this.#set((st) => ({ notifications: mergeNotifications(st.notifications, [n]) }));
    const onDisconnect = () => this.#set(() => ({ connected: false }));
    s.on('connect', this.#onConnect);
    s.on('disconnect', onDisconnect);
    s.on('queue:state', onState);
    s.on('queue:admitted', onAdmitted);
    s.on('notification', onNotification);
    this.#disposers.push(() => {
      s.off('connect', this.#onConnect);
      s.off('disconnect', onDisconnect);
      s.off('queue:state', onState);
      s.off('queue:admitted', onAdmitted);
      s.off('notification', onNotification);
    });
    if (this.#me.role === 'mentor') this.#watched.add(this.#me.id);
    if (s.connected) this.#onConnect();
    else void this.reloadNotifications();
  }

  /** Calls `listener` when a booking I am a party of changes (extended, moved, cancelled); returns the unsubscribe. */
  onBookingChanged(listener: (change: BookingChanged) => void): () => void {
    this.#socket.on('booking:changed', listener);
    return () => void this.#socket.off('booking:changed', listener);
  }

  /** Removes every listener; safe to call twice. The server forgets my watches when the socket goes. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#loadSeq++;
    for (const dispose of this.#disposers.splice(0)) dispose();
    log('close()');
  }

  // ---------- notifications ----------

  /** Loads my notifications again (on connect, and the dropdown's Retry). */
  async reloadNotifications(): Promise<void> {
    const seq = ++this.#loadSeq;
    try {
      const { notifications } = await ohApi.notifications();
      if (seq !== this.#loadSeq) return;
      // NOTE: merge, not replace: a push may have arrived while the list was on its way.
      this.#set((st) => ({ notifications: mergeNotifications(st.notifications, notifications), notificationsLoad: { kind: 'ready' } }));
    } catch (error) {
      if (seq === this.#loadSeq) this.#set(() => ({ notificationsLoad: { kind: 'failed', error } }));
    }
  }

  /** Marks everything read at once here, then tells the server (reloading if that fails). */
  async markAllRead(): Promise<void> {
    const unread = this.#store.getState().notifications.some((n) => !n.read);
    if (!unread) return;
    this.#set((st) => ({ notifications: st.notifications.map((n) => (n.read ? n : { ...n, read: true })) }));
    try {
      await ohApi.markRead();
    } catch {
      await this.reloadNotifications();
    }
  }

  // ---------- drop-in queues ----------

  /** Follows a mentor's queue (door open or closed, my place in it) from now on. */
  async watch(mentorId: string): Promise<QueueResult<DropInQueueState>> {
    this.#watched.add(mentorId);
    const result = await queueRequest(this.#socket, 'queue:watch', { mentorId });
    if (result.ok) this.#setQueue(result.data);
    return result;
  }

  /** Mentors: opens or closes my door (closing empties the queue). */
  async setDoorOpen(open: boolean): Promise<QueueResult<DropInQueueState>> {
    this.#watched.add(this.#me.id);
    const result = await queueRequest(this.#socket, 'queue:setOpen', { open });
    if (result.ok) this.#setQueue(result.data);
    return result;
  }

  /** Founders: queues at a mentor's open door for one of my startups. */
  async join(mentorId: string, startupId: string): Promise<QueueResult<DropInQueueState>> {
    this.#watched.add(mentorId);
    const result = await queueRequest(this.#socket, 'queue:join', { mentorId, startupId });
    if (result.ok) this.#setQueue(result.data);
    return result;
  }

  /** Founders: leaves a mentor's queue. */
  async leave(mentorId: string): Promise<QueueResult<DropInQueueState>> {
    const result = await queueRequest(this.#socket, 'queue:leave', { mentorId });
    if (result.ok) this.#setQueue(result.data);
    return result;
  }

  /** Mentors: admits someone (the first in line by default) into a drop-in session. */
  async admit(userId?: string): Promise<QueueResult<QueueAdmission>> {
    const result = await queueRequest(this.#socket, 'queue:admit', userId ? { userId } : {});
    if (result.ok) this.#admit(result.data);
    return result;
  }

  /** The shell has opened the admission's room. */
  clearAdmission(): void {
    this.#set(() => ({ admission: null }));
  }

  // ---------- internals ----------

  readonly #onConnect = (): void => {
    if (this.#closed) return;
    log(`connect() | watching ${this.#watched.size} queue(s)`);
    this.#set(() => ({ connected: true }));
    void this.reloadNotifications();
    for (const mentorId of this.#watched) {
      void queueRequest(this.#socket, 'queue:watch', { mentorId }).then((r) => {
        if (r.ok) this.#setQueue(r.data);
      });
    }
  };

  #setQueue(state: DropInQueueState): void {
    this.#set((st) => ({ queues: { ...st.queues, [state.mentorId]: state } }));
  }

  #admit(admission: QueueAdmission): void {
    if (this.#admitted.has(admission.booking.id)) return;
    this.#admitted.add(admission.booking.id);
    log(`admitted | [bookingId:${admission.booking.id}]`);
    this.#set(() => ({ admission }));
  }

  #set(update: (st: OfficeHoursLiveState) => Partial<OfficeHoursLiveState>): void {
    if (!this.#closed) this.#store.setState(update);
  }
}
