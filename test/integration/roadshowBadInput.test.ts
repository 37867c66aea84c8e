/** Malformed roadshow payloads and bodies get bad_request with the field; the server stays up. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { put, RoadshowKit } from '../helpers/roadshow.js';

let srv: TestServer;
let kit: RoadshowKit;
beforeAll(async () => {
  srv = await startServer();
  kit = await RoadshowKit.create(srv);
});
afterEach(() => kit.closeAll());
afterAll(() => srv.close());

describe('bad roadshow socket payloads', () => {
  it('missing ids, unknown fields and wrong types are refused with bad_request; nothing crashes', async () => {
    const { roadshow } = await kit.liveRoadshow();
    const id = roadshow.id;
    const { c: host } = await kit.enter('ops', id);

    const cases: [string, unknown, string | undefined][] = [
      ['roadshow:join', {}, 'roadshowId'],
      ['roadshow:join', { roadshowId: 42 }, 'roadshowId'],
      ['roadshow:join', { roadshowId: 'x'.repeat(65) }, 'roadshowId'],
      ['roadshow:join', { roadshowId: id, sneaky: true }, undefined],
      ['roadshow:join', null, undefined],
      ['roadshow:join', 'str', undefined],
      ['roadshow:join', [id], undefined],
      ['roadshow:setStatus', { roadshowId: id, status: 'paused' }, 'status'],
      ['roadshow:setStatus', { status: 'ended' }, 'roadshowId'],
      ['roadshow:timer', { roadshowId: id, action: 'goto' }, 'itemId'],
      ['roadshow:timer', { roadshowId: id, action: 'rewind' }, 'action'],
      ['roadshow:raiseHand', { roadshowId: id, raised: 'yes' }, 'raised'],
      ['roadshow:setStage', { roadshowId: id, userId: '', onStage: true }, 'userId'],
      ['roadshow:ask', { roadshowId: id, text: 5 }, 'text'],
      ['roadshow:ask', { roadshowId: id, text: 'ok', anonymous: 'no' }, 'anonymous'],
      ['roadshow:vote', { roadshowId: id, questionId: 'q', up: 1 }, 'up'],
      ['roadshow:moderate', { roadshowId: id, questionId: 'q', action: 'delete' }, 'action'],
      ['roadshow:createPoll', { roadshowId: id, question: 'Q', options: ['a', 'b'], sneaky: true }, undefined],
      ['roadshow:createPoll', { roadshowId: id, question: 'Q', options: 'a,b' }, 'options'],
      ['roadshow:votePoll', { roadshowId: id, pollId: 'p', optionIds: [] }, 'optionIds'],
      ['roadshow:chat', { roadshowId: id, text: { $ne: '' } }, 'text'],
      ['roadshow:muteChat', { roadshowId: id, userId: 'u' }, 'muted'],
      ['roadshow:react', { roadshowId: id, reaction: '<script>' }, 'reaction'],
      ['roadshow:admit', { roadshowId: id, userId: 'u', all: true }, undefined],
      ['roadshow:interested', { roadshowId: id }, 'interested'],
      ['roadshow:setWaitingRoom', { roadshowId: id, enabled: 'on' }, 'enabled'],
    ];
    for (const [event, payload, field] of cases) {
      const r = await host.call(event, payload);
      const label = `${event} ${JSON.stringify(payload)?.slice(0, 60)}`;
      expect(r.ok, label).toBe(false);
      if (r.ok) continue;
      expect(r.error.reason, label).toBe('bad_request');
      if (field) expect(r.error.issues?.map((i) => i.path), label).toContain(field);
    }
    // Events without an ack do no harm either.
    (host.socket as any).emit('roadshow:chat', { roadshowId: id, text: 'no ack' });
    (host.socket as any).emit('roadshow:setStatus', { roadshowId: id, status: 'nope' });

    expect(host.socket.connected).toBe(true);
    const join = await host.join(id);
    expect(join.state.status).toBe('live');
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
  });
});

describe('bad roadshow REST bodies', () => {
  it('agenda, settings and scheduler bodies are checked with the field named', async () => {
    const ops = (await kit.person('ops')).session;
    const base = { title: 'Bad', startsAt: new Date(Date.now() + 3600_000).toISOString(), timeZone: 'UTC' };

    const noStartup = await ops.post('/api/roadshows', { ...base, agenda: [{ kind: 'pitch', title: 'Who?', pitchMinutes: 5 }] });
    expect(noStartup.status).toBe(400);
    expect(noStartup.json.error.issues.map((i: { path: string }) => i.path)).toContain('agenda.0.startupId');
    const extra = await ops.post('/api/roadshows', { ...base, agenda: [{ kind: 'break', title: 'Tea', pitchMinutes: 5, colour: 'red' }] });
    expect(extra.status).toBe(400);
    const tooLong = await ops.post('/api/roadshows', { ...base, agenda: [{ kind: 'break', title: 'Tea', pitchMinutes: 500 }] });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error.issues.map((i: { path: string }) => i.path)).toContain('agenda.0.pitchMinutes');
    const unknownStartup = await ops.post('/api/roadshows', {
      ...base,
      agenda: [{ kind: 'pitch', title: 'Ghost', startupId: 'no-such-startup', pitchMinutes: 5 }],
    });
    expect([400, 404]).toContain(unknownStartup.status);

    const { roadshow } = await kit.createRoadshow();
    expect((await put(ops, `/api/roadshows/${roadshow.id}`, { sneaky: true })).status).toBe(400);
    expect((await put(ops, `/api/roadshows/${roadshow.id}`, { waitingRoom: 'yes' })).status).toBe(400);
    const daniel = await kit.person('daniel');
    expect((await put(ops, `/api/roadshow-schedulers/${daniel.id}`, { allowed: 'yes' })).status).toBe(400);
    expect((await put(ops, `/api/roadshow-schedulers/${daniel.id}`, {})).status).toBe(400);
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
  });
});
