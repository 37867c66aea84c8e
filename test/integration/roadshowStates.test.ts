/** Who schedules and hosts a roadshow, and its state machine (socket and REST), through the real server. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/waitFor.js';
import { allSummaries, put, RoadshowKit } from '../helpers/roadshow.js';
import type { LiveState, RoadshowDetailResponse } from '../../shared/roadshow.js';
import type { LobbySnapshot } from '../../shared/schemas.js';

let srv: TestServer;
let kit: RoadshowKit;
beforeAll(async () => {
  srv = await startServer();
  kit = await RoadshowKit.create(srv);
});
afterEach(() => kit.closeAll());
afterAll(() => srv.close());

describe('scheduling a roadshow', () => {
  it('an operator creates one with an agenda; the pitch’s presenters are the startup’s founders', async () => {
    const ops = await kit.person('ops');
    const { roadshow } = await kit.createRoadshow({ title: 'Spring Demo Day' });
    expect(roadshow).toMatchObject({ title: 'Spring Demo Day', status: 'scheduled', createdBy: ops.id, registrations: 0 });
    expect(roadshow.hosts.map((h) => h.id)).toContain(ops.id);
    expect(roadshow.agenda.map((i) => i.kind)).toEqual(['pitch', 'break', 'pitch']);
    const [tide, brk, agri] = roadshow.agenda;
    expect(tide).toMatchObject({ startupId: kit.tideId, startupName: 'Tidewater Robotics', pitchMinutes: 5, qaMinutes: 3 });
    const chen = await kit.person('chen');
    const sofia = await kit.person('sofia');
    expect(tide!.presenters.map((p) => p.id).sort()).toEqual([chen.id, sofia.id].sort());
    expect(brk).toMatchObject({ startupId: null, presenters: [], qaMinutes: 0 });
    expect(agri!.presenters.map((p) => p.id)).toEqual([(await kit.person('lina')).id]);
    expect(new Set(roadshow.agenda.map((i) => i.id)).size).toBe(3);

    const detail = await ops.session.get(`/api/roadshows/${roadshow.id}`);
    expect(detail.status).toBe(200);
    expect((detail.json as RoadshowDetailResponse).canHost).toBe(true);
    const asInvestor = await (await kit.person('hannah')).session.get(`/api/roadshows/${roadshow.id}`);
    expect(asInvestor.status).toBe(200);
    expect(asInvestor.json).toMatchObject({ canHost: false, registered: false, roadshow: { id: roadshow.id } });
  });

  it('investors, founders and mentors who were not allowed may not schedule', async () => {
    const body = { title: 'Mine', startsAt: new Date(Date.now() + 3600_000).toISOString(), timeZone: 'UTC' };
    for (const who of ['hannah', 'chen', 'wanglei'] as const) {
      const res = await (await kit.person(who)).session.post('/api/roadshows', body);
      expect(res.status, who).toBe(403);
      expect(res.json.error.reason, who).toBe('forbidden');
    }
  });

  it('an operator allows a mentor to schedule; the mentor then creates one and is its host', async () => {
    const ops = await kit.person('ops');
    const daniel = await kit.person('daniel');
    const body = { title: 'Daniel’s sales night', startsAt: new Date(Date.now() + 7200_000).toISOString(), timeZone: 'UTC' };
    expect((await daniel.session.post('/api/roadshows', body)).status).toBe(403);

    // Only operators grant it (not the mentor himself).
    expect((await put(daniel.session, `/api/roadshow-schedulers/${daniel.id}`, { allowed: true })).status).toBe(403);
    const grant = await put(ops.session, `/api/roadshow-schedulers/${daniel.id}`, { allowed: true });
    expect(grant.status).toBeLessThan(300);
    const list = await daniel.session.get('/api/roadshow-schedulers');
    expect(list.status).toBe(200);
    expect(list.json.userIds).toContain(daniel.id);

    const created = await daniel.session.post('/api/roadshows', body);
    expect(created.status).toBe(201);
    const roadshow = created.json.roadshow;
    expect(roadshow.createdBy).toBe(daniel.id);
    expect(roadshow.hosts.map((h: { id: string }) => h.id)).toContain(daniel.id);
    expect((await daniel.session.get(`/api/roadshows/${roadshow.id}`)).json.canHost).toBe(true);
    // And he can run it.
    const { c } = await kit.enter('daniel', roadshow.id);
    expect((await c.ok<LiveState>('roadshow:setStatus', { roadshowId: roadshow.id, status: 'backstage' })).status).toBe('backstage');

    // Revoked: he may no longer schedule new ones.
    await put(ops.session, `/api/roadshow-schedulers/${daniel.id}`, { allowed: false });
    expect((await daniel.session.get('/api/roadshow-schedulers')).json.userIds).not.toContain(daniel.id);
    expect((await daniel.session.post('/api/roadshows', body)).status).toBe(403);
  });

  it('hosts may be operators or mentors; naming an investor or a founder is a 400', async () => {
    const hannah = await kit.person('hannah');
    const chen = await kit.person('chen');
    const priya = await kit.person('priya');
    const ops = (await kit.person('ops')).session;
    const base = { title: 'Hosted', startsAt: new Date(Date.now() + 3600_000).toISOString(), timeZone: 'UTC' };
    for (const bad of [hannah.id, chen.id]) {
      const res = await ops.post('/api/roadshows', { ...base, hostIds: [bad] });
      expect(res.status).toBe(400);
      expect(res.json.error.reason).toBe('bad_request');
    }
    const ok = await ops.post('/api/roadshows', { ...base, hostIds: [priya.id] });
    expect(ok.status).toBe(201);
    expect(ok.json.roadshow.hosts.map((h: { id: string }) => h.id)).toContain(priya.id);
    // Priya (a named host) runs it; Wang Lei (a mentor, not a host) may not.
    const { c: p } = await kit.enter('priya', ok.json.roadshow.id);
    const { c: w } = await kit.enter('wanglei', ok.json.roadshow.id);
    expect((await w.refused('roadshow:setStatus', { roadshowId: ok.json.roadshow.id, status: 'backstage' })).reason).toBe('forbidden');
    expect((await p.ok<LiveState>('roadshow:setStatus', { roadshowId: ok.json.roadshow.id, status: 'backstage' })).status).toBe('backstage');
    // Editing the hosts follows the same rule.
    const edit = await put(ops, `/api/roadshows/${ok.json.roadshow.id}`, { hostIds: [hannah.id] });
    expect(edit.status).toBe(400);
  });
});

describe('the state machine over the socket', () => {
  it('scheduled → backstage → live → ended, pushed to every socket in the room; going live starts the first item', async () => {
    const { roadshow, items } = await kit.createRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    const { c: chen } = await kit.enter('chen', id);
    const { c: hannah, join } = await kit.enter('hannah', id);
    expect(join.state).toMatchObject({ status: 'scheduled', currentItemId: null });
    const lobbyWatcher = await kit.connect('zhao');
    await lobbyWatcher.ok<LobbySnapshot>('lobby:subscribe', {});
    const everyone = [host, chen, hannah];

    const backstage = await host.ok<LiveState>('roadshow:setStatus', { roadshowId: id, status: 'backstage' });
    expect(backstage.status).toBe('backstage');
    for (const c of everyone) await c.waitState(id, (s) => s.status === 'backstage', 'backstage');

    const live = await host.ok<LiveState>('roadshow:setStatus', { roadshowId: id, status: 'live' });
    expect(live).toMatchObject({ status: 'live', currentItemId: items.tide, timer: { running: true } });
    expect(live.timer.elapsedMs).toBeLessThan(5000);
    for (const c of everyone) {
      const s = await c.waitState(id, (s) => s.status === 'live', 'live');
      expect(s.currentItemId).toBe(items.tide);
      expect(s.timer.running).toBe(true);
    }
    // The lobby hears it too.
    await waitFor(() => lobbyWatcher.lobby.some((l) => l.live.some((r) => r.id === id)), { what: 'lobby shows it live' });

    expect((await host.ok<LiveState>('roadshow:setStatus', { roadshowId: id, status: 'ended' })).status).toBe('ended');
    for (const c of everyone) await c.waitState(id, (s) => s.status === 'ended', 'ended');
    await waitFor(() => lobbyWatcher.lobby.length > 0 && !lobbyWatcher.lobby.at(-1)!.live.some((r) => r.id === id), {
      what: 'lobby no longer shows it live',
    });
    expect(allSummaries(lobbyWatcher.lobby.at(-1)!).some((r) => r.id === id)).toBe(false);
    expect((await (await kit.person('ops')).session.get(`/api/roadshows/${id}`)).json.roadshow.status).toBe('ended');
  });

  it('illegal transitions are a conflict and change nothing', async () => {
    const { roadshow } = await kit.createRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);
    expect((await host.refused('roadshow:setStatus', { roadshowId: id, status: 'live' })).reason).toBe('conflict');
    expect((await host.refused('roadshow:setStatus', { roadshowId: id, status: 'ended' })).reason).toBe('conflict');
    // Backstage can be called off.
    await host.ok('roadshow:setStatus', { roadshowId: id, status: 'backstage' });
    expect((await host.ok<LiveState>('roadshow:setStatus', { roadshowId: id, status: 'scheduled' })).status).toBe('scheduled');
    await host.ok('roadshow:setStatus', { roadshowId: id, status: 'backstage' });
    await host.ok('roadshow:setStatus', { roadshowId: id, status: 'live' });
    expect((await host.refused('roadshow:setStatus', { roadshowId: id, status: 'backstage' })).reason).toBe('conflict');
    expect((await host.refused('roadshow:setStatus', { roadshowId: id, status: 'scheduled' })).reason).toBe('conflict');
    await host.ok('roadshow:setStatus', { roadshowId: id, status: 'ended' });
    for (const status of ['scheduled', 'backstage', 'live'] as const) {
      expect((await host.refused('roadshow:setStatus', { roadshowId: id, status })).reason, `ended → ${status}`).toBe('conflict');
    }
    const again = await host.join(id);
    expect(again.state.status).toBe('ended');
  });

  it('investors, founders (even presenters) and non-host mentors may not change the state', async () => {
    const { roadshow } = await kit.createRoadshow();
    const id = roadshow.id;
    for (const who of ['hannah', 'chen', 'lina', 'wanglei'] as const) {
      const { c } = await kit.enter(who, id);
      expect((await c.refused('roadshow:setStatus', { roadshowId: id, status: 'backstage' })).reason, who).toBe('forbidden');
    }
    const { join } = await kit.enter('ops', id);
    expect(join.state.status).toBe('scheduled');
  });

  it('unknown roadshows are not_found; acting in a room without joining it is forbidden', async () => {
    const host = await kit.connect('ops');
    expect((await host.refused('roadshow:join', { roadshowId: 'no-such-roadshow' })).reason).toBe('not_found');
    expect((await host.refused('roadshow:setStatus', { roadshowId: 'no-such-roadshow', status: 'backstage' })).reason).toBe('not_found');
    const { roadshow } = await kit.createRoadshow();
    expect((await host.refused('roadshow:setStatus', { roadshowId: roadshow.id, status: 'backstage' })).reason).toBe('forbidden');
    await host.join(roadshow.id);
    expect((await host.ok<LiveState>('roadshow:setStatus', { roadshowId: roadshow.id, status: 'backstage' })).status).toBe('backstage');
  });
});

describe('the state machine over REST', () => {
  it('PATCH /api/roadshows/:id/status has the same rules and pushes to the room', async () => {
    const { roadshow, items } = await kit.createRoadshow();
    const id = roadshow.id;
    const ops = (await kit.person('ops')).session;
    const { c: watcher } = await kit.enter('hannah', id);

    expect((await (await kit.person('hannah')).session.patch(`/api/roadshows/${id}/status`, { status: 'backstage' })).status).toBe(403);
    expect((await (await kit.person('chen')).session.patch(`/api/roadshows/${id}/status`, { status: 'backstage' })).status).toBe(403);
    const skip = await ops.patch(`/api/roadshows/${id}/status`, { status: 'live' });
    expect(skip.status).toBe(409);
    expect(skip.json.error.reason).toBe('conflict');

    expect((await ops.patch(`/api/roadshows/${id}/status`, { status: 'backstage' })).status).toBe(200);
    await watcher.waitState(id, (s) => s.status === 'backstage');
    expect((await ops.patch(`/api/roadshows/${id}/status`, { status: 'live' })).status).toBe(200);
    const live = await watcher.waitState(id, (s) => s.status === 'live');
    expect(live.currentItemId).toBe(items.tide);
    expect(live.timer.running).toBe(true);
    expect((await ops.patch(`/api/roadshows/${id}/status`, { status: 'backstage' })).status).toBe(409);
    expect((await ops.patch(`/api/roadshows/${id}/status`, { status: 'ended' })).status).toBe(200);
    await watcher.waitState(id, (s) => s.status === 'ended');
    expect((await ops.patch(`/api/roadshows/${id}/status`, { status: 'live' })).status).toBe(409);
    expect((await ops.patch(`/api/roadshows/${id}/status`, { status: 'paused' })).status).toBe(400);
    expect((await ops.patch('/api/roadshows/nope/status', { status: 'backstage' })).status).toBe(404);
    // Once ended it can no longer be edited.
    expect((await put(ops, `/api/roadshows/${id}`, { title: 'Renamed' })).status).toBe(409);
  });
});

describe('the timer and the current item', () => {
  it('hosts pause, resume, reset, move to the next item and go to any item; 409 after the last', async () => {
    const { roadshow, items } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host, join } = await kit.enter('ops', id);
    expect(join.state).toMatchObject({ status: 'live', currentItemId: items.tide, timer: { running: true } });
    const { c: hannah } = await kit.enter('hannah', id);
    const { c: chen } = await kit.enter('chen', id);

    const paused = await host.ok<LiveState>('roadshow:timer', { roadshowId: id, action: 'pause' });
    expect(paused.timer.running).toBe(false);
    await hannah.waitState(id, (s) => !s.timer.running, 'paused');
    const resumed = await host.ok<LiveState>('roadshow:timer', { roadshowId: id, action: 'start' });
    expect(resumed.timer.running).toBe(true);
    expect(resumed.timer.elapsedMs).toBeGreaterThanOrEqual(paused.timer.elapsedMs);
    const reset = await host.ok<LiveState>('roadshow:timer', { roadshowId: id, action: 'reset' });
    expect(reset.timer).toEqual({ running: false, elapsedMs: 0 });

    const next = await host.ok<LiveState>('roadshow:timer', { roadshowId: id, action: 'next' });
    expect(next).toMatchObject({ currentItemId: items.break, timer: { running: true } });
    expect(next.timer.elapsedMs).toBeLessThan(2000);
    await hannah.waitState(id, (s) => s.currentItemId === items.break, 'next item');

    const goto = await host.ok<LiveState>('roadshow:timer', { roadshowId: id, action: 'goto', itemId: items.agri });
    expect(goto.currentItemId).toBe(items.agri);
    expect((await host.refused('roadshow:timer', { roadshowId: id, action: 'next' })).reason).toBe('conflict');
    expect((await host.refused('roadshow:timer', { roadshowId: id, action: 'goto', itemId: 'no-such-item' })).reason).toMatch(
      /^(not_found|bad_request|conflict)$/,
    );
    expect((await host.refused('roadshow:timer', { roadshowId: id, action: 'goto' })).reason).toBe('bad_request');

    for (const c of [hannah, chen]) {
      expect((await c.refused('roadshow:timer', { roadshowId: id, action: 'pause' })).reason, c.person.who).toBe('forbidden');
    }
    await chen.waitState(id, (s) => s.currentItemId === items.agri, 'goto pushed');
  });
});

describe('choosing where to start', () => {
  it('an item chosen backstage is where the event goes live; otherwise the first', async () => {
    const { roadshow, items } = await kit.createRoadshow();
    const id = roadshow.id;
    await kit.advance(id, 'backstage');
    const { c: host } = await kit.enter('ops', id);
    await host.ok('roadshow:timer', { roadshowId: id, action: 'goto', itemId: items.agri });
    const live = await host.ok<LiveState>('roadshow:setStatus', { roadshowId: id, status: 'live' });
    expect(live).toMatchObject({ currentItemId: items.agri, timer: { running: true } });
  });
});

describe('editing the event', () => {
  it('hosts edit details and replace or reorder the agenda (ids kept); the room is told; others may not', async () => {
    const { roadshow, items } = await kit.createRoadshow();
    const id = roadshow.id;
    const ops = (await kit.person('ops')).session;
    const { c: chen } = await kit.enter('chen', id);
    const { c: host } = await kit.enter('ops', id);

    expect((await put((await kit.person('hannah')).session, `/api/roadshows/${id}`, { title: 'Mine now' })).status).toBe(403);
    expect((await put((await kit.person('chen')).session, `/api/roadshows/${id}`, { title: 'Mine now' })).status).toBe(403);

    // Replace the agenda whole: AgriSense first, Tidewater kept by id, the break dropped, a new talk added.
    const edited = await put(ops, `/api/roadshows/${id}`, {
      title: 'Renamed Demo Day',
      agenda: [
        { id: items.agri, kind: 'pitch', title: 'AgriSense', startupId: kit.agriId, pitchMinutes: 6, qaMinutes: 2 },
        { kind: 'talk', title: 'Closing words', pitchMinutes: 5 },
        { id: items.tide, kind: 'pitch', title: 'Tidewater', startupId: kit.tideId, pitchMinutes: 5, qaMinutes: 3 },
      ],
    });
    expect(edited.status).toBe(200);
    const agenda = edited.json.roadshow.agenda as { id: string; kind: string; pitchMinutes: number }[];
    expect(edited.json.roadshow.title).toBe('Renamed Demo Day');
    expect(agenda.map((i) => i.id)).toEqual([items.agri, expect.any(String), items.tide]);
    expect(agenda[1]!.id).not.toBe(items.break);
    expect(agenda[0]!.pitchMinutes).toBe(6);
    const pushed = await waitFor(() => chen.updated.find((d) => d.title === 'Renamed Demo Day'), { what: 'roadshow:updated to the room' });
    expect(pushed.agenda.map((i) => i.id)).toEqual(agenda.map((i) => i.id));
    // An id that is not this roadshow's item is refused.
    const foreign = await put(ops, `/api/roadshows/${id}`, { agenda: [{ id: 'not-mine', kind: 'break', title: 'x', pitchMinutes: 5 }] });
    expect(foreign.status).toBe(400);

    // Reorder over the socket: only hosts, and only a permutation of the current items.
    const order = [items.tide, agenda[1]!.id, items.agri];
    expect((await chen.refused('roadshow:reorderAgenda', { roadshowId: id, itemIds: order })).reason).toBe('forbidden');
    expect((await host.refused('roadshow:reorderAgenda', { roadshowId: id, itemIds: [items.tide] })).reason).toBe('bad_request');
    const reordered = await host.ok<{ agenda: { id: string }[] }>('roadshow:reorderAgenda', { roadshowId: id, itemIds: order });
    expect(reordered.agenda.map((i) => i.id)).toEqual(order);
    await waitFor(() => chen.updated.at(-1)?.agenda.map((i) => i.id).join() === order.join(), { what: 'reorder pushed' });
    // Going live now starts with the new first item.
    await kit.advance(id, 'backstage', 'live');
    expect((await host.join(id)).state.currentItemId).toBe(items.tide);
  });
});

