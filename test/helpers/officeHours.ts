/**
 * Helpers for the office-hours integration tests (docs/office-hours.md): signed-in demo people, fresh
 * mentors / founders / startups made over REST (invites + sign-up, so they work against a child-process
 * server too), availability bodies, slot look-ups, "soon" windows for bookings that start within minutes,
 * a socket that records every queue/notification push, and an .ics reader built on ical.js.
 */
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { AckClient, connectSocket, HttpSession, type ClientSocket } from './server.js';
import { waitFor } from './waitFor.js';
import { put } from './roadshow.js';
import { DemoPeople, EMAIL, type Who } from './demoPeople.js';
import type { ApiError } from '../../shared/protocol.js';
import type { Role } from '../../shared/schemas.js';
import type {
  Availability,
  Booking,
  BookingChanged,
  CreateBookingBody,
  DropInQueueState,
  Notification,
  OfficeHourSlot,
} from '../../shared/officeHours.js';
import type { z } from 'zod';
import type { QueueAdmitted as QueueAdmittedSchema } from '../../shared/officeHours.js';

export { EMAIL, put, type Who };
export type QueueAdmitted = z.infer<typeof QueueAdmittedSchema>;

export const OH = '/api/office-hours';
const PASSWORD = 'a-long-password';
const DAY = 86400_000;

/** A signed-in person: a demo one (`who` set) or one made by the test. */
export interface OhPerson {
  who: string;
  id: string;
  name: string;
  role: Role;
  email: string;
  session: HttpSession;
}

let seq = 0;
/** A short unique suffix for names and emails. */
export function uniq(prefix = 'x'): string {
  return `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 5)}`;
}

// ---------- availability ----------

/** A weekly window on every day of the week (Monday = 1 … Sunday = 7). */
export function everyDay(start: string, end: string): Availability['weekly'] {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));
}

/** An availability body with test defaults: every day 09:00–12:00, 30-min one-to-one slots, no buffer. */
export function availability(over: Partial<Availability> = {}): Availability {
  return {
    timeZone: 'America/New_York',
    slotMinutes: 30,
    bufferMinutes: 0,
    capacity: 1,
    topics: ['fundraising'],
    weekly: everyDay('09:00', '12:00'),
    exceptions: [],
    maxPerStartupPerWeek: 10,
    ...over,
  };
}

/** PUT /api/office-hours/availability; throws unless 200. */
export async function setAvailability(mentor: OhPerson, body: Availability): Promise<void> {
  const res = await put(mentor.session, `${OH}/availability`, body);
  if (res.status !== 200) throw new Error(`PUT availability as ${mentor.who}: ${res.status} ${res.text}`);
}

/** GET /api/office-hours/mentors/:id/slots (default: now … now + 28 days minus a minute). Throws unless 200. */
export async function listSlots(session: HttpSession, mentorId: string, from?: Date, to?: Date): Promise<OfficeHourSlot[]> {
  const f = from ?? new Date();
  const t = to ?? new Date(f.getTime() + 28 * DAY - 60_000);
  const res = await session.get(`${OH}/mentors/${mentorId}/slots?from=${encodeURIComponent(f.toISOString())}&to=${encodeURIComponent(t.toISOString())}`);
  if (res.status !== 200) throw new Error(`GET slots of ${mentorId}: ${res.status} ${res.text}`);
  return slotsOf(res.json);
}

/** The slot array of a slots response (`{slots}` or a bare array). */
export function slotsOf(json: unknown): OfficeHourSlot[] {
  if (Array.isArray(json)) return json as OfficeHourSlot[];
  return (json as { slots: OfficeHourSlot[] }).slots;
}

/** The slot starting at `startsAt` (an instant), or undefined. */
export function slotAt(slots: OfficeHourSlot[], startsAt: string | Date): OfficeHourSlot | undefined {
  const ms = new Date(startsAt).getTime();
  return slots.find((s) => new Date(s.startsAt).getTime() === ms);
}

/** The wall-clock start of `slot` in `zone` as "yyyy-MM-dd HH:mm". */
export function wall(startsAt: string | Date, zone: string): string {
  return DateTime.fromJSDate(new Date(startsAt)).setZone(zone).toFormat('yyyy-MM-dd HH:mm');
}

/**
 * Slots of `slots` that start on the mentor's calendar date `date` (yyyy-MM-dd in `zone`), in order.
 */
