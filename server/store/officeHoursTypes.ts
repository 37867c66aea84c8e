/** Records and the storage contract of office hours. */
import type { Availability, OfficeHourTopic } from '../../shared/officeHours.js';
import type { BookingStatus } from '../../shared/constants.js';

export interface BookingRecord {
  id: string;
  mentorId: string;
  startupId: string;
  bookedBy: string;
  startsAt: string;
  endsAt: string;
  roomClosesAt: string;
  topic: OfficeHourTopic | null;
  agenda: string;
  status: BookingStatus;
  dropIn: boolean;
  /** Grows on every reschedule or cancellation (the .ics SEQUENCE). */
  sequence: number;
  cancelledBy: string | null;
  cancelledAt: string | null;
  remindedAt: string | null;
  createdAt: string;
}

export interface FeedbackRecord {
  bookingId: string;
  fromId: string;
  role: 'mentor' | 'founder';
  rating: number;
  comment: string;
  createdAt: string;
}

export interface NotificationRecord {
  id: string;
  userId: string;
  kind: string;
  bookingId: string | null;
  actorName: string;
  startsAt: string | null;
  /** What it is about, for the text (e.g. a startup's name). */
  subject?: string | null;
  /** Where clicking it goes (an app path). */
  link?: string | null;
  createdAt: string;
  readAt: string | null;
}

/** Why a seat could not be taken (the database refused it). */
export type SeatRefusal = 'full' | 'same_startup' | 'overlap' | 'week_limit';

/** At most `max` confirmed bookings of the startup with the mentor starting in [from, to). */
export interface WeekLimit {
  from: string;
  to: string;
  max: number;
}

export interface OfficeHoursRepo {
  availability(mentorId: string): Promise<Availability | undefined>;
  allAvailability(): Promise<Map<string, Availability>>;
  setAvailability(mentorId: string, a: Availability, now: string): Promise<void>;

  /** Inserts the booking and takes a seat in its slot, atomically; returns the refusal instead when the seat cannot be had. */
  book(b: BookingRecord, capacity: number, limit?: WeekLimit): Promise<SeatRefusal | null>;
  /** Moves a booking to another slot atomically (the old seat is kept when the new one cannot be had). */
  moveBooking(id: string, to: { startsAt: string; endsAt: string; roomClosesAt: string }, capacity: number, limit?: WeekLimit): Promise<SeatRefusal | null>;
  cancel(id: string, by: string, now: string): Promise<boolean>;
  booking(id: string): Promise<BookingRecord | undefined>;
  /** Confirmed and cancelled bookings of a mentor, or of any of these startups, by start. */
  bookingsOf(filter: { mentorId?: string; startupIds?: string[] }): Promise<BookingRecord[]>;
  /** Taken seats per slot start of a mentor in [from, to): start → startup ids. */
  seats(mentorId: string, from: string, to: string): Promise<Map<string, string[]>>;
  extendRoom(id: string, roomClosesAt: string): Promise<void>;
  /** Confirmed bookings starting in (from, to] not yet reminded. */
  dueReminders(from: string, to: string): Promise<BookingRecord[]>;
  markReminded(id: string, now: string): Promise<void>;

  /** Adds feedback; false when this person already gave it for this booking. */
  addFeedback(f: FeedbackRecord): Promise<boolean>;
  feedback(filter: { bookingId?: string; mentorId?: string }): Promise<FeedbackRecord[]>;

  addNotification(n: NotificationRecord): Promise<void>;
  notifications(userId: string, limit: number): Promise<NotificationRecord[]>;
  markRead(userId: string, ids: string[] | 'all', now: string): Promise<void>;
}
