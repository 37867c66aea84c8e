/**
 * Notifications (docs/office-hours.md "Notifications"): stored and pushed live to the person's sockets —
 * booked and rescheduled to the mentor, cancelled to the other side, "starting in 10 minutes" to both,
 * admitted from the queue — listed by `GET /api/notifications` and marked read.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/waitFor.js';
import { availability, book, dateIn, everyDay, listSlots, OfficeKit, OH, setAvailability, slotsOnDate, type OhPerson } from '../helpers/officeHours.js';
import { Notification as NotificationSchema, type Notification } from '../../shared/officeHours.js';

let srv: TestServer;
let kit: OfficeKit;
beforeAll(async () => {
  srv = await startServer();
  kit = await OfficeKit.create(srv.url);
});
afterEach(() => kit.closeAll());
afterAll(() => srv.close());

const NY = 'America/New_York';

async function mentorWithSlots(): Promise<{ mentor: OhPerson; slots: { startsAt: string }[] }> {
  const mentor = await kit.newMentor(NY, { weekly: everyDay('09:00', '12:00') });
  const chen = await kit.person('chen');
  return { mentor, slots: slotsOnDate(await listSlots(chen.session, mentor.id), NY, dateIn(NY, 3)) };
}

async function listed(p: OhPerson): Promise<Notification[]> {
  const res = await p.session.get('/api/notifications');
  expect(res.status).toBe(200);
  return (res.json.notifications as unknown[]).map((n) => NotificationSchema.parse(n));
}

describe('notifications', () => {
  it('booking pushes `booking.booked` to the mentor\'s socket (not to the founder who booked); it is listed unread', async () => {
    const { mentor, slots } = await mentorWithSlots();
    const m = await kit.connect(mentor);
    const chen = await kit.person('chen');
    const chenSocket = await kit.connect(chen);
    const b = await book(chen.session, { mentorId: mentor.id, startsAt: slots[0]!.startsAt, startupId: kit.tideId, agenda: '' });

    const pushed = NotificationSchema.parse(await m.waitNotification((n) => n.bookingId === b.id && n.kind === 'booking.booked'));
    expect(pushed).toMatchObject({ actorName: chen.name, startsAt: b.startsAt, read: false });
    const stored = await listed(mentor);
    expect(stored.find((n) => n.id === pushed.id)).toEqual(pushed);
    // The booker does not notify themselves.
    expect(chenSocket.notifications.filter((n) => n.bookingId === b.id)).toEqual([]);
    expect((await listed(chen)).filter((n) => n.bookingId === b.id)).toEqual([]);
  });

  it('a founder cancelling tells the mentor; the mentor cancelling tells every founder of the startup', async () => {
    const { mentor, slots } = await mentorWithSlots();
    const [chen, sofia] = await Promise.all([kit.person('chen'), kit.person('sofia')]);
    const m = await kit.connect(mentor);
    const sofiaSocket = await kit.connect(sofia);
    const chenSocket = await kit.connect(chen);

    const b1 = await book(chen.session, { mentorId: mentor.id, startsAt: slots[1]!.startsAt, startupId: kit.tideId, agenda: '' });
    expect((await chen.session.post(`${OH}/bookings/${b1.id}/cancel`)).status).toBe(200);
    const toMentor = await m.waitNotification((n) => n.bookingId === b1.id && n.kind === 'booking.cancelled');
    expect(toMentor.actorName).toBe(chen.name);

    const b2 = await book(sofia.session, { mentorId: mentor.id, startsAt: slots[2]!.startsAt, startupId: kit.tideId, agenda: '' });
    expect((await mentor.session.post(`${OH}/bookings/${b2.id}/cancel`)).status).toBe(200);
    for (const c of [chenSocket, sofiaSocket]) {
      const n = await c.waitNotification((x) => x.bookingId === b2.id && x.kind === 'booking.cancelled', `${c.person.who} hears the mentor cancelled`);
      expect(n.actorName).toBe(mentor.name);
    }
    expect(m.notifications.filter((n) => n.bookingId === b2.id && n.kind === 'booking.cancelled')).toEqual([]);
    expect((await listed(chen)).some((n) => n.bookingId === b2.id && n.kind === 'booking.cancelled')).toBe(true);
  });

  it('a reschedule tells the mentor with the new start', async () => {
    const { mentor, slots } = await mentorWithSlots();
    const lina = await kit.person('lina');
    const m = await kit.connect(mentor);
    const b = await book(lina.session, { mentorId: mentor.id, startsAt: slots[3]!.startsAt, startupId: kit.agriId, agenda: '' });
    expect((await lina.session.post(`${OH}/bookings/${b.id}/reschedule`, { startsAt: slots[4]!.startsAt })).status).toBe(200);
    const n = await m.waitNotification((x) => x.bookingId === b.id && x.kind === 'booking.rescheduled');
    expect(n).toMatchObject({ actorName: lina.name, startsAt: slots[4]!.startsAt });
  });

  it('marking read: some by id, then all', async () => {
    const { mentor, slots } = await mentorWithSlots();
    const marcus = await kit.person('marcus');
    const a = await book(marcus.session, { mentorId: mentor.id, startsAt: slots[0]!.startsAt, startupId: kit.ledgerId, agenda: '' });
    await marcus.session.post(`${OH}/bookings/${a.id}/cancel`);
    const all = await waitFor(async () => {
      const l = await listed(mentor);
      return l.length >= 2 ? l : undefined;
    }, { what: 'two notifications stored' });
    expect(all.every((n) => !n.read)).toBe(true);
    // Newest first.
    expect(all[0]!.kind).toBe('booking.cancelled');

    const one = await mentor.session.post('/api/notifications/read', { ids: [all[1]!.id] });
    expect(one.status).toBe(200);
    const after = await listed(mentor);
    expect(after.find((n) => n.id === all[1]!.id)!.read).toBe(true);
    expect(after.find((n) => n.id === all[0]!.id)!.read).toBe(false);

    // Someone else cannot mark my notifications read.
    await marcus.session.post('/api/notifications/read', { ids: [all[0]!.id] });
    expect((await listed(mentor)).find((n) => n.id === all[0]!.id)!.read).toBe(false);

    expect((await mentor.session.post('/api/notifications/read', {})).status).toBe(200);
    expect((await listed(mentor)).every((n) => n.read)).toBe(true);
    expect((await mentor.session.post('/api/notifications/read', { ids: 'all' })).status).toBe(400);
    expect((await fetch(`${srv.url}/api/notifications`)).status).toBe(401);
  });

  it('"starting in 10 minutes" reaches both sides once, for a booking about 9 minutes ahead', async () => {
    const chen = await kit.person('chen');
    const chenSocket = await kit.connect(chen);
    const { mentor, booking } = await kit.soonBooking(chen, kit.tideId, { minutesAhead: 8, slotMinutes: 15 });
    const m = await kit.connect(mentor);
    // The reminder sweep runs on a timer (every 15 s): wait up to a little over one period.
    const toMentor = await m.waitNotification((n) => n.bookingId === booking.id && n.kind === 'booking.startingSoon', 'mentor reminder', 20_000);
    expect(toMentor.startsAt).toBe(booking.startsAt);
    await chenSocket.waitNotification((n) => n.bookingId === booking.id && n.kind === 'booking.startingSoon', 'chen reminder', 20_000);
    // Once: a further sweep does not repeat it.
    await srv.hatchery.officeHourSessions.sweep();
    const stored = (await listed(mentor)).filter((n) => n.bookingId === booking.id && n.kind === 'booking.startingSoon');
    expect(stored).toHaveLength(1);
  }, 40_000);

  it('a booking days away gets no reminder yet', async () => {
    const { mentor, slots } = await mentorWithSlots();
    const chen = await kit.person('chen');
    const b = await book(chen.session, { mentorId: mentor.id, startsAt: slots[5]!.startsAt, startupId: kit.tideId, agenda: '' });
    await srv.hatchery.officeHourSessions.sweep();
    expect((await listed(mentor)).filter((n) => n.bookingId === b.id && n.kind === 'booking.startingSoon')).toEqual([]);
  });

  it('admitted from the queue: the founder gets a `queue.admitted` notification', async () => {
    const mentor = await kit.newMentor('Europe/London');
    await setAvailability(mentor, availability({ timeZone: 'Europe/London', weekly: [] }));
    const m = await kit.connect(mentor);
    await m.ok('queue:setOpen', { open: true });
    const lina = await kit.connect('lina');
    await lina.ok('queue:join', { mentorId: mentor.id, startupId: kit.agriId });
    const ack = await m.ok<{ booking: { id: string } }>('queue:admit', {});
    const n = await lina.waitNotification((x) => x.kind === 'queue.admitted' && x.bookingId === ack.booking.id, 'lina queue.admitted notification');
    expect(n.actorName).toBe(mentor.name);
    expect((await listed(lina.person)).some((x) => x.id === n.id)).toBe(true);
  });
});