export function slotsOnDate(slots: OfficeHourSlot[], zone: string, date: string): OfficeHourSlot[] {
  return slots.filter((s) => wall(s.startsAt, zone).startsWith(date)).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** The mentor-zone date `days` days from today (yyyy-MM-dd). */
export function dateIn(zone: string, days: number): string {
  return DateTime.now().setZone(zone).plus({ days }).toISODate()!;
}

/** The Monday (yyyy-MM-dd, mentor's zone) of the week `weeksAhead` weeks after this one. */
export function mondayIn(zone: string, weeksAhead: number): string {
  return DateTime.now().setZone(zone).startOf('week').plus({ weeks: weeksAhead }).toISODate()!;
}

/** Zones to pick from when a test needs a window near "now" that does not cross midnight. */
const SOON_ZONES = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'];

/**
 * A zone in which the next `spanMinutes` (from `minutesAhead` on) stay inside one wall-clock day,
 * with an hour of margin on both sides.
 */
export function zoneForSoon(minutesAhead: number, spanMinutes: number): string {
  for (const zone of SOON_ZONES) {
    const start = DateTime.now().setZone(zone).plus({ minutes: minutesAhead });
    const end = start.plus({ minutes: spanMinutes + 60 });
    if (start.hour >= 1 && end.toISODate() === start.toISODate()) return zone;
  }
  throw new Error('no zone found for a window near now');
}

/**
 * An `extra` exception today (in `zone`) whose first slot starts `minutesAhead` minutes from now,
 * rounded up to the next whole minute, lasting `spanMinutes`. Returns it and the first slot's start.
 */
export function soonWindow(zone: string, minutesAhead: number, spanMinutes: number): { exception: Availability['exceptions'][number]; startsAt: Date } {
  const start = DateTime.now().setZone(zone).plus({ minutes: minutesAhead }).startOf('minute').plus({ minutes: 1 });
  const end = start.plus({ minutes: spanMinutes });
  if (end.toISODate() !== start.toISODate()) throw new Error(`soon window crosses midnight in ${zone}`);
  return {
    exception: { kind: 'extra', date: start.toISODate()!, start: start.toFormat('HH:mm'), end: end.toFormat('HH:mm') },
    startsAt: start.toJSDate(),
  };
}

// ---------- bookings ----------

/** The booking of a booking response (`{booking}` or the booking itself). */
export function bookingOf(json: unknown): Booking {
  const j = json as { booking?: Booking } & Booking;
  return j && j.booking ? j.booking : j;
}

/** POST /api/office-hours/bookings; returns the raw response. */
export function postBooking(session: HttpSession, body: CreateBookingBody) {
  return session.post(`${OH}/bookings`, body);
}

/** Books and returns the booking; throws unless 201. */
export async function book(session: HttpSession, body: CreateBookingBody): Promise<Booking> {
  const res = await postBooking(session, body);
  if (res.status !== 201) throw new Error(`book ${body.startsAt} for ${body.startupId}: ${res.status} ${res.text}`);
  return bookingOf(res.json);
}

/** GET /api/office-hours/bookings/:id as this session (raw). */
export function getBooking(session: HttpSession, id: string) {
  return session.get(`${OH}/bookings/${id}`);
}

/** The error body of a refused REST call. */
export function errorOf(res: { json: any; text: string }): ApiError {
  return (res.json?.error ?? {}) as ApiError;
}

/** Runs `tasks` with at most `limit` in flight. */
export async function pool<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      for (;;) {
        const i = next++;
        if (i >= tasks.length) return;
        out[i] = await tasks[i]!();
      }
    }),
  );
  return out;
}

// ---------- sockets ----------

/** A socket that records every drop-in queue push, admission and notification it receives. */
export class OhClient extends AckClient<OhPerson> {
  readonly states: DropInQueueState[] = [];
  readonly admitted: QueueAdmitted[] = [];
  readonly notifications: Notification[] = [];
  readonly roomClosed: { roomId: string; reason: string }[] = [];
  readonly bookingChanges: BookingChanged[] = [];

  constructor(person: OhPerson, socket: ClientSocket) {
    super(person, socket);
    socket.on('queue:state', (s) => this.states.push(s));
    socket.on('queue:admitted', (a) => this.admitted.push(a));
    socket.on('notification', (n) => this.notifications.push(n));
    socket.on('media:roomClosed', (p) => this.roomClosed.push(p));
    socket.on('booking:changed', (c) => this.bookingChanges.push(c));
  }

