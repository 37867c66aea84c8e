/**
 * One media room, browser side: a plain object (no React) that owns the mediasoup-client `Device`, the
 * send/recv transports, our producers and the consumers of everyone else's media, and writes what the
 * UI needs into the room store. `setConnectionState()` is the only place the connection state changes.
 *
 * A "session" is one server-side membership (one peer id): join → device → transports → consume/publish.
 * Recovery: a transport that drops gets an ICE restart; if that does not bring it back within
 * ICE_RECOVERY_TIMEOUT_MS, or the socket reconnected without its old state, or the server closed the room
 * asking us to rejoin, the session is torn down and a new one is opened, republishing what was on.
 */
import { Device } from 'mediasoup-client';
import type { Consumer, Producer, Transport, TransportOptions } from 'mediasoup-client/types';
import type { StoreApi } from 'zustand';
import { ErrorReason, type ApiError } from '../../../shared/protocol';
import type { ServerToClientEvents } from '../../../shared/events';
import type { MediaRoomId, MediaSource } from '../../../shared/media';
import type { LobbySocket } from '../lobby/LobbyClient';
import { isFinalError, mediaRequest, MediaRequestError, toApiError, type MediaRequestName, type MediaRequestPayload } from './mediaSignal';
import { Publisher, type PublishTarget } from './Publisher';
import { Subscriber, type SubscribeTarget } from './Subscriber';
import { initialRoomState, type RecoveryCause, type RoomConnectionState, type RoomState } from './roomStore';
import { exposeForTests } from './testHook';

/** The whole join (ack, device load, transports) must finish within this, or the attempt fails. */
export const JOIN_TIMEOUT_MS = 15_000;
/** After a transport drops, an ICE restart has this long to bring it back before we rejoin from scratch. */
export const ICE_RECOVERY_TIMEOUT_MS = 12_000;
/** Pause before each rejoin attempt (the last value repeats). */
export const REJOIN_BACKOFF_MS = [0, 1_000, 2_000, 4_000, 8_000] as const;
/** Rejoin attempts before the room shows an error with Retry. */
export const MAX_REJOIN_ATTEMPTS = 6;
/** `media:leave` is best effort; we don't hold the UI for longer than this. */
export const LEAVE_TIMEOUT_MS = 2_000;

export interface RoomClientOptions {
  /** The shared, already-managed Socket.IO socket (owned by LobbyClient). */
  socket: LobbySocket;
  store: StoreApi<RoomState>;
  /** Makes the mediasoup Device; tests may inject one. */
  createDevice?: () => Promise<Device>;
}

/** One server-side membership (one peer id): what the publisher and subscriber work on, plus ours. */
interface Session extends PublishTarget, SubscribeTarget {
  readonly epoch: number;
  peerId: string;
  iceServers: RTCIceServer[];
}

/** Thrown inside an async step whose session was replaced (left, rejoined) meanwhile. */
class StaleSessionError extends Error {}

const log = (message: string, ...args: unknown[]) => {
  if (import.meta.env.DEV) console.debug(`[RoomClient] ${message}`, ...args);
};
const warn = (message: string, ...args: unknown[]) => console.warn(`[RoomClient] ${message}`, ...args);

const timeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new MediaRequestError('media:join', { reason: ErrorReason.Internal, message: `${what} timed out` }, true)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });

export class RoomClient {
  readonly #socket: LobbySocket;
  readonly #store: StoreApi<RoomState>;
  readonly #createDevice: () => Promise<Device>;
  #closed = false;
  #roomId: MediaRoomId | null = null;
  #session: Session | null = null;
  /** Bumped whenever a session starts or ends; async steps of an older session stop when they see it changed. */
  #epoch = 0;
  /** My captures and producers; outlives sessions. */
  readonly #publisher: Publisher;
  /** Peers and what I receive from them. */
  readonly #subscriber: Subscriber;
  /** Pushed events that arrived while a session was being opened; replayed once it is. */
  #buffered: (() => void)[] | null = null;
  #recovering: Promise<void> | null = null;
  #iceDeadline: ReturnType<typeof setTimeout> | undefined;
  #backoffTimer: ReturnType<typeof setTimeout> | undefined;
  #cancelBackoff: (() => void) | null = null;
  readonly #socketDisposers: (() => void)[] = [];
  readonly #unexpose: () => void;

