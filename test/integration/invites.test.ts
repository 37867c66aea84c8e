import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession, login, startServer, type TestServer } from '../helpers/server.js';
import { hashToken, newId } from '../../server/identity/tokens.js';

let srv: TestServer;
let ops: HttpSession;
beforeAll(async () => {
  srv = await startServer();
  ops = await login(srv.url, 'ops@hatchery.demo');
});
afterAll(() => srv.close());

const signupBody = (token: string, email: string) => ({
  token,
  email,
  password: 'a-long-password',
  name: 'New Person',
  timeZone: 'Europe/Paris',
  languages: ['en'],
});

describe('invite-only sign-up', () => {
  it('operator invites, the invitee signs up into that role and is signed in', async () => {
    const created = await ops.post('/api/invites', { role: 'investor' });
    expect(created.status).toBe(201);
    expect(created.json.url).toContain(`/signup?token=`);
    const token = created.json.token as string;

    const anon = new HttpSession(srv.url);
    const check = await anon.get(`/api/invites/check/${token}`);
    expect(check.status).toBe(200);
    expect(check.json.role).toBe('investor');

    const res = await anon.post('/api/auth/signup', signupBody(token, 'new.investor@x.co'));
    expect(res.status).toBe(201);
    expect(res.json.user.role).toBe('investor');
    expect((await anon.get('/api/auth/me')).json.user.email).toBe('new.investor@x.co');
    // The new account can sign in with its password.
    await login(srv.url, 'new.investor@x.co', 'a-long-password');
  });

  it('a used invite is refused the second time (410 invite_used)', async () => {
    const { token } = (await ops.post('/api/invites', { role: 'mentor' })).json;
    expect((await new HttpSession(srv.url).post('/api/auth/signup', signupBody(token, 'm1@x.co'))).status).toBe(201);
    const again = await new HttpSession(srv.url).post('/api/auth/signup', signupBody(token, 'm2@x.co'));
    expect(again.status).toBe(410);
    expect(again.json.error.reason).toBe('invite_used');
    expect(await srv.hatchery.store.users.byEmail('m2@x.co')).toBeUndefined();
  });

  it('two racing sign-ups on one invite: exactly one account is created', async () => {
    const { token } = (await ops.post('/api/invites', { role: 'founder' })).json;
    const results = await Promise.all(
      [0, 1, 2, 3].map((i) => new HttpSession(srv.url).post('/api/auth/signup', signupBody(token, `race${i}@x.co`))),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 410)).toHaveLength(3);
    const created = await Promise.all([0, 1, 2, 3].map((i) => srv.hatchery.store.users.byEmail(`race${i}@x.co`)));
    expect(created.filter(Boolean)).toHaveLength(1);
  });

  it('an expired invite is refused (410 invite_expired)', async () => {
    const token = 'expired-token-0123456789';
    const opsUser = (await ops.get('/api/auth/me')).json.user;
    await srv.hatchery.store.invites.create({
      id: newId(),
      tokenHash: hashToken(token),
      role: 'founder',
      email: null,
      startupId: null,
      createdBy: opsUser.id,
      createdAt: new Date(Date.now() - 10 * 86400_000).toISOString(),
      expiresAt: new Date(Date.now() - 1000).toISOString(),
      usedAt: null,
      usedBy: null,
      revokedAt: null,
    });
    const anon = new HttpSession(srv.url);
    expect((await anon.get(`/api/invites/check/${token}`)).json.error.reason).toBe('invite_expired');
    const res = await anon.post('/api/auth/signup', signupBody(token, 'late@x.co'));
    expect(res.status).toBe(410);
    expect(res.json.error.reason).toBe('invite_expired');
  });

  it('an unknown token is 404 invite_invalid; a revoked one is refused', async () => {
    const anon = new HttpSession(srv.url);
    const res = await anon.post('/api/auth/signup', signupBody('made-up-token-123456', 'x@x.co'));
    expect(res.status).toBe(404);
    expect(res.json.error.reason).toBe('invite_invalid');

    const { token, invite } = (await ops.post('/api/invites', { role: 'mentor' })).json;
    expect((await ops.delete(`/api/invites/${invite.id}`)).status).toBe(204);
    expect((await anon.post('/api/auth/signup', signupBody(token, 'rev@x.co'))).status).toBe(410);
  });

  it('an invite for an email only works for that email; a founder invite can join a startup', async () => {
    const startups = (await ops.get('/api/startups')).json.startups;
    const agri = startups.find((s: { name: string }) => s.name.includes('AgriSense'));
    const { token } = (await ops.post('/api/invites', { role: 'founder', email: 'cto@agri.example', startupId: agri.id })).json;
    const anon = new HttpSession(srv.url);
    expect((await anon.get(`/api/invites/check/${token}`)).json.startupName).toBe(agri.name);
    expect((await anon.post('/api/auth/signup', signupBody(token, 'someone.else@x.co'))).status).toBe(400);
    const ok = await anon.post('/api/auth/signup', signupBody(token, 'CTO@agri.example'));
    expect(ok.status).toBe(201);
    expect(ok.json.startups.map((s: { id: string }) => s.id)).toEqual([agri.id]);
  });

  it('only operators create, list or revoke invites', async () => {
    for (const email of ['chen@hatchery.demo', 'daniel@hatchery.demo', 'hannah@hatchery.demo']) {
      const s = await login(srv.url, email);
      expect((await s.post('/api/invites', { role: 'operator' })).status).toBe(403);
      expect((await s.get('/api/invites')).status).toBe(403);
    }
    expect((await new HttpSession(srv.url).post('/api/invites', { role: 'founder' })).status).toBe(401);
    const list = await ops.get('/api/invites');
    expect(list.status).toBe(200);
    expect(list.json.invites.length).toBeGreaterThan(0);
    expect(JSON.stringify(list.json)).not.toContain('tokenHash');
  });
});