  lastState(mentorId: string): DropInQueueState | undefined {
    return this.states.filter((s) => s.mentorId === mentorId).at(-1);
  }

  /** Waits until the latest pushed `queue:state` for this mentor matches. */
  waitState(mentorId: string, match: (s: DropInQueueState) => boolean, what = 'queue:state'): Promise<DropInQueueState> {
    return waitFor(
      () => {
        const s = this.lastState(mentorId);
        return s && match(s) ? s : undefined;
      },
      { what: `${this.person.who} ${what} (last: ${JSON.stringify(this.lastState(mentorId))?.slice(0, 300)})` },
    );
  }

  waitAdmitted(match: (a: QueueAdmitted) => boolean = () => true): Promise<QueueAdmitted> {
    return waitFor(() => this.admitted.find(match), { what: `${this.person.who} queue:admitted` });
  }

  waitNotification(match: (n: Notification) => boolean, what = 'notification', timeoutMs = 5000): Promise<Notification> {
    return waitFor(() => this.notifications.find(match), { what: `${this.person.who} ${what}`, timeoutMs });
  }

  close(): void {
    this.socket.close();
  }
}

// ---------- people, startups ----------

/** Signed-in people for one server (demo ones and fresh ones), their sockets; `closeAll()` closes the sockets. */
export class OfficeKit {
  readonly #people: DemoPeople;
  readonly #clients: OhClient[] = [];
  tideId = '';
  agriId = '';
  ledgerId = '';

  private constructor(readonly url: string) {
    this.#people = new DemoPeople(url);
  }

