/**
 * The document server: WebSocket upgrades on `/collab/<name>` of the app's HTTP server, authenticated
 * with the session cookie and authorized per document, and a registry of DocRooms (get-or-create
 * serialized per name, so two people opening a document at once never load it twice).
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { parse as parseCookie } from 'cookie';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { NotFound } from '../errors.js';
import type { CollabConfig } from '../config.js';
import type { Caller, IdentityService } from '../identity/service.js';
import { originAllowed } from '../realtime/gateway.js';
import type { Store } from '../store/types.js';
import { PROTOCOL_VERSION, SESSION_COOKIE } from '../../shared/protocol.js';
import { COLLAB_PATH, COLLAB_VERSION_PARAM, CollabClose, parseDocName, type DocKind } from '../../shared/collabConstants.js';
import type { DocAccessLevel } from '../../shared/collab.js';
import { DocRoom } from './docRoom.js';

/** What a caller may do with one document, or null when the document does not exist. */
export interface DocAccess {
  level: DocAccessLevel;
  title: string;
  startupId: string | null;
}
/** Fills a brand-new document (nothing stored yet), e.g. notes seeded with the agenda. */
export type DocInitializer = (id: string, doc: import('yjs').Doc) => Promise<void>;
/** Decides access for one kind of document (the part of the name before the colon). */
export type DocPolicy = (caller: Caller, id: string, name: string) => Promise<DocAccess | null>;

export interface CollabServerDeps {
  httpServer: HttpServer;
  identity: IdentityService;
  store: Store;
  config: CollabConfig;
  allowedOrigins: string[];
  log: Logger;
}

export class CollabServer {
  readonly #wss: WebSocketServer;
  readonly #rooms = new Map<string, DocRoom>();
  readonly #loading = new Map<string, Promise<DocRoom>>();
  readonly #policies = new Map<string, DocPolicy>();
  readonly #initializers = new Map<string, DocInitializer>();
  #closed = false;

