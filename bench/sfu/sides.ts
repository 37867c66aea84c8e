/**
 * The two SFUs compared by bench:sfu, each with two mediasoup workers:
 *
 *  - "hatchery": Hatchery's media layer (WorkerPool + MediaRoom). The ffmpeg producer is a server-side
 *    producer of a publishing peer (`addServerProducer`, as in test/integration/mediaRtp.test.ts); every
 *    consumer is a viewer peer that joins the room (`room.join`), so the room places it (consumersPerRouter
 *    = ⌈N/2⌉: the first half on the primary router, then the room opens a router on the other worker and
 *    pipes the producer into it), and consumes through `room.consume` + `room.setConsumerPaused`. The one
 *    stand-in: the viewer's receive transport is a PlainTransport (to a UDP sink) created on the router the
 *    room assigned, instead of a browser's WebRtcTransport from `room.createTransport`.
 *  - "bare": a plain mediasoup script doing the same by hand: router 1 on worker 1 with the producer,
 *    router 2 on worker 2 fed by `pipeToRouter`, consumers split evenly (first half on router 1).
 */
import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import pino from 'pino';
import { MEDIA_CODECS, mediaConfigFromEnv, type MediaConfig } from '../../server/media/mediaConfig.js';
import { MediaRoom, type RoomSignal } from '../../server/media/mediaRoom.js';
import { WorkerPool } from '../../server/media/workerPool.js';
import { vp8RtpParameters } from '../../test/helpers/rtp.js';

export type SideName = 'hatchery' | 'bare';

export interface PortRange {
  rtcMinPort: number;
  rtcMaxPort: number;
}

export interface ConsumerEnd {
  consumer: types.Consumer;
  transport: types.PlainTransport;
  /** Index into `Rig.workers`. */
  worker: number;
}

/** One step's live objects: a producer fed by ffmpeg and N consumers sending to the sinks. */
export interface Rig {
  producer: types.Producer;
  producerTransport: types.PlainTransport;
  consumers: ConsumerEnd[];
  /** The side's workers; index 0 is the one that hosts the producer. */
  workers: types.Worker[];
  routers: number;
  /** Every transport created on this step's routers (pipe transports included), for kernel drop counts. */
  transports: types.Transport[];
  close(): Promise<void>;
}

export interface Side {
  name: SideName;
  /** All workers of the side, for cleanup checks. */
  workers(): types.Worker[];
  /** Builds a producer and `n` consumers; consumer i sends to `sinkPorts[i]`. */
  build(n: number, sinkPorts: number[]): Promise<Rig>;
  close(): void;
}

const listenInfo = { protocol: 'udp' as const, ip: '127.0.0.1' };

/**
 * What the consumers ask for. `plain` (default): the router's capabilities without the two
 * bandwidth-estimation header extensions (transport-wide-cc, abs-send-time), i.e. a plain RTP receiver
 * that never sends feedback — like the UDP sinks here. `full`: the router's capabilities as they are
 * (as in test/integration/mediaRtp.test.ts); then every consumer transport runs mediasoup's send-side
 * bandwidth estimation, which with no feedback coming back probes on its own and costs worker CPU per
 * transport even with no media (see bench/sfu/RESULTS.md).
 */
export type CapsMode = 'plain' | 'full';
const BWE_EXTENSIONS = /transport-wide-cc|abs-send-time/;
export function consumerCaps(router: types.Router, mode: CapsMode): types.RtpCapabilities {
  const caps = router.rtpCapabilities;
  if (mode === 'full') return caps;
  return { ...caps, headerExtensions: (caps.headerExtensions ?? []).filter((h) => !BWE_EXTENSIONS.test(h.uri)) };
}

/** Collects every transport made on the given workers while `current` is set. */
function transportCollector(workers: types.Worker[]) {
  const state: { current: types.Transport[] | null } = { current: null };
  for (const w of workers) {
    w.observer.on('newrouter', (router) => {
      router.observer.on('newtransport', (t) => state.current?.push(t));
    });
  }
  return state;
}

async function producerOn(router: types.Router) {
  const producerTransport = await router.createPlainTransport({ listenInfo, rtcpMux: false, comedia: true });
  const producer = await producerTransport.produce({ kind: 'video', rtpParameters: vp8RtpParameters });
  return { producerTransport, producer };
}

// ---------- Hatchery ----------

