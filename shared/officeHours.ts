/**
 * The office-hours protocol: a mentor's weekly availability (in their own zone), the concrete slots made
 * from it, bookings, feedback, notifications and the drop-in queue. Semantics are in docs/office-hours.md.
 */
import { z } from 'zod';
import { BOOKING_STATUSES, OFFICE_HOUR_TOPICS, WEEKDAYS } from './constants.js';
import { TimeZone } from './schemas.js';

export { BOOKING_STATUSES, OFFICE_HOUR_TOPICS, WEEKDAYS };

const Id = z.string().min(1).max(64);
const Person = z.object({ id: Id, name: z.string() });
/** "HH:MM", 24-hour. */
const WallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must look like 09:30');
/** A window's end may also be midnight, "24:00". */
const WallTimeEnd = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'time must look like 17:30 (or 24:00)');
/** "YYYY-MM-DD". */
const CalendarDate = z.iso.date();

export const OfficeHourTopic = z.enum(OFFICE_HOUR_TOPICS);
export type OfficeHourTopic = z.infer<typeof OfficeHourTopic>;
export const BookingStatus = z.enum(BOOKING_STATUSES);

/** One weekly window, in the mentor's zone (e.g. Tue 09:00–12:00). */
export const WeeklyWindow = z
  .object({ weekday: z.number().int().min(1).max(7), start: WallTime, end: WallTimeEnd })
  .strict()
  .refine((w) => w.start < w.end, { message: 'end must be after start', path: ['end'] });
export type WeeklyWindow = z.infer<typeof WeeklyWindow>;

/** A date exception: the day off, or extra hours that day (in the mentor's zone). */
export const AvailabilityException = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('off'), date: CalendarDate }).strict(),
  z
    .object({ kind: z.literal('extra'), date: CalendarDate, start: WallTime, end: WallTimeEnd })
    .strict()
    .refine((w) => w.start < w.end, { message: 'end must be after start', path: ['end'] }),
]);
export type AvailabilityException = z.infer<typeof AvailabilityException>;

/** PUT /api/office-hours/availability (mentors): replaces the mentor's availability. */
export const Availability = z
  .object({
    timeZone: TimeZone,
    slotMinutes: z.number().int().min(15).max(180),
    bufferMinutes: z.number().int().min(0).max(60),
    /** 1 for one-to-one; up to 8 startups in a small group. */
    capacity: z.number().int().min(1).max(8),
    topics: z.array(OfficeHourTopic).max(OFFICE_HOUR_TOPICS.length),
    weekly: z.array(WeeklyWindow).max(50),
    exceptions: z.array(AvailabilityException).max(100),
    /** Bookings per startup with this mentor per week (Monday–Sunday in the mentor's zone). */
    maxPerStartupPerWeek: z.number().int().min(1).max(10),
  })
  .strict();
export type Availability = z.infer<typeof Availability>;

/** A concrete bookable slot. Its id is the mentor and start, so it is stable while availability is. */
export const OfficeHourSlot = z.object({
  id: z.string(),
  mentorId: Id,
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  /** The caller's startup already holds a seat. */
  mine: z.boolean(),
});
export type OfficeHourSlot = z.infer<typeof OfficeHourSlot>;

/** GET /api/office-hours/mentors: the directory. */
export const MentorCard = z.object({
  mentor: z.object({ id: Id, name: z.string(), headline: z.string(), timeZone: z.string(), tags: z.array(z.string()) }),
  topics: z.array(OfficeHourTopic),
  capacity: z.number().int(),
  slotMinutes: z.number().int(),
  /** The next few free slots. */
  nextSlots: z.array(OfficeHourSlot),
  /** Average rating from feedback (null until there is some). */
  rating: z.number().nullable(),
  /** The drop-in door is open now. */
  doorOpen: z.boolean(),
});
export type MentorCard = z.infer<typeof MentorCard>;

export const Booking = z.object({
  id: Id,
  mentor: Person.extend({ timeZone: z.string() }),
  startup: Person,
  bookedBy: Person,
  startsAt: z.string(),
  endsAt: z.string(),
  /** When the private room closes (endsAt plus any extensions). */
  roomClosesAt: z.string(),
  topic: OfficeHourTopic.nullable(),
  agenda: z.string(),
  status: BookingStatus,
  /** A drop-in session admitted from the queue (not from a slot). */
  dropIn: z.boolean(),
  cancelledBy: Person.nullable(),
  createdAt: z.string(),
  /** Feedback the caller gave (rating), if any; and whether the other side gave theirs. */
  myFeedback: z.object({ rating: z.number().int(), comment: z.string() }).nullable(),
});
export type Booking = z.infer<typeof Booking>;

