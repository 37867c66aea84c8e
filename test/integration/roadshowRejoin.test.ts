/** A dropped connection gets its place back; investors' interest; registrations and the lobby count. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/waitFor.js';
import { allSummaries, RoadshowKit } from '../helpers/roadshow.js';
import type { Poll, Question, RoadshowInterest } from '../../shared/roadshow.js';
import type { LobbySnapshot } from '../../shared/schemas.js';

let srv: TestServer;
let kit: RoadshowKit;
beforeAll(async () => {
  srv = await startServer();
  kit = await RoadshowKit.create(srv);
});
afterEach(() => kit.closeAll());
afterAll(() => srv.close());

/** The interests list, whether the route answers `{interests: [...]}` or a bare array. */
function interestsOf(json: unknown): RoadshowInterest[] {
  if (Array.isArray(json)) return json as RoadshowInterest[];
  return ((json as { interests?: RoadshowInterest[] } | undefined)?.interests ?? []) as RoadshowInterest[];
}

describe('rejoining after a dropped connection', () => {
  it('guest role, raised hand, mute, own questions, votes, poll votes and interest come back', async () => {
    const { roadshow, items } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id); // stays connected throughout
    let { c: hannah } = await kit.enter('hannah', id);
    let { c: zhao } = await kit.enter('zhao', id);

    const hq = await hannah.ok<Question>('roadshow:ask', { roadshowId: id, text: 'Hannah asks', anonymous: true });
    const zq = await zhao.ok<Question>('roadshow:ask', { roadshowId: id, text: 'Zhao asks' });
    await hannah.ok('roadshow:vote', { roadshowId: id, questionId: zq.id, up: true });
    const poll = await host.ok<Poll>('roadshow:createPoll', { roadshowId: id, question: 'Ready?', options: ['Yes', 'No'] });
    await hannah.ok('roadshow:votePoll', { roadshowId: id, pollId: poll.id, optionIds: [poll.options[1]!.id] });
    await hannah.ok('roadshow:interested', { roadshowId: id, interested: true });

    await hannah.ok('roadshow:raiseHand', { roadshowId: id, raised: true });
    await host.waitAttendee(id, hannah.id, (a) => a.handRaised, 'hannah’s hand');
    await host.ok('roadshow:setStage', { roadshowId: id, userId: hannah.id, onStage: true });
    await hannah.waitMe(id, (m) => m.stageRole === 'guest', 'promoted');
    await zhao.ok('roadshow:raiseHand', { roadshowId: id, raised: true });
    await host.ok('roadshow:muteChat', { roadshowId: id, userId: zhao.id, muted: true });
    await zhao.waitMe(id, (m) => m.chatMuted && m.handRaised, 'zhao muted with hand up');

    // Both drop; the host sees them go.
    hannah.socket.disconnect();
    zhao.socket.disconnect();
    await waitFor(() => {
      const a = host.lastAttendees(id);
      return a && !a.attendees.some((x) => x.userId === hannah.id || x.userId === zhao.id);
    }, { what: 'both left the attendee list' });

    // New sockets, join again: everything is back.
    hannah = await kit.connect('hannah');
    const hj = await hannah.join(id);
    expect(hj.me).toMatchObject({ stageRole: 'guest', canPublish: true, handRaised: false, admission: 'admitted', chatMuted: false });
    expect(hj.myQuestionIds).toEqual([hq.id]);
    expect(hj.myVotes).toEqual([zq.id]);
    expect(hj.myPollVotes[poll.id]).toEqual([poll.options[1]!.id]);
    expect(hj.interestedStartupIds).toEqual([kit.tideId]);
    expect(hj.state.currentItemId).toBe(items.tide);
    const media = await hannah.mediaJoin(id);
    expect(media.ok && media.data.canPublish).toBe(true);

    zhao = await kit.connect('zhao');
    const zj = await zhao.join(id);
    expect(zj.me).toMatchObject({ stageRole: 'audience', canPublish: false, handRaised: true, chatMuted: true });
    expect(zj.myQuestionIds).toEqual([zq.id]);
    expect(zj.myVotes).toEqual([]);
    expect((await zhao.refused('roadshow:chat', { roadshowId: id, text: 'still muted?' })).reason).toBe('forbidden');

    await host.waitAttendee(id, hannah.id, (a) => a.stageRole === 'guest', 'hannah back as guest');
    await host.waitAttendee(id, zhao.id, (a) => a.handRaised && a.chatMuted, 'zhao back with hand up and muted');
    // The toggles still behave per person: voting again does not double count.
    const again = await hannah.ok<{ votes: number }>('roadshow:vote', { roadshowId: id, questionId: zq.id, up: true });
    expect(again.votes).toBe(1);
    expect((await hannah.refused('roadshow:votePoll', { roadshowId: id, pollId: poll.id, optionIds: [poll.options[0]!.id] })).reason).toBe('conflict');
  });
});

