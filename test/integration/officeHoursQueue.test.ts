/**
 * The drop-in queue over real socket.io clients (docs/office-hours.md "Drop-in queue"): the mentor opens
 * the door, founders queue and see their own place change live, the mentor sees everyone in order,
 * admitting the first creates a drop-in booking starting now and tells both; closing the door empties it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/waitFor.js';
import { availability, OfficeKit, OH, setAvailability, type OhClient, type OhPerson, type QueueAdmitted } from '../helpers/officeHours.js';
import { DropInQueueState, QueueAdmitted as QueueAdmittedSchema } from '../../shared/officeHours.js';
import type { MediaJoinResult } from '../../shared/media.js';

let srv: TestServer;
let kit: OfficeKit;
beforeAll(async () => {
  srv = await startServer();
  kit = await OfficeKit.create(srv.url);
});
afterEach(() => kit.closeAll());
afterAll(() => srv.close());

/** A fresh mentor with 20-minute slots, watching their own queue with the door open. */
async function openDoor(): Promise<{ mentor: OhPerson; m: OhClient }> {
  const mentor = await kit.newMentor('Europe/London');
  await setAvailability(mentor, availability({ timeZone: 'Europe/London', slotMinutes: 20, weekly: [] }));
  const m = await kit.connect(mentor);
  const state = DropInQueueState.parse(await m.ok('queue:setOpen', { open: true }));
  expect(state).toMatchObject({ mentorId: mentor.id, open: true, entries: [], length: 0 });
  return { mentor, m };
}

/** Three founders of three startups, each watching and then joining in order: chen, lina, marcus. */
async function threeQueued(mentorId: string) {
  const chen = await kit.connect('chen');
  const lina = await kit.connect('lina');
  const marcus = await kit.connect('marcus');
  const startup = { chen: kit.tideId, lina: kit.agriId, marcus: kit.ledgerId };
  const acks: Record<string, DropInQueueState> = {};
  for (const [c, who] of [
    [chen, 'chen'],
    [lina, 'lina'],
    [marcus, 'marcus'],
  ] as const) {
    await c.ok('queue:watch', { mentorId });
    acks[who] = DropInQueueState.parse(await c.ok('queue:join', { mentorId, startupId: startup[who] }));
  }
  return { chen, lina, marcus, acks };
}

const ids = (s: DropInQueueState) => s.entries.map((e) => e.userId);

