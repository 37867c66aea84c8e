/**
 * One loaded collaboration document: its Y.Doc and awareness, its connections (each with an access
 * level), and its pending store. It speaks the y-websocket protocol (y-protocols sync + awareness),
 * refuses updates from read-only connections, lets commenters change only what they may, stores
 * debounced merged updates, compacts the log, and unloads itself when idle. One owner per document.
 */
import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as authProtocol from 'y-protocols/auth';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { CollabConfig } from '../config.js';
import type { Caller } from '../identity/service.js';
import type { Store } from '../store/types.js';
import { COMMENTABLE, CollabClose, DISCUSSION, DOC_SCHEMAS, type DocKind } from '../../shared/collabConstants.js';
import { changesOnly, commenterRule } from './updateGuard.js';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;
/** Transaction origins that are not a connection. */
const LOAD_ORIGIN = Symbol('load');
export const RESTORE_ORIGIN = Symbol('restore');
/** Wait this long before trying a failed store again. */
const STORE_RETRY_MS = 1000;

export type ConnectionAccess = 'edit' | 'comment' | 'read';

interface Connection {
  ws: WebSocket;
  caller: Caller;
  access: ConnectionAccess;
  /** Awareness client ids this connection announced (removed when it leaves). */
  awarenessIds: Set<number>;
  /** Whether it was already told its changes are refused. */
  toldReadOnly: boolean;
}

/** A refusal that closes one connection with a code and reason. */
export class CloseConnection extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export interface DocRoomDeps {
  store: Store;
  config: CollabConfig;
  log: Logger;
}

export class DocRoom extends EventEmitter<{ closed: [] }> {
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  readonly #conns = new Map<WebSocket, Connection>();
  /** Which connection introduced each awareness client id. */
  readonly #awarenessOwner = new Map<number, Connection>();
  /** Updates not yet stored, and when the first of them arrived. */
  #pending: Uint8Array[] = [];
  #firstPendingAt: number | undefined;
  /** State vector of what is stored: a store writes everything newer, in one encode (no big merge). */
  #storedSv: Uint8Array = new Uint8Array([0]);
  #storeTimer: NodeJS.Timeout | undefined;
  #storing: Promise<void> | undefined;
  /** Entries in the stored log, to know when to compact. */
  #logEntries: number;
  /** Approximate size of the document (stored bytes plus what arrived since). */
  #bytes: number;
  #unloadTimer: NodeJS.Timeout | undefined;
  #closed = false;
  /** Nothing was stored for this document yet (a domain may seed it). */
  isNew = false;

  private constructor(
    readonly name: string,
    readonly kind: DocKind,
    private readonly deps: DocRoomDeps,
    logEntries: number,
    bytes: number,
  ) {
    super();
    this.#logEntries = logEntries;
    this.#bytes = bytes;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null); // the server itself is not a participant
    this.awareness.on('update', (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) =>
      this.#onAwarenessUpdate(change, origin),
    );
    this.#armUnload();
  }