describe('the room outlives a moment with nobody in it', () => {
  it('when everyone drops at once and comes back, places are still there', async () => {
    const { roadshow } = await kit.liveRoadshow({ waitingRoom: true });
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: hannah, join: waiting } = await kit.enter('hannah', id);
    expect(waiting.me.admission).toBe('waiting');
    await host.ok('roadshow:admit', { roadshowId: id, userId: hannah.id });
    await hannah.waitMe(id, (m) => m.admission === 'admitted');
    await hannah.join(id);
    await host.ok('roadshow:setStage', { roadshowId: id, userId: hannah.id, onStage: true });
    await hannah.waitMe(id, (m) => m.stageRole === 'guest');

    // A lobby watcher outside the room sees both leave, so the server has handled both disconnects
    // (the room had nobody connected) before anyone comes back.
    const watcher = await kit.connect('marcus');
    const left = new Set<string>();
    watcher.socket.on('presence:left', ({ userId }) => left.add(userId));
    await watcher.ok('lobby:subscribe', {});
    host.socket.disconnect();
    hannah.socket.disconnect();
    await waitFor(() => left.has(host.id) && left.has(hannah.id), { what: 'both disconnects handled' });
    const { join: back } = await kit.enter('hannah', id);
    expect(back.me).toMatchObject({ admission: 'admitted', stageRole: 'guest', canPublish: true });
    const { join: hostBack } = await kit.enter('ops', id);
    expect(hostBack.attendees.attendees.find((a) => a.userId === hannah.id)).toMatchObject({ stageRole: 'guest', admission: 'admitted' });
  });

  it('roadshow:leave takes a socket out of the room: no pushes, no posting', async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: hannah } = await kit.enter('hannah', id);
    await host.waitAttendee(id, hannah.id, () => true, 'hannah in the room');
    await hannah.ok('roadshow:leave', { roadshowId: id });
    await waitFor(() => !host.lastAttendees(id)?.attendees.some((a) => a.userId === hannah.id), { what: 'hannah left the list' });
    expect((await hannah.refused('roadshow:chat', { roadshowId: id, text: 'still here?' })).reason).toBe('forbidden');
    const m = await host.ok<{ id: string }>('roadshow:chat', { roadshowId: id, text: 'after she left' });
    // A later push she does get (her own `roadshow:join`) proves the chat was not delivered to her.
    await hannah.join(id);
    expect(hannah.chat.some((x) => x.id === m.id)).toBe(false);
  });
});

