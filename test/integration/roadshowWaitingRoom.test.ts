/** The waiting room: viewers wait for a host to admit them; hosts and presenters walk straight in. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/waitFor.js';
import { RoadshowKit } from '../helpers/roadshow.js';
import type { LiveState, Question } from '../../shared/roadshow.js';

let srv: TestServer;
let kit: RoadshowKit;
beforeAll(async () => {
  srv = await startServer();
  kit = await RoadshowKit.create(srv);
});
afterEach(() => kit.closeAll());
afterAll(() => srv.close());

describe('waiting room', () => {
  it('a viewer waits with nothing loaded, cannot take part, and gets the room once admitted', async () => {
    const { roadshow } = await kit.liveRoadshow({ waitingRoom: true });
    const id = roadshow.id;
    const { c: host, join: hostJoin } = await kit.enter('ops', id);
    expect(hostJoin.state.waitingRoom).toBe(true);
    expect(hostJoin.me.admission).toBe('admitted');
    const { c: chen } = await kit.enter('chen', id);
    await host.ok('roadshow:chat', { roadshowId: id, text: 'Welcome' });
    const q = await chen.ok<Question>('roadshow:ask', { roadshowId: id, text: 'Can you hear us?' });

    const { c: hannah, join } = await kit.enter('hannah', id);
    expect(join.me.admission).toBe('waiting');
    expect(join.questions).toEqual([]);
    expect(join.chat).toEqual([]);
    expect(join.polls).toEqual([]);
    const seen = await host.waitAttendee(id, hannah.id, (a) => a.admission === 'waiting', 'hannah waiting');
    expect(seen.role).toBe('investor');
    expect(host.lastAttendees(id)!.waiting).toBeGreaterThanOrEqual(1);

    // Waiting means no taking part and no media.
    expect((await hannah.refused('roadshow:chat', { roadshowId: id, text: 'let me in' })).reason).toBe('forbidden');
    expect((await hannah.refused('roadshow:ask', { roadshowId: id, text: 'let me in?' })).reason).toBe('forbidden');
    expect((await hannah.call('roadshow:vote', { roadshowId: id, questionId: q.id, up: true })).ok).toBe(false);
    expect((await hannah.call('roadshow:raiseHand', { roadshowId: id, raised: true })).ok).toBe(false);
    const media = await hannah.mediaJoin(id);
    expect(!media.ok && media.error.reason).toBe('forbidden');
    // And no pushes from the room while waiting.
    await host.ok('roadshow:chat', { roadshowId: id, text: 'Second message' });

    const { c: zhao, join: zhaoJoin } = await kit.enter('zhao', id);
    expect(zhaoJoin.me.admission).toBe('waiting');

    const admitted = await host.ok<{ admitted: number }>('roadshow:admit', { roadshowId: id, userId: hannah.id });
    expect(admitted.admitted).toBe(1);
    await hannah.waitMe(id, (m) => m.admission === 'admitted', 'admitted');
    expect(hannah.chat.map((m) => m.text)).not.toContain('Second message');
    const room = await hannah.join(id);
    expect(room.me.admission).toBe('admitted');
    expect(room.chat.map((m) => m.text)).toEqual(['Welcome', 'Second message']);
    expect(room.questions.map((x) => x.id)).toContain(q.id);
    const inMedia = await hannah.mediaJoin(id);
    expect(inMedia.ok && inMedia.data.canPublish).toBe(false);
    await hannah.ok('roadshow:chat', { roadshowId: id, text: 'Thanks!' });
    await host.waitAttendee(id, hannah.id, (a) => a.admission === 'admitted', 'hannah admitted');

    // Zhao was not admitted by that; and only hosts see who is waiting.
    expect(zhao.lastMe(id)?.admission ?? 'waiting').toBe('waiting');
    await host.waitAttendee(id, zhao.id, (a) => a.admission === 'waiting', 'zhao waiting');
    const hannahView = await waitFor(() => hannah.lastAttendees(id) ?? undefined, { what: 'hannah gets the attendee list' });
    expect(hannahView.attendees.map((a) => a.userId)).not.toContain(zhao.id);
    expect(room.attendees.attendees.every((a) => a.admission === 'admitted')).toBe(true);
    expect((await zhao.refused('roadshow:chat', { roadshowId: id, text: 'me too' })).reason).toBe('forbidden');
  });

  it('admit all lets everyone waiting in; only hosts admit', async () => {
    const { roadshow } = await kit.liveRoadshow({ waitingRoom: true });
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: zhao } = await kit.enter('zhao', id);
    const { c: daniel, join: danielJoin } = await kit.enter('daniel', id); // a mentor who is not a host waits too
    expect(danielJoin.me.admission).toBe('waiting');
    const { c: chen } = await kit.enter('chen', id);
    await waitFor(() => host.lastAttendees(id)?.waiting === 2, { what: 'two waiting' });

    expect((await chen.refused('roadshow:admit', { roadshowId: id, all: true })).reason).toBe('forbidden');
    expect((await zhao.refused('roadshow:admit', { roadshowId: id, userId: zhao.id })).reason).toBe('forbidden');
    expect((await host.refused('roadshow:admit', { roadshowId: id })).reason).toBe('bad_request');

    const r = await host.ok<{ admitted: number }>('roadshow:admit', { roadshowId: id, all: true });
    expect(r.admitted).toBe(2);
    for (const c of [zhao, daniel]) await c.waitMe(id, (m) => m.admission === 'admitted', 'admitted by all');
    await waitFor(() => host.lastAttendees(id)?.waiting === 0, { what: 'nobody waiting' });
    expect((await zhao.join(id)).me.admission).toBe('admitted');
  });

  it('hosts and presenters (of any item) bypass the waiting room', async () => {
    const priya = await kit.person('priya');
    const { roadshow } = await kit.liveRoadshow({ waitingRoom: true, hostIds: [priya.id] });
    const id = roadshow.id;
    for (const who of ['ops', 'priya', 'chen', 'sofia', 'lina'] as const) {
      const { join } = await kit.enter(who, id);
      expect(join.me.admission, who).toBe('admitted');
    }
    for (const who of ['wanglei', 'marcus', 'hannah'] as const) {
      const { join } = await kit.enter(who, id);
      expect(join.me.admission, who).toBe('waiting');
    }
  });

  it('turning the waiting room off admits everyone waiting; admission is kept for the event', async () => {
    const { roadshow } = await kit.liveRoadshow({ waitingRoom: true });
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: hannah } = await kit.enter('hannah', id);
    expect((await hannah.refused('roadshow:setWaitingRoom', { roadshowId: id, enabled: false })).reason).toBe('forbidden');

    const off = await host.ok<LiveState>('roadshow:setWaitingRoom', { roadshowId: id, enabled: false });
    expect(off.waitingRoom).toBe(false);
    await hannah.waitMe(id, (m) => m.admission === 'admitted', 'admitted when the waiting room closed');
    await host.waitState(id, (s) => !s.waitingRoom, 'waitingRoom off pushed');
    expect((await hannah.join(id)).state.waitingRoom).toBe(false);

    await host.ok('roadshow:setWaitingRoom', { roadshowId: id, enabled: true });
    // Hannah stays in (even from a new tab); a newcomer waits.
    const { join: again } = await kit.enter('hannah', id);
    expect(again.me.admission).toBe('admitted');
    const { join: zhaoJoin } = await kit.enter('zhao', id);
    expect(zhaoJoin.me.admission).toBe('waiting');
  });
});
