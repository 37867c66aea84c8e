import { describe, expect, it } from 'vitest';
import { connectSocket, emitAck, login, startServer } from '../helpers/server.js';
import { waitFor } from '../helpers/waitFor.js';
import type { LobbySchedule, LobbySnapshot } from '../../shared/schemas.js';

describe('operations basics', () => {
  it('/healthz answers 200 while the store answers and 503 when it does not', async () => {
    const srv = await startServer();
    try {
      const ok = await fetch(`${srv.url}/healthz`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
      await srv.hatchery.store.close();
      expect((await fetch(`${srv.url}/healthz`)).status).toBe(503);
    } finally {
      await srv.close();
    }
  });

  it('/metrics exposes connected sockets, HTTP latency and process metrics', async () => {
    const srv = await startServer();
    try {
      const chen = await login(srv.url, 'chen@hatchery.demo');
      const s1 = await connectSocket(srv.url, chen.cookie);
      const s2 = await connectSocket(srv.url, chen.cookie);
      const text = await (await fetch(`${srv.url}/metrics`)).text();
      expect(text).toMatch(/^hatchery_connected_sockets 2$/m);
      expect(text).toMatch(/^hatchery_online_users 1$/m);
      expect(text).toMatch(/hatchery_http_request_duration_seconds_count\{method="POST",route="\/api\/auth\/login",status="200"\} 1/);
      expect(text).toContain('hatchery_process_cpu_seconds_total');
      expect(text).toMatch(/^hatchery_media_objects\{kind="rooms"\} 0$/m);
      s1.close();
      s2.close();
    } finally {
      await srv.close();
    }
  });

  it('a request id given by a proxy is kept', async () => {
    const srv = await startServer();
    try {
      const res = await fetch(`${srv.url}/healthz`, { headers: { 'x-request-id': 'edge-1234' } });
      expect(res.headers.get('x-request-id')).toBe('edge-1234');
    } finally {
      await srv.close();
    }
  });

  it('graceful shutdown tells connected clients why, closes them and stops accepting', async () => {
    const srv = await startServer();
    const chen = await login(srv.url, 'chen@hatchery.demo');
    const s = await connectSocket(srv.url, chen.cookie);
    s.io.opts.reconnection = false;
    const notice = new Promise<{ reason: string }>((r) => s.once('server:notice', r));
    const disconnected = new Promise<string>((r) => s.once('disconnect', r));
    await srv.close();
    expect((await notice).reason).toBe('server_shutdown');
    expect(await disconnected).toBe('io server disconnect');
    await expect(fetch(`${srv.url}/healthz`)).rejects.toThrow();
    await srv.close(); // idempotent
  });

  it('the lobby pushes what is next and what is live as operators schedule and start roadshows', async () => {
    const srv = await startServer();
    try {
      const ops = await login(srv.url, 'ops@hatchery.demo');
      const investor = await login(srv.url, 'hannah@hatchery.demo');
      const s = await connectSocket(srv.url, investor.cookie);
      let latest: LobbySchedule | undefined;
      s.on('lobby:schedule', (sch) => (latest = sch));
      const snap = await emitAck<LobbySnapshot>(s, 'lobby:subscribe', {});
      expect(snap.ok && snap.data.schedule.next.length).toBe(3);
      const startsAt = new Date(Date.now() + 3600_000).toISOString();
      const created = await ops.post('/api/roadshows', { title: 'Pop-up pitch', startsAt, timeZone: 'Asia/Shanghai', durationMinutes: 30 });
      expect(created.status).toBe(201);
      await waitFor(() => latest?.next.some((r) => r.title === 'Pop-up pitch'), { what: 'new roadshow pushed' });
      expect(latest!.next[0]!.title).toBe('Pop-up pitch'); // soonest first
      for (const status of ['backstage', 'live']) expect((await ops.patch(`/api/roadshows/${created.json.roadshow.id}/status`, { status })).status).toBe(200);
      await waitFor(() => latest?.live.some((r) => r.title === 'Pop-up pitch'), { what: 'live pushed' });
      expect(latest!.next.some((r) => r.title === 'Pop-up pitch')).toBe(false);
      s.close();
    } finally {
      await srv.close();
    }
  });
});