describe('investor interest', () => {
  it('investors mark the current startup; its founders (only) and hosts see who', async () => {
    const { roadshow, items } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: hannah } = await kit.enter('hannah', id);
    const { c: zhao } = await kit.enter('zhao', id);
    const { c: chen } = await kit.enter('chen', id);
    const { c: daniel } = await kit.enter('daniel', id);

    const marked = await hannah.ok<{ startupId: string; interested: boolean }>('roadshow:interested', { roadshowId: id, interested: true });
    expect(marked).toEqual({ startupId: kit.tideId, interested: true });
    for (const c of [chen, daniel]) {
      expect((await c.refused('roadshow:interested', { roadshowId: id, interested: true })).reason, c.person.who).toBe('forbidden');
    }

    const chenView = await chen.person.session.get(`/api/roadshows/${id}/interests`);
    expect(chenView.status).toBe(200);
    const chenList = interestsOf(chenView.json);
    expect(chenList.map((i) => [i.startupId, i.investor.id])).toEqual([[kit.tideId, hannah.id]]);
    expect(chenList[0]).toMatchObject({ startupName: 'Tidewater Robotics', investor: { role: 'investor' } });
    expect((await (await kit.person('zhao')).session.get(`/api/roadshows/${id}/interests`)).status).toBe(403);

    // At the break there is no startup to be interested in.
    await host.ok('roadshow:timer', { roadshowId: id, action: 'next' });
    await zhao.waitState(id, (s) => s.currentItemId === items.break);
    expect((await zhao.call('roadshow:interested', { roadshowId: id, interested: true })).ok).toBe(false);
    // AgriSense: Zhao is interested; Lina sees Zhao only, Chen still sees Hannah only.
    await host.ok('roadshow:timer', { roadshowId: id, action: 'next' });
    await zhao.waitState(id, (s) => s.currentItemId === items.agri);
    expect((await zhao.ok<{ startupId: string }>('roadshow:interested', { roadshowId: id, interested: true })).startupId).toBe(kit.agriId);

    const lina = await kit.person('lina');
    const linaView = await lina.session.get(`/api/roadshows/${id}/interests`);
    expect(linaView.status).toBe(200);
    expect(interestsOf(linaView.json).map((i) => [i.startupId, i.investor.id])).toEqual([[kit.agriId, zhao.id]]);
    expect(interestsOf((await chen.person.session.get(`/api/roadshows/${id}/interests`)).json).map((i) => i.investor.id)).toEqual([hannah.id]);
    const hostView = interestsOf((await host.person.session.get(`/api/roadshows/${id}/interests`)).json);
    expect(hostView.map((i) => `${i.startupId}:${i.investor.id}`).sort()).toEqual([`${kit.tideId}:${hannah.id}`, `${kit.agriId}:${zhao.id}`].sort());
    // A founder whose startup is not in the event sees nothing of it.
    const marcusView = await (await kit.person('marcus')).session.get(`/api/roadshows/${id}/interests`);
    expect(marcusView.status === 403 || interestsOf(marcusView.json).length === 0).toBe(true);

    // Un-marking (back on Tidewater) removes it.
    await host.ok('roadshow:timer', { roadshowId: id, action: 'goto', itemId: items.tide });
    await hannah.waitState(id, (s) => s.currentItemId === items.tide);
    expect(await hannah.ok('roadshow:interested', { roadshowId: id, interested: false })).toEqual({ startupId: kit.tideId, interested: false });
    expect(interestsOf((await chen.person.session.get(`/api/roadshows/${id}/interests`)).json)).toEqual([]);
    expect((await hannah.join(id)).interestedStartupIds).toEqual([]);
  });
});

describe('registration', () => {
  it('“I’ll attend” changes the count in the list, the detail and the lobby push', async () => {
    const startsAt = new Date(Date.now() + 5 * 60_000).toISOString(); // the soonest, so the lobby lists it
    const { roadshow } = await kit.createRoadshow({ startsAt, title: 'Registration test' });
    const id = roadshow.id;
    const lobby = await kit.connect('marcus');
    await lobby.ok<LobbySnapshot>('lobby:subscribe', {});
    const hannah = await kit.person('hannah');
    const zhao = await kit.person('zhao');
    const countIn = async () => allSummaries((await hannah.session.get('/api/roadshows')).json).find((r) => r.id === id)?.registrations;
    const pushedCount = () => {
      const last = lobby.lobby.at(-1);
      return last ? allSummaries(last).find((r) => r.id === id)?.registrations : undefined;
    };
    expect(await countIn()).toBe(0);

    const reg = await hannah.session.post(`/api/roadshows/${id}/registration`);
    expect(reg.status).toBeLessThan(300);
    expect(reg.json).toEqual({ registered: true, registrations: 1 });
    expect(await countIn()).toBe(1);
    await waitFor(() => pushedCount() === 1, { what: 'lobby pushed 1 registration' });
    expect((await hannah.session.get(`/api/roadshows/${id}`)).json).toMatchObject({ registered: true, roadshow: { registrations: 1 } });
    expect((await zhao.session.get(`/api/roadshows/${id}`)).json.registered).toBe(false);

    expect((await zhao.session.post(`/api/roadshows/${id}/registration`)).json).toEqual({ registered: true, registrations: 2 });
    await waitFor(() => pushedCount() === 2, { what: 'lobby pushed 2 registrations' });
    const { join } = await kit.enter('zhao', id);
    expect(join.registered).toBe(true);
    expect(join.roadshow.registrations).toBe(2);

    const unreg = await hannah.session.delete(`/api/roadshows/${id}/registration`);
    expect(unreg.status).toBeLessThan(300);
    expect(unreg.json).toEqual({ registered: false, registrations: 1 });
    expect(await countIn()).toBe(1);
    await waitFor(() => pushedCount() === 1, { what: 'lobby pushed 1 after cancelling' });
    expect((await hannah.session.post('/api/roadshows/no-such-roadshow/registration')).status).toBe(404);
  });
});
