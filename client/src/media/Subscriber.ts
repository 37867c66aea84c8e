/**
 * What I receive in a room: the peers list and one consumer per remote producer, kept in step with the
 * server's pushed events, plus each video's preferred simulcast layer. Works on the session `RoomClient`
 * hands it; a session's consumers close with its receive transport.
 */
import type { Consumer, Device, RtpParameters, Transport } from 'mediasoup-client/types';
import type { StoreApi } from 'zustand';
import { ErrorReason } from '../../../shared/protocol';
import type { MediaPeer, MediaProducerInfo, MediaRoomId } from '../../../shared/media';
import { MediaRequestError, type MediaRequestData, type MediaRequestName, type MediaRequestPayload } from './mediaSignal';
import type { RemoteMedia, RoomState } from './roomStore';

/** Tile size changes settle for this long before a preferred layer is sent. */
export const PREFERRED_LAYER_DEBOUNCE_MS = 400;

/** The receive side of one session, as the subscriber sees it. */
export interface SubscribeTarget {
  readonly roomId: MediaRoomId;
  device: Device;
  recv: Transport | null;
  /** Consumers by consumer id. */
  consumers: Map<string, Consumer>;
  /** Producer ids consumed or being consumed, so an event and the join snapshot never consume twice. */
  consuming: Set<string>;
}

export interface SubscriberOptions {
  store: StoreApi<RoomState>;
  /** The live session's receive side, or null between sessions. */
  target: () => SubscribeTarget | null;
  /** A request within a session; rejects with a stale-session error once that session ended. */
  request: <E extends MediaRequestName>(target: SubscribeTarget, event: E, payload: MediaRequestPayload<E>) => Promise<MediaRequestData<E>>;
  isStale: (err: unknown) => boolean;
}

const log = (message: string, ...args: unknown[]) => {
  if (import.meta.env.DEV) console.debug(`[Subscriber] ${message}`, ...args);
};
const warn = (message: string, ...args: unknown[]) => console.warn(`[Subscriber] ${message}`, ...args);

export class Subscriber {
  readonly #o: SubscriberOptions;
  readonly #layerTimers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #sentLayers = new Map<string, number>();

  constructor(options: SubscriberOptions) {
    this.#o = options;
  }

  /** Consumes everything a peer publishes (the join snapshot, a peer that joined with media). */
  consumePeer(target: SubscribeTarget, peer: MediaPeer): void {
    for (const producer of peer.producers) void this.#consume(target, peer.peerId, producer);
  }

  peerJoined(target: SubscribeTarget, peer: MediaPeer): void {
    this.#o.store.setState((st) => ({ peers: [...st.peers.filter((p) => p.peerId !== peer.peerId), peer] }));
    this.consumePeer(target, peer);
  }

