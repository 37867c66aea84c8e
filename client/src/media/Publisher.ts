/**
 * What I publish in a room: owns the local captures (camera, microphone, screen) across sessions, and the
 * producers of the current session. `RoomClient` hands it the session's send side; a capture outlives a
 * rejoin (the new session republishes the same track) and is stopped only when switched off or on leave.
 */
import type { Producer, Transport } from 'mediasoup-client/types';
import type { StoreApi } from 'zustand';
import type { MediaRoomId, MediaSource } from '../../../shared/media';
import {
  CAMERA_CODEC_OPTIONS,
  CAMERA_SIMULCAST_ENCODINGS,
  SCREEN_ENCODINGS,
  captureErrorKind,
  openCamera,
  openMic,
  openScreen,
  trackDeviceId,
} from './localMedia';
import type { MediaRequestData, MediaRequestName, MediaRequestPayload } from './mediaSignal';
import type { LocalMedia, RoomState } from './roomStore';

/** The send side of one session, as the publisher sees it. */
export interface PublishTarget {
  readonly epoch: number;
  readonly roomId: MediaRoomId;
  send: Transport | null;
  /** My producers in this session, one per source. */
  producers: Map<MediaSource, Producer>;
}

export interface PublisherOptions {
  store: StoreApi<RoomState>;
  /** The live session's send side, or null between sessions. */
  target: () => PublishTarget | null;
  /** A request within a session; rejects with a stale-session error once that session ended. */
  request: <E extends MediaRequestName>(target: PublishTarget, event: E, payload: MediaRequestPayload<E>) => Promise<MediaRequestData<E>>;
  /** Whether an error only says the session ended meanwhile (nothing to report). */
  isStale: (err: unknown) => boolean;
}

type CaptureSource = 'camera' | 'microphone';

const log = (message: string, ...args: unknown[]) => {
  if (import.meta.env.DEV) console.debug(`[Publisher] ${message}`, ...args);
};
const warn = (message: string, ...args: unknown[]) => console.warn(`[Publisher] ${message}`, ...args);

export class Publisher {
  readonly #o: PublisherOptions;
  /** What I publish (or will, once a session is up); survives rejoins. */
  readonly #local = new Map<MediaSource, LocalMedia>();
  /** Device chosen while the source was off, used when it is switched on. */
  readonly #preferredDevice: Record<CaptureSource, string | null> = { camera: null, microphone: null };
  /** Local media operations run one at a time (a fast double click must not open two cameras). */
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;
  /** Bumped by `release()`, so a capture that was still opening is stopped instead of kept. */
  #generation = 0;

  constructor(options: PublisherOptions) {
    this.#o = options;
  }

  /** Runs `op` after every earlier local-media operation. */
  serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(op, op);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Switches a camera or microphone on (unmuted), optionally a given device or a handed-over preview track. */
  enable(source: CaptureSource, deviceId?: string, track?: MediaStreamTrack): Promise<boolean> {
    return this.serial(async () => {
      const current = this.#local.get(source);
      if (current && (!deviceId || current.deviceId === deviceId) && !track) {
        await this.#setPaused(source, false);
        return true;
      }
      if (current) return this.#replace(source, deviceId ?? null, track);
      return this.#start(source, deviceId ?? this.#preferredDevice[source], track);
    });
  }

