import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, emitAck, HttpSession, login, startServer, type TestServer } from '../helpers/server.js';

let srv: TestServer;
let ops: HttpSession;
beforeAll(async () => {
  srv = await startServer();
  ops = await login(srv.url, 'ops@hatchery.demo');
});
afterAll(() => srv.close());

describe('bad input gets a clear error and the server stays up', () => {
  it('malformed JSON → 400 bad_request', async () => {
    const res = await ops.request('POST', '/api/invites', '{"role": ', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ reason: 'bad_request' });
  });

  it('schema violations → 400 with the field named', async () => {
    const res = await ops.post('/api/invites', { role: 'emperor' });
    expect(res.status).toBe(400);
    expect(res.json.error.issues[0].path).toBe('role');
    const rs = await ops.post('/api/roadshows', { title: '', startsAt: 'soon', timeZone: 'Nowhere/City' });
    expect(rs.status).toBe(400);
    expect(rs.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['startsAt', 'timeZone', 'title']);
  });

  it('oversized bodies → 413, unknown API routes → 404 JSON', async () => {
    const big = await ops.post('/api/invites', { role: 'founder', email: 'x'.repeat(200_000) });
    expect(big.status).toBe(413);
    const nope = await ops.get('/api/nope');
    expect(nope.status).toBe(404);
    expect(nope.json.error.reason).toBe('not_found');
  });

  it('bad socket payloads get an error ack with the reason; nothing crashes', async () => {
    const s = await connectSocket(srv.url, ops.cookie);
    const bad = await emitAck(s, 'presence:setStatus', { status: 'sleeping' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.reason).toBe('bad_request');
      expect(bad.error.issues?.[0]?.path).toBe('status');
    }
    for (const payload of [null, 42, 'str', [1, 2], { status: { $gt: '' } }]) {
      const r = await emitAck(s, 'presence:setStatus', payload);
      expect(r.ok).toBe(false);
    }
    const extra = await emitAck(s, 'lobby:subscribe', { sneaky: true });
    expect(extra.ok).toBe(false);
    // Unknown events and events without an ack are ignored without harm.
    (s as any).emit('no:such:event', { x: 1 });
    (s as any).emit('presence:setStatus', { status: 'nope' });
    const good = await emitAck(s, 'presence:setStatus', { status: 'away' });
    expect(good.ok).toBe(true);
    expect(s.connected).toBe(true);
    s.close();
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
  });
});

describe('flooding', () => {
  it('a socket that floods events gets too_many_requests acks and stays connected', async () => {
    const s = await connectSocket(srv.url, ops.cookie);
    const results = await Promise.all(Array.from({ length: 120 }, () => emitAck(s, 'presence:setStatus', { status: 'busy' })));
    const limited = results.filter((r) => !r.ok && r.error.reason === 'too_many_requests');
    expect(limited.length).toBeGreaterThan(50);
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(40);
    expect(s.connected).toBe(true);
    s.close();
  });
});
