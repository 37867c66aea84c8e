import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, login, startServer, type TestServer } from '../helpers/server.js';

let srv: TestServer;
let cookie: string;
beforeAll(async () => {
  srv = await startServer({ allowedOrigins: ['https://hatchery.example'] });
  cookie = (await login(srv.url, 'chen@hatchery.demo')).cookie!;
});
afterAll(() => srv.close());

const refusal = async (p: Promise<unknown>) => {
  const err = (await p.then(
    () => {
      throw new Error('connected but should have been refused');
    },
    (e: unknown) => e,
  )) as { data?: { reason: string; message: string } };
  return err.data;
};

describe('Socket.IO connection authentication', () => {
  it('accepts a connection with a valid session cookie', async () => {
    const s = await connectSocket(srv.url, cookie);
    expect(s.connected).toBe(true);
    s.close();
  });

  it('refuses a connection without a session, with a clear reason (websocket and polling)', async () => {
    expect(await refusal(connectSocket(srv.url, undefined))).toMatchObject({ reason: 'unauthenticated' });
    expect(await refusal(connectSocket(srv.url, undefined, { transports: ['polling'] }))).toMatchObject({ reason: 'unauthenticated' });
    expect(await refusal(connectSocket(srv.url, 'hatchery_sid=forged-token'))).toMatchObject({ reason: 'unauthenticated' });
  });

  it('refuses a protocol version mismatch and tells the client to reload', async () => {
    const data = await refusal(connectSocket(srv.url, cookie, { protocolVersion: 999 }));
    expect(data?.reason).toBe('protocol_mismatch');
    expect(data?.message).toMatch(/reload/i);
  });

  it('checks the Origin: a foreign page is refused, an allowed one accepted', async () => {
    expect(await refusal(connectSocket(srv.url, cookie, { origin: 'https://evil.example' }))).toMatchObject({ reason: 'origin_not_allowed' });
    const ok = await connectSocket(srv.url, cookie, { origin: 'https://hatchery.example' });
    ok.close();
    const same = await connectSocket(srv.url, cookie, { origin: srv.url });
    same.close();
  });

  it('a socket of a logged-out session is told why and closed, and cannot reconnect', async () => {
    const session = await login(srv.url, 'lina@hatchery.demo');
    const s = await connectSocket(srv.url, session.cookie);
    const notice = new Promise<{ reason: string }>((r) => s.once('server:notice', r));
    const closed = new Promise<string>((r) => s.once('disconnect', r));
    await session.post('/api/auth/logout');
    expect((await notice).reason).toBe('session_ended');
    expect(await closed).toBe('io server disconnect');
    expect(await refusal(connectSocket(srv.url, `hatchery_sid=${session.cookie ?? ''}`))).toMatchObject({ reason: 'unauthenticated' });
  });
});
