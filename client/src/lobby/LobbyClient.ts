/**
 * The lobby connection: a plain object (no React) that owns the Socket.IO socket, keeps presence and the
 * schedule up to date in the lobby store, and is the only place the connection state changes.
 */
import { io, type Socket } from 'socket.io-client';
import type { StoreApi } from 'zustand';
import { ErrorReason, PROTOCOL_VERSION, type ApiError } from '../../../shared/protocol';
import type { AckResult, ClientToServerEvents, ConnectRefusal, ServerToClientEvents } from '../../../shared/events';
import type { PresenceEntry, PresenceStatus, ServerNotice } from '../../../shared/schemas';
import {
  applySnapshot,
  initialLobbyState,
  removePresence,
  upsertPresence,
  type ConnectionState,
  type LobbyState,
} from './lobbyStore';

export type LobbySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How long we wait for the server to acknowledge `lobby:subscribe` / `presence:setStatus`. */
export const ACK_TIMEOUT_MS = 10_000;
/** After the server closed us for a restart, wait this long before dialling again. */
export const RESTART_RECONNECT_DELAY_MS = 1_000;
/** Failed first-connection attempts before the lobby shows an error with Retry instead of skeletons. */
export const FIRST_CONNECT_ATTEMPTS_BEFORE_ERROR = 3;

export interface LobbyClientOptions {
  store: StoreApi<LobbyState>;
  /** The server says this browser is no longer signed in (cookie gone, or signed out elsewhere). */
  onSignedOut: () => void;
  /** Makes the socket; tests pass a fake. Must not auto-connect. */
  createSocket?: () => LobbySocket;
}

const defaultSocket = (): LobbySocket =>
  io({
    path: '/socket.io',
    auth: { protocolVersion: PROTOCOL_VERSION },
    withCredentials: true,
    autoConnect: false,
    // NOTE: close cleanly when the page unloads, so a reload counts as one tab, not two, in presence.
    closeOnBeforeunload: true,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 10_000,
  });

const log = (message: string, ...args: unknown[]) => {
  if (import.meta.env.DEV) console.debug(`[LobbyClient] ${message}`, ...args);
};

const timeoutError = (event: string): ApiError => ({ reason: ErrorReason.Internal, message: `${event} timed out` });

export class LobbyClient {
  readonly #store: StoreApi<LobbyState>;
  readonly #onSignedOut: () => void;
  readonly #socket: LobbySocket;
  readonly #disposers: (() => void)[] = [];
  #closed = false;
  /** The last `server:notice`, read when the disconnect that follows it arrives. */
  #notice: ServerNotice | null = null;
  /** Bumped per subscribe, so a late ack of an older one is ignored. */
  #subscribeSeq = 0;
  /** Events that arrived while a subscribe was in flight; replayed on top of its snapshot. */
  #buffered: (() => void)[] | null = null;
  #failedFirstAttempts = 0;
  /** Pending re-dial after the server closed us for a restart. */
  #restartTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set once the server refused us; a refusal stands until this client is replaced (reload / new sign-in). */
  #refused = false;

  constructor(options: LobbyClientOptions) {
    this.#store = options.store;
    this.#onSignedOut = options.onSignedOut;
    this.#socket = (options.createSocket ?? defaultSocket)();
  }

  /** The shared Socket.IO socket, for other live features (media rooms) that ride the same connection. */
  get socket(): LobbySocket {
    return this.#socket;
  }

