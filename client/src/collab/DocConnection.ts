/**
 * One open shared document, browser side: a plain object (no React) that owns the `Y.Doc`, its
 * WebSocket provider (the y-websocket protocol on `/collab/<name>`) and its copy on this device
 * (IndexedDB), and writes the connection state and who is here into its store.
 * `#setConnectionState()` is the only place the connection state changes.
 *
 * Offline edits land in IndexedDB at once and reach the server with the next sync after reconnecting.
 */
import * as decoding from 'lib0/decoding';
import * as authProtocol from 'y-protocols/auth';
import { IndexeddbPersistence } from 'y-indexeddb';
import { messageAuth, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { StoreApi } from 'zustand';
import { COLLAB_VERSION_PARAM } from '../../../shared/collabConstants';
import { PROTOCOL_VERSION } from '../../../shared/protocol';
import { forgetsLocalCopy, refusalOf } from './closeCodes';
import { peopleFromAwareness, type CollabUser } from './collabUser';
import { collabBaseUrl } from './docNames';
import { initialDocState, type DocConnectionState, type DocState } from './docStore';

export interface DocConnectionOptions {
  /** The document, e.g. `pitch:<startupId>`. */
  name: string;
  /** Me, as others see me (caret label, presence). */
  user: CollabUser;
  store: StoreApi<DocState>;
  /** `ws(s)://host/collab`; defaults to this page's host. */
  baseUrl?: string;
  /** Keep a copy on this device (off in unit tests without IndexedDB). */
  persist?: boolean;
  /** For tests: a WebSocket implementation. */
  WebSocketImpl?: typeof WebSocket;
}

const log = (message: string, ...args: unknown[]) => {
  if (import.meta.env.DEV && import.meta.env.MODE !== 'test') console.debug(`[DocConnection] ${message}`, ...args);
};

/** The IndexedDB database of one person's copy of one document (two people on one device never share). */
export const localCopyName = (docName: string, userId: string): string => `hatchery:${userId}:${docName}`;

export class DocConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly user: CollabUser;
  readonly name: string;
  readonly #store: StoreApi<DocState>;
  readonly #persistence: IndexeddbPersistence | null;
  readonly #disposers: (() => void)[] = [];
  #destroyed = false;
  /** Set by a refusal; only `retry()` clears it (a late close must not turn "refused" into "offline"). */
  #refused = false;

  constructor(options: DocConnectionOptions) {
    this.name = options.name;
    this.user = options.user;
    this.#store = options.store;
    this.#store.setState(initialDocState(this.name));
    this.provider = new WebsocketProvider(options.baseUrl ?? collabBaseUrl(), options.name, this.doc, {
      connect: false,
      // NOTE: no BroadcastChannel between tabs: the server (which checks access) is the only peer.
      disableBc: true,
      maxBackoffTime: 5_000,
      params: { [COLLAB_VERSION_PARAM]: String(PROTOCOL_VERSION) },
      shouldReconnect: (event) => refusalOf(event.code) === null,
      ...(options.WebSocketImpl ? { WebSocketPolyfill: options.WebSocketImpl } : {}),
    });
    // The server answers a change my access does not allow with y-protocols "permission denied".
    this.provider.messageHandlers[messageAuth] = (_encoder: unknown, decoder: decoding.Decoder) =>
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => this.#onPermissionDenied(reason));
    this.provider.awareness.setLocalStateField('user', this.user);

    const p = this.provider;
    const on = <A extends unknown[]>(event: 'status' | 'sync' | 'connection-close', handler: (...args: A) => void) => {
      p.on(event, handler as never);
      this.#disposers.push(() => p.off(event, handler as never));
    };
    on('sync', (synced: boolean) => {
      if (synced) this.#setConnectionState({ kind: 'synced' });
    });
    on('connection-close', (event: CloseEvent | null) => this.#onClose(event));
    const onAwareness = () => this.#updatePeople();
    p.awareness.on('change', onAwareness);
    this.#disposers.push(() => p.awareness.off('change', onAwareness));
    if (typeof window !== 'undefined') {
      const w = window;
      w.addEventListener('offline', this.#onBrowserOffline);
      w.addEventListener('online', this.#onBrowserOnline);
      this.#disposers.push(() => {
        w.removeEventListener('offline', this.#onBrowserOffline);
        w.removeEventListener('online', this.#onBrowserOnline);
      });
    }

    this.#persistence = options.persist === false ? null : new IndexeddbPersistence(localCopyName(this.name, this.user.id), this.doc);
    if (this.#persistence) {
      void this.#persistence.whenSynced.then(() => {
        if (!this.#destroyed) this.#store.setState({ localLoaded: true });
      });
    } else {
      this.#store.setState({ localLoaded: true });
    }
    this.#updatePeople();
  }

  /** Opens the WebSocket (and keeps reconnecting until refused or destroyed). */
  connect(): void {
    if (this.#destroyed) return;
    log(`connect() | [doc:${this.name}]`);
    this.provider.connect();
  }

  /** Tries again after a refusal (the refused state's "Try again"). */
  retry(): void {
    if (this.#destroyed) return;
    this.#refused = false;
    this.#setConnectionState({ kind: 'connecting' });
    this.provider.connect();
  }

  /** Leaves the document: closes the socket, stops saving locally, frees the Y.Doc; safe to call twice. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    for (const dispose of this.#disposers.splice(0)) dispose();
    this.provider.destroy();
    void this.#persistence?.destroy();
    this.doc.destroy();
    log(`destroy() | [doc:${this.name}]`);
  }

  get destroyed(): boolean {
    return this.#destroyed;
  }

  #setConnectionState(next: DocConnectionState): void {
    if (this.#destroyed) return;
    if (this.#refused && next.kind !== 'refused') return;
    if (next.kind === 'refused') this.#refused = true;
    const prev = this.#store.getState().connection;
    if (JSON.stringify(prev) === JSON.stringify(next)) return;
    log(`setConnectionState() | [doc:${this.name}] ${prev.kind} → ${next.kind}`, next);
    this.#store.setState(next.kind === 'synced' ? { connection: next, everSynced: true } : { connection: next });
  }

  #onClose(event: CloseEvent | null): void {
    if (this.#destroyed || event === null) {
      // A close we made ourselves (the provider's silence watchdog): it reconnects at once.
      if (!this.#destroyed) this.#setConnectionState({ kind: 'offline' });
      return;
    }
    const refusal = refusalOf(event.code);
    if (!refusal) {
      this.#setConnectionState({ kind: 'offline' });
      return;
    }
    log(`#onClose() | refused [doc:${this.name}] [code:${event.code}] ${event.reason}`);
    this.#setConnectionState({ kind: 'refused', refusal, code: event.code, reason: event.reason });
    if (forgetsLocalCopy(refusal)) void this.#persistence?.clearData();
  }

  /**
   * The browser lost the network. NOTE: an open WebSocket may linger for a while (until the provider's
   * 30 s silence check); dropping it now makes "offline" true at once, and edits wait on this device.
   */
  readonly #onBrowserOffline = (): void => {
    if (this.#destroyed || this.#refused) return;
    this.provider.disconnect();
    this.provider.connect();
    this.#setConnectionState({ kind: 'offline' });
  };

  /** The network is back: reconnect now instead of waiting out the backoff. */
  readonly #onBrowserOnline = (): void => {
    if (this.#destroyed || this.#refused) return;
    if (this.provider.wsconnected && this.provider.synced) this.#setConnectionState({ kind: 'synced' });
    else if (this.provider.ws === null) this.provider.connect();
  };

  #onPermissionDenied(reason: string): void {
    log(`#onPermissionDenied() | [doc:${this.name}] ${reason}`);
    this.#store.setState({ changeRejected: true });
  }

  #updatePeople(): void {
    if (this.#destroyed) return;
    const states = [...this.provider.awareness.getStates().entries()] as [number, Record<string, unknown>][];
    this.#store.setState({ people: peopleFromAwareness(states, this.user.id) });
  }
}