describe('drop-in queue', () => {
  it('founders see their own position (1, 2, 3) and the length; the mentor sees everyone in order', async () => {
    const { mentor, m } = await openDoor();
    const { chen, lina, marcus, acks } = await threeQueued(mentor.id);
    expect([acks.chen!.position, acks.lina!.position, acks.marcus!.position]).toEqual([1, 2, 3]);

    await chen.waitState(mentor.id, (s) => s.length === 3 && s.position === 1);
    await lina.waitState(mentor.id, (s) => s.length === 3 && s.position === 2);
    const ms = await marcus.waitState(mentor.id, (s) => s.length === 3 && s.position === 3);
    // A founder sees only their own entry.
    expect(ms.entries).toHaveLength(1);
    expect(ms.entries[0]).toMatchObject({ userId: marcus.person.id, startupId: kit.ledgerId });

    const mentorView = await m.waitState(mentor.id, (s) => s.length === 3);
    expect(ids(mentorView)).toEqual([chen.person.id, lina.person.id, marcus.person.id]);
    expect(mentorView.entries.map((e) => e.startupName)).toEqual(['Tidewater Robotics', '青禾 AgriSense', 'LedgerLeaf']);
    expect(mentorView.position).toBeNull();

    // The directory shows the door open.
    const cards = (await (await kit.person('lina')).session.get(`${OH}/mentors`)).json.mentors as { mentor: { id: string }; doorOpen: boolean }[];
    expect(cards.find((c) => c.mentor.id === mentor.id)?.doorOpen).toBe(true);
  });

  it('positions move up when someone ahead leaves or disconnects; rejoining goes to the back', async () => {
    const { mentor, m } = await openDoor();
    const { chen, lina, marcus } = await threeQueued(mentor.id);

    const left = DropInQueueState.parse(await chen.ok('queue:leave', { mentorId: mentor.id }));
    expect(left).toMatchObject({ position: null, length: 2 });
    await lina.waitState(mentor.id, (s) => s.position === 1 && s.length === 2);
    await marcus.waitState(mentor.id, (s) => s.position === 2 && s.length === 2);

    const back = DropInQueueState.parse(await chen.ok('queue:join', { mentorId: mentor.id, startupId: kit.tideId }));
    expect(back.position).toBe(3);

    // Lina's connection drops: she leaves the queue.
    lina.close();
    await marcus.waitState(mentor.id, (s) => s.position === 1 && s.length === 2);
    await chen.waitState(mentor.id, (s) => s.position === 2 && s.length === 2);
    const mv = await m.waitState(mentor.id, (s) => s.length === 2);
    expect(ids(mv)).toEqual([marcus.person.id, chen.person.id]);
  });

  it('admit next: a confirmed drop-in booking starting now, pushed to the founder and the mentor; the rest move up', async () => {
    const { mentor, m } = await openDoor();
    // The mentor also has a second tab open: it must hear about the admission too.
    const mentorTab = await kit.connect(mentor);
    await mentorTab.ok('queue:watch', { mentorId: mentor.id });
    const { chen, lina, marcus } = await threeQueued(mentor.id);
    await m.waitState(mentor.id, (s) => s.length === 3);

    const before = Date.now();
    const ack = QueueAdmittedSchema.parse(await m.ok('queue:admit', {}));
    expect(ack.mentorId).toBe(mentor.id);
    const b = ack.booking;
    expect(b).toMatchObject({ status: 'confirmed', dropIn: true, mentor: { id: mentor.id }, startup: { id: kit.tideId }, bookedBy: { id: chen.person.id } });
    expect(Math.abs(Date.parse(b.startsAt) - before)).toBeLessThan(90_000);
    expect(Date.parse(b.endsAt) - Date.parse(b.startsAt)).toBe(20 * 60_000);

    const toChen = await chen.waitAdmitted((a) => a.booking.id === b.id);
    expect(toChen.booking).toMatchObject({ id: b.id, dropIn: true, status: 'confirmed' });
    await waitFor(() => m.admitted.find((a: QueueAdmitted) => a.booking.id === b.id) ?? mentorTab.admitted.find((a) => a.booking.id === b.id), {
      what: 'the mentor gets queue:admitted',
    });
    expect(lina.admitted).toHaveLength(0);
    expect(marcus.admitted).toHaveLength(0);

    await lina.waitState(mentor.id, (s) => s.position === 1 && s.length === 2);
    await marcus.waitState(mentor.id, (s) => s.position === 2 && s.length === 2);
    await chen.waitState(mentor.id, (s) => s.position === null && s.length === 2);
    expect(ids(await m.waitState(mentor.id, (s) => s.length === 2))).toEqual([lina.person.id, marcus.person.id]);

    // Both open the session's private room now.
    for (const c of [chen, m]) {
      const r = await c.call<MediaJoinResult>('media:join', { roomId: `booking:${b.id}` });
      expect(r.ok, `${c.person.who}: ${JSON.stringify(r)}`).toBe(true);
    }
    // The booking is a real one: both parties see it over REST.
    expect((await chen.person.session.get(`${OH}/bookings/${b.id}`)).json.booking.dropIn).toBe(true);

    // Admitting the next one now would overlap the running session: 409, and Lina keeps her place.
    const err = await m.refused('queue:admit', {});
    expect(err.reason).toBe('conflict');
    expect((await lina.ok<DropInQueueState>('queue:watch', { mentorId: mentor.id })).position).toBe(1);
  });

  it('the mentor may admit a specific person; admitting someone not queued or from an empty queue is refused', async () => {
    const { mentor, m } = await openDoor();
    const { chen, lina, marcus } = await threeQueued(mentor.id);
    const ack = await m.ok<QueueAdmitted>('queue:admit', { userId: marcus.person.id });
    expect(ack.booking.startup.id).toBe(kit.ledgerId);
    await marcus.waitAdmitted((a) => a.booking.id === ack.booking.id);
    await chen.waitState(mentor.id, (s) => s.position === 1 && s.length === 2);
    await lina.waitState(mentor.id, (s) => s.position === 2 && s.length === 2);
    expect((await m.refused('queue:admit', { userId: marcus.person.id })).reason).toBe('not_found');
  });

  it('a founder cannot admit, open the door, or queue for a startup that is not theirs', async () => {
    const { mentor } = await openDoor();
    const chen = await kit.connect('chen');
    await chen.ok('queue:join', { mentorId: mentor.id, startupId: kit.tideId });
    expect((await chen.refused('queue:admit', {})).reason).toBe('forbidden');
    expect((await chen.refused('queue:admit', { userId: chen.person.id })).reason).toBe('forbidden');
    expect((await chen.refused('queue:setOpen', { open: false })).reason).toBe('forbidden');
    const lina = await kit.connect('lina');
    expect((await lina.refused('queue:join', { mentorId: mentor.id, startupId: kit.tideId })).reason).toBe('forbidden');
    const hannah = await kit.connect('hannah');
    expect((await hannah.refused('queue:join', { mentorId: mentor.id, startupId: kit.tideId })).reason).toBe('forbidden');
    // Bad payloads are refused at the gateway.
    expect((await chen.refused('queue:join', { mentorId: mentor.id })).reason).toBe('bad_request');
    expect((await chen.refused('queue:watch', { mentorId: 'no-such-mentor' })).reason).toBe('not_found');
  });

  it('joining a closed door is refused; closing the door empties the queue for everyone', async () => {
    const mentor = await kit.newMentor('Europe/London');
    await setAvailability(mentor, availability({ timeZone: 'Europe/London', weekly: [] }));
    const chen = await kit.connect('chen');
    await chen.ok('queue:watch', { mentorId: mentor.id });
    const closed = await chen.refused('queue:join', { mentorId: mentor.id, startupId: kit.tideId });
    expect(closed.reason).toBe('conflict');

    const m = await kit.connect(mentor);
    await m.ok('queue:setOpen', { open: true });
    await chen.waitState(mentor.id, (s) => s.open);
    const lina = await kit.connect('lina');
    await lina.ok('queue:watch', { mentorId: mentor.id });
    await chen.ok('queue:join', { mentorId: mentor.id, startupId: kit.tideId });
    await lina.ok('queue:join', { mentorId: mentor.id, startupId: kit.agriId });
    await m.waitState(mentor.id, (s) => s.length === 2);

    const shut = DropInQueueState.parse(await m.ok('queue:setOpen', { open: false }));
    expect(shut).toMatchObject({ open: false, entries: [], length: 0 });
    await chen.waitState(mentor.id, (s) => !s.open && s.length === 0 && s.position === null);
    await lina.waitState(mentor.id, (s) => !s.open && s.length === 0 && s.position === null);
    // Reopening does not bring anyone back.
    await m.ok('queue:setOpen', { open: true });
    const reopened = await lina.waitState(mentor.id, (s) => s.open);
    expect(reopened.length).toBe(0);
    expect((await m.refused('queue:admit', {})).reason).toBe('not_found');
  });
});
