/**
 * Media through the real SFU with real RTP: ffmpeg sends VP8 into a PlainTransport, consumers on other
 * PlainTransports (on the primary router and on a piped second router) receive it; cleanup and
 * worker-death recovery are checked through the stats endpoint's live counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { types } from 'mediasoup';
import { connectSocket, emitAck, login, startServer, type TestServer } from '../helpers/server.js';
import { ffmpegVp8, RtpSink, stop, vp8RtpParameters } from '../helpers/rtp.js';
import { waitFor } from '../helpers/waitFor.js';
import type { MediaRoom } from '../../server/media/mediaRoom.js';
import type { MediaJoinResult } from '../../shared/media.js';

let srv: TestServer;
let tideId: string;
beforeAll(async () => {
  // Two workers, and a tiny router threshold so the second viewer lands on a piped router.
  srv = await startServer({ media: { workers: 2, consumersPerRouter: 1 } as never });
  tideId = (await srv.hatchery.store.startups.list()).find((s) => s.name.startsWith('Tidewater'))!.id;
});
afterAll(() => srv.close());

const listen = { protocol: 'udp' as const, ip: '127.0.0.1' };

/** A server-side publisher peer fed by ffmpeg. */
async function ffmpegPublisher(room: MediaRoom, seconds: number) {
  const peer = await room.join({ socketId: 'ffmpeg', userId: 'ffmpeg', name: 'ffmpeg', role: 'founder', canPublish: true });
  const transport = await room.primaryRouter.createPlainTransport({ listenInfo: listen, rtcpMux: false, comedia: true });
  const producer = await transport.produce({ kind: 'video', rtpParameters: vp8RtpParameters });
  await room.addServerProducer(peer.peerId, producer, 'camera');
  const ffmpeg = ffmpegVp8(transport.tuple.localPort, transport.rtcpTuple!.localPort, seconds);
  return { peer, transport, producer, ffmpeg };
}

/** A PlainTransport consumer on `router` that forwards to a UDP sink. */
async function plainConsumer(router: types.Router, producerId: string) {
  const sink = await RtpSink.open();
  const transport = await router.createPlainTransport({ listenInfo: listen, rtcpMux: true, comedia: false });
  await transport.connect({ ip: '127.0.0.1', port: sink.port });
  const consumer = await transport.consume({ producerId, rtpCapabilities: router.rtpCapabilities });
  return { sink, transport, consumer };
}

