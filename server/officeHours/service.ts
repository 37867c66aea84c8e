/**
 * Office hours: mentors' availability and the slots made from it, race-free booking (the schema refuses
 * over-booking and overlaps), cancelling and rescheduling with a cut-off, room extensions, feedback, and
 * who may enter a booking's private room and notes.
 */
import { EventEmitter } from 'node:events';
import { Conflict, Forbidden, NotFound } from '../errors.js';
import type { Caller } from '../identity/service.js';
import { newId } from '../identity/tokens.js';
import type { BookingRecord, SeatRefusal } from '../store/officeHoursTypes.js';
import type { Store } from '../store/types.js';
import { OfficeHoursRefusal, type Availability, type Booking, type Feedback, type MentorCard, type OfficeHourSlot, type OfficeHourTopic } from '../../shared/officeHours.js';
import { canChange, EXTENSION_MS, generateSlots, roomOpen, SLOT_HORIZON_DAYS, slotId, weekOf } from './slots.js';

const DAY_MS = 24 * 3600_000;
const REFUSALS: Record<SeatRefusal, [string, OfficeHoursRefusal]> = {
  full: ['That slot was just taken. Please pick another.', OfficeHoursRefusal.SlotFull],
  same_startup: ['Your startup already has a seat in this slot.', OfficeHoursRefusal.SameStartup],
  overlap: ['The mentor already has a session that overlaps this time.', OfficeHoursRefusal.Overlap],
  week_limit: ['Your startup reached this mentor’s limit of sessions for that week.', OfficeHoursRefusal.WeekLimit],
};
const refusedSeat = (r: SeatRefusal) => new Conflict(...REFUSALS[r]);

export type BookingEvent = { kind: 'booked' | 'cancelled' | 'rescheduled' | 'extended'; booking: BookingRecord; actor: Caller };

export class OfficeHoursService extends EventEmitter<{ booking: [BookingEvent] }> {
  constructor(private readonly store: Store) {
    super();
  }

  // ---------- availability and slots ----------

  async setAvailability(caller: Caller, a: Availability): Promise<Availability> {
    if (caller.user.role !== 'mentor') throw new Forbidden('Only mentors publish office hours.');
    await this.store.officeHours.setAvailability(caller.user.id, a, new Date().toISOString());
    return a;
  }

  async availability(mentorId: string): Promise<Availability> {
    const a = await this.store.officeHours.availability(mentorId);
    if (!a) throw new NotFound('This mentor has not published office hours.');
    return a;
  }

  /** Slots of a mentor in [from, to) (at most the horizon), with seats taken and whether the caller's startup holds one. */
  async slots(caller: Caller, mentorId: string, from = new Date(), to?: Date): Promise<OfficeHourSlot[]> {
    const a = await this.availability(mentorId);
    const now = Date.now();
    const start = new Date(Math.max(from.getTime(), now));
    const end = new Date(Math.min((to ?? new Date(now + SLOT_HORIZON_DAYS * DAY_MS)).getTime(), now + SLOT_HORIZON_DAYS * DAY_MS));
    if (end <= start) return [];
    const seats = await this.store.officeHours.seats(mentorId, start.toISOString(), end.toISOString());
    const mine = new Set(await this.store.startups.idsForUser(caller.user.id));
    return generateSlots(a, start, end).map((s) => {
      const taken = seats.get(s.startsAt) ?? [];
      return { id: slotId(mentorId, s.startsAt), mentorId, ...s, capacity: a.capacity, booked: taken.length, mine: taken.some((id) => mine.has(id)) };
    });
  }

