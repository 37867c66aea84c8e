/**
 * The live side of office hours: who may enter a booking's private room (`booking:<id>`) and notes
 * (`notes:<id>`), seeding the notes with the agenda, notifications on booking changes, the "starting in
 * 10 minutes" reminder, and closing rooms when their time is up. Owns one timer; `close()` clears it.
 */
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { CollabServer } from '../collab/collabServer.js';
import type { MediaService } from '../media/mediaService.js';
import type { Store } from '../store/types.js';
import type { Notifier } from './notifications.js';
import { roomOpen } from './slots.js';
import type { BookingEvent, OfficeHoursService } from './service.js';

/** How often reminders and room closing are checked. */
const SWEEP_MS = 15_000;
const REMIND_BEFORE_MS = 10 * 60_000;
/** The Yjs client id that writes seeded content. */
const SEED_CLIENT_ID = 0x5eed;

export class OfficeHourSessions {
  readonly #timer: NodeJS.Timeout;

  constructor(
    private readonly store: Store,
    private readonly service: OfficeHoursService,
    private readonly notifier: Notifier,
    private readonly media: MediaService,
    collab: CollabServer,
    private readonly log: Logger,
  ) {
    media.registerPolicy('booking', async (caller, id) => {
      const b = await store.officeHours.booking(id);
      if (!b) return null;
      const allowed = b.status === 'confirmed' && roomOpen(b, Date.now()) && (await service.isParty(caller.user.id, b));
      return { canJoin: allowed, canPublish: allowed };
    });
    collab.registerPolicy('notes', async (caller, id) => {
      const b = await store.officeHours.booking(id);
      if (!b) return null;
      const [mentor, startup] = await Promise.all([store.users.byId(b.mentorId), store.startups.byId(b.startupId)]);
      const title = `${mentor?.name ?? '—'} × ${startup?.name ?? '—'} — notes`;
      return { level: (await service.isParty(caller.user.id, b)) ? 'edit' : 'none', title, startupId: b.startupId };
    });
    collab.registerInitializer('notes', async (id, doc) => {
      const b = await store.officeHours.booking(id);
      if (!b?.agenda) return;
      // The agenda note becomes the first paragraph (TipTap's paragraph node in the `content` fragment).
      // NOTE: written by a fixed client id, so seeding twice (say, after a crash) yields the same items.
      const seed = new Y.Doc();
      seed.clientID = SEED_CLIENT_ID;
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(b.agenda)]);
      seed.getXmlFragment('content').insert(0, [paragraph]);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(seed));
      seed.destroy();
    });
    service.on('booking', (e) => void this.#onBooking(e).catch((err: unknown) => log.warn({ err }, 'onBooking() | failed')));
    this.#timer = setInterval(() => void this.sweep().catch((err: unknown) => log.warn({ err }, 'sweep() | failed')), SWEEP_MS);
    this.#timer.unref();
  }

  async #parties(b: { mentorId: string; startupId: string }): Promise<string[]> {
    return [b.mentorId, ...(await this.store.startups.memberIds(b.startupId))];
  }

  async #onBooking({ kind, booking, actor }: BookingEvent): Promise<void> {
    const parties = await this.#parties(booking);
    if (kind !== 'booked') {
      // Every open page of the session (the actor's other tabs too) picks up the change at once.
      const { id: bookingId, status, startsAt, endsAt, roomClosesAt } = booking;
      this.notifier.bookingChanged(parties, { bookingId, change: kind, status: status === 'cancelled' ? 'cancelled' : 'confirmed', startsAt, endsAt, roomClosesAt });
    }
    // An extension is seen in the room itself; the others are worth a notification.
    if (kind === 'extended') return;
    const others = parties.filter((id) => id !== actor.user.id);
    const about = { bookingId: booking.id, actorName: actor.user.name, startsAt: booking.startsAt };
    await this.notifier.notify(others, `booking.${kind}`, about);
    if (kind === 'cancelled') this.media.existingRoom(`booking:${booking.id}`)?.close('This session was cancelled.', false);
  }

  /** Sends due reminders and closes rooms whose time is up. */
  async sweep(now = Date.now()): Promise<void> {
    for (const b of await this.store.officeHours.dueReminders(new Date(now).toISOString(), new Date(now + REMIND_BEFORE_MS).toISOString())) {
      await this.store.officeHours.markReminded(b.id, new Date(now).toISOString());
      const mentor = await this.store.users.byId(b.mentorId);
      await this.notifier.notify(await this.#parties(b), 'booking.startingSoon', { bookingId: b.id, actorName: mentor?.name ?? '—', startsAt: b.startsAt });
    }
    for (const roomId of this.media.roomIds()) {
      if (!roomId.startsWith('booking:')) continue;
      const b = await this.store.officeHours.booking(roomId.slice('booking:'.length));
      if (!b || b.status !== 'confirmed' || now >= Date.parse(b.roomClosesAt)) {
        this.log.info({ roomId }, 'sweep() | the session is over; closing its room');
        this.media.existingRoom(roomId)?.close('The session has ended.', false);
      }
    }
  }

  close(): void {
    clearInterval(this.#timer);
  }
}