describe('RTP through the SFU', () => {
  it('ffmpeg VP8 → PlainTransport → consumers on the primary and a piped router, with no loss', async () => {
    const room = await srv.hatchery.media.room(`startup:${tideId}`);
    const pub = await ffmpegPublisher(room, 20);
    try {
      // Two audience peers with a threshold of 1 consumer per router: the room opens a second router
      // on the other worker and pipes the producer into it.
      const v1 = await room.join({ socketId: 'v1', userId: 'v1', name: 'Viewer 1', role: 'investor', canPublish: false });
      await room.createTransport(v1.peerId, 'recv');
      await room.consume(v1.peerId, pub.producer.id, room.primaryRouter.rtpCapabilities);
      const v2 = await room.join({ socketId: 'v2', userId: 'v2', name: 'Viewer 2', role: 'investor', canPublish: false });
      expect(room.routers).toHaveLength(2);
      expect(v2.slot.router).toBe(room.routers[1]);
      expect(v2.slot.worker).not.toBe(v1.slot.worker); // the piped router lives on the other worker
      await room.createTransport(v2.peerId, 'recv');
      const c2 = await room.consume(v2.peerId, pub.producer.id, room.routers[1]!.rtpCapabilities);
      expect(c2.kind).toBe('video');

      const onPrimary = await plainConsumer(room.primaryRouter, pub.producer.id);
      const onPiped = await plainConsumer(room.routers[1]!, pub.producer.id);
      let err = '';
      pub.ffmpeg.stderr!.on('data', (d) => (err += String(d)));
      await waitFor(() => onPrimary.sink.packets > 100 && onPiped.sink.packets > 100, { timeoutMs: 15_000, what: "100 packets at both sinks" }).catch(async (e) => {
        throw new Error(`${(e as Error).message}: primary ${onPrimary.sink.packets}, piped ${onPiped.sink.packets}, producer ${JSON.stringify(await pub.producer.getStats())} ffmpeg: ${err}`);
      });

      const [inbound] = (await pub.producer.getStats()) as { packetCount: number; packetsLost: number }[];
      expect(inbound!.packetCount).toBeGreaterThan(80);
      expect(inbound!.packetsLost).toBe(0);
      const [outbound] = (await onPrimary.consumer.getStats()).filter((s) => s.type === 'outbound-rtp') as { packetCount: number }[];
      expect(outbound!.packetCount).toBeGreaterThan(80);

      const stats = await srv.hatchery.media.stats();
      expect(stats.routers).toBe(2);
      expect(stats.workers.every((w) => w.routers === 1)).toBe(true);

      onPrimary.transport.close();
      onPiped.transport.close();
      onPrimary.sink.close();
      onPiped.sink.close();
    } finally {
      await stop(pub.ffmpeg);
      pub.transport.close();
    }
    for (const p of room.peers()) room.leave(p.peerId);
    // Nothing is left: no room, no router, no transport (pipe transports included), no producer, no consumer.
    await waitFor(async () => {
      const s = await srv.hatchery.media.stats();
      return s.rooms === 0 && s.routers === 0 && s.transports === 0 && s.producers === 0 && s.consumers === 0;
    }, { what: 'all media objects closed' });
  });

  it('a burst of viewers joining at once spreads over routers without opening duplicates', async () => {
    const room = await srv.hatchery.media.room(`startup:${tideId}`);
    const viewers = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((i) => room.join({ socketId: `b${i}`, userId: `b${i}`, name: `B${i}`, role: 'investor', canPublish: false })),
    );
    // consumersPerRouter is 1 here: six viewers at once need six routers, each opened exactly once.
    expect(room.routers).toHaveLength(6);
    expect(new Set(viewers.map((v) => v.slot.router.id)).size).toBe(6);
    // The routers alternate over both workers rather than piling onto one.
    const perWorker = new Map<number, number>();
    for (const v of viewers) perWorker.set(v.slot.worker.pid, (perWorker.get(v.slot.worker.pid) ?? 0) + 1);
    expect([...perWorker.values()].sort()).toEqual([3, 3]);
    for (const v of viewers) room.leave(v.peerId);
    await waitFor(async () => (await srv.hatchery.media.stats()).routers === 0, { what: 'routers closed' });
  });

  it('a killed worker is replaced; its rooms close and tell their clients to rejoin', async () => {
    const chen = await login(srv.url, 'chen@hatchery.demo');
    const socket = await connectSocket(srv.url, chen.cookie);
    const roomId = `startup:${tideId}`;
    const joined = await emitAck<MediaJoinResult>(socket, 'media:join', { roomId });
    expect(joined.ok).toBe(true);
    const room = srv.hatchery.media.existingRoom(roomId)!;
    const victim = srv.hatchery.media.pool.workers.find((w) => room.usesWorker(w))!;
    const closed = new Promise<{ rejoin: boolean }>((r) => socket.once('media:roomClosed', r));
    process.kill(victim.pid, 'SIGKILL');
    expect((await closed).rejoin).toBe(true);
    await waitFor(() => srv.hatchery.media.pool.workers.every((w) => !w.closed && w.pid !== victim.pid), { timeoutMs: 10_000, what: 'worker replaced' });
    expect(srv.hatchery.media.pool.workers).toHaveLength(2);
    // Rejoining works on the fresh pool.
    const again = await emitAck<MediaJoinResult>(socket, 'media:join', { roomId });
    expect(again.ok).toBe(true);
    socket.close();
    await waitFor(async () => (await srv.hatchery.media.stats()).rooms === 0, { what: 'room closed after leave' });
  });
});
