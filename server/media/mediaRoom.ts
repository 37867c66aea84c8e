/**
 * One live media room: its routers (a primary one for publishers, more on other workers for large
 * audiences, fed by pipeToRouter), its peers with their transports, producers and consumers, and the
 * active-speaker observer. It owns all of them: `close()` closes the children first, then emits `closed`.
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import { Forbidden, HttpError, NotFound, TooManyRequests } from '../errors.js';
import { ErrorReason } from '../../shared/protocol.js';
import type { MediaPeer, MediaProducerInfo, MediaSource } from '../../shared/media.js';
import type { Role } from '../../shared/schemas.js';
import { MEDIA_CODECS, type MediaConfig } from './mediaConfig.js';
import type { WorkerPool } from './workerPool.js';

/** A router of this room and the consumers it carries (for spreading audiences). */
interface RouterSlot {
  router: types.Router;
  worker: types.Worker;
  consumers: number;
  /** Viewers placed here; counted at join, so a burst of joins spreads before anyone consumes. */
  viewers: number;
}

interface PeerProducer {
  producer: types.Producer;
  source: MediaSource;
}

export interface PeerIdentity {
  socketId: string;
  userId: string;
  name: string;
  role: Role;
  canPublish: boolean;
}

export interface Peer extends PeerIdentity {
  peerId: string;
  slot: RouterSlot;
  /** Placed as a viewer (counted in slot.viewers), whatever later promotions change. */
  placedAsViewer: boolean;
  transports: Map<string, types.WebRtcTransport>;
  producers: Map<string, PeerProducer>;
  consumers: Map<string, types.Consumer>;
}

/** How the room reaches its clients: delivers one event to these sockets (the service uses Socket.IO). */
export interface RoomSignal {
  emit(socketIds: string[], event: string, payload: object): void;
}

const MAX_TRANSPORTS_PER_PEER = 4;
const MAX_PRODUCERS_PER_PEER = 4;

export class MediaRoom extends EventEmitter<{ closed: [] }> {
  readonly #slots: RouterSlot[] = [];
  readonly #peers = new Map<string, Peer>();
  /** Indexes so per-request lookups do not scan the audience. */
  readonly #peerIdBySocket = new Map<string, string>();
  readonly #ownerByProducer = new Map<string, Peer>();
  /** A router being opened for the audience, so concurrent joins wait for it instead of opening more. */
  #opening: Promise<RouterSlot> | undefined;
  /** Producer ids already piped into each router (router id → producer ids). */
  readonly #piped = new Map<string, Set<string>>();
  readonly #speakerObserver: types.ActiveSpeakerObserver;
  #activeSpeakerPeerId: string | null = null;
  #closed = false;
  #closeTimer: NodeJS.Immediate | undefined;

  private constructor(
    readonly roomId: string,
    private readonly pool: WorkerPool,
    private readonly config: MediaConfig,
    private readonly signal: RoomSignal,
    private readonly log: Logger,
    primary: RouterSlot,
    observer: types.ActiveSpeakerObserver,
  ) {
    super();
    this.#slots.push(primary);
    this.#piped.set(primary.router.id, new Set());
    this.#speakerObserver = observer;
    observer.on('dominantspeaker', ({ producer }) => {
      const peer = this.#ownerByProducer.get(producer.id);
      this.#activeSpeakerPeerId = peer?.peerId ?? null;
      this.#broadcast('media:activeSpeaker', { roomId, peerId: this.#activeSpeakerPeerId });
    });
  }

  /** Creates the room with its primary router on the least-loaded worker. */
  static async create(roomId: string, pool: WorkerPool, config: MediaConfig, signal: RoomSignal, log: Logger): Promise<MediaRoom> {
    const primary = await MediaRoom.#newSlot(pool, new Set());
    const observer = await primary.router.createActiveSpeakerObserver({ interval: 300 });
    return new MediaRoom(roomId, pool, config, signal, log.child({ roomId }), primary, observer);
  }

