/** Office hours in SQLite (see migration 5). Over-booking and overlaps are refused by the schema itself. */
import type Database from 'better-sqlite3';
import type { Prepare, Row } from './sqliteShared.js';
import type { Availability } from '../../shared/officeHours.js';
import type { BookingRecord, FeedbackRecord, NotificationRecord, OfficeHoursRepo, SeatRefusal, WeekLimit } from './officeHoursTypes.js';


const bookingFromRow = (r: Row): BookingRecord => ({
  id: r.id as string,
  mentorId: r.mentor_id as string,
  startupId: r.startup_id as string,
  bookedBy: r.booked_by as string,
  startsAt: r.starts_at as string,
  endsAt: r.ends_at as string,
  roomClosesAt: r.room_closes_at as string,
  topic: (r.topic as BookingRecord['topic']) ?? null,
  agenda: r.agenda as string,
  status: r.status as BookingRecord['status'],
  dropIn: r.drop_in === 1,
  sequence: r.sequence as number,
  cancelledBy: (r.cancelled_by as string | null) ?? null,
  cancelledAt: (r.cancelled_at as string | null) ?? null,
  remindedAt: (r.reminded_at as string | null) ?? null,
  createdAt: r.created_at as string,
});
const feedbackFromRow = (r: Row): FeedbackRecord => ({
  bookingId: r.booking_id as string,
  fromId: r.from_id as string,
  role: r.role as FeedbackRecord['role'],
  rating: r.rating as number,
  comment: r.comment as string,
  createdAt: r.created_at as string,
});
const notificationFromRow = (r: Row): NotificationRecord => ({
  id: r.id as string,
  userId: r.user_id as string,
  kind: r.kind as string,
  bookingId: (r.booking_id as string | null) ?? null,
  actorName: r.actor_name as string,
  startsAt: (r.starts_at as string | null) ?? null,
  subject: (r.subject as string | null) ?? null,
  link: (r.link as string | null) ?? null,
  createdAt: r.created_at as string,
  readAt: (r.read_at as string | null) ?? null,
});

/** Thrown inside a transaction to roll it back with a refusal. */
class Refused extends Error {
  constructor(readonly refusal: SeatRefusal) {
    super(refusal);
  }
}

