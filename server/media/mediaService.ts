/**
 * The media domain: a registry of MediaRooms (get-or-create serialized per room id), the Socket.IO
 * handlers for every media request, and who may join or publish in which room. Every request is
 * authorized: only peers of a room may act in it, only allowed publishers may produce.
 */
import type { Logger } from 'pino';
import { Forbidden, HttpError } from '../errors.js';
import { ErrorReason } from '../../shared/protocol.js';
import type { MediaStats } from '../../shared/media.js';
import type { Caller } from '../identity/service.js';
import type { Gateway, HatcherySocket } from '../realtime/gateway.js';
import type { Store } from '../store/types.js';
import type { MediaConfig } from './mediaConfig.js';
import { MediaRoom, type Peer, type RoomSignal } from './mediaRoom.js';
import { WorkerPool } from './workerPool.js';

/** What a caller may do in a room; null when the room does not exist. */
export interface RoomAccess {
  canJoin: boolean;
  canPublish: boolean;
}
/** Decides access for one kind of room (the part of the room id before the colon). */
export type RoomPolicy = (caller: Caller, id: string) => Promise<RoomAccess | null>;

export class MediaService {
  readonly #rooms = new Map<string, MediaRoom>();
  /** Rooms being created, so two joins at once never create the same room twice. */
  readonly #creating = new Map<string, Promise<MediaRoom>>();
  readonly #policies = new Map<string, RoomPolicy>();
  /** Room ids each socket has joined, for cleanup on disconnect. */
  readonly #socketRooms = new Map<string, Set<string>>();
  #closed = false;