  /** Wires the socket and browser listeners, then connects. */
  start(): void {
    if (this.#closed) return;
    const s = this.#socket;
    this.#resetData();

    s.on('connect', this.#onConnect);
    s.on('disconnect', this.#onDisconnect);
    s.on('connect_error', this.#onConnectError);
    s.io.on('reconnect_attempt', this.#onReconnectAttempt);
    s.on('server:notice', this.#onNotice);
    s.on('presence:joined', (e) => this.#apply(() => this.#upsert(e)));
    s.on('presence:updated', (e) => this.#apply(() => this.#upsert(e)));
    s.on('presence:left', ({ userId }) => this.#apply(() => this.#store.setState((st) => ({ online: removePresence(st.online, userId) }))));
    s.on('lobby:schedule', (schedule) => this.#apply(() => this.#store.setState({ schedule })));
    this.#disposers.push(() => {
      s.removeAllListeners();
      s.io.off('reconnect_attempt', this.#onReconnectAttempt);
    });

    this.#disposers.push(() => clearTimeout(this.#restartTimer));
    window.addEventListener('offline', this.#onBrowserOffline);
    window.addEventListener('online', this.#onBrowserOnline);
    this.#disposers.push(() => {
      window.removeEventListener('offline', this.#onBrowserOffline);
      window.removeEventListener('online', this.#onBrowserOnline);
    });

    this.#setConnectionState({ kind: 'connecting' });
    s.connect();
  }

  /** Closes the socket and removes every listener and timer; safe to call twice. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const dispose of this.#disposers.splice(0)) dispose();
    this.#socket.disconnect();
    // NOTE: leave the store as a fresh one, so the next session never flashes this one's people or banner.
    this.#refused = false;
    this.#setConnectionState({ kind: 'connecting' });
    this.#resetData();
    log('close()');
  }

  /** Everything but the connection state back to "nothing loaded yet". */
  #resetData(): void {
    const { connection: _connection, ...data } = initialLobbyState();
    this.#store.setState(data);
  }

  /** Sets my presence status; resolves with the server's ack (the entry is applied on success). */
  async setStatus(status: PresenceStatus): Promise<AckResult<PresenceEntry>> {
    try {
      const result = await this.#socket.timeout(ACK_TIMEOUT_MS).emitWithAck('presence:setStatus', { status });
      if (result.ok) this.#upsert(result.data);
      return result;
    } catch {
      return { ok: false, error: timeoutError('presence:setStatus') };
    }
  }

  /** The "Retry" of the lobby's error state: reloads the snapshot, dialling again if needed. */
  retry(): void {
    if (this.#closed || this.#refused) return;
    this.#store.setState({ snapshot: { kind: 'loading' } });
    if (this.#socket.connected) void this.#subscribe();
    else {
      this.#failedFirstAttempts = 0;
      this.#socket.connect();
    }
  }

  // ---------- connection state ----------

  /** The only place the connection state changes. */
  #setConnectionState(next: ConnectionState): void {
    const prev = this.#store.getState().connection;
    if (this.#refused && next.kind !== 'refused') return;
    if (next.kind === 'refused') this.#refused = true;
    if (JSON.stringify(prev) === JSON.stringify(next)) return;
    log(`setConnectionState() | ${prev.kind} → ${next.kind}`, next);
    this.#store.setState({ connection: next });
  }

  readonly #onConnect = (): void => {
    this.#notice = null;
    this.#failedFirstAttempts = 0;
    this.#setConnectionState({ kind: 'connected' });
    // With connection-state recovery the server replayed what we missed; otherwise take a fresh snapshot.
    const needsSnapshot = !this.#socket.recovered || this.#store.getState().snapshot.kind !== 'ready';
    log(`connect() | [socketId:${this.#socket.id ?? '?'}] recovered=${String(this.#socket.recovered)}`);
    if (needsSnapshot) void this.#subscribe();
  };

  readonly #onDisconnect = (reason: Socket.DisconnectReason): void => {
    if (this.#closed) return;
    const notice = this.#notice;
    log(`disconnect() | reason=${reason} notice=${notice?.reason ?? '-'}`);
    if (notice?.reason === ErrorReason.SessionEnded) {
      this.#setConnectionState({ kind: 'refused', reason: ErrorReason.SessionEnded, message: notice.message });
      this.#onSignedOut();
      return;
    }
    if (reason === 'io client disconnect') return;
    if (reason === 'io server disconnect') {
      // NOTE: Socket.IO does not reconnect by itself after the server closed us on purpose; a restart
      // is the one case where we want to, after a short pause so the new server can come up.
      this.#setConnectionState({ kind: 'reconnecting', attempt: 0, cause: 'server_restart' });
      clearTimeout(this.#restartTimer);
      this.#restartTimer = setTimeout(() => {
        if (!this.#closed && !this.#socket.connected) this.#socket.connect();
      }, RESTART_RECONNECT_DELAY_MS);
      return;
    }
    if (!navigator.onLine) this.#setConnectionState({ kind: 'offline' });
    else this.#setConnectionState({ kind: 'reconnecting', attempt: 0, cause: 'network' });
  };

  readonly #onConnectError = (err: Error & { data?: Partial<ConnectRefusal> }): void => {
    if (this.#closed) return;
    const refusal = err.data;
    if (refusal?.reason) {
      // A refusal from the server's middleware: Socket.IO won't retry, and neither do we.
      log(`connect_error() | refused reason=${refusal.reason}`);
      this.#setConnectionState({ kind: 'refused', reason: refusal.reason, message: refusal.message ?? err.message });
      if (this.#store.getState().loadedAt === null) {
        this.#store.setState({ snapshot: { kind: 'failed', error: { reason: refusal.reason, message: refusal.message ?? err.message } } });
      }
      if (refusal.reason === ErrorReason.Unauthenticated || refusal.reason === ErrorReason.SessionEnded) this.#onSignedOut();
      return;
    }
    const { connection, snapshot, loadedAt } = this.#store.getState();
    if (!navigator.onLine) this.#setConnectionState({ kind: 'offline' });
    else if (connection.kind !== 'reconnecting') this.#setConnectionState({ kind: 'reconnecting', attempt: 1, cause: 'network' });
    if (loadedAt === null && snapshot.kind === 'loading' && ++this.#failedFirstAttempts >= FIRST_CONNECT_ATTEMPTS_BEFORE_ERROR) {
      this.#store.setState({ snapshot: { kind: 'failed', error: { reason: ErrorReason.Internal, message: err.message } } });
    }
  };

  readonly #onReconnectAttempt = (attempt: number): void => {
    const { connection } = this.#store.getState();
    if (connection.kind === 'reconnecting') this.#setConnectionState({ ...connection, attempt });
  };

  readonly #onNotice = (notice: ServerNotice): void => {
    log(`server:notice | reason=${notice.reason}`);
    this.#notice = notice;
    if (notice.reason === ErrorReason.ServerShutdown) {
      this.#setConnectionState({ kind: 'reconnecting', attempt: 0, cause: 'server_restart' });
    }
  };

  readonly #onBrowserOffline = (): void => {
    this.#setConnectionState({ kind: 'offline' });
  };

  readonly #onBrowserOnline = (): void => {
    // NOTE: a short outage may never have dropped the socket; then we are simply connected again.
    if (this.#socket.connected) {
      this.#setConnectionState({ kind: 'connected' });
      return;
    }
    this.#setConnectionState({ kind: 'reconnecting', attempt: 0, cause: 'network' });
    this.#socket.connect();
  };

  // ---------- lobby data ----------

  async #subscribe(): Promise<void> {
    const seq = ++this.#subscribeSeq;
    this.#buffered = [];
    if (this.#store.getState().loadedAt === null) this.#store.setState({ snapshot: { kind: 'loading' } });
    try {
      const result = await this.#socket.timeout(ACK_TIMEOUT_MS).emitWithAck('lobby:subscribe', {});
      if (this.#closed || seq !== this.#subscribeSeq) return;
      if (result.ok) {
        this.#store.setState(applySnapshot(result.data, Date.now()));
        const buffered = this.#buffered ?? [];
        this.#buffered = null;
        buffered.forEach((apply) => apply());
        log(`subscribe() | snapshot online=${result.data.online.length}`);
      } else {
        this.#store.setState({ snapshot: { kind: 'failed', error: result.error } });
      }
    } catch {
      if (this.#closed || seq !== this.#subscribeSeq) return;
      this.#store.setState({ snapshot: { kind: 'failed', error: timeoutError('lobby:subscribe') } });
    } finally {
      if (seq === this.#subscribeSeq) this.#buffered = null;
    }
  }

  /** Applies a pushed event now, or after the snapshot that is being fetched. */
  #apply(change: () => void): void {
    if (this.#closed) return;
    if (this.#buffered) this.#buffered.push(change);
    else change();
  }

  #upsert(entry: PresenceEntry): void {
    this.#store.setState((st) => ({ online: upsertPresence(st.online, entry) }));
  }
}
