/** In-app notifications: stored, and pushed live to every socket of the person (`notification`). */
import type { Caller } from '../identity/service.js';
import { newId } from '../identity/tokens.js';
import type { HatcheryServer } from '../realtime/gateway.js';
import type { NotificationRecord } from '../store/officeHoursTypes.js';
import type { Store } from '../store/types.js';
import type { BookingChanged, Notification } from '../../shared/officeHours.js';

const view = (n: NotificationRecord): Notification => ({
  id: n.id,
  kind: n.kind as Notification['kind'],
  bookingId: n.bookingId,
  actorName: n.actorName,
  startsAt: n.startsAt,
  subject: n.subject ?? null,
  link: n.link ?? null,
  createdAt: n.createdAt,
  read: n.readAt !== null,
});

export class Notifier {
  constructor(
    private readonly store: Store,
    private readonly io: HatcheryServer,
  ) {}

  async notify(
    userIds: Iterable<string>,
    kind: Notification['kind'],
    about: { bookingId: string | null; actorName: string; startsAt: string | null; subject?: string | null; link?: string | null },
  ): Promise<void> {
    for (const userId of new Set(userIds)) {
      const n: NotificationRecord = { id: newId(), userId, kind, ...about, createdAt: new Date().toISOString(), readAt: null };
      await this.store.officeHours.addNotification(n);
      this.io.to(`user:${userId}`).emit('notification', view(n));
    }
  }

  /** Tells every socket of these people that a booking changed (no stored notification). */
  bookingChanged(userIds: Iterable<string>, change: BookingChanged): void {
    for (const userId of new Set(userIds)) this.io.to(`user:${userId}`).emit('booking:changed', change);
  }

  async list(caller: Caller): Promise<Notification[]> {
    return (await this.store.officeHours.notifications(caller.user.id, 50)).map(view);
  }

  async markRead(caller: Caller, ids: string[] | 'all'): Promise<void> {
    await this.store.officeHours.markRead(caller.user.id, ids, new Date().toISOString());
  }
}