  static async create(url: string): Promise<OfficeKit> {
    const kit = new OfficeKit(url);
    Object.assign(kit, await kit.#people.startupIds());
    return kit;
  }

  /** Signs a demo person in once per kit. */
  person(who: Who): Promise<OhPerson> {
    return this.#people.get(who);
  }

  /** Forgets sessions (after a restart the server may not know them… it does, but be explicit). */
  forgetPeople(): void {
    this.#people.forget();
  }

  /** A new account through an operator's invite and sign-up (optionally into a startup). */
  async newPerson(role: Role, opts: { timeZone?: string; startupId?: string; name?: string } = {}): Promise<OhPerson> {
    const ops = await this.person('ops');
    const inv = await ops.session.post('/api/invites', { role, ...(opts.startupId ? { startupId: opts.startupId } : {}) });
    if (inv.status !== 201) throw new Error(`invite ${role}: ${inv.status} ${inv.text}`);
    const email = `${uniq(role)}@oh.test`;
    const name = opts.name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${uniq('')}`;
    const session = new HttpSession(this.url);
    const res = await session.post('/api/auth/signup', {
      token: inv.json.token,
      email,
      password: PASSWORD,
      name,
      timeZone: opts.timeZone ?? 'America/New_York',
      languages: ['en'],
    });
    if (res.status !== 201) throw new Error(`signup ${role}: ${res.status} ${res.text}`);
    const user = res.json.user as { id: string; name: string; role: Role };
    return { who: name, id: user.id, name: user.name, role: user.role, email, session };
  }

  /** A fresh mentor in `timeZone`, with `body` as availability when given. */
  async newMentor(timeZone = 'America/New_York', body?: Partial<Availability>): Promise<OhPerson> {
    const mentor = await this.newPerson('mentor', { timeZone });
    if (body) await setAvailability(mentor, availability({ timeZone, ...body }));
    return mentor;
  }

  /** A new startup created by `founder` (who becomes its first member); returns its id. */
  async newStartup(founder: OhPerson, name = uniq('Startup ')): Promise<string> {
    const res = await founder.session.post('/api/startups', { name });
    if (res.status !== 201) throw new Error(`create startup as ${founder.who}: ${res.status} ${res.text}`);
    return res.json.startup.id as string;
  }

  /**
   * `count` (founder session, startup) pairs, each startup different, spread over
   * `ceil(count / perFounder)` fresh founders — racers for one slot.
   */
  async racers(count: number, perFounder = 5): Promise<{ founder: OhPerson; startupId: string }[]> {
    const founders = await pool(4, Array.from({ length: Math.ceil(count / perFounder) }, () => () => this.newPerson('founder')));
    const pairs = await pool(
      8,
      Array.from({ length: count }, (_, i) => async () => {
        const founder = founders[Math.floor(i / perFounder)]!;
        return { founder, startupId: await this.newStartup(founder) };
      }),
    );
    return pairs;
  }

  /** A socket for this person, recording pushes. */
  async connect(p: OhPerson | Who): Promise<OhClient> {
    const person = typeof p === 'string' ? await this.person(p) : p;
    const socket = await connectSocket(this.url, person.session.cookie);
    const c = new OhClient(person, socket);
    this.#clients.push(c);
    return c;
  }

  /**
   * A booking that starts within about `minutesAhead`+1 minutes: a fresh mentor (in a zone where the
   * window does not cross midnight) with only an `extra` window today, booked by `by` for `startupId`.
   */
  async soonBooking(
    by: OhPerson,
    startupId: string,
    opts: { minutesAhead?: number; slotMinutes?: number; agenda?: string; mentor?: OhPerson } = {},
  ): Promise<{ mentor: OhPerson; booking: Booking; zone: string }> {
    const minutesAhead = opts.minutesAhead ?? 1;
    const slotMinutes = opts.slotMinutes ?? 30;
    const zone = zoneForSoon(minutesAhead, slotMinutes + 5);
    const mentor = opts.mentor ?? (await this.newMentor(zone));
    const { exception, startsAt } = soonWindow(zone, minutesAhead, slotMinutes);
    await setAvailability(mentor, availability({ timeZone: zone, slotMinutes, weekly: [], exceptions: [exception] }));
    const slots = await listSlots(by.session, mentor.id);
    const slot = slotAt(slots, startsAt);
    if (!slot) throw new Error(`no slot at ${startsAt.toISOString()} (zone ${zone}, exception ${JSON.stringify(exception)}); slots: ${JSON.stringify(slots)}`);
    const booking = await book(by.session, { mentorId: mentor.id, startsAt: slot.startsAt, startupId, agenda: opts.agenda ?? 'Soon session' });
    return { mentor, booking, zone };
  }

  closeAll(): void {
    for (const c of this.#clients.splice(0)) c.close();
  }
}

/** A fresh founder-side: a new founder with a new startup of their own. */
export async function founderWithStartup(kit: OfficeKit): Promise<{ founder: OhPerson; startupId: string }> {
  const founder = await kit.newPerson('founder');
  return { founder, startupId: await kit.newStartup(founder) };
}

// ---------- .ics ----------

export interface ParsedIcs {
  method: string | null;
  /** VEVENT components. */
  events: ICAL.Component[];
  vtimezones: ICAL.Component[];
  event: ICAL.Event;
  uid: string;
  sequence: number;
  status: string | null;
  /** DTSTART as an instant (after registering the VTIMEZONE). */
  start: Date;
  end: Date;
  /** The TZID parameter of DTSTART. */
  tzid: string | null;
  organizer: string | null;
  attendees: string[];
}

/** Parses an .ics text with ical.js, registering its VTIMEZONEs first. */
export function parseIcs(text: string): ParsedIcs {
  const cal = new ICAL.Component(ICAL.parse(text));
  const vtimezones = cal.getAllSubcomponents('vtimezone');
  for (const tz of vtimezones) ICAL.TimezoneService.register(tz);
  const events = cal.getAllSubcomponents('vevent');
  const vevent = events[0];
  if (!vevent) throw new Error(`no VEVENT in:\n${text}`);
  const event = new ICAL.Event(vevent);
  const dtstart = vevent.getFirstProperty('dtstart');
  const attendees = vevent.getAllProperties('attendee').map((p) => String(p.getFirstValue()));
  return {
    method: (cal.getFirstPropertyValue('method') as string | null) ?? null,
    events,
    vtimezones,
    event,
    uid: event.uid,
    sequence: event.sequence,
    status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    tzid: (dtstart?.getParameter('tzid') as string | undefined) ?? null,
    organizer: (vevent.getFirstPropertyValue('organizer') as string | null) ?? null,
    attendees,
  };
}

/** Fetches a booking's .ics as `session`. */
export function getIcs(session: HttpSession, bookingId: string) {
  return session.get(`${OH}/bookings/${bookingId}/calendar.ics`);
}
