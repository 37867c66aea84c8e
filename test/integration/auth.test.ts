import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession, login, startServer, type TestServer } from '../helpers/server.js';
import { SESSION_COOKIE } from '../../shared/protocol.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => srv.close());

describe('login / logout / sessions', () => {
  it('signs in with the right password and sets an httpOnly SameSite=Lax session cookie', async () => {
    const s = new HttpSession(srv.url);
    const res = await s.post('/api/auth/login', { email: 'chen@hatchery.demo', password: 'hatchery-demo' });
    expect(res.status).toBe(200);
    expect(res.json.user.email).toBe('chen@hatchery.demo');
    expect(res.json.user.role).toBe('founder');
    expect(res.json.startups[0].name).toBe('Tidewater Robotics');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http here; Secure is set behind https
    expect((await s.get('/api/auth/me')).json.user.name).toBe('陈宇 Chen Yu');
  });

  it('stores only a hash of the session token', async () => {
    const s = await login(srv.url, 'sofia@hatchery.demo');
    const token = s.cookie!.split('=')[1]!;
    expect(await srv.hatchery.store.sessions.byTokenHash(token)).toBeUndefined();
  });

  it('refuses a wrong password with 401 and a clear reason', async () => {
    const s = new HttpSession(srv.url);
    const res = await s.post('/api/auth/login', { email: 'lina@hatchery.demo', password: 'nope-nope' });
    expect(res.status).toBe(401);
    expect(res.json.error.reason).toBe('invalid_credentials');
    expect(s.cookie).toBeUndefined();
  });

  it('logout ends the session on the server, not just the cookie', async () => {
    const s = await login(srv.url, 'marcus@hatchery.demo');
    const stolen = s.cookie;
    expect((await s.post('/api/auth/logout')).status).toBe(204);
    expect((await s.get('/api/auth/me')).status).toBe(401);
    const replay = new HttpSession(srv.url);
    replay.cookie = stolen;
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('an expired session is refused and removed', async () => {
    const s = await login(srv.url, 'priya@hatchery.demo');
    const me = (await s.get('/api/auth/me')).json.user;
    // Age every session of this user past its expiry directly in the store.
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(s.cookie!.split('=')[1]!).digest('hex');
    await srv.hatchery.store.sessions.touch(hash, new Date().toISOString(), new Date(Date.now() - 1000).toISOString());
    expect((await s.get('/api/auth/me')).status).toBe(401);
    expect(await srv.hatchery.store.sessions.byTokenHash(hash)).toBeUndefined();
    expect(me.email).toBe('priya@hatchery.demo');
  });

  it('throttles an account after 5 failures in 15 minutes with 429 and Retry-After', async () => {
    const s = new HttpSession(srv.url);
    for (let i = 0; i < 5; i++) {
      expect((await s.post('/api/auth/login', { email: 'zhao@hatchery.demo', password: `wrong-${i}` })).status).toBe(401);
    }
    const blocked = await s.post('/api/auth/login', { email: 'zhao@hatchery.demo', password: 'hatchery-demo' });
    expect(blocked.status).toBe(429);
    expect(blocked.json.error.reason).toBe('too_many_requests');
    const retry = Number(blocked.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(800);
    expect(retry).toBeLessThanOrEqual(900);
    // Another account from a different IP budget is unaffected (per-IP limit is 20).
    expect((await s.post('/api/auth/login', { email: 'hannah@hatchery.demo', password: 'hatchery-demo' })).status).toBe(200);
  });

  it('throttles an IP that sprays many accounts', async () => {
    const own = await startServer({ loginThrottle: { maxPerAccount: 100, maxPerIp: 3, windowMs: 60_000 } });
    try {
      const s = new HttpSession(own.url);
      for (let i = 0; i < 3; i++) {
        expect((await s.post('/api/auth/login', { email: `nobody${i}@x.co`, password: 'x' })).status).toBe(401);
      }
      const res = await s.post('/api/auth/login', { email: 'chen@hatchery.demo', password: 'hatchery-demo' });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await own.close();
    }
  });
});