  constructor(private readonly deps: CollabServerDeps) {
    this.#wss = new WebSocketServer({ noServer: true, maxPayload: deps.config.maxMessageBytes });
    deps.httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!req.url?.startsWith(COLLAB_PATH)) return; // Socket.IO handles its own path
      this.#wss.handleUpgrade(req, socket, head, (ws) => void this.#onConnection(ws, req));
    });
  }

  /** Lets a domain (startups, office hours) decide who may open its documents. */
  registerPolicy(kind: DocKind, policy: DocPolicy): void {
    this.#policies.set(kind, policy);
  }

  /** What the caller may do with a document; 404 when it does not exist. */
  async access(caller: Caller, name: string): Promise<DocAccess> {
    const parsed = parseDocName(name);
    const policy = parsed && this.#policies.get(parsed.kind);
    const access = policy ? await policy(caller, parsed.id, name) : null;
    if (!access) throw new NotFound('No such document.');
    return access;
  }

  /** Lets a domain fill its brand-new documents (runs once, when nothing is stored yet). */
  registerInitializer(kind: DocKind, init: DocInitializer): void {
    this.#initializers.set(kind, init);
  }

  /** Documents in memory now (tests and the benchmark check that idle ones are unloaded). */
  get loadedCount(): number {
    return this.#rooms.size;
  }
  isLoaded(name: string): boolean {
    return this.#rooms.has(name);
  }

  /** The loaded document, loading it first if needed (serialized per name). Throws if it fails to load. */
  async room(name: string): Promise<DocRoom> {
    const open = this.#rooms.get(name);
    if (open && !open.closed) return open;
    let loading = this.#loading.get(name);
    if (!loading) {
      const parsed = parseDocName(name);
      if (!parsed) throw new NotFound('No such document.');
      const init = this.#initializers.get(parsed.kind);
      loading = DocRoom.load(name, parsed.kind, { store: this.deps.store, config: this.deps.config, log: this.deps.log })
        .then(async (room) => {
          if (room.isNew && init) {
            await init(parsed.id, room.doc);
            room.isNew = false;
            // Stored before anyone sees it, so a crash cannot make a second, different seed.
            await room.flush();
          }
          this.#rooms.set(name, room);
          room.once('closed', () => {
            if (this.#rooms.get(name) === room) this.#rooms.delete(name);
          });
          return room;
        })
        .finally(() => this.#loading.delete(name));
      this.#loading.set(name, loading);
    }
    return loading;
  }

  async #onConnection(ws: WebSocket, req: IncomingMessage): Promise<void> {
    // Messages the client sends while we authorize and load are kept and replayed in order.
    const early: Uint8Array[] = [];
    const keep = (data: Buffer) => early.push(new Uint8Array(data));
    ws.on('message', keep);
    ws.on('error', () => ws.terminate());
    const refuse = (code: number, reason: string) => {
      this.deps.log.debug({ code, reason, url: req.url }, 'onConnection() | refused');
      ws.close(code, reason);
    };
    try {
      if (this.#closed) return refuse(CollabClose.ServerShutdown, 'The server is shutting down.');
      const url = new URL(req.url ?? '/', 'http://x');
      // Like the Socket.IO handshake: a page from before an incompatible update is told to reload.
      if (url.searchParams.get(COLLAB_VERSION_PARAM) !== String(PROTOCOL_VERSION)) {
        return refuse(CollabClose.ProtocolMismatch, `Hatchery was updated (protocol ${PROTOCOL_VERSION}); please reload the page.`);
      }
      const name = safeDecode(url.pathname.slice(COLLAB_PATH.length));
      if (name === null || !parseDocName(name)) return refuse(CollabClose.NotFound, 'No such document.');
      if (!originAllowed(req, this.deps.allowedOrigins)) return refuse(CollabClose.Forbidden, 'This page’s origin may not connect.');
      const token = parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];
      const caller = token ? await this.deps.identity.authenticate(token) : null;
      if (!caller) return refuse(CollabClose.Unauthenticated, 'Please sign in first.');
      let access: DocAccess;
      try {
        access = await this.access(caller, name);
      } catch {
        return refuse(CollabClose.NotFound, 'No such document.');
      }
      if (access.level === 'none') return refuse(CollabClose.Forbidden, 'You do not have access to this document.');
      let room: DocRoom;
      try {
        room = await this.room(name);
      } catch (err) {
        this.deps.log.error({ err, doc: name }, 'onConnection() | the document failed to load; not serving it');
        return refuse(CollabClose.LoadFailed, 'This document could not be loaded. It was not changed; please tell an operator.');
      }
      if (ws.readyState !== ws.OPEN) return; // the client gave up meanwhile
      ws.off('message', keep);
      room.addConnection(ws, caller, access.level, early);
    } catch (err) {
      this.deps.log.error({ err }, 'onConnection() | failed');
      refuse(1011, 'Something went wrong on the server.');
    }
  }

  /** Closes a signed-out session's document connections. */
  endSession(sessionId: string): void {
    for (const room of this.#rooms.values()) room.endSession(sessionId);
  }

  /** Re-checks who may stay connected to a document (after its sharing changed). */
  async recheck(name: string): Promise<void> {
    const room = this.#rooms.get(name);
    if (!room) return;
    await room.recheck(async (caller) => (await this.access(caller, name).catch(() => ({ level: 'none' as const }))).level);
  }

  /** Stores what is pending in every document, then closes them and every connection. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const rooms = [...this.#rooms.values()];
    await Promise.all(rooms.map((r) => r.flush().catch((err: unknown) => this.deps.log.error({ err, doc: r.name }, 'close() | flush failed'))));
    for (const room of rooms) room.close(CollabClose.ServerShutdown, 'The server is restarting. Reconnecting…');
    this.#rooms.clear();
    for (const ws of this.#wss.clients) ws.close(CollabClose.ServerShutdown, 'The server is restarting.');
    this.#wss.close();
  }
}

/** decodeURIComponent, or null for a malformed escape. */
function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}
