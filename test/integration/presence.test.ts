import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, emitAck, login, startServer, type ClientSocket, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/waitFor.js';
import type { LobbySnapshot, PresenceEntry } from '../../shared/schemas.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ presenceGraceMs: 150 });
});
afterAll(() => srv.close());

/** A lobby view kept up to date from pushed events, like the client's store. */
class LobbyView {
  online = new Map<string, PresenceEntry>();
  constructor(readonly socket: ClientSocket) {
    socket.on('presence:joined', (e) => this.online.set(e.userId, e));
    socket.on('presence:updated', (e) => this.online.set(e.userId, e));
    socket.on('presence:left', ({ userId }) => this.online.delete(userId));
  }
  async subscribe() {
    const r = await emitAck<LobbySnapshot>(this.socket, 'lobby:subscribe', {});
    if (!r.ok) throw new Error(r.error.message);
    this.online = new Map(r.data.online.map((e) => [e.userId, e]));
    return r.data;
  }
  names() {
    return [...this.online.values()].map((e) => e.name).sort();
  }
}

async function open(email: string) {
  const session = await login(srv.url, email);
  const me = (await session.get('/api/auth/me')).json.user as { id: string; name: string };
  return { session, me, socket: () => connectSocket(srv.url, session.cookie) };
}

describe('lobby presence', () => {
  it('two people see each other come online, with role and startup, and leave', async () => {
    const chen = await open('chen@hatchery.demo');
    const hannah = await open('hannah@hatchery.demo');
    const a = new LobbyView(await chen.socket());
    await a.subscribe();
    const bSocket = await hannah.socket();
    const b = new LobbyView(bSocket);
    const snap = await b.subscribe();
    expect(snap.online.map((e) => e.name)).toContain(chen.me.name);
    const chenEntry = snap.online.find((e) => e.userId === chen.me.id)!;
    expect(chenEntry).toMatchObject({ role: 'founder', startupName: 'Tidewater Robotics', status: 'available' });
    await waitFor(() => a.online.get(hannah.me.id), { what: 'A sees B' });
    expect(a.online.get(hannah.me.id)!.role).toBe('investor');

    bSocket.close();
    await waitFor(() => !a.online.has(hannah.me.id), { what: 'B left on A' });
    a.socket.close();
  });

  it('several tabs of one person: online until the last tab closes', async () => {
    const watcher = await open('daniel@hatchery.demo');
    const w = new LobbyView(await watcher.socket());
    await w.subscribe();
    const lina = await open('lina@hatchery.demo');
    const tab1 = await lina.socket();
    const tab2 = await lina.socket();
    await waitFor(() => w.online.get(lina.me.id)?.connections === 2, { what: 'two tabs' });
    tab1.close();
    await waitFor(() => w.online.get(lina.me.id)?.connections === 1, { what: 'one tab left' });
    // Well past the grace period, the person is still online because tab2 is open.
    await new Promise((r) => setTimeout(r, 400));
    expect(w.online.has(lina.me.id)).toBe(true);
    tab2.close();
    await waitFor(() => !w.online.has(lina.me.id), { what: 'gone after last tab' });
    w.socket.close();
  });

  it('logout removes the person from everyone’s lobby at once', async () => {
    const watcher = await open('priya@hatchery.demo');
    const w = new LobbyView(await watcher.socket());
    await w.subscribe();
    const zhao = await open('zhao@hatchery.demo');
    await zhao.socket();
    await waitFor(() => w.online.has(zhao.me.id), { what: 'zhao online' });
    await zhao.session.post('/api/auth/logout');
    await waitFor(() => !w.online.has(zhao.me.id), { what: 'zhao gone after logout', timeoutMs: 1000 });
    w.socket.close();
  });

  it('a dropped connection recovers its state and the events it missed', async () => {
    const sofia = await open('sofia@hatchery.demo');
    const s = new LobbyView(await sofia.socket());
    const firstPush = new Promise((r) => s.socket.once('lobby:schedule', r));
    await s.subscribe();
    await firstPush; // the client now holds a recovery offset
    const marcus = await open('marcus@hatchery.demo');

    // Drop the transport (not a clean disconnect), and while it is down, someone else comes online.
    const reconnected = new Promise<void>((r) => s.socket.io.once('reconnect', () => r()));
    (s.socket.io.engine as unknown as { close(): void }).close();
    const m = await marcus.socket();
    await reconnected;
    await waitFor(() => s.socket.connected, { what: 'reconnected' });
    expect(s.socket.recovered).toBe(true);
    // Missed event replayed without a new subscribe: Marcus is in the view.
    await waitFor(() => s.online.has(marcus.me.id), { what: 'missed presence:joined replayed' });
    // And Sofia never left anyone's lobby during the blip (grace period).
    const check = new LobbyView(m);
    const snap = await check.subscribe();
    expect(snap.online.map((e) => e.userId)).toContain(sofia.me.id);
    s.socket.close();
    m.close();
  });

  it('status changes are pushed to others', async () => {
    const chen = await open('chen@hatchery.demo');
    const daniel = await open('daniel@hatchery.demo');
    const c = new LobbyView(await chen.socket());
    await c.subscribe();
    const d = await daniel.socket();
    await waitFor(() => c.online.has(daniel.me.id));
    const r = await emitAck<PresenceEntry>(d, 'presence:setStatus', { status: 'busy' });
    expect(r.ok && r.data.status).toBe('busy');
    await waitFor(() => c.online.get(daniel.me.id)?.status === 'busy', { what: 'busy pushed' });
    c.socket.close();
    d.close();
  });
});

describe('lobby entries follow profile changes', () => {
  it('renaming yourself or your startup is pushed to everyone watching the lobby', async () => {
    const hannah = await open('hannah@hatchery.demo');
    const w = new LobbyView(await hannah.socket());
    await w.subscribe();
    const marcus = await open('marcus@hatchery.demo');
    const m = await marcus.socket();
    await waitFor(() => w.online.has(marcus.me.id));
    await marcus.session.patch('/api/users/me', { name: 'Marcus J.' });
    await waitFor(() => w.online.get(marcus.me.id)?.name === 'Marcus J.', { what: 'rename pushed' });
    const startupId = w.online.get(marcus.me.id)!.startupId!;
    await marcus.session.patch(`/api/startups/${startupId}`, { name: 'LedgerLeaf Inc.' });
    await waitFor(() => w.online.get(marcus.me.id)?.startupName === 'LedgerLeaf Inc.', { what: 'startup rename pushed' });
    w.socket.close();
    m.close();
  });
});