  /** Unpublishes a source and stops its capture (the camera light goes out). */
  disable(source: MediaSource): Promise<void> {
    return this.serial(() => this.#stop(source));
  }

  /** Mutes or unmutes the microphone; unmuting with no microphone open opens it. */
  setMicMuted(muted: boolean): Promise<void> {
    return this.serial(async () => {
      if (this.#local.get('microphone')) await this.#setPaused('microphone', muted);
      else if (!muted) await this.#start('microphone', this.#preferredDevice.microphone);
    });
  }

  /** Shares a screen (the browser asks which), or publishes a given track. */
  startScreen(track?: MediaStreamTrack): Promise<boolean> {
    return this.serial(async () => (this.#local.get('screen') ? true : this.#start('screen', null, track)));
  }

  /** Uses another device (or remembers it while the source is off). */
  switchDevice(source: CaptureSource, deviceId: string): Promise<boolean> {
    this.#preferredDevice[source] = deviceId;
    return this.serial(async () => (this.#local.get(source) ? this.#replace(source, deviceId) : true));
  }

  /** After (re)joining: reopen captures released by a failure, then publish everything that is on. */
  republish(target: PublishTarget): Promise<void> {
    return this.serial(async () => {
      if (!this.#o.store.getState().canPublish) {
        this.release();
        return;
      }
      const generation = this.#generation;
      for (const [source, entry] of [...this.#local]) {
        if (generation !== this.#generation) return;
        if (entry.track.readyState === 'ended') {
          const reopened =
            source === 'camera' || source === 'microphone' ? await (source === 'camera' ? openCamera : openMic)(entry.deviceId).catch(() => null) : null;
          if (generation !== this.#generation || this.#closed) {
            reopened?.stop();
            return;
          }
          if (!reopened) {
            this.#set(source, null);
            continue;
          }
          reopened.enabled = !entry.paused;
          this.#set(source, { ...entry, track: reopened, deviceId: trackDeviceId(reopened) ?? entry.deviceId });
        }
        await this.#publish(target, source);
      }
    });
  }

  /** The session ended: its producers are gone (their transport closed); captures stay. */
  unpublished(): void {
    for (const [source, entry] of this.#local) this.#local.set(source, { ...entry, published: false });
    this.#sync();
  }

  /** The server stopped letting me publish (it closed my producers): drop them and every capture. */
  revoked(target: PublishTarget): void {
    for (const producer of target.producers.values()) producer.close();
    target.producers.clear();
    this.release();
  }

  /**
   * Stops every capture. With `keepWish`, camera and microphone stay listed (tracks ended) so the next
   * join reopens them; a screen share always needs a new pick.
   */
  release({ keepWish = false }: { keepWish?: boolean } = {}): void {
    this.#generation++;
    for (const [source, entry] of [...this.#local]) {
      entry.track.removeEventListener('ended', this.#onScreenEnded);
      entry.track.stop();
      if (keepWish && (source === 'camera' || source === 'microphone')) this.#local.set(source, { ...entry, published: false });
      else this.#local.delete(source);
    }
    this.#sync();
  }

  /** Releases everything for good. */
  close(): void {
    this.#closed = true;
    this.release();
  }

  // ---------- internals ----------

  #set(source: MediaSource, entry: LocalMedia | null): void {
    if (entry) this.#local.set(source, entry);
    else this.#local.delete(source);
    this.#sync();
  }

  #sync(): void {
    this.#o.store.setState({ local: Object.fromEntries(this.#local) });
  }

  #reportError(source: MediaSource, err: unknown, kind = captureErrorKind(err)): void {
    warn(`${source} | ${kind}`, err);
    this.#o.store.setState({ mediaError: { source, error: kind } });
  }

  /** Opens a capture for `source` (or takes a given track), then publishes it if a session is up. */
  async #start(source: MediaSource, deviceId: string | null, given?: MediaStreamTrack): Promise<boolean> {
    const generation = this.#generation;
    let track: MediaStreamTrack;
    try {
      if (this.#closed) throw new DOMException('closed', 'AbortError');
      track = given ?? (source === 'camera' ? await openCamera(deviceId) : source === 'microphone' ? await openMic(deviceId) : await openScreen());
    } catch (err) {
      given?.stop();
      if (this.#closed) return false;
      // Cancelling the screen picker is a choice, not an error.
      if (source !== 'screen' || captureErrorKind(err) !== 'denied') this.#reportError(source, err);
      return false;
    }
    if (this.#closed || generation !== this.#generation) {
      track.stop();
      return false;
    }
    this.#set(source, { track, deviceId: source === 'screen' ? null : (trackDeviceId(track) ?? deviceId), paused: false, published: false });
    if (source === 'screen') track.addEventListener('ended', this.#onScreenEnded, { once: true });
    const target = this.#o.target();
    if (target?.send) await this.#publish(target, source);
    return true;
  }

  /** The browser's own "Stop sharing" button ended the screen track. */
  readonly #onScreenEnded = (): void => {
    void this.disable('screen');
  };

  /** Publishes one local source on the session's send transport. */
  async #publish(target: PublishTarget, source: MediaSource): Promise<void> {
    const entry = this.#local.get(source);
    if (!entry || !target.send || target.producers.has(source) || this.#o.target() !== target) return;
    try {
      const producer = await target.send.produce({
        track: entry.track,
        stopTracks: false,
        appData: { source },
        ...(source === 'camera' ? { encodings: CAMERA_SIMULCAST_ENCODINGS, codecOptions: CAMERA_CODEC_OPTIONS } : {}),
        ...(source === 'screen' ? { encodings: SCREEN_ENCODINGS } : {}),
      });
      if (this.#o.target() !== target || this.#local.get(source) !== entry) {
        // Switched off (or the session ended) while the server was creating it.
        producer.close();
        if (this.#o.target() === target) await this.#o.request(target, 'media:closeProducer', { roomId: target.roomId, producerId: producer.id }).catch(() => {});
        return;
      }
      target.producers.set(source, producer);
      producer.on('transportclose', () => target.producers.delete(source));
      producer.on('trackended', () => {
        log(`trackended | ${source}`);
        void this.disable(source);
      });
      log(`publish() | [producerId:${producer.id}] ${source}`);
      this.#set(source, { ...entry, published: true });
      if (entry.paused) {
        producer.pause();
        await this.#o.request(target, 'media:pauseProducer', { roomId: target.roomId, producerId: producer.id });
      }
    } catch (err) {
      if (this.#o.isStale(err) || this.#o.target() !== target) return;
      this.#reportError(source, err, 'publishFailed');
    }
  }

  /** Swaps the captured device under a live producer (no renegotiation). */
  async #replace(source: CaptureSource, deviceId: string | null, given?: MediaStreamTrack): Promise<boolean> {
    const entry = this.#local.get(source);
    if (!entry) return false;
    const generation = this.#generation;
    let track: MediaStreamTrack;
    try {
      track = given ?? (source === 'camera' ? await openCamera(deviceId) : await openMic(deviceId));
    } catch (err) {
      this.#reportError(source, err);
      return false;
    }
    if (generation !== this.#generation || this.#local.get(source) !== entry) {
      track.stop();
      return false;
    }
    track.enabled = !entry.paused;
    try {
      await this.#o.target()?.producers.get(source)?.replaceTrack({ track });
    } catch (err) {
      track.stop();
      this.#reportError(source, err, 'publishFailed');
      return false;
    }
    entry.track.stop();
    const actual = trackDeviceId(track) ?? deviceId;
    this.#preferredDevice[source] = actual;
    this.#set(source, { ...entry, track, deviceId: actual });
    return true;
  }

  async #setPaused(source: MediaSource, paused: boolean): Promise<void> {
    const entry = this.#local.get(source);
    if (!entry || entry.paused === paused) return;
    entry.track.enabled = !paused;
    this.#set(source, { ...entry, paused });
    const target = this.#o.target();
    const producer = target?.producers.get(source);
    if (!target || !producer) return;
    if (paused) producer.pause();
    else producer.resume();
    await this.#o
      .request(target, paused ? 'media:pauseProducer' : 'media:resumeProducer', { roomId: target.roomId, producerId: producer.id })
      .catch((err: unknown) => {
        if (!this.#o.isStale(err)) warn(`setPaused() | ${source} paused=${String(paused)}`, err);
      });
  }

  async #stop(source: MediaSource): Promise<void> {
    const entry = this.#local.get(source);
    if (!entry) return;
    entry.track.removeEventListener('ended', this.#onScreenEnded);
    entry.track.stop();
    this.#set(source, null);
    const target = this.#o.target();
    const producer = target?.producers.get(source);
    if (!target || !producer) return;
    target.producers.delete(source);
    producer.close();
    await this.#o.request(target, 'media:closeProducer', { roomId: target.roomId, producerId: producer.id }).catch((err: unknown) => {
      if (!this.#o.isStale(err)) warn(`stop() | closeProducer ${source}`, err);
    });
  }
}