  async directory(caller: Caller, doorOpen: (mentorId: string) => boolean): Promise<MentorCard[]> {
    const all = await this.store.officeHours.allAvailability();
    const cards: MentorCard[] = [];
    for (const [mentorId, a] of all) {
      const u = await this.store.users.byId(mentorId);
      if (!u || u.role !== 'mentor') continue;
      const free = (await this.slots(caller, mentorId)).filter((s) => s.booked < s.capacity).slice(0, 3);
      const ratings = (await this.store.officeHours.feedback({ mentorId })).filter((f) => f.role === 'founder');
      cards.push({
        mentor: { id: u.id, name: u.name, headline: u.headline, timeZone: u.timeZone, tags: u.tags },
        topics: a.topics,
        capacity: a.capacity,
        slotMinutes: a.slotMinutes,
        nextSlots: free,
        rating: ratings.length ? Math.round((ratings.reduce((n, f) => n + f.rating, 0) / ratings.length) * 10) / 10 : null,
        doorOpen: doorOpen(mentorId),
      });
    }
    return cards.sort((x, y) => (x.nextSlots[0]?.startsAt ?? '~').localeCompare(y.nextSlots[0]?.startsAt ?? '~'));
  }

  // ---------- booking ----------

  async book(caller: Caller, body: { mentorId: string; startsAt: string; startupId: string; topic?: OfficeHourTopic; agenda: string }): Promise<Booking> {
    await this.#assertFounderOf(caller, body.startupId);
    const a = await this.availability(body.mentorId);
    const startsAt = new Date(body.startsAt).toISOString();
    const slot = await this.#slotAt(a, startsAt);
    const week = { ...weekOf(startsAt, a.timeZone), max: a.maxPerStartupPerWeek };
    const record: BookingRecord = {
      id: newId(),
      mentorId: body.mentorId,
      startupId: body.startupId,
      bookedBy: caller.user.id,
      startsAt,
      endsAt: slot.endsAt,
      roomClosesAt: slot.endsAt,
      topic: body.topic ?? null,
      agenda: body.agenda,
      status: 'confirmed',
      dropIn: false,
      sequence: 0,
      cancelledBy: null,
      cancelledAt: null,
      remindedAt: null,
      createdAt: new Date().toISOString(),
    };
    // The weekly limit, the seat and the overlap are all checked inside one transaction.
    const refused = await this.store.officeHours.book(record, a.capacity, week);
    if (refused) throw refusedSeat(refused);
    this.emit('booking', { kind: 'booked', booking: record, actor: caller });
    return this.view(caller, record);
  }