/** Maps the schema's refusals (CHECK, UNIQUE, the overlap trigger) to what they mean. */
function refusalOf(err: unknown): SeatRefusal | null {
  if (err instanceof Refused) return err.refusal;
  const e = err as { code?: string; message?: string };
  if (typeof e.code !== 'string' || !e.code.startsWith('SQLITE_CONSTRAINT')) return null;
  if (e.message?.includes('booking_overlap')) return 'overlap';
  if (e.message?.includes('booking_seats.startup_id')) return 'same_startup';
  if (e.code === 'SQLITE_CONSTRAINT_CHECK' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'full';
  return null;
}

export function sqliteOfficeHours(db: Database.Database, prepare: Prepare): OfficeHoursRepo {
  /** Takes the lowest free seat; the CHECK (seat < capacity) is what refuses a full slot. */
  const takeSeat = (b: { id: string; mentorId: string; startupId: string; startsAt: string; endsAt: string }, capacity: number) => {
    const taken = new Set(prepare('SELECT seat FROM booking_seats WHERE mentor_id = ? AND starts_at = ?').pluck().all(b.mentorId, b.startsAt) as number[]);
    let seat = 0;
    while (taken.has(seat)) seat++;
    prepare('INSERT INTO booking_seats (mentor_id, starts_at, ends_at, seat, capacity, startup_id, booking_id) VALUES (?,?,?,?,?,?,?)').run(
      b.mentorId, b.startsAt, b.endsAt, seat, capacity, b.startupId, b.id,
    );
  };
  /** Refuses (inside the transaction) when the startup already has `max` bookings with the mentor that week. */
  const checkWeek = (mentorId: string, startupId: string, limit: WeekLimit | undefined, exceptId: string) => {
    if (!limit) return;
    const n = prepare(
      "SELECT COUNT(*) FROM bookings WHERE mentor_id = ? AND startup_id = ? AND status = 'confirmed' AND starts_at >= ? AND starts_at < ? AND id <> ?",
    )
      .pluck()
      .get(mentorId, startupId, limit.from, limit.to, exceptId) as number;
    if (n >= limit.max) throw new Refused('week_limit');
  };
  /** Runs fn in a transaction (a savepoint inside an open one) and turns schema refusals into values. */
  const refusable = (fn: () => void): SeatRefusal | null => {
    try {
      db.transaction(fn)();
      return null;
    } catch (err) {
      const refusal = refusalOf(err);
      if (refusal) return refusal;
      throw err;
    }
  };

  return {
    availability: async (mentorId) => {
      const data = prepare('SELECT data FROM mentor_availability WHERE mentor_id = ?').pluck().get(mentorId) as string | undefined;
      return data === undefined ? undefined : (JSON.parse(data) as Availability);
    },
    allAvailability: async () =>
      new Map((prepare('SELECT mentor_id, data FROM mentor_availability').all() as Row[]).map((r) => [r.mentor_id as string, JSON.parse(r.data as string) as Availability])),
    setAvailability: async (mentorId, a, now) => {
      prepare('INSERT INTO mentor_availability (mentor_id, data, updated_at) VALUES (?,?,?) ON CONFLICT(mentor_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at').run(
        mentorId, JSON.stringify(a), now,
      );
    },

    book: async (b, capacity, limit) =>
      refusable(() => {
        checkWeek(b.mentorId, b.startupId, limit, b.id);
        prepare(
          `INSERT INTO bookings (id,mentor_id,startup_id,booked_by,starts_at,ends_at,room_closes_at,topic,agenda,status,drop_in,sequence,created_at)
           VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
        ).run(b.id, b.mentorId, b.startupId, b.bookedBy, b.startsAt, b.endsAt, b.roomClosesAt, b.topic, b.agenda, b.status, b.dropIn ? 1 : 0, b.sequence, b.createdAt);
        takeSeat(b, capacity);
      }),
    moveBooking: async (id, to, capacity, limit) =>
      refusable(() => {
        const r = prepare('SELECT * FROM bookings WHERE id = ?').get(id) as Row | undefined;
        if (!r) throw new Error('moveBooking: no such booking');
        const b = bookingFromRow(r);
        checkWeek(b.mentorId, b.startupId, limit, id);
        prepare('DELETE FROM booking_seats WHERE booking_id = ?').run(id);
        prepare('UPDATE bookings SET starts_at = ?, ends_at = ?, room_closes_at = ?, sequence = sequence + 1, reminded_at = NULL WHERE id = ?').run(
          to.startsAt, to.endsAt, to.roomClosesAt, id,
        );
        takeSeat({ ...b, ...to }, capacity);
      }),
    cancel: async (id, by, now) =>
      db.transaction(() => {
        const changed = prepare("UPDATE bookings SET status = 'cancelled', cancelled_by = ?, cancelled_at = ?, sequence = sequence + 1 WHERE id = ? AND status = 'confirmed'").run(
          by, now, id,
        ).changes;
        prepare('DELETE FROM booking_seats WHERE booking_id = ?').run(id);
        return changed === 1;
      })(),
    booking: async (id) => {
      const r = prepare('SELECT * FROM bookings WHERE id = ?').get(id) as Row | undefined;
      return r && bookingFromRow(r);
    },
    bookingsOf: async ({ mentorId, startupIds }) => {
      const rows: Row[] = [];
      if (mentorId) rows.push(...(prepare('SELECT * FROM bookings WHERE mentor_id = ? ORDER BY starts_at').all(mentorId) as Row[]));
      for (const s of startupIds ?? []) rows.push(...(prepare('SELECT * FROM bookings WHERE startup_id = ? ORDER BY starts_at').all(s) as Row[]));
      const unique = new Map(rows.map((r) => [r.id as string, bookingFromRow(r)]));
      return [...unique.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    },
    seats: async (mentorId, from, to) => {
      const rows = prepare('SELECT starts_at, startup_id FROM booking_seats WHERE mentor_id = ? AND starts_at >= ? AND starts_at < ?').all(mentorId, from, to) as Row[];
      const out = new Map<string, string[]>();
      for (const r of rows) out.set(r.starts_at as string, [...(out.get(r.starts_at as string) ?? []), r.startup_id as string]);
      return out;
    },
    extendRoom: async (id, roomClosesAt) => {
      prepare('UPDATE bookings SET room_closes_at = ? WHERE id = ?').run(roomClosesAt, id);
    },
    dueReminders: async (from, to) =>
      (prepare("SELECT * FROM bookings WHERE status = 'confirmed' AND reminded_at IS NULL AND starts_at > ? AND starts_at <= ?").all(from, to) as Row[]).map(bookingFromRow),
    markReminded: async (id, now) => {
      prepare('UPDATE bookings SET reminded_at = ? WHERE id = ?').run(now, id);
    },

    addFeedback: async (f) =>
      prepare('INSERT OR IGNORE INTO booking_feedback (booking_id, from_id, role, rating, comment, created_at) VALUES (?,?,?,?,?,?)').run(
        f.bookingId, f.fromId, f.role, f.rating, f.comment, f.createdAt,
      ).changes === 1,
    feedback: async ({ bookingId, mentorId }) => {
      if (bookingId) return (prepare('SELECT * FROM booking_feedback WHERE booking_id = ? ORDER BY created_at').all(bookingId) as Row[]).map(feedbackFromRow);
      if (mentorId) {
        return (
          prepare(
            'SELECT f.* FROM booking_feedback f JOIN bookings b ON b.id = f.booking_id WHERE b.mentor_id = ? ORDER BY f.created_at DESC',
          ).all(mentorId) as Row[]
        ).map(feedbackFromRow);
      }
      return (prepare('SELECT * FROM booking_feedback ORDER BY created_at DESC').all() as Row[]).map(feedbackFromRow);
    },

    addNotification: async (n) => {
      prepare('INSERT INTO notifications (id, user_id, kind, booking_id, actor_name, starts_at, subject, link, created_at, read_at) VALUES (?,?,?,?,?,?,?,?,?,?)').run(
        n.id, n.userId, n.kind, n.bookingId, n.actorName, n.startsAt, n.subject ?? null, n.link ?? null, n.createdAt, n.readAt,
      );
    },
    notifications: async (userId, limit) =>
      (prepare('SELECT * FROM notifications WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?').all(userId, limit) as Row[]).map(notificationFromRow),
    markRead: async (userId, ids, now) => {
      if (ids === 'all') prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL').run(now, userId);
      else for (const id of ids) prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL').run(now, userId, id);
    },
  };
}