  peerLeft(target: SubscribeTarget, peerId: string): void {
    this.#o.store.setState((st) => ({
      peers: st.peers.filter((p) => p.peerId !== peerId),
      activeSpeakerPeerId: st.activeSpeakerPeerId === peerId ? null : st.activeSpeakerPeerId,
    }));
    this.#removeConsumersOf(target, (c) => c.appData.peerId === peerId);
  }

  producerAdded(target: SubscribeTarget, peerId: string, producer: MediaProducerInfo): void {
    this.#updatePeer(peerId, (p) => ({ ...p, producers: [...p.producers.filter((x) => x.id !== producer.id), producer] }));
    void this.#consume(target, peerId, producer);
  }

  producerClosed(target: SubscribeTarget, peerId: string, producerId: string): void {
    this.#updatePeer(peerId, (p) => ({ ...p, producers: p.producers.filter((x) => x.id !== producerId) }));
    target.consuming.delete(producerId);
    this.#removeConsumersOf(target, (c) => c.producerId === producerId);
  }

  /** A publisher paused or resumed (mute indicators, a paused camera shows initials). */
  producerState(peerId: string, producerId: string, paused: boolean): void {
    this.#updatePeer(peerId, (p) => ({ ...p, producers: p.producers.map((x) => (x.id === producerId ? { ...x, paused } : x)) }));
    this.#o.store.setState((st) => {
      const entry = Object.values(st.remote).find((r) => r.producerId === producerId);
      return entry ? { remote: { ...st.remote, [entry.consumerId]: { ...entry, producerPaused: paused } } } : st;
    });
  }

  consumerClosed(target: SubscribeTarget, consumerId: string): void {
    this.#removeConsumer(target, consumerId);
  }

  /** Asks the server for a simulcast layer of a remote video (debounced; follows the tile's size). */
  setPreferredLayer(consumerId: string, spatialLayer: 0 | 1 | 2): void {
    clearTimeout(this.#layerTimers.get(consumerId));
    this.#layerTimers.set(
      consumerId,
      setTimeout(() => {
        this.#layerTimers.delete(consumerId);
        const target = this.#o.target();
        const remote = this.#o.store.getState().remote[consumerId];
        if (!target || !remote || remote.type !== 'simulcast' || this.#sentLayers.get(consumerId) === spatialLayer) return;
        this.#sentLayers.set(consumerId, spatialLayer);
        log(`setPreferredLayer() | [consumerId:${consumerId}] spatialLayer=${spatialLayer}`);
        this.#o.request(target, 'media:setPreferredLayers', { roomId: target.roomId, consumerId, spatialLayer }).catch((err: unknown) => {
          this.#sentLayers.delete(consumerId);
          if (!this.#o.isStale(err)) log(`setPreferredLayer() | failed [consumerId:${consumerId}]`, err);
        });
      }, PREFERRED_LAYER_DEBOUNCE_MS),
    );
  }

  /** The session ended: forget its layer choices and pending timers. */
  reset(): void {
    for (const timer of this.#layerTimers.values()) clearTimeout(timer);
    this.#layerTimers.clear();
    this.#sentLayers.clear();
  }

  async #consume(target: SubscribeTarget, peerId: string, producer: MediaProducerInfo): Promise<void> {
    const recv = target.recv;
    if (!recv || target.consuming.has(producer.id) || this.#o.target() !== target) return;
    target.consuming.add(producer.id);
    try {
      const info = await this.#o.request(target, 'media:consume', {
        roomId: target.roomId,
        producerId: producer.id,
        rtpCapabilities: target.device.recvRtpCapabilities as Record<string, unknown>,
      });
      const consumer = await recv.consume({
        id: info.id,
        producerId: info.producerId,
        kind: info.kind,
        rtpParameters: info.rtpParameters as unknown as RtpParameters,
        appData: { peerId: info.peerId, source: info.source },
      });
      if (this.#o.target() !== target || !target.consuming.has(producer.id)) {
        // The session ended, or the producer closed while we were setting up.
        consumer.close();
        return;
      }
      target.consumers.set(consumer.id, consumer);
      consumer.on('transportclose', () => this.#removeConsumer(target, consumer.id));
      const remote: RemoteMedia = {
        consumerId: consumer.id,
        producerId: info.producerId,
        peerId: info.peerId,
        kind: info.kind,
        source: info.source,
        track: consumer.track,
        producerPaused: info.producerPaused,
        type: info.type,
      };
      this.#o.store.setState((st) => ({ remote: { ...st.remote, [consumer.id]: remote } }));
      // The server creates consumers paused, so no media is lost before we are ready to play it.
      await this.#o.request(target, 'media:resumeConsumer', { roomId: target.roomId, consumerId: consumer.id });
      log(`consume() | [consumerId:${consumer.id}] [peerId:${peerId}] ${info.source}`);
    } catch (err) {
      if (this.#o.isStale(err)) return;
      target.consuming.delete(producer.id);
      // NOTE: a stream closed while we asked for it is a normal race, not worth a warning.
      if (err instanceof MediaRequestError && err.reason === ErrorReason.NotFound) log(`consume() | gone [producerId:${producer.id}]`);
      else warn(`consume() | cannot consume [producerId:${producer.id}] [peerId:${peerId}]`, err);
    }
  }

  #removeConsumer(target: SubscribeTarget, consumerId: string): void {
    const consumer = target.consumers.get(consumerId);
    if (consumer) {
      target.consumers.delete(consumerId);
      target.consuming.delete(consumer.producerId);
      if (!consumer.closed) consumer.close();
    }
    clearTimeout(this.#layerTimers.get(consumerId));
    this.#layerTimers.delete(consumerId);
    this.#sentLayers.delete(consumerId);
    if (this.#o.target() !== target) return;
    this.#o.store.setState((st) => {
      if (!st.remote[consumerId]) return st;
      const { [consumerId]: _gone, ...remote } = st.remote;
      return { remote };
    });
  }

  #removeConsumersOf(target: SubscribeTarget, match: (c: Consumer) => boolean): void {
    for (const c of [...target.consumers.values()]) if (match(c)) this.#removeConsumer(target, c.id);
  }

  #updatePeer(peerId: string, change: (p: MediaPeer) => MediaPeer): void {
    this.#o.store.setState((st) => ({ peers: st.peers.map((p) => (p.peerId === peerId ? change(p) : p)) }));
  }
}