  static async #newSlot(pool: WorkerPool, avoid: Set<types.Worker>): Promise<RouterSlot> {
    const worker = pool.leastLoaded(avoid);
    const router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS });
    pool.addLoad(worker, 1);
    router.observer.once('close', () => pool.addLoad(worker, -1));
    return { router, worker, consumers: 0, viewers: 0 };
  }

  get closed(): boolean {
    return this.#closed;
  }
  get primaryRouter(): types.Router {
    return this.#slots[0]!.router;
  }
  get routers(): types.Router[] {
    return this.#slots.map((s) => s.router);
  }
  get peerCount(): number {
    return this.#peers.size;
  }
  /** Whether any router of this room lives on `worker`. */
  usesWorker(worker: types.Worker): boolean {
    return this.#slots.some((s) => s.worker === worker);
  }

  peer(peerId: string): Peer {
    const p = this.#peers.get(peerId);
    if (!p) throw new HttpError(403, ErrorReason.Forbidden, 'You are not in this room.');
    return p;
  }
  peerBySocket(socketId: string): Peer | undefined {
    const id = this.#peerIdBySocket.get(socketId);
    return id === undefined ? undefined : this.#peers.get(id);
  }
  peers(): Peer[] {
    return [...this.#peers.values()];
  }

  static view(p: Peer): MediaPeer {
    return {
      peerId: p.peerId,
      userId: p.userId,
      name: p.name,
      role: p.role,
      canPublish: p.canPublish,
      producers: [...p.producers.values()].map(producerInfo),
    };
  }

  /** To every peer of the room except `exceptPeerId`. */
  #broadcast(event: string, payload: object, exceptPeerId?: string): void {
    const sockets: string[] = [];
    for (const p of this.#peers.values()) if (p.peerId !== exceptPeerId) sockets.push(p.socketId);
    if (sockets.length > 0) this.signal.emit(sockets, event, payload);
  }

  #send(peer: Peer, event: string, payload: object): void {
    this.signal.emit([peer.socketId], event, payload);
  }

  // ---------- joining and leaving ----------

  /** Adds a peer; publishers go to the primary router, viewers to a router with room to spare. */
  async join(identity: PeerIdentity): Promise<Peer> {
    this.#assertOpen();
    if (this.#peers.size >= this.config.maxPeersPerRoom) throw new TooManyRequests('This room is full.', 30);
    if (this.#closeTimer) {
      clearImmediate(this.#closeTimer);
      this.#closeTimer = undefined;
    }
    const placedAsViewer = !identity.canPublish;
    // A viewer's place is reserved (slot.viewers) as soon as it is chosen, so a burst of joins spreads.
    const slot = placedAsViewer ? await this.#slotForViewer() : this.#slots[0]!;
    if (this.#closed) {
      if (placedAsViewer) slot.viewers--;
      this.#assertOpen();
    }
    const peer: Peer = {
      ...identity,
      peerId: randomUUID(),
      slot,
      placedAsViewer,
      transports: new Map(),
      producers: new Map(),
      consumers: new Map(),
    };
    this.#peers.set(peer.peerId, peer);
    this.#peerIdBySocket.set(peer.socketId, peer.peerId);
    this.#broadcast('media:peerJoined', { roomId: this.roomId, peer: MediaRoom.view(peer) }, peer.peerId);
    this.log.debug({ peerId: peer.peerId, userId: peer.userId, routerId: slot.router.id }, 'join()');
    return peer;
  }

  async #slotForViewer(): Promise<RouterSlot> {
    const limit = this.config.consumersPerRouter;
    const roomy = this.#slots.find((s) => Math.max(s.consumers, s.viewers) < limit);
    if (roomy) {
      roomy.viewers++;
      return roomy;
    }
    // NOTE: all routers are full: open another on a worker this room does not use yet, and pipe every
    // producer into it, so viewers there consume exactly as on the primary router. Joins arriving
    // meanwhile wait for this one router instead of each opening their own.
    this.#opening ??= this.#openAudienceSlot().finally(() => (this.#opening = undefined));
    await this.#opening;
    return this.#slotForViewer();
  }

  async #openAudienceSlot(): Promise<RouterSlot> {
    const slot = await MediaRoom.#newSlot(this.pool, new Set(this.#slots.map((s) => s.worker)));
    if (this.#closed) {
      slot.router.close();
      throw new HttpError(410, ErrorReason.Gone, 'This room has closed; join again.');
    }
    this.#slots.push(slot);
    this.#piped.set(slot.router.id, new Set());
    this.log.info({ routers: this.#slots.length, workerPid: slot.worker.pid }, 'added a router for a large audience');
    for (const id of this.#ownerByProducer.keys()) await this.#ensurePiped(id, slot);
    return slot;
  }

  async #ensurePiped(producerId: string, slot: RouterSlot): Promise<void> {
    if (slot === this.#slots[0]) return;
    const done = this.#piped.get(slot.router.id)!;
    if (done.has(producerId)) return;
    done.add(producerId);
    try {
      await this.primaryRouter.pipeToRouter({ producerId, router: slot.router });
    } catch (err) {
      done.delete(producerId);
      throw err;
    }
  }

  /** Removes a peer and everything it owns; the room closes one tick after the last peer leaves. */
  leave(peerId: string): void {
    const peer = this.#peers.get(peerId);
    if (!peer) return;
    this.#peers.delete(peerId);
    this.#peerIdBySocket.delete(peer.socketId);
    if (peer.placedAsViewer) peer.slot.viewers--;
    for (const t of peer.transports.values()) t.close(); // closes its producers and consumers too
    this.#broadcast('media:peerLeft', { roomId: this.roomId, peerId });
    if (this.#activeSpeakerPeerId === peerId) {
      this.#activeSpeakerPeerId = null;
      this.#broadcast('media:activeSpeaker', { roomId: this.roomId, peerId: null });
    }
    this.log.debug({ peerId, userId: peer.userId }, 'leave()');
    if (this.#peers.size === 0 && !this.#closeTimer) {
      // A reconnecting peer rejoins within the tick and keeps the room alive.
      this.#closeTimer = setImmediate(() => {
        this.#closeTimer = undefined;
        if (this.#peers.size === 0) this.close();
      });
    }
  }

  /** Changes whether a peer may publish (promote/demote); demotion closes what they publish. */
  setCanPublish(peerId: string, canPublish: boolean): void {
    const peer = this.peer(peerId);
    peer.canPublish = canPublish;
    if (!canPublish) for (const { producer } of [...peer.producers.values()]) producer.close();
    this.#send(peer, 'media:permission', { roomId: this.roomId, canPublish });
  }

  get activeSpeakerPeerId(): string | null {
    return this.#activeSpeakerPeerId;
  }

  // ---------- transports ----------

  async createTransport(peerId: string, direction: 'send' | 'recv'): Promise<types.WebRtcTransport> {
    const peer = this.peer(peerId);
    if (direction === 'send' && !peer.canPublish) throw new Forbidden('You may not publish in this room.');
    if (peer.transports.size >= MAX_TRANSPORTS_PER_PEER) throw new TooManyRequests('Too many transports.', 5);
    const router = direction === 'send' ? this.primaryRouter : peer.slot.router;
    const listen = { ip: this.config.listenIp, ...(this.config.announcedAddress ? { announcedAddress: this.config.announcedAddress } : {}) };
    const transport = await router.createWebRtcTransport({
      listenInfos: [
        { protocol: 'udp', ...listen },
        { protocol: 'tcp', ...listen },
      ],
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: 1_000_000,
      appData: { direction, peerId },
    });
    if (!this.#peers.has(peerId)) {
      transport.close(); // the peer left while we were creating it
      throw new NotFound('You left the room.');
    }
    peer.transports.set(transport.id, transport);
    transport.observer.once('close', () => peer.transports.delete(transport.id));
    transport.on('dtlsstatechange', (state) => {
      if (state === 'failed' || state === 'closed') this.log.warn({ peerId, transportId: transport.id, state }, 'transport dtls');
    });
    return transport;
  }

  #transport(peer: Peer, transportId: string): types.WebRtcTransport {
    const t = peer.transports.get(transportId);
    if (!t) throw new NotFound('No such transport.');
    return t;
  }

  async connectTransport(peerId: string, transportId: string, dtlsParameters: object): Promise<void> {
    const peer = this.peer(peerId);
    await this.#transport(peer, transportId).connect({ dtlsParameters: dtlsParameters as types.DtlsParameters });
  }

  async restartIce(peerId: string, transportId: string): Promise<types.IceParameters> {
    return this.#transport(this.peer(peerId), transportId).restartIce();
  }

  // ---------- producers ----------

  async produce(peerId: string, transportId: string, kind: 'audio' | 'video', rtpParameters: object, source: MediaSource): Promise<types.Producer> {
    const peer = this.peer(peerId);
    if (!peer.canPublish) throw new Forbidden('You may not publish in this room.');
    const transport = this.#transport(peer, transportId);
    if (transport.appData.direction !== 'send') throw new Forbidden('That is a receive transport.');
    if (peer.producers.size >= MAX_PRODUCERS_PER_PEER) throw new TooManyRequests('Too many producers.', 5);
    if ([...peer.producers.values()].some((p) => p.source === source)) throw new HttpError(409, ErrorReason.Conflict, `You already publish ${source}.`);
    const expectedKind = source === 'microphone' || source === 'screen-audio' ? 'audio' : 'video';
    if (kind !== expectedKind) throw new HttpError(400, ErrorReason.BadRequest, `${source} must be ${expectedKind}.`);
    const producer = await transport.produce({ kind, rtpParameters: rtpParameters as types.RtpParameters, appData: { source, peerId } });
    return this.#registerProducer(peer, producer, source);
  }

  /** Adds a producer made elsewhere (e.g. an ffmpeg PlainTransport) as this peer's. */
  async #registerProducer(peer: Peer, producer: types.Producer, source: MediaSource): Promise<types.Producer> {
    peer.producers.set(producer.id, { producer, source });
    this.#ownerByProducer.set(producer.id, peer);
    producer.observer.once('close', () => {
      peer.producers.delete(producer.id);
      this.#ownerByProducer.delete(producer.id);
      if (this.#peers.has(peer.peerId)) this.#broadcast('media:producerClosed', { roomId: this.roomId, peerId: peer.peerId, producerId: producer.id });
    });
    if (producer.kind === 'audio') await this.#speakerObserver.addProducer({ producerId: producer.id }).catch(() => {});
    for (const slot of this.#slots.slice(1)) await this.#ensurePiped(producer.id, slot);
    this.#broadcast('media:producerAdded', { roomId: this.roomId, peerId: peer.peerId, producer: producerInfo({ producer, source }) }, peer.peerId);
    this.log.debug({ peerId: peer.peerId, producerId: producer.id, source }, 'produce()');
    return producer;
  }

  /** Test and recording hook: registers a server-side producer (on the primary router) as a peer's. */
  addServerProducer(peerId: string, producer: types.Producer, source: MediaSource): Promise<types.Producer> {
    return this.#registerProducer(this.peer(peerId), producer, source);
  }

  #ownProducer(peerId: string, producerId: string): types.Producer {
    const p = this.peer(peerId).producers.get(producerId);
    if (!p) throw new NotFound('No such producer of yours.');
    return p.producer;
  }

  closeProducer(peerId: string, producerId: string): void {
    this.#ownProducer(peerId, producerId).close();
  }

  async setProducerPaused(peerId: string, producerId: string, paused: boolean): Promise<void> {
    const producer = this.#ownProducer(peerId, producerId);
    if (paused) await producer.pause();
    else await producer.resume();
    this.#broadcast('media:producerState', { roomId: this.roomId, peerId, producerId, paused }, peerId);
  }

  // ---------- consumers ----------

  /** Creates a paused consumer of another peer's producer on this peer's router and receive transport. */
  async consume(peerId: string, producerId: string, rtpCapabilities: object) {
    const peer = this.peer(peerId);
    const owner = this.#ownerByProducer.get(producerId);
    if (!owner || !this.#peers.has(owner.peerId)) throw new NotFound('That stream is gone.');
    if (owner.peerId === peerId) throw new HttpError(400, ErrorReason.BadRequest, 'You cannot consume your own stream.');
    if (peer.consumers.size >= this.config.maxConsumersPerPeer) throw new TooManyRequests('Too many streams.', 5);
    const transport = [...peer.transports.values()].find((t) => t.appData.direction === 'recv');
    if (!transport) throw new HttpError(400, ErrorReason.BadRequest, 'Create a receive transport first.');
    const slot = peer.slot;
    await this.#ensurePiped(producerId, slot);
    const caps = rtpCapabilities as types.RtpCapabilities;
    if (!slot.router.canConsume({ producerId, rtpCapabilities: caps })) {
      throw new HttpError(400, ErrorReason.BadRequest, 'Your browser cannot receive this stream (codec mismatch).');
    }
    const source = owner.producers.get(producerId)!.source;
    const consumer = await transport.consume({ producerId, rtpCapabilities: caps, paused: true, appData: { peerId, source } });
    // Start at the middle layer; the viewer's tile size then picks the layer (media:setPreferredLayers).
    if (consumer.type === 'simulcast') await consumer.setPreferredLayers({ spatialLayer: 1, temporalLayer: 2 }).catch(() => {});
    peer.consumers.set(consumer.id, consumer);
    slot.consumers++;
    this.pool.addLoad(slot.worker, 1);
    consumer.observer.once('close', () => {
      peer.consumers.delete(consumer.id);
      slot.consumers--;
      this.pool.addLoad(slot.worker, -1);
    });
    const tellClosed = () => {
      if (this.#peers.has(peerId)) this.#send(peer, 'media:consumerClosed', { roomId: this.roomId, consumerId: consumer.id });
    };
    consumer.on('producerclose', tellClosed);
    return {
      id: consumer.id,
      producerId,
      peerId: owner.peerId,
      kind: consumer.kind,
      source,
      rtpParameters: consumer.rtpParameters as unknown as Record<string, unknown>,
      type: consumer.type,
      producerPaused: consumer.producerPaused,
    };
  }

  #ownConsumer(peerId: string, consumerId: string): types.Consumer {
    const c = this.peer(peerId).consumers.get(consumerId);
    if (!c) throw new NotFound('No such consumer of yours.');
    return c;
  }

  async setConsumerPaused(peerId: string, consumerId: string, paused: boolean): Promise<void> {
    const c = this.#ownConsumer(peerId, consumerId);
    if (paused) await c.pause();
    else await c.resume();
  }

  async setPreferredLayers(peerId: string, consumerId: string, spatialLayer: number, temporalLayer?: number): Promise<void> {
    const c = this.#ownConsumer(peerId, consumerId);
    if (c.type !== 'simulcast' && c.type !== 'svc') return;
    await c.setPreferredLayers({ spatialLayer, ...(temporalLayer !== undefined ? { temporalLayer } : {}) });
  }

  // ---------- lifecycle ----------

  /** Counts for the stats endpoint (producers are the peers' own, not pipe producers). */
  counts() {
    let transports = 0;
    let producers = 0;
    let consumers = 0;
    for (const p of this.#peers.values()) {
      transports += p.transports.size;
      producers += p.producers.size;
      consumers += p.consumers.size;
    }
    return { routers: this.#slots.length, peers: this.#peers.size, transports, producers, consumers };
  }

  /** Closes routers (and with them every transport, producer and consumer), then emits `closed`. */
  close(reason = 'closed', rejoin = false): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#closeTimer) clearImmediate(this.#closeTimer);
    if (this.#peers.size > 0) this.#broadcast('media:roomClosed', { roomId: this.roomId, reason, rejoin });
    this.#peers.clear();
    this.#peerIdBySocket.clear();
    this.#ownerByProducer.clear();
    for (const s of this.#slots) s.router.close();
    this.log.debug({ reason }, 'close()');
    this.emit('closed');
    this.removeAllListeners();
  }

  #assertOpen(): void {
    if (this.#closed) throw new HttpError(410, ErrorReason.Gone, 'This room has closed; join again.');
  }
}

function producerInfo({ producer, source }: PeerProducer): MediaProducerInfo {
  return { id: producer.id, kind: producer.kind, source, paused: producer.paused };
}