/** POST /api/office-hours/bookings */
export const CreateBookingBody = z
  .object({
    mentorId: Id,
    startsAt: z.iso.datetime({ offset: true }),
    startupId: Id,
    topic: OfficeHourTopic.optional(),
    agenda: z.string().trim().max(2000).default(''),
  })
  .strict();
export type CreateBookingBody = z.input<typeof CreateBookingBody>;

/** POST /api/office-hours/bookings/:id/reschedule */
export const RescheduleBookingBody = z.object({ startsAt: z.iso.datetime({ offset: true }) }).strict();
/** POST /api/office-hours/bookings/:id/feedback */
export const FeedbackBody = z.object({ rating: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).default('') }).strict();
export type FeedbackBody = z.input<typeof FeedbackBody>;

export const Feedback = z.object({
  bookingId: Id,
  from: Person,
  role: z.enum(['mentor', 'founder']),
  rating: z.number().int(),
  comment: z.string(),
  createdAt: z.string(),
});
export type Feedback = z.infer<typeof Feedback>;

/**
 * Office hours' refusals (409), as `ApiError.code` — the client says them in the user's language
 * (`errors.code.*`); the server's `message` is the English sentence.
 */
export const OfficeHoursRefusal = {
  SlotFull: 'oh.slot_full',
  SameStartup: 'oh.same_startup',
  Overlap: 'oh.overlap',
  WeekLimit: 'oh.week_limit',
  BusyNow: 'oh.busy_now',
  AlreadyCancelled: 'oh.already_cancelled',
  Cancelled: 'oh.cancelled',
  CancelTooLate: 'oh.cancel_too_late',
  RescheduleTooLate: 'oh.reschedule_too_late',
  DropInFixed: 'oh.drop_in_fixed',
  SameSlot: 'oh.same_slot',
  RoomNotOpen: 'oh.room_not_open',
  FeedbackTooEarly: 'oh.feedback_too_early',
  FeedbackGiven: 'oh.feedback_given',
  SlotStarted: 'oh.slot_started',
  SlotNotOffered: 'oh.slot_not_offered',
  DoorClosed: 'oh.door_closed',
} as const;
export type OfficeHoursRefusal = (typeof OfficeHoursRefusal)[keyof typeof OfficeHoursRefusal];

/** In-app notifications (pushed live as `notification`). */
export const NOTIFICATION_KINDS = ['booking.booked', 'booking.cancelled', 'booking.rescheduled', 'booking.startingSoon', 'queue.admitted', 'intro.requested'] as const;
export const Notification = z.object({
  id: Id,
  kind: z.enum(NOTIFICATION_KINDS),
  bookingId: Id.nullable(),
  /** Who did it / who it is with, for the text. */
  actorName: z.string(),
  startsAt: z.string().nullable(),
  /** What it is about (intro requests: the startup's name). */
  subject: z.string().nullable(),
  /** Where it leads in the app (intro requests: the recording). */
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof Notification>;

// ---------- drop-in queue (Socket.IO) ----------

export const QueueEntry = z.object({ userId: Id, name: z.string(), startupId: Id, startupName: z.string(), joinedAt: z.string() });
export const DropInQueueState = z.object({
  mentorId: Id,
  open: z.boolean(),
  /** Mentors see everyone waiting; founders see only their own entry (and its position). */
  entries: z.array(QueueEntry),
  /** The caller's 1-based position, or null when not queued. */
  position: z.number().int().nullable(),
  length: z.number().int(),
});
export type DropInQueueState = z.infer<typeof DropInQueueState>;

export const QueueWatchBody = z.object({ mentorId: Id }).strict();
export const QueueSetOpenBody = z.object({ open: z.boolean() }).strict();
export const QueueJoinBody = z.object({ mentorId: Id, startupId: Id }).strict();
export const QueueLeaveBody = z.object({ mentorId: Id }).strict();
export const QueueAdmitBody = z.object({ userId: Id.optional() }).strict();
/** Sent to the admitted founder and the mentor: the booking of the drop-in session to open. */
export const QueueAdmitted = z.object({ mentorId: Id, booking: Booking });

/** Sent to every party of a booking (all their sockets) when it changed: extended, moved or cancelled — an open session page reloads it. */
export const BookingChanged = z.object({
  bookingId: Id,
  change: z.enum(['extended', 'rescheduled', 'cancelled']),
  status: z.enum(['confirmed', 'cancelled']),
  startsAt: z.string(),
  endsAt: z.string(),
  roomClosesAt: z.string(),
});
export type BookingChanged = z.infer<typeof BookingChanged>;