  /** A drop-in session admitted from the queue: starts now, one slot long. */
  async bookDropIn(mentor: Caller, founderId: string, startupId: string): Promise<BookingRecord> {
    const a = await this.store.officeHours.availability(mentor.user.id);
    const minutes = a?.slotMinutes ?? 30;
    const start = new Date();
    const record: BookingRecord = {
      id: newId(),
      mentorId: mentor.user.id,
      startupId,
      bookedBy: founderId,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + minutes * 60_000).toISOString(),
      roomClosesAt: new Date(start.getTime() + minutes * 60_000).toISOString(),
      topic: null,
      agenda: '',
      status: 'confirmed',
      dropIn: true,
      sequence: 0,
      cancelledBy: null,
      cancelledAt: null,
      remindedAt: null,
      createdAt: new Date().toISOString(),
    };
    const refused = await this.store.officeHours.book(record, 1);
    if (refused) throw refused === 'overlap' ? new Conflict('You have a session right now; admit them when it ends.', OfficeHoursRefusal.BusyNow) : refusedSeat(refused);
    return record;
  }

  async cancel(caller: Caller, id: string): Promise<Booking> {
    const b = await this.#partyBooking(caller, id);
    if (b.status !== 'confirmed') throw new Conflict('This booking is already cancelled.', OfficeHoursRefusal.AlreadyCancelled);
    if (!canChange(b.startsAt, Date.now())) throw new Conflict('Too late to cancel: it starts within the hour.', OfficeHoursRefusal.CancelTooLate);
    await this.store.officeHours.cancel(id, caller.user.id, new Date().toISOString());
    const after = (await this.store.officeHours.booking(id))!;
    this.emit('booking', { kind: 'cancelled', booking: after, actor: caller });
    return this.view(caller, after);
  }

  async reschedule(caller: Caller, id: string, startsAtInput: string): Promise<Booking> {
    const b = await this.#partyBooking(caller, id);
    await this.#assertFounderOf(caller, b.startupId);
    if (b.status !== 'confirmed') throw new Conflict('This booking is cancelled.', OfficeHoursRefusal.Cancelled);
    if (b.dropIn) throw new Conflict('A drop-in session cannot be moved.', OfficeHoursRefusal.DropInFixed);
    if (!canChange(b.startsAt, Date.now())) throw new Conflict('Too late to reschedule: it starts within the hour.', OfficeHoursRefusal.RescheduleTooLate);
    const a = await this.availability(b.mentorId);
    const startsAt = new Date(startsAtInput).toISOString();
    if (startsAt === b.startsAt) throw new Conflict('That is the same slot.', OfficeHoursRefusal.SameSlot);
    const slot = await this.#slotAt(a, startsAt);
    const week = { ...weekOf(startsAt, a.timeZone), max: a.maxPerStartupPerWeek };
    const refused = await this.store.officeHours.moveBooking(id, { startsAt, endsAt: slot.endsAt, roomClosesAt: slot.endsAt }, a.capacity, week);
    if (refused) throw refusedSeat(refused);
    const after = (await this.store.officeHours.booking(id))!;
    this.emit('booking', { kind: 'rescheduled', booking: after, actor: caller });
    return this.view(caller, after);
  }

  async extend(caller: Caller, id: string): Promise<Booking> {
    const b = await this.#partyBooking(caller, id);
    if (b.mentorId !== caller.user.id) throw new Forbidden('Only the mentor extends the session.');
    if (b.status !== 'confirmed' || !roomOpen(b, Date.now())) throw new Conflict('The room is not open.', OfficeHoursRefusal.RoomNotOpen);
    const roomClosesAt = new Date(Date.parse(b.roomClosesAt) + EXTENSION_MS).toISOString();
    await this.store.officeHours.extendRoom(id, roomClosesAt);
    this.emit('booking', { kind: 'extended', booking: { ...b, roomClosesAt }, actor: caller });
    return this.view(caller, { ...b, roomClosesAt });
  }

  async feedback(caller: Caller, id: string, rating: number, comment: string): Promise<Feedback> {
    const b = await this.#partyBooking(caller, id);
    if (b.status !== 'confirmed') throw new Conflict('This booking was cancelled.', OfficeHoursRefusal.Cancelled);
    if (Date.now() < Date.parse(b.startsAt)) throw new Conflict('Feedback opens once the session has started.', OfficeHoursRefusal.FeedbackTooEarly);
    const role = caller.user.id === b.mentorId ? 'mentor' : 'founder';
    const rec = { bookingId: id, fromId: caller.user.id, role, rating, comment, createdAt: new Date().toISOString() } as const;
    if (!(await this.store.officeHours.addFeedback(rec))) throw new Conflict('You already gave feedback for this session.', OfficeHoursRefusal.FeedbackGiven);
    return { bookingId: id, from: { id: caller.user.id, name: caller.user.name }, role, rating, comment, createdAt: rec.createdAt };
  }

  /** Mentors: feedback about their sessions; operators: all of it; founders: none. */
  async feedbackList(caller: Caller): Promise<{ feedback: Feedback[]; average: number | null }> {
    const role = caller.user.role;
    if (role !== 'mentor' && role !== 'operator') throw new Forbidden('Only mentors and operators see feedback.');
    const records = await this.store.officeHours.feedback(role === 'mentor' ? { mentorId: caller.user.id } : {});
    const feedback = await Promise.all(
      records.map(async (f) => ({ bookingId: f.bookingId, from: await this.#person(f.fromId), role: f.role, rating: f.rating, comment: f.comment, createdAt: f.createdAt })),
    );
    const aboutMentor = records.filter((f) => f.role === 'founder');
    const average = aboutMentor.length ? Math.round((aboutMentor.reduce((n, f) => n + f.rating, 0) / aboutMentor.length) * 100) / 100 : null;
    return { feedback, average };
  }

  /** The caller's sessions (as mentor, or through their startups), upcoming or past. */
  async myBookings(caller: Caller, scope: 'upcoming' | 'past'): Promise<Booking[]> {
    const startupIds = await this.store.startups.idsForUser(caller.user.id);
    const all = await this.store.officeHours.bookingsOf({ mentorId: caller.user.role === 'mentor' ? caller.user.id : undefined, startupIds });
    const now = Date.now();
    const picked = all.filter((b) => (scope === 'upcoming' ? Date.parse(b.roomClosesAt) > now : Date.parse(b.roomClosesAt) <= now));
    if (scope === 'past') picked.reverse();
    return Promise.all(picked.map((b) => this.view(caller, b)));
  }

  async get(caller: Caller, id: string): Promise<Booking> {
    return this.view(caller, await this.#partyBooking(caller, id));
  }

  // ---------- who may enter ----------

  /** The mentor and the booked startup's founders. */
  async isParty(userId: string, b: BookingRecord): Promise<boolean> {
    return b.mentorId === userId || (await this.store.startups.memberIds(b.startupId)).includes(userId);
  }

  async #partyBooking(caller: Caller, id: string): Promise<BookingRecord> {
    const b = await this.store.officeHours.booking(id);
    if (!b) throw new NotFound('No such booking.');
    if (!(await this.isParty(caller.user.id, b))) throw new Forbidden('This session is not yours.');
    return b;
  }

  async #assertFounderOf(caller: Caller, startupId: string): Promise<void> {
    if (caller.user.role !== 'founder' || !(await this.store.startups.memberIds(startupId)).includes(caller.user.id)) {
      throw new Forbidden('Only the startup’s founders book for it.');
    }
  }

  /** The slot of this availability starting at `startsAt`, or 409 when there is none (now). */
  async #slotAt(a: Availability, startsAt: string): Promise<{ startsAt: string; endsAt: string }> {
    const t = Date.parse(startsAt);
    if (t <= Date.now()) throw new Conflict('That slot has already started.', OfficeHoursRefusal.SlotStarted);
    const slot = generateSlots(a, new Date(t), new Date(t + 1)).find((s) => s.startsAt === startsAt);
    if (!slot || t > Date.now() + SLOT_HORIZON_DAYS * DAY_MS) throw new Conflict('That slot is not offered (the mentor’s hours may have changed).', OfficeHoursRefusal.SlotNotOffered);
    return slot;
  }

  async #person(userId: string): Promise<{ id: string; name: string }> {
    return { id: userId, name: (await this.store.users.byId(userId))?.name ?? '—' };
  }

  async view(caller: Caller, b: BookingRecord): Promise<Booking> {
    const mentor = await this.store.users.byId(b.mentorId);
    const startup = await this.store.startups.byId(b.startupId);
    const mine = (await this.store.officeHours.feedback({ bookingId: b.id })).find((f) => f.fromId === caller.user.id);
    return {
      id: b.id,
      mentor: { id: b.mentorId, name: mentor?.name ?? '—', timeZone: mentor?.timeZone ?? 'UTC' },
      startup: { id: b.startupId, name: startup?.name ?? '—' },
      bookedBy: await this.#person(b.bookedBy),
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      roomClosesAt: b.roomClosesAt,
      topic: b.topic,
      agenda: b.agenda,
      status: b.status,
      dropIn: b.dropIn,
      cancelledBy: b.cancelledBy ? await this.#person(b.cancelledBy) : null,
      createdAt: b.createdAt,
      myFeedback: mine ? { rating: mine.rating, comment: mine.comment } : null,
    };
  }
}


