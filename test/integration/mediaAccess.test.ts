/** Who may join, publish and consume in media rooms — through the real gateway with real socket clients. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, emitAck, login, startServer, type ClientSocket, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/waitFor.js';
import type { MediaJoinResult, MediaTransportResult } from '../../shared/media.js';

let srv: TestServer;
let tideId: string;
let agriId: string;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  srv = await startServer();
  const startups = await srv.hatchery.store.startups.list();
  tideId = startups.find((s) => s.name.startsWith('Tidewater'))!.id;
  agriId = startups.find((s) => s.name.includes('AgriSense'))!.id;
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await srv.close();
});

async function as(email: string): Promise<ClientSocket> {
  const session = await login(srv.url, email);
  const s = await connectSocket(srv.url, session.cookie);
  sockets.push(s);
  return s;
}

describe('media room access', () => {
  it('a founder joins their team room and gets router capabilities with Opus, VP8 and H264', async () => {
    const chen = await as('chen@hatchery.demo');
    const r = await emitAck<MediaJoinResult>(chen, 'media:join', { roomId: `startup:${tideId}` });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.canPublish).toBe(true);
    const mimes = (r.data.routerRtpCapabilities.codecs as { mimeType: string }[]).map((c) => c.mimeType);
    expect(mimes).toEqual(expect.arrayContaining(['audio/opus', 'video/VP8', 'video/H264']));
    const t = await emitAck<MediaTransportResult>(chen, 'media:createTransport', { roomId: `startup:${tideId}`, direction: 'send' });
    expect(t.ok && (t.data.iceCandidates as { address: string; protocol: string }[]).map((c) => `${c.protocol}:${c.address}`)).toEqual(
      expect.arrayContaining(['udp:127.0.0.1', 'tcp:127.0.0.1']),
    );
    await emitAck(chen, 'media:leave', { roomId: `startup:${tideId}` });
  });

  it('an investor and a founder of another startup are refused from a team room', async () => {
    for (const email of ['hannah@hatchery.demo', 'lina@hatchery.demo']) {
      const s = await as(email);
      const r = await emitAck(s, 'media:join', { roomId: `startup:${tideId}` });
      expect(r.ok, email).toBe(false);
      if (!r.ok) expect(r.error.reason).toBe('forbidden');
    }
    // Mentors and operators may join any team room.
    for (const email of ['daniel@hatchery.demo', 'ops@hatchery.demo']) {
      const s = await as(email);
      const r = await emitAck<MediaJoinResult>(s, 'media:join', { roomId: `startup:${agriId}` });
      expect(r.ok, email).toBe(true);
      await emitAck(s, 'media:leave', { roomId: `startup:${agriId}` });
    }
  });

  it('unknown rooms and malformed ids get clear errors', async () => {
    const chen = await as('chen@hatchery.demo');
    const missing = await emitAck(chen, 'media:join', { roomId: 'startup:does-not-exist' });
    expect(!missing.ok && missing.error.reason).toBe('not_found');
    const bad = await emitAck(chen, 'media:join', { roomId: '../../etc/passwd' });
    expect(!bad.ok && bad.error.reason).toBe('bad_request');
    const kind = await emitAck(chen, 'media:join', { roomId: 'booking:abc' });
    expect(!kind.ok && kind.error.reason).toBe('not_found');
  });

  it('nobody acts in a room they have not joined', async () => {
    const lina = await as('lina@hatchery.demo');
    const roomId = `startup:${tideId}`;
    for (const [event, payload] of [
      ['media:createTransport', { roomId, direction: 'recv' }],
      ['media:consume', { roomId, producerId: 'x', rtpCapabilities: {} }],
      ['media:resumeConsumer', { roomId, consumerId: 'x' }],
      ['media:produce', { roomId, transportId: 'x', kind: 'video', rtpParameters: {}, source: 'camera' }],
    ] as const) {
      const r = await emitAck(lina, event, payload);
      expect(!r.ok && r.error.reason, event).toBe('forbidden');
    }
  });

  it('in a live roadshow the audience may only receive; the host may publish', async () => {
    const ops = await login(srv.url, 'ops@hatchery.demo');
    const id = (await ops.get('/api/roadshows')).json.next[0].id;
    const roomId = `roadshow:${id}`;
    const hannah = await as('hannah@hatchery.demo');
    const early = await emitAck(hannah, 'media:join', { roomId });
    expect(!early.ok && early.error.reason).toBe('forbidden'); // not live yet
    for (const status of ['backstage', 'live']) expect((await ops.patch(`/api/roadshows/${id}/status`, { status })).status).toBe(200);

    const host = await connectSocket(srv.url, ops.cookie);
    sockets.push(host);
    const hostJoin = await emitAck<MediaJoinResult>(host, 'media:join', { roomId });
    expect(hostJoin.ok && hostJoin.data.canPublish).toBe(true);
    const peerJoined = new Promise<{ peer: { name: string; canPublish: boolean } }>((r) => host.once('media:peerJoined', r));

    const join = await emitAck<MediaJoinResult>(hannah, 'media:join', { roomId });
    expect(join.ok && join.data.canPublish).toBe(false);
    expect(join.ok && join.data.peers.map((p) => p.role)).toEqual(['operator']);
    expect((await peerJoined).peer).toMatchObject({ name: 'Hannah Kim', canPublish: false });

    const send = await emitAck(hannah, 'media:createTransport', { roomId, direction: 'send' });
    expect(!send.ok && send.error.reason).toBe('forbidden');
    const recv = await emitAck<MediaTransportResult>(hannah, 'media:createTransport', { roomId, direction: 'recv' });
    expect(recv.ok).toBe(true);
    const produce = await emitAck(hannah, 'media:produce', {
      roomId,
      transportId: recv.ok ? recv.data.id : 'x',
      kind: 'video',
      rtpParameters: {},
      source: 'camera',
    });
    expect(!produce.ok && produce.error.reason).toBe('forbidden');

    // Disconnecting cleans up the audience member's transports; the room closes when the last peer goes.
    await waitFor(async () => (await srv.hatchery.media.stats()).transports === 1, { what: 'hannah transport counted' });
    hannah.close();
    await waitFor(async () => (await srv.hatchery.media.stats()).transports === 0, { what: 'transport closed on disconnect' });
    await emitAck(host, 'media:leave', { roomId });
    await waitFor(async () => (await srv.hatchery.media.stats()).rooms === 0, { what: 'room closed when empty' });
  });

  it('media stats are for operators only', async () => {
    const ops = await login(srv.url, 'ops@hatchery.demo');
    const chen = await login(srv.url, 'chen@hatchery.demo');
    expect((await chen.get('/api/media/stats')).status).toBe(403);
    const stats = await ops.get('/api/media/stats');
    expect(stats.status).toBe(200);
    expect(stats.json.workers).toHaveLength(1);
    expect(stats.json.workers[0].pid).toBeGreaterThan(0);
  });
});

describe('asking before joining', () => {
  it('GET /api/media/access tells the browser what the server will allow', async () => {
    const chen = await login(srv.url, 'chen@hatchery.demo');
    const hannah = await login(srv.url, 'hannah@hatchery.demo');
    expect((await chen.get(`/api/media/access?roomId=startup:${tideId}`)).json).toEqual({ canJoin: true, canPublish: true });
    expect((await hannah.get(`/api/media/access?roomId=startup:${tideId}`)).json).toEqual({ canJoin: false, canPublish: false });
    expect((await chen.get('/api/media/access?roomId=nonsense')).status).toBe(400);
    expect((await chen.get('/api/media/access?roomId=startup:missing')).status).toBe(404);
  });
});