  /**
   * Loads the document from its stored log. Throws when the log cannot be applied cleanly: such a
   * document is never served, so it can never be overwritten with an empty one.
   */
  static async load(name: string, kind: DocKind, deps: DocRoomDeps): Promise<DocRoom> {
    const rows = await deps.store.docs.loadUpdates(name);
    const room = new DocRoom(name, kind, deps, rows.length, 0);
    try {
      // Applied before anything listens: loading is not a change to store or relay.
      // NOTE: one update at a time; wrapping the loop in one transaction measured ~1.4× slower (bench:collab).
      for (const row of rows) Y.applyUpdate(room.doc, row.data, LOAD_ORIGIN);
      // NOTE: structs waiting for missing ones mean the log is incomplete or corrupt.
      if (room.doc.store.pendingStructs || room.doc.store.pendingDs) throw new Error('the stored log is incomplete');
    } catch (err) {
      room.close();
      throw err;
    }
    const snapshot = Y.encodeStateAsUpdate(room.doc);
    // The size limit counts the document, not its log (a long log of small edits merges into much less).
    room.#bytes = snapshot.length;
    room.#storedSv = Y.encodeStateVector(room.doc);
    room.isNew = rows.length === 0;
    if (rows.length > deps.config.compactAfter) {
      // A long log (e.g. imported) is compacted now; if that fails the document is still served.
      await deps.store.docs
        .compact(name, snapshot, rows[rows.length - 1]!.id, new Date().toISOString())
        .then(() => (room.#logEntries = 1))
        .catch((err: unknown) => deps.log.warn({ err, doc: name }, 'load() | compaction failed'));
    }
    room.doc.on('update', (update: Uint8Array, origin: unknown) => room.#onDocUpdate(update, origin));
    deps.log.debug({ doc: name, entries: rows.length, bytes: snapshot.length }, 'load()');
    return room;
  }

  get closed(): boolean {
    return this.#closed;
  }
  get connectionCount(): number {
    return this.#conns.size;
  }
  get hasPending(): boolean {
    return this.#pending.length > 0 || this.#storing !== undefined;
  }

  // ---------- connections ----------

  /** Takes over an authorized WebSocket: replays what it sent meanwhile, then syncs. */
  addConnection(ws: WebSocket, caller: Caller, access: ConnectionAccess, early: Uint8Array[]): void {
    const conn: Connection = { ws, caller, access, awarenessIds: new Set(), toldReadOnly: false };
    this.#conns.set(ws, conn);
    this.#disarmUnload();
    ws.on('message', (data: Buffer) => this.#onMessage(conn, new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    ws.on('close', () => this.#removeConnection(conn));
    ws.on('error', () => ws.terminate());
    // Sync step 1 (what the server has), and everyone's presence.
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.#send(conn, encoding.toUint8Array(encoder));
    const states = this.awareness.getStates();
    if (states.size > 0) this.#send(conn, this.#awarenessMessage([...states.keys()]));
    for (const message of early) this.#onMessage(conn, message);
  }

  /** Closes this session's connections (sign-out). */
  endSession(sessionId: string): void {
    for (const conn of [...this.#conns.values()]) {
      if (conn.caller.sessionId === sessionId) this.#closeConnection(conn, CollabClose.Unauthenticated, 'You signed out.');
    }
  }

  /** Re-checks every connection's access (e.g. after sharing changed); closes those that lost it, narrows the rest. */
  async recheck(accessOf: (caller: Caller) => Promise<'edit' | 'comment' | 'read' | 'none'>): Promise<void> {
    for (const conn of [...this.#conns.values()]) {
      const level = await accessOf(conn.caller);
      if (level === 'none') this.#closeConnection(conn, CollabClose.Forbidden, 'You no longer have access to this document.');
      else conn.access = level;
    }
  }

  #removeConnection(conn: Connection): void {
    if (!this.#conns.delete(conn.ws)) return;
    if (conn.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
    for (const [id, owner] of this.#awarenessOwner) if (owner === conn) this.#awarenessOwner.delete(id);
    if (this.#conns.size === 0) this.#armUnload();
  }

  /** Closes one connection with a code and reason (e.g. a malformed message). */
  #closeConnection(conn: Connection, code: number, reason: string): void {
    this.deps.log.info({ doc: this.name, userId: conn.caller.user.id, code, reason }, 'closeConnection()');
    conn.ws.close(code, reason.slice(0, 120));
    this.#removeConnection(conn);
  }

  #onMessage(conn: Connection, data: Uint8Array): void {
    if (this.#closed || !this.#conns.has(conn.ws)) return;
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MESSAGE_SYNC: {
          const syncType = decoding.readVarUint(decoder);
          if (syncType === syncProtocol.messageYjsSyncStep1) {
            const encoder = encoding.createEncoder();
            encoding.writeVarUint(encoder, MESSAGE_SYNC);
            syncProtocol.readSyncStep1(decoder, encoder, this.doc);
            this.#send(conn, encoding.toUint8Array(encoder));
          } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
            this.#receiveUpdate(conn, decoding.readVarUint8Array(decoder));
          } else {
            throw new CloseConnection(CollabClose.BadMessage, `Unknown sync message ${syncType}.`);
          }
          break;
        }
        case MESSAGE_AWARENESS: {
          const update = this.#stampAwareness(conn, decoding.readVarUint8Array(decoder));
          if (update) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, conn);
          break;
        }
        case MESSAGE_QUERY_AWARENESS:
          this.#send(conn, this.#awarenessMessage([...this.awareness.getStates().keys()]));
          break;
        default:
          throw new CloseConnection(CollabClose.BadMessage, `Unknown message type ${type}.`);
      }
    } catch (err) {
      if (err instanceof CloseConnection) this.#closeConnection(conn, err.code, err.reason);
      else this.#closeConnection(conn, CollabClose.BadMessage, `Malformed message: ${(err as Error).message}`);
    }
  }

  /** An update from a client: checked (access, shape, size), then applied with the connection as origin. */
  #receiveUpdate(conn: Connection, update: Uint8Array): void {
    if (isEmptyUpdate(update)) return;
    if (conn.access === 'read') return this.#refuseChange(conn, 'This document is read-only for you.');
    // Decoding first means a malformed update closes the connection before anything is applied.
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(update);
    } catch (err) {
      throw new CloseConnection(CollabClose.BadMessage, `Malformed update: ${(err as Error).message}`);
    }
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return;
    if (this.#bytes + update.length > this.deps.config.maxDocBytes) {
      throw new CloseConnection(CollabClose.TooLarge, 'This document is at its size limit; the change was not saved.');
    }
    // A commenter changes only `comments`, and there only as docs/collab.md says (commenterRule).
    if (conn.access === 'comment' && !changesOnly(this.doc, this.kind, update, COMMENTABLE[this.kind], this.kind === 'pitch' ? commenterRule(conn.caller.user.id) : undefined)) {
      return this.#refuseChange(conn, 'You may only comment on this document.');
    }
    Y.applyUpdate(this.doc, update, conn);
  }

  /**
   * Presence says who is who, so the server vouches for it: every state's `user.id` and `user.name` are
   * set to the signed-in caller's, and a connection may only speak for awareness clients it introduced.
   */
  #stampAwareness(conn: Connection, update: Uint8Array): Uint8Array | null {
    const d = decoding.createDecoder(update);
    const entries: { clientId: number; clock: number; state: string }[] = [];
    for (let n = decoding.readVarUint(d); n > 0; n--) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const raw = decoding.readVarString(d);
      const owner = this.#awarenessOwner.get(clientId);
      if (owner && owner !== conn) continue; // someone else's presence: ignored
      this.#awarenessOwner.set(clientId, conn);
      const state = JSON.parse(raw) as unknown;
      if (state && typeof state === 'object' && 'user' in state && state.user && typeof state.user === 'object') {
        (state as { user: object }).user = { ...state.user, id: conn.caller.user.id, name: conn.caller.user.name };
      }
      entries.push({ clientId, clock, state: JSON.stringify(state) });
    }
    if (entries.length === 0) return null;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, entries.length);
    for (const x of entries) {
      encoding.writeVarUint(e, x.clientId);
      encoding.writeVarUint(e, x.clock);
      encoding.writeVarString(e, x.state);
    }
    return encoding.toUint8Array(e);
  }

  #refuseChange(conn: Connection, reason: string): void {
    if (conn.toldReadOnly) return;
    conn.toldReadOnly = true;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AUTH);
    authProtocol.writePermissionDenied(encoder, reason);
    this.#send(conn, encoding.toUint8Array(encoder));
  }

  // ---------- updates, presence, storing ----------

  #onDocUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === LOAD_ORIGIN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const conn of this.#conns.values()) if (conn !== origin) this.#send(conn, message);
    this.#pending.push(update);
    this.#bytes += update.length;
    this.#scheduleStore();
  }

  #onAwarenessUpdate({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void {
    const conn = origin as Connection | null;
    if (conn && this.#conns.get(conn.ws) === conn) {
      for (const id of [...added, ...updated]) conn.awarenessIds.add(id);
      for (const id of removed) conn.awarenessIds.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const message = this.#awarenessMessage(changed);
    for (const c of this.#conns.values()) this.#send(c, message);
  }

  #awarenessMessage(clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    return encoding.toUint8Array(encoder);
  }

  #send(conn: Connection, message: Uint8Array): void {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    conn.ws.send(message, (err) => {
      if (err) conn.ws.terminate();
    });
  }

  /** Stores after `debounceMs` of quiet, but no later than `maxDebounceMs` after the first unsaved change. */
  #scheduleStore(): void {
    const { debounceMs, maxDebounceMs } = this.deps.config;
    const now = Date.now();
    this.#firstPendingAt ??= now;
    if (this.#storeTimer) clearTimeout(this.#storeTimer);
    const wait = Math.max(0, Math.min(debounceMs, this.#firstPendingAt + maxDebounceMs - now));
    this.#storeTimer = setTimeout(() => void this.flush(), wait);
  }

  /**
   * Stores what changed since the last store as one update; compacts the log past the threshold.
   * NOTE: encoded from the document against the stored state vector, not by merging the pending
   * updates — merging thousands of keystrokes blocked the server for a second (bench:collab).
   */
  async flush(): Promise<void> {
    while (this.#storing) await this.#storing;
    if (this.#pending.length === 0) return;
    if (this.#storeTimer) clearTimeout(this.#storeTimer);
    this.#storeTimer = undefined;
    const batch = this.#pending;
    this.#pending = [];
    this.#firstPendingAt = undefined;
    this.#storing = (async () => {
      const now = new Date().toISOString();
      const sv = Y.encodeStateVector(this.doc);
      const update = Y.encodeStateAsUpdate(this.doc, this.#storedSv);
      try {
        const id = await this.deps.store.docs.appendUpdate(this.name, update, now);
        this.#storedSv = sv;
        this.#logEntries++;
        if (this.#logEntries > this.deps.config.compactAfter) {
          // NOTE: the snapshot may include changes still pending; storing them again later is harmless.
          const snapshot = Y.encodeStateAsUpdate(this.doc);
          await this.deps.store.docs.compact(this.name, snapshot, id, now);
          this.#logEntries = 1;
          this.#bytes = snapshot.length + this.#pending.reduce((n, u) => n + u.length, 0);
          this.deps.log.debug({ doc: this.name, bytes: snapshot.length }, 'flush() | compacted');
        }
      } catch (err) {
        // Nothing is dropped: the batch goes back in front and is tried again.
        this.deps.log.error({ err, doc: this.name }, 'flush() | store failed; retrying');
        this.#pending = [...batch, ...this.#pending];
        if (!this.#closed) this.#storeTimer = setTimeout(() => void this.flush(), STORE_RETRY_MS);
      }
    })();
    try {
      await this.#storing;
    } finally {
      this.#storing = undefined;
      if (this.#conns.size === 0) this.#armUnload();
    }
  }

  // ---------- versions ----------

  /**
   * Makes the document's content look like `snapshot` again as a new change on top of the current state,
   * so every connected client converges (nothing is rewound). The discussion (comment threads) is kept as
   * it is now: rolling back the text does not delete what people said about it.
   */
  restore(snapshot: Uint8Array): void {
    const target = new Y.Doc();
    try {
      Y.applyUpdate(target, snapshot);
      this.doc.transact(() => {
        for (const [name, kind] of Object.entries(DOC_SCHEMAS[this.kind])) {
          if (!DISCUSSION[this.kind].includes(name)) replaceContent(this.doc, target, name, kind);
        }
      }, RESTORE_ORIGIN);
    } finally {
      target.destroy();
    }
  }

  // ---------- lifecycle ----------

  #armUnload(): void {
    this.#disarmUnload();
    if (this.#closed) return;
    this.#unloadTimer = setTimeout(() => void this.#unloadIfIdle(), this.deps.config.unloadGraceMs);
  }
  #disarmUnload(): void {
    if (this.#unloadTimer) clearTimeout(this.#unloadTimer);
    this.#unloadTimer = undefined;
  }

  async #unloadIfIdle(): Promise<void> {
    if (this.#conns.size > 0 || this.#closed) return;
    await this.flush();
    if (this.#conns.size === 0 && !this.hasPending) this.close();
  }

  /** Closes every connection (with a code), drops timers, the awareness and the doc; emits `closed`. Idempotent. */
  close(code: number = CollabClose.ServerShutdown, reason = 'The document closed.'): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#disarmUnload();
    if (this.#storeTimer) clearTimeout(this.#storeTimer);
    for (const conn of this.#conns.values()) conn.ws.close(code, reason);
    this.#conns.clear();
    this.awareness.destroy();
    this.doc.destroy();
    this.emit('closed');
    this.removeAllListeners();
  }
}

/** An update with no structs and no deletions (what an empty client sends as its sync step 2). */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

const cloneValue = (v: unknown) => (v instanceof Y.AbstractType ? v.clone() : v);

/** Replaces one top-level type's content in `doc` with a copy of `from`'s. */
function replaceContent(doc: Y.Doc, from: Y.Doc, name: string, kind: 'xml' | 'map' | 'array' | 'text'): void {
  switch (kind) {
    case 'xml': {
      const cur = doc.getXmlFragment(name);
      const old = from.getXmlFragment(name);
      cur.delete(0, cur.length);
      cur.insert(0, old.toArray().map((n) => n.clone()) as (Y.XmlElement | Y.XmlText)[]);
      break;
    }
    case 'array': {
      const cur = doc.getArray(name);
      const old = from.getArray(name);
      cur.delete(0, cur.length);
      cur.insert(0, old.toArray().map(cloneValue));
      break;
    }
    case 'map': {
      const cur = doc.getMap(name);
      const old = from.getMap(name);
      for (const key of [...cur.keys()]) if (!old.has(key)) cur.delete(key);
      for (const [key, value] of old.entries()) cur.set(key, cloneValue(value));
      break;
    }
    case 'text': {
      const cur = doc.getText(name);
      cur.delete(0, cur.length);
      cur.applyDelta(from.getText(name).toDelta());
      break;
    }
  }
}