export async function hatcherySide(workers: number, ports: PortRange, caps: CapsMode): Promise<Side> {
  const log = pino({ level: 'silent' });
  const base: MediaConfig = {
    ...mediaConfigFromEnv({}),
    workers,
    listenIp: '127.0.0.1',
    announcedAddress: undefined,
    rtcMinPort: ports.rtcMinPort,
    rtcMaxPort: ports.rtcMaxPort,
    logLevel: 'warn',
  };
  const pool = await WorkerPool.create(base, log);
  const signal: RoomSignal = { emit() {} };
  const collector = transportCollector(pool.workers);
  let step = 0;

  return {
    name: 'hatchery',
    workers: () => pool.workers,
    async build(n, sinkPorts) {
      const transports: types.Transport[] = [];
      collector.current = transports;
      // Spread the audience over both workers: half per router, like the bare side.
      const config: MediaConfig = { ...base, consumersPerRouter: Math.ceil(n / 2), maxPeersPerRoom: n + 10, maxConsumersPerPeer: 10 };
      const room = await MediaRoom.create(`startup:bench-sfu-${++step}`, pool, config, signal, log);
      try {
        const publisher = await room.join({ socketId: 'ffmpeg', userId: 'ffmpeg', name: 'ffmpeg', role: 'founder', canPublish: true });
        const { producerTransport, producer } = await producerOn(room.primaryRouter);
        await room.addServerProducer(publisher.peerId, producer, 'camera');
        const primaryWorker = publisher.slot.worker;
        const order = [primaryWorker, ...pool.workers.filter((w) => w !== primaryWorker)];

        const consumers: ConsumerEnd[] = [];
        // One viewer at a time: the room counts a router's consumers when `consume` returns, so
        // concurrent joins would all land on the primary router.
        for (let i = 0; i < n; i++) {
          const viewer = await room.join({ socketId: `s${i}`, userId: `viewer-${i}`, name: `Viewer ${i}`, role: 'investor', canPublish: false });
          const router = viewer.slot.router;
          const transport = await router.createPlainTransport({ listenInfo, rtcpMux: true, comedia: false, appData: { direction: 'recv', peerId: viewer.peerId } });
          await transport.connect({ ip: '127.0.0.1', port: sinkPorts[i]! });
          // The stand-in for the browser's receive WebRtcTransport (see the header).
          viewer.transports.set(transport.id, transport as unknown as types.WebRtcTransport);
          const info = await room.consume(viewer.peerId, producer.id, consumerCaps(router, caps));
          await room.setConsumerPaused(viewer.peerId, info.id, false);
          const consumer = viewer.consumers.get(info.id)!;
          consumers.push({ consumer, transport, worker: order.indexOf(viewer.slot.worker) });
        }
        return {
          producer,
          producerTransport,
          consumers,
          workers: order,
          routers: room.routers.length,
          transports,
          async close() {
            room.close(); // closes its routers and with them every transport, producer and consumer
            collector.current = null;
          },
        };
      } catch (err) {
        room.close();
        collector.current = null;
        throw err;
      }
    },
    close: () => pool.close(),
  };
}

// ---------- bare mediasoup ----------

export async function bareSide(workerCount: number, ports: PortRange, caps: CapsMode): Promise<Side> {
  const workers: types.Worker[] = [];
  for (let i = 0; i < workerCount; i++) {
    workers.push(await mediasoup.createWorker({ logLevel: 'warn', rtcMinPort: ports.rtcMinPort, rtcMaxPort: ports.rtcMaxPort }));
  }
  const collector = transportCollector(workers);

  return {
    name: 'bare',
    workers: () => workers,
    async build(n, sinkPorts) {
      const transports: types.Transport[] = [];
      collector.current = transports;
      const routers: types.Router[] = [];
      try {
        for (const w of workers) routers.push(await w.createRouter({ mediaCodecs: MEDIA_CODECS }));
        const { producerTransport, producer } = await producerOn(routers[0]!);
        for (const r of routers.slice(1)) await routers[0]!.pipeToRouter({ producerId: producer.id, router: r });
        const perRouter = Math.ceil(n / routers.length);
        const consumers: ConsumerEnd[] = [];
        for (let i = 0; i < n; i++) {
          const w = Math.floor(i / perRouter);
          const router = routers[w]!;
          const transport = await router.createPlainTransport({ listenInfo, rtcpMux: true, comedia: false });
          await transport.connect({ ip: '127.0.0.1', port: sinkPorts[i]! });
          const consumer = await transport.consume({ producerId: producer.id, rtpCapabilities: consumerCaps(router, caps) });
          consumers.push({ consumer, transport, worker: w });
        }
        return {
          producer,
          producerTransport,
          consumers,
          workers,
          routers: routers.length,
          transports,
          async close() {
            for (const r of routers) r.close();
            collector.current = null;
          },
        };
      } catch (err) {
        for (const r of routers) r.close();
        collector.current = null;
        throw err;
      }
    },
    close: () => {
      for (const w of workers) w.close();
    },
  };
}
