/**
 * The browser's LobbyClient (client/src/lobby/LobbyClient.ts) against the real server, with a real
 * socket.io-client: the snapshot and pushed events land in its zustand store, refusals become the
 * 'refused' state, and signing out elsewhere calls onSignedOut.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { LobbyClient, type LobbySocket } from '../../client/src/lobby/LobbyClient.js';
import { createLobbyStore } from '../../client/src/lobby/lobbyStore.js';
import { login, startServer, type HttpSession, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/waitFor.js';
import { PROTOCOL_VERSION } from '../../shared/protocol.js';

// The client listens for the browser's online/offline events and reads navigator.onLine.
const g = globalThis as unknown as { window?: EventTarget; navigator?: { onLine: boolean } };
g.window ??= new EventTarget();
if (!g.navigator || g.navigator.onLine === undefined) Object.defineProperty(globalThis, 'navigator', { value: { onLine: true }, configurable: true });

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ presenceGraceMs: 100 });
});
afterAll(() => srv.close());

function clientFor(session: HttpSession | undefined, protocolVersion = PROTOCOL_VERSION) {
  const store = createLobbyStore();
  let signedOut = 0;
  const client = new LobbyClient({
    store,
    onSignedOut: () => signedOut++,
    createSocket: () =>
      io(srv.url, {
        autoConnect: false,
        forceNew: true,
        transports: ['websocket'],
        reconnectionDelay: 50,
        auth: { protocolVersion },
        extraHeaders: session?.cookie ? { cookie: session.cookie } : {},
      }) as LobbySocket,
  });
  return { store, client, signedOut: () => signedOut };
}

describe('LobbyClient against the real server', () => {
  it('loads the snapshot, then follows people coming and going', async () => {
    const chen = await login(srv.url, 'chen@hatchery.demo');
    const a = clientFor(chen);
    a.client.start();
    await waitFor(() => a.store.getState().connection.kind === 'connected' && a.store.getState().snapshot.kind === 'ready', { what: 'ready' });
    expect(a.store.getState().schedule.next.length).toBe(3);
    expect(a.store.getState().online.map((e) => e.name)).toContain('陈宇 Chen Yu');

    const hannah = await login(srv.url, 'hannah@hatchery.demo');
    const b = clientFor(hannah);
    b.client.start();
    await waitFor(() => a.store.getState().online.some((e) => e.name === 'Hannah Kim'), { what: 'Hannah pushed to A' });
    b.client.close();
    await waitFor(() => !a.store.getState().online.some((e) => e.name === 'Hannah Kim'), { what: 'Hannah gone from A' });
    a.client.close();
  });

  it('a protocol mismatch ends in the refused state with the server’s reason', async () => {
    const lina = await login(srv.url, 'lina@hatchery.demo');
    const c = clientFor(lina, PROTOCOL_VERSION + 1);
    c.client.start();
    await waitFor(() => c.store.getState().connection.kind === 'refused', { what: 'refused' });
    const state = c.store.getState().connection;
    expect(state.kind === 'refused' && state.reason).toBe('protocol_mismatch');
    expect(c.signedOut()).toBe(0);
    c.client.close();
  });

  it('no session → refused as unauthenticated and told to sign in; logout elsewhere → signed out', async () => {
    const anon = clientFor(undefined);
    anon.client.start();
    await waitFor(() => anon.signedOut() === 1, { what: 'onSignedOut for no session' });
    expect(anon.store.getState().connection.kind).toBe('refused');
    anon.client.close();

    const marcus = await login(srv.url, 'marcus@hatchery.demo');
    const m = clientFor(marcus);
    m.client.start();
    await waitFor(() => m.store.getState().connection.kind === 'connected', { what: 'connected' });
    await marcus.post('/api/auth/logout');
    await waitFor(() => m.signedOut() === 1, { what: 'onSignedOut after logout elsewhere' });
    const state = m.store.getState().connection;
    expect(state.kind === 'refused' && state.reason).toBe('session_ended');
    m.client.close();
  });
});