  constructor(options: RoomClientOptions) {
    this.#socket = options.socket;
    this.#store = options.store;
    this.#createDevice = options.createDevice ?? (() => Device.factory());
    this.#publisher = new Publisher({
      store: this.#store,
      target: () => this.#session,
      request: (target, event, payload) => this.#request(target as Session, event, payload),
      isStale: (err) => err instanceof StaleSessionError,
    });
    this.#subscriber = new Subscriber({
      store: this.#store,
      target: () => this.#session,
      request: (target, event, payload) => this.#request(target as Session, event, payload),
      isStale: (err) => err instanceof StaleSessionError,
    });
    this.#unexpose = exposeForTests(this);
  }

  // ---------- public API ----------

  /** Joins `roomId` (leaving another room first); resolves once joined or failed. */
  async join(roomId: MediaRoomId): Promise<boolean> {
    if (this.#closed) return false;
    const { kind } = this.#store.getState().connection;
    if (this.#roomId === roomId && (kind === 'joining' || kind === 'joined' || kind === 'reconnecting')) return true;
    if (this.#roomId && this.#roomId !== roomId) await this.leave();
    this.#roomId = roomId;
    this.#store.setState({ roomId });
    this.#attachSocket();
    this.#setConnectionState({ kind: 'joining' });
    try {
      await this.#openSession(roomId);
      return true;
    } catch (err) {
      if (err instanceof StaleSessionError) return false;
      this.#fail(err);
      return false;
    }
  }

  /** Tries again after a failure (the error state's Retry). */
  retry(): Promise<boolean> {
    const roomId = this.#roomId ?? this.#store.getState().roomId;
    return roomId ? this.join(roomId) : Promise.resolve(false);
  }

  /** Leaves the room: closes transports, stops my tracks, removes listeners and timers. */
  async leave(): Promise<void> {
    const roomId = this.#roomId;
    const hadSession = this.#session !== null;
    this.#publisher.release();
    if (!roomId) return;
    this.#closeSession();
    this.#detachSocket();
    this.#roomId = null;
    this.#setConnectionState({ kind: 'left' });
    const { connection } = this.#store.getState();
    this.#store.setState({ ...initialRoomState(), roomId, connection });
    if (hadSession && this.#socket.connected) {
      await mediaRequest(this.#socket, 'media:leave', { roomId }, LEAVE_TIMEOUT_MS).catch((err: unknown) => log('leave() | %o', err));
    }
  }

  /** Leaves and stops for good (the page unmounted). Safe to call twice. */
  close(): void {
    if (this.#closed) return;
    void this.leave();
    this.#closed = true;
    this.#publisher.close();
    this.#unexpose();
  }

  /** Turns the camera on (a given device, or a preview track handed over from the pre-join screen). */
  enableCamera(deviceId?: string, track?: MediaStreamTrack): Promise<boolean> {
    return this.#publisher.enable('camera', deviceId, track);
  }

  /** Turns the camera off (the camera light goes out). */
  disableCamera(): Promise<void> {
    return this.#publisher.disable('camera');
  }

  /** Turns the microphone on, unmuted (a given device, or a handed-over preview track). */
  enableMic(deviceId?: string, track?: MediaStreamTrack): Promise<boolean> {
    return this.#publisher.enable('microphone', deviceId, track);
  }

  /** Mutes or unmutes the microphone; unmuting with no microphone open opens it. */
  setMicMuted(muted: boolean): Promise<void> {
    return this.#publisher.setMicMuted(muted);
  }

  /** Closes the microphone entirely (rather than muting it). */
  disableMic(): Promise<void> {
    return this.#publisher.disable('microphone');
  }

  /** Shares a screen (the browser asks which), or publishes a given track, e.g. a canvas capture in tests. */
  startScreenShare(track?: MediaStreamTrack): Promise<boolean> {
    return this.#publisher.startScreen(track);
  }

  /** Stops sharing the screen. */
  stopScreenShare(): Promise<void> {
    return this.#publisher.disable('screen');
  }

  /** Uses another camera (or remembers it while the camera is off). */
  switchCamera(deviceId: string): Promise<boolean> {
    return this.#publisher.switchDevice('camera', deviceId);
  }

  /** Uses another microphone (or remembers it while the microphone is off). */
  switchMic(deviceId: string): Promise<boolean> {
    return this.#publisher.switchDevice('microphone', deviceId);
  }

  /** Asks the server for a simulcast layer of a remote video (debounced; follows the tile's size). */
  setPreferredLayer(consumerId: string, spatialLayer: 0 | 1 | 2): void {
    this.#subscriber.setPreferredLayer(consumerId, spatialLayer);
  }

  /** Clears the last local-media error (the user dismissed it). */
  dismissMediaError(): void {
    this.#store.setState({ mediaError: null });
  }

  /** The live consumers, for diagnostics and tests (`consumer.getStats()`). */
  get consumers(): Consumer[] {
    return [...(this.#session?.consumers.values() ?? [])];
  }

  /** The live producers, for diagnostics and tests. */
  get producers(): Producer[] {
    return [...(this.#session?.producers.values() ?? [])];
  }

  /** Each consumer's inbound-rtp stats as plain objects (what tests read to see media flowing). */
  async inboundStats(): Promise<{ consumerId: string; peerId: string; kind: string; source: string; stats: Record<string, unknown> | null }[]> {
    const remote = this.#store.getState().remote;
    return Promise.all(
      this.consumers.map(async (c) => {
        const report = await c.getStats().catch(() => null);
        let stats: Record<string, unknown> | null = null;
        report?.forEach((s: { type?: string }) => {
          if (s.type === 'inbound-rtp') stats = { ...s };
        });
        const r = remote[c.id];
        return { consumerId: c.id, peerId: r?.peerId ?? '', kind: c.kind, source: r?.source ?? '', stats };
      }),
    );
  }

  // ---------- connection state ----------

  /** The only place the connection state changes. */
  #setConnectionState(next: RoomConnectionState): void {
    const prev = this.#store.getState().connection;
    if (JSON.stringify(prev) === JSON.stringify(next)) return;
    log(`setConnectionState() | ${prev.kind} → ${next.kind}`, next);
    this.#store.setState({ connection: next });
  }

  #fail(err: unknown): void {
    const error: ApiError = toApiError(err);
    warn(`failed | [roomId:${this.#roomId ?? '-'}] ${error.reason}: ${error.message}`);
    this.#closeSession();
    // NOTE: hold no camera or microphone while showing an error; Retry opens them again from #local's devices.
    this.#publisher.release({ keepWish: true });
    this.#setConnectionState({ kind: 'failed', error });
  }

  // ---------- sessions ----------

  /** Joins, loads the device, creates transports, consumes everyone and republishes mine. */
  async #openSession(roomId: MediaRoomId): Promise<void> {
    const epoch = ++this.#epoch;
    this.#buffered = [];
    const current = () => {
      if (this.#closed || epoch !== this.#epoch) throw new StaleSessionError();
    };
    const session = await timeout(
      (async (): Promise<Session> => {
        const joined = await mediaRequest(this.#socket, 'media:join', { roomId });
        current();
        const device = await this.#createDevice();
        await device.load({ routerRtpCapabilities: joined.routerRtpCapabilities as never });
        current();
        const s: Session = {
          epoch,
          roomId,
          peerId: joined.peerId,
          device,
          iceServers: joined.iceServers,
          send: null,
          recv: null,
          producers: new Map(),
          consumers: new Map(),
          consuming: new Set(),
        };
        this.#session = s;
        this.#store.setState({
          selfPeerId: joined.peerId,
          canPublish: joined.canPublish,
          peers: joined.peers,
          remote: {},
          activeSpeakerPeerId: joined.activeSpeakerPeerId,
        });
        await Promise.all([this.#createTransport(s, 'recv'), joined.canPublish ? this.#createTransport(s, 'send') : null]);
        current();
        return s;
      })(),
      JOIN_TIMEOUT_MS,
      'joining the room',
    ).catch((err: unknown) => {
      // A half-open session of this attempt must not linger, nor keep going after a timeout.
      if (epoch === this.#epoch) this.#closeSession();
      throw err;
    });

    log(`openSession() | joined [roomId:${roomId}] [peerId:${session.peerId}] peers=${this.#store.getState().peers.length}`);
    this.#setConnectionState({ kind: 'joined' });
    for (const peer of this.#store.getState().peers) this.#subscriber.consumePeer(session, peer);
    const buffered = this.#buffered ?? [];
    this.#buffered = null;
    buffered.forEach((apply) => apply());
    void this.#publisher.republish(session);
  }

  /** Closes the current session locally (transports close their producers and consumers). */
  #closeSession(): void {
    const session = this.#session;
    this.#epoch++;
    this.#session = null;
    this.#buffered = null;
    clearTimeout(this.#iceDeadline);
    this.#iceDeadline = undefined;
    this.#subscriber.reset();
    if (session) {
      session.send?.close();
      session.recv?.close();
      log(`closeSession() | [peerId:${session.peerId}]`);
    }
    this.#store.setState({ selfPeerId: null, peers: [], remote: {}, activeSpeakerPeerId: null });
    this.#publisher.unpublished();
  }

  async #createTransport(session: Session, direction: 'send' | 'recv'): Promise<Transport> {
    const params = await this.#request(session, 'media:createTransport', { roomId: session.roomId, direction });
    const options = { ...params, iceServers: session.iceServers } as unknown as TransportOptions;
    const transport = direction === 'send' ? session.device.createSendTransport(options) : session.device.createRecvTransport(options);
    // Attached at once, so closing the session closes it even if its sibling failed.
    session[direction] = transport;
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.#request(session, 'media:connectTransport', { roomId: session.roomId, transportId: transport.id, dtlsParameters })
        .then(() => callback())
        .catch((err: unknown) => errback(err instanceof Error ? err : new Error(String(err))));
    });
    if (direction === 'send') {
      transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
        const source = appData.source as MediaSource;
        this.#request(session, 'media:produce', { roomId: session.roomId, transportId: transport.id, kind, rtpParameters, source })
          .then(({ id }) => callback({ id }))
          .catch((err: unknown) => errback(err instanceof Error ? err : new Error(String(err))));
      });
    }
    transport.on('connectionstatechange', (state) => this.#onTransportState(session, transport, state));
    return transport;
  }

  /** A request of one session; throws StaleSessionError if that session ended meanwhile. */
  async #request<E extends MediaRequestName>(session: Session, event: E, payload: MediaRequestPayload<E>) {
    const data = await mediaRequest(this.#socket, event, payload);
    if (this.#closed || session.epoch !== this.#epoch) throw new StaleSessionError();
    return data;
  }

  // ---------- recovery ----------

  #onTransportState(session: Session, transport: Transport, state: Transport['connectionState']): void {
    if (session.epoch !== this.#epoch) return;
    log(`transport connectionstatechange | [transportId:${transport.id}] ${transport.direction} → ${state}`);
    if (state === 'disconnected' || state === 'failed') {
      this.#setConnectionState({ kind: 'reconnecting', attempt: 1, cause: 'media' });
      this.#iceDeadline ??= setTimeout(() => {
        this.#iceDeadline = undefined;
        void this.#rejoin('media');
      }, ICE_RECOVERY_TIMEOUT_MS);
      if (this.#socket.connected) void this.#restartIce(session, transport);
    } else if (state === 'connected') {
      this.#maybeRecovered(session);
    }
  }

  async #restartIce(session: Session, transport: Transport): Promise<void> {
    try {
      const { iceParameters } = await this.#request(session, 'media:restartIce', { roomId: session.roomId, transportId: transport.id });
      await transport.restartIce({ iceParameters: iceParameters as never });
      log(`restartIce() | [transportId:${transport.id}] restarted`);
    } catch (err) {
      if (err instanceof StaleSessionError) return;
      warn(`restartIce() | failed [transportId:${transport.id}], rejoining`, err);
      void this.#rejoin('media');
    }
  }

  /** Back to 'joined' once the socket is up and no transport is broken. */
  #maybeRecovered(session: Session): void {
    if (session.epoch !== this.#epoch || !this.#socket.connected) return;
    const broken = [session.send, session.recv].some((t) => t && (t.connectionState === 'disconnected' || t.connectionState === 'failed'));
    if (broken || this.#store.getState().connection.kind !== 'reconnecting' || this.#recovering) return;
    clearTimeout(this.#iceDeadline);
    this.#iceDeadline = undefined;
    this.#setConnectionState({ kind: 'joined' });
  }

  /** Tears the session down and opens a new one, with backoff; only one runs at a time. */
  #rejoin(cause: RecoveryCause): Promise<void> {
    if (this.#recovering || !this.#roomId || this.#closed) return this.#recovering ?? Promise.resolve();
    const roomId = this.#roomId;
    const run = async () => {
      for (let attempt = 1; attempt <= MAX_REJOIN_ATTEMPTS; attempt++) {
        const hadSession = this.#session !== null;
        this.#closeSession();
        this.#setConnectionState({ kind: 'reconnecting', attempt, cause });
        // Free the old peer on the server if it still exists (best effort; a new join replaces it anyway).
        if (hadSession && this.#socket.connected) await mediaRequest(this.#socket, 'media:leave', { roomId }, LEAVE_TIMEOUT_MS).catch(() => {});
        const wait = REJOIN_BACKOFF_MS[Math.min(attempt - 1, REJOIN_BACKOFF_MS.length - 1)] ?? 0;
        if (!(await this.#sleep(wait)) || this.#roomId !== roomId) return;
        // NOTE: with the socket down, a join would only time out; the socket's 'connect' starts a new rejoin.
        if (!this.#socket.connected) return;
        try {
          await this.#openSession(roomId);
          return;
        } catch (err) {
          if (err instanceof StaleSessionError) return;
          if (isFinalError(err)) {
            this.#fail(err);
            return;
          }
          warn(`rejoin() | attempt ${attempt} failed [roomId:${roomId}]`, err);
        }
      }
      this.#fail(new MediaRequestError('media:join', { reason: ErrorReason.Internal, message: 'could not reconnect to the room' }, true));
    };
    this.#recovering = run().finally(() => {
      this.#recovering = null;
    });
    return this.#recovering;
  }

  /** Resolves true after `ms`, or false if the wait was cancelled (left / closed). */
  #sleep(ms: number): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(!this.#closed);
    return new Promise((resolve) => {
      this.#cancelBackoff = () => resolve(false);
      this.#backoffTimer = setTimeout(() => {
        this.#cancelBackoff = null;
        resolve(!this.#closed);
      }, ms);
    });
  }

  // ---------- socket events ----------

  #attachSocket(): void {
    if (this.#socketDisposers.length > 0) return;
    const s = this.#socket;
    const on = <E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]) => {
      // NOTE: Socket.IO's overloads cannot be resolved for a generic event name; the map types the handler.
      s.on(event, handler as never);
      this.#socketDisposers.push(() => s.off(event, handler as never));
    };
    s.on('connect', this.#onSocketConnect);
    s.on('disconnect', this.#onSocketDisconnect);
    this.#socketDisposers.push(() => {
      s.off('connect', this.#onSocketConnect);
      s.off('disconnect', this.#onSocketDisconnect);
    });
    const sub = this.#subscriber;
    on('media:peerJoined', ({ roomId, peer }) => this.#event(roomId, (session) => sub.peerJoined(session, peer)));
    on('media:peerLeft', ({ roomId, peerId }) => this.#event(roomId, (session) => sub.peerLeft(session, peerId)));
    on('media:producerAdded', ({ roomId, peerId, producer }) => this.#event(roomId, (session) => sub.producerAdded(session, peerId, producer)));
    on('media:producerClosed', ({ roomId, peerId, producerId }) => this.#event(roomId, (session) => sub.producerClosed(session, peerId, producerId)));
    on('media:producerState', ({ roomId, peerId, producerId, paused }) => this.#event(roomId, () => sub.producerState(peerId, producerId, paused)));
    on('media:consumerClosed', ({ roomId, consumerId }) => this.#event(roomId, (session) => sub.consumerClosed(session, consumerId)));
    on('media:activeSpeaker', ({ roomId, peerId }) => this.#event(roomId, () => this.#store.setState({ activeSpeakerPeerId: peerId })));
    on('media:permission', ({ roomId, canPublish }) => this.#event(roomId, (session) => void this.#onPermission(session, canPublish)));
    on('media:roomClosed', ({ roomId, reason, rejoin }) => {
      if (roomId !== this.#roomId) return;
      log(`roomClosed | [roomId:${roomId}] reason=${reason} rejoin=${String(rejoin)}`);
      if (rejoin) void this.#rejoin('server');
      else this.#fail(new MediaRequestError('media:join', { reason: ErrorReason.Gone, message: reason }));
    });
  }

  #detachSocket(): void {
    for (const dispose of this.#socketDisposers.splice(0)) dispose();
    clearTimeout(this.#backoffTimer);
    this.#cancelBackoff?.();
    this.#cancelBackoff = null;
  }

  /** Applies an event of my room to the live session, or after the session being opened is ready. */
  #event(roomId: MediaRoomId, apply: (session: Session) => void): void {
    if (roomId !== this.#roomId || this.#closed) return;
    const run = () => {
      const session = this.#session;
      if (session && session.recv) apply(session);
    };
    if (this.#buffered) this.#buffered.push(run);
    else run();
  }

  readonly #onSocketDisconnect = (): void => {
    const kind = this.#store.getState().connection.kind;
    if (kind === 'joined' || kind === 'reconnecting') this.#setConnectionState({ kind: 'reconnecting', attempt: 1, cause: 'signalling' });
  };

  readonly #onSocketConnect = (): void => {
    const { kind } = this.#store.getState().connection;
    if (!this.#roomId || (kind !== 'joined' && kind !== 'reconnecting')) return;
    const session = this.#session;
    // NOTE: with Socket.IO's state recovery the server may still hold our peer; an ICE restart on each
    // transport both repairs the media path and proves the peer exists. Anything else: a fresh session.
    if (this.#socket.recovered && session && !this.#recovering) {
      log('socket reconnected (recovered) | probing with ICE restarts');
      const transports = [session.send, session.recv].filter((t): t is Transport => t !== null);
      void Promise.all(
        transports.map(async (t) => {
          const { iceParameters } = await this.#request(session, 'media:restartIce', { roomId: session.roomId, transportId: t.id });
          await t.restartIce({ iceParameters: iceParameters as never });
        }),
      ).then(
        () => this.#maybeRecovered(session),
        (err: unknown) => {
          if (!(err instanceof StaleSessionError)) void this.#rejoin('signalling');
        },
      );
      return;
    }
    void this.#rejoin('signalling');
  };

  async #onPermission(session: Session, canPublish: boolean): Promise<void> {
    this.#store.setState({ canPublish });
    if (!canPublish) {
      this.#publisher.revoked(session);
      return;
    }
    if (!session.send) {
      try {
        await this.#createTransport(session, 'send');
      } catch (err) {
        if (!(err instanceof StaleSessionError)) warn('permission | cannot create the send transport', err);
        return;
      }
    }
    // NOTE: a capture switched on while the send side was missing (promoted to a stage) is published now.
    if (session.epoch === this.#epoch) void this.#publisher.republish(session);
  }
}
