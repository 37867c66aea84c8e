/**
 * Drop-in queues: a mentor opens the door, founders queue and see their place change live, the mentor
 * admits the next one into a drop-in session. Leaving or disconnecting removes a founder. In memory:
 * a queue lives while the door is open.
 */
import { Conflict, Forbidden, NotFound } from '../errors.js';
import type { Caller } from '../identity/service.js';
import type { Gateway, HatcherySocket } from '../realtime/gateway.js';
import type { Store } from '../store/types.js';
import { OfficeHoursRefusal, type DropInQueueState } from '../../shared/officeHours.js';
import type { OfficeHoursService } from './service.js';
import type { Notifier } from './notifications.js';

interface Entry {
  userId: string;
  name: string;
  startupId: string;
  startupName: string;
  joinedAt: string;
  /** The socket that queued; when it disconnects the person leaves the queue. */
  socketId: string;
}

interface DropInQueue {
  open: boolean;
  entries: Entry[];
  /** Sockets watching this queue (mentor and founders), by socket id → user id. */
  watchers: Map<string, Caller>;
}

export class DropInQueues {
  readonly #queues = new Map<string, DropInQueue>();

  constructor(
    private readonly gateway: Gateway,
    private readonly store: Store,
    private readonly service: OfficeHoursService,
    private readonly notifier: Notifier,
  ) {
    this.#wire();
  }

  isOpen(mentorId: string): boolean {
    return this.#queues.get(mentorId)?.open ?? false;
  }

  #queue(mentorId: string): DropInQueue {
    let q = this.#queues.get(mentorId);
    if (!q) {
      q = { open: false, entries: [], watchers: new Map() };
      this.#queues.set(mentorId, q);
    }
    return q;
  }

  /** What one person sees: the mentor everything, a founder their own entry and place. */
  #stateFor(mentorId: string, q: DropInQueue, caller: Caller): DropInQueueState {
    const at = q.entries.findIndex((e) => e.userId === caller.user.id);
    const isMentor = caller.user.id === mentorId;
    const visible = isMentor ? q.entries : at >= 0 ? [q.entries[at]!] : [];
    return {
      mentorId,
      open: q.open,
      entries: visible.map(({ socketId: _s, ...e }) => e),
      position: at >= 0 ? at + 1 : null,
      length: q.entries.length,
    };
  }

  #push(mentorId: string, q: DropInQueue): void {
    for (const [socketId, caller] of q.watchers) this.gateway.io.to(socketId).emit('queue:state', this.#stateFor(mentorId, q, caller));
  }

  #watch(socket: HatcherySocket, mentorId: string, q: DropInQueue): void {
    if (q.watchers.has(socket.id)) return;
    q.watchers.set(socket.id, this.gateway.caller(socket));
    socket.once('disconnect', () => {
      q.watchers.delete(socket.id);
      const before = q.entries.length;
      q.entries = q.entries.filter((e) => e.socketId !== socket.id);
      if (q.entries.length !== before) this.#push(mentorId, q);
    });
  }

  #wire(): void {
    const g = this.gateway;
    g.handle('queue:watch', async ({ mentorId }, socket) => {
      const mentor = await this.store.users.byId(mentorId);
      if (!mentor || mentor.role !== 'mentor') throw new NotFound('No such mentor.');
      const q = this.#queue(mentorId);
      this.#watch(socket, mentorId, q);
      return this.#stateFor(mentorId, q, g.caller(socket));
    });
    g.handle('queue:setOpen', async ({ open }, socket) => {
      const caller = g.caller(socket);
      if (caller.user.role !== 'mentor') throw new Forbidden('Only mentors open a drop-in door.');
      const q = this.#queue(caller.user.id);
      this.#watch(socket, caller.user.id, q);
      q.open = open;
      if (!open) q.entries = [];
      this.#push(caller.user.id, q);
      return this.#stateFor(caller.user.id, q, caller);
    });
    g.handle('queue:join', async ({ mentorId, startupId }, socket) => {
      const caller = g.caller(socket);
      if (caller.user.role !== 'founder' || !(await this.store.startups.memberIds(startupId)).includes(caller.user.id)) {
        throw new Forbidden('Only founders queue, for their own startup.');
      }
      const q = this.#queues.get(mentorId);
      if (!q?.open) throw new Conflict('The mentor’s door is closed right now.', OfficeHoursRefusal.DoorClosed);
      this.#watch(socket, mentorId, q);
      if (!q.entries.some((e) => e.userId === caller.user.id)) {
        const startup = await this.store.startups.byId(startupId);
        q.entries.push({ userId: caller.user.id, name: caller.user.name, startupId, startupName: startup?.name ?? '—', joinedAt: new Date().toISOString(), socketId: socket.id });
      }
      this.#push(mentorId, q);
      return this.#stateFor(mentorId, q, caller);
    });
    g.handle('queue:leave', async ({ mentorId }, socket) => {
      const caller = g.caller(socket);
      const q = this.#queue(mentorId);
      q.entries = q.entries.filter((e) => e.userId !== caller.user.id);
      this.#push(mentorId, q);
      return this.#stateFor(mentorId, q, caller);
    });
    g.handle('queue:admit', async ({ userId }, socket) => {
      const mentor = g.caller(socket);
      if (mentor.user.role !== 'mentor') throw new Forbidden('Only the mentor admits from the queue.');
      const q = this.#queues.get(mentor.user.id);
      const entry = userId === undefined ? q?.entries[0] : q?.entries.find((e) => e.userId === userId);
      if (!q || !entry) throw new NotFound(userId === undefined ? 'Nobody is waiting.' : 'That person is not in your queue.');
      const record = await this.service.bookDropIn(mentor, entry.userId, entry.startupId);
      q.entries = q.entries.filter((e) => e !== entry);
      const founder = (await this.store.users.byId(entry.userId))!;
      const booking = await this.service.view({ ...mentor, user: founder }, record);
      const forMentor = { mentorId: mentor.user.id, booking: await this.service.view(mentor, record) };
      this.gateway.io.to(`user:${entry.userId}`).emit('queue:admitted', { mentorId: mentor.user.id, booking });
      this.gateway.io.to(`user:${mentor.user.id}`).emit('queue:admitted', forMentor);
      await this.notifier.notify([entry.userId], 'queue.admitted', { bookingId: record.id, actorName: mentor.user.name, startsAt: record.startsAt });
      this.#push(mentor.user.id, q);
      return forMentor;
    });
  }
}
