import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession, login, startServer, type TestServer } from '../helpers/server.js';

let srv: TestServer;
let ops: HttpSession;
let chen: HttpSession;
let hannah: HttpSession;
let startups: { id: string; name: string; memberIds: string[] }[];
beforeAll(async () => {
  srv = await startServer();
  ops = await login(srv.url, 'ops@hatchery.demo');
  chen = await login(srv.url, 'chen@hatchery.demo');
  hannah = await login(srv.url, 'hannah@hatchery.demo');
  startups = (await ops.get('/api/startups')).json.startups;
});
afterAll(() => srv.close());

const byName = (part: string) => startups.find((s) => s.name.includes(part))!;

describe('roles and ownership', () => {
  it('every API route needs a session', async () => {
    const anon = new HttpSession(srv.url);
    for (const path of ['/api/auth/me', '/api/users', '/api/startups', '/api/roadshows', '/api/invites']) {
      const res = await anon.get(path);
      expect(res.status, path).toBe(401);
      expect(res.json.error.reason).toBe('unauthenticated');
    }
  });

  it('a founder edits their own startup but not another one (403)', async () => {
    const tide = byName('Tidewater');
    const agri = byName('AgriSense');
    const ok = await chen.patch(`/api/startups/${tide.id}`, { oneLiner: 'Robots that clean ship hulls' });
    expect(ok.status).toBe(200);
    expect(ok.json.startup.oneLiner).toBe('Robots that clean ship hulls');
    const refused = await chen.patch(`/api/startups/${agri.id}`, { name: 'Hijacked' });
    expect(refused.status).toBe(403);
    expect((await ops.get(`/api/startups/${agri.id}`)).json.startup.name).toBe(agri.name);
  });

  it('an investor cannot edit startups, schedule roadshows or change their status', async () => {
    const tide = byName('Tidewater');
    expect((await hannah.patch(`/api/startups/${tide.id}`, { stage: 'growth' })).status).toBe(403);
    expect((await hannah.post('/api/startups', { name: 'Mine' })).status).toBe(403);
    const rs = await hannah.post('/api/roadshows', { title: 'X', startsAt: new Date().toISOString(), timeZone: 'UTC' });
    expect(rs.status).toBe(403);
    const id = (await ops.get('/api/roadshows')).json.next[0].id;
    expect((await hannah.patch(`/api/roadshows/${id}/status`, { status: 'live' })).status).toBe(403);
  });

  it('people edit only their own profile; operators may edit anyone; role cannot be changed by PATCH', async () => {
    const chenMe = (await chen.get('/api/auth/me')).json.user;
    const hannahMe = (await hannah.get('/api/auth/me')).json.user;
    const own = await hannah.patch('/api/users/me', { headline: 'Partner', tags: ['climate'] });
    expect(own.status).toBe(200);
    expect(own.json.user.headline).toBe('Partner');
    expect((await hannah.patch(`/api/users/${chenMe.id}`, { headline: 'pwned' })).status).toBe(403);
    expect((await ops.patch(`/api/users/${hannahMe.id}`, { headline: 'Partner, Northbridge' })).status).toBe(200);
    expect((await hannah.patch('/api/users/me', { role: 'operator' })).status).toBe(400);
    expect((await hannah.get('/api/auth/me')).json.user.role).toBe('investor');
  });

  it('emails of other people are hidden except from operators', async () => {
    const users = (await hannah.get('/api/users')).json.users as { email: string; role: string; id: string }[];
    const own = (await hannah.get('/api/auth/me')).json.user;
    expect(users.filter((u) => u.id !== own.id).every((u) => u.email === '')).toBe(true);
    expect(((await ops.get('/api/users')).json.users as { email: string }[]).every((u) => u.email.includes('@'))).toBe(true);
  });

  it('a founder creating a startup becomes its member; only founders can be added as members', async () => {
    const created = await chen.post('/api/startups', { name: 'Side Project', stage: 'idea' });
    expect(created.status).toBe(201);
    const chenMe = (await chen.get('/api/auth/me')).json.user;
    expect(created.json.startup.memberIds).toEqual([chenMe.id]);
    const hannahMe = (await hannah.get('/api/auth/me')).json.user;
    expect((await chen.post(`/api/startups/${created.json.startup.id}/members`, { userId: hannahMe.id })).status).toBe(400);
  });
});