  private constructor(
    readonly pool: WorkerPool,
    readonly config: MediaConfig,
    private readonly gateway: Gateway,
    private readonly log: Logger,
  ) {
    pool.on('workerDied', (worker) => {
      for (const room of [...this.#rooms.values()]) {
        if (room.usesWorker(worker)) room.close('The media server restarted. Reconnecting…', true);
      }
    });
  }

  static async create(config: MediaConfig, gateway: Gateway, store: Store, log: Logger): Promise<MediaService> {
    const pool = await WorkerPool.create(config, log);
    const service = new MediaService(pool, config, gateway, log);
    service.registerPolicy('startup', startupTeamPolicy(store));
    service.#wireSocketHandlers();
    return service;
  }

  /** Lets a domain (roadshows, office hours, deal rooms) decide access to its rooms. */
  registerPolicy(kind: string, policy: RoomPolicy): void {
    this.#policies.set(kind, policy);
  }

  async access(caller: Caller, roomId: string): Promise<RoomAccess> {
    const [kind, id] = roomId.split(':') as [string, string];
    const policy = this.#policies.get(kind);
    if (!policy) throw new HttpError(404, ErrorReason.NotFound, 'This kind of room is not available.');
    const access = await policy(caller, id);
    if (!access) throw new HttpError(404, ErrorReason.NotFound, 'No such room.');
    return access;
  }

  /** The room with this id, created on first use (serialized per id). */
  async room(roomId: string): Promise<MediaRoom> {
    if (this.#closed) throw new HttpError(503, ErrorReason.ServerShutdown, 'The server is shutting down.');
    const existing = this.#rooms.get(roomId);
    if (existing && !existing.closed) return existing;
    const inFlight = this.#creating.get(roomId);
    if (inFlight) return inFlight;
    const creating = MediaRoom.create(roomId, this.pool, this.config, this.#signal(), this.log.child({ domain: 'media' }))
      .then((room) => {
        this.#rooms.set(roomId, room);
        room.once('closed', () => {
          if (this.#rooms.get(roomId) === room) this.#rooms.delete(roomId);
        });
        return room;
      })
      .finally(() => this.#creating.delete(roomId));
    this.#creating.set(roomId, creating);
    return creating;
  }

  /** Ids of the rooms open now. */
  roomIds(): string[] {
    return [...this.#rooms.keys()];
  }

  /** The open room, if any (no creation). */
  existingRoom(roomId: string): MediaRoom | undefined {
    return this.#rooms.get(roomId);
  }

  #signal(): RoomSignal {
    const io = this.gateway.io;
    return {
      // NOTE: media events are typed where MediaRoom builds them; here they only pass through.
      emit: (socketIds, event, payload) => (io.to(socketIds).emit as (e: string, p: object) => boolean)(event, payload),
    };
  }

  /** The calling socket's peer in a room, or 403 when it has not joined it. */
  #peerOf(socket: HatcherySocket, roomId: string): { room: MediaRoom; peer: Peer } {
    const room = this.#rooms.get(roomId);
    const peer = room?.peerBySocket(socket.id);
    if (!room || !peer) throw new Forbidden('Join the room first.');
    return { room, peer };
  }

  #wireSocketHandlers(): void {
    const g = this.gateway;
    g.handle('media:join', async ({ roomId }, socket) => {
      const caller = g.caller(socket);
      const access = await this.access(caller, roomId);
      if (!access.canJoin) throw new Forbidden('You are not allowed in this room.');
      const room = await this.room(roomId);
      // A second join from the same socket replaces the first (e.g. after a client-side reset).
      const previous = room.peerBySocket(socket.id);
      if (previous) room.leave(previous.peerId);
      const peer = await room.join({
        socketId: socket.id,
        userId: caller.user.id,
        name: caller.user.name,
        role: caller.user.role,
        canPublish: access.canPublish,
      });
      this.#trackSocket(socket, roomId);
      return {
        peerId: peer.peerId,
        routerRtpCapabilities: room.primaryRouter.rtpCapabilities as unknown as Record<string, unknown>,
        canPublish: peer.canPublish,
        peers: room.peers().filter((p) => p.peerId !== peer.peerId).map(MediaRoom.view),
        iceServers: this.config.iceServers,
        activeSpeakerPeerId: room.activeSpeakerPeerId,
      };
    });
    g.handle('media:leave', async ({ roomId }, socket) => {
      const room = this.#rooms.get(roomId);
      const peer = room?.peerBySocket(socket.id);
      if (room && peer) room.leave(peer.peerId);
      this.#socketRooms.get(socket.id)?.delete(roomId);
      return {};
    });
    g.handle('media:createTransport', async ({ roomId, direction }, socket) => {
      const { room, peer } = this.#peerOf(socket, roomId);
      const t = await room.createTransport(peer.peerId, direction);
      return {
        id: t.id,
        iceParameters: t.iceParameters as unknown as Record<string, unknown>,
        iceCandidates: t.iceCandidates as unknown as Record<string, unknown>[],
        dtlsParameters: t.dtlsParameters as unknown as Record<string, unknown>,
      };
    });
    g.handle('media:connectTransport', async ({ roomId, transportId, dtlsParameters }, socket) => {
      const { room, peer } = this.#peerOf(socket, roomId);
      await mediasoupCall(() => room.connectTransport(peer.peerId, transportId, dtlsParameters));
      return {};
    });
    g.handle('media:restartIce', async ({ roomId, transportId }, socket) => {
      const { room, peer } = this.#peerOf(socket, roomId);
      const iceParameters = await room.restartIce(peer.peerId, transportId);
      return { iceParameters: iceParameters as unknown as Record<string, unknown> };
    });
    g.handle('media:produce', async ({ roomId, transportId, kind, rtpParameters, source }, socket) => {
      const { room, peer } = this.#peerOf(socket, roomId);
      const producer = await mediasoupCall(() => room.produce(peer.peerId, transportId, kind, rtpParameters, source));
      return { id: producer.id };
    });
    g.handle('media:closeProducer', async ({ roomId, producerId }, socket) => {
      const { room, peer } = this.#peerOf(socket, roomId);
      room.closeProducer(peer.peerId, producerId);
      return {};
    });
    g.handle('media:pauseProducer', async ({ roomId, producerId }, socket) => {
      const { room, peer } = this.#peerOf(socket, roomId);
      await room.setProducerPaused(peer.peerId, producerId, true);
      return {};
    });
    g.handle('media:resumeProducer', async ({ roomId, producerId }, socket) => {
      const { room, peer } = this.#peerOf(socket, roomId);
      await room.setProducerPaused(peer.peerId, producerId, false);
      return {};
    });
    g.handle('media:consume', async ({ roomId, producerId, rtpCapabilities }, socket) => {
      const { room, peer } = this.#peerOf(socket, roomId);
      return mediasoupCall(() => room.consume(peer.peerId, producerId, rtpCapabilities));
    });
    g.handle('media:resumeConsumer', async ({ roomId, consumerId }, socket) => {
      const { room, peer } = this.#peerOf(socket, roomId);
      await room.setConsumerPaused(peer.peerId, consumerId, false);
      return {};
    });
    g.handle('media:pauseConsumer', async ({ roomId, consumerId }, socket) => {
      const { room, peer } = this.#peerOf(socket, roomId);
      await room.setConsumerPaused(peer.peerId, consumerId, true);
      return {};
    });
    g.handle('media:setPreferredLayers', async ({ roomId, consumerId, spatialLayer, temporalLayer }, socket) => {
      const { room, peer } = this.#peerOf(socket, roomId);
      await room.setPreferredLayers(peer.peerId, consumerId, spatialLayer, temporalLayer);
      return {};
    });
  }

  #trackSocket(socket: HatcherySocket, roomId: string): void {
    let rooms = this.#socketRooms.get(socket.id);
    if (!rooms) {
      rooms = new Set();
      this.#socketRooms.set(socket.id, rooms);
      socket.once('disconnect', () => this.#onDisconnect(socket.id));
    }
    rooms.add(roomId);
  }

  /** A disconnect closes the peer's transports, producers and consumers in every room it joined. */
  #onDisconnect(socketId: string): void {
    for (const roomId of this.#socketRooms.get(socketId) ?? []) {
      const room = this.#rooms.get(roomId);
      const peer = room?.peerBySocket(socketId);
      if (room && peer) room.leave(peer.peerId);
    }
    this.#socketRooms.delete(socketId);
  }

  /** Synchronous totals for the Prometheus gauges. */
  liveTotals(): { rooms: number; peers: number; producers: number; consumers: number } {
    let peers = 0;
    for (const room of this.#rooms.values()) peers += room.peerCount;
    let producers = 0;
    let consumers = 0;
    for (const w of this.pool.workers) {
      const c = this.pool.liveCounts(w);
      producers += c.producers;
      consumers += c.consumers;
    }
    return { rooms: this.#rooms.size, peers, producers, consumers };
  }

  /** Rooms, peers, transports, producers, consumers and per-worker CPU: the operator's view and the tests' leak check. */
  async stats(): Promise<MediaStats> {
    let peers = 0;
    for (const room of this.#rooms.values()) peers += room.peerCount;
    const workers = await Promise.all(
      this.pool.workers.map(async (w) => {
        const usage = w.closed ? undefined : await w.getResourceUsage().catch(() => undefined);
        return { pid: w.pid, ...this.pool.liveCounts(w), cpuUserMs: usage?.ru_utime ?? 0, cpuSystemMs: usage?.ru_stime ?? 0 };
      }),
    );
    const sum = (k: 'routers' | 'transports' | 'producers' | 'consumers') => workers.reduce((n, w) => n + w[k], 0);
    return {
      rooms: this.#rooms.size,
      peers,
      routers: sum('routers'),
      transports: sum('transports'),
      producers: sum('producers'),
      consumers: sum('consumers'),
      workers,
    };
  }

  /** Closes every room and the workers. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const room of [...this.#rooms.values()]) room.close('The server is shutting down.', false);
    this.#rooms.clear();
    this.pool.close();
  }
}

/** mediasoup rejects bad parameters with TypeError/Error: turn those into a 400 with its message. */
async function mediasoupCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError(400, ErrorReason.BadRequest, `Media request refused: ${(err as Error).message}`);
  }
}

/** A startup's team room: its founders, the incubator's mentors and operators join and publish. */
export function startupTeamPolicy(store: Store): RoomPolicy {
  return async (caller, id) => {
    const startup = await store.startups.byId(id);
    if (!startup) return null;
    const role = caller.user.role;
    const member = role === 'founder' && (await store.startups.memberIds(id)).includes(caller.user.id);
    const allowed = member || role === 'mentor' || role === 'operator';
    return { canJoin: allowed, canPublish: allowed };
  };
}
