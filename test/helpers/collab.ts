/**
 * Helpers for the collaboration (document server) integration tests: signed-in demo people, real
 * y-websocket `WebsocketProvider` clients that carry the session cookie, raw `ws` sockets for crafted
 * or refused connections, and readers for what is inside each kind of Y.Doc (`DOC_SCHEMAS`).
 * Everything a test opens is closed by `CollabKit.closeAll()`.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { HttpSession } from './server.js';
import { waitFor } from './waitFor.js';
import { DemoPeople, EMAIL, type Who } from './demoPeople.js';
import { COLLAB_VERSION_PARAM, DOC_SCHEMAS, parseDocName } from '../../shared/collabConstants.js';
import { PROTOCOL_VERSION } from '../../shared/protocol.js';
import type { Role } from '../../shared/schemas.js';

export { EMAIL, type Who };

/** y-protocols message types on the document WebSocket. */
export const MSG = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;

/** The provider's base URL for a server URL: `ws://host:port/collab`. */
export function collabBase(url: string): string {
  return url.replace(/^http/, 'ws') + '/collab';
}

/**
 * A switch the test holds for its clients' network: while `online` is false, every new connection a
 * client makes goes to a closed port and fails (like a laptop that lost Wi‑Fi), so the provider keeps
 * retrying on its own until the test turns the network back on.
 */
export class ClientNetwork {
  online = true;
}

/** A `ws` WebSocket class that sends the session cookie (and optional headers) like a browser would. */
export function cookieWebSocket(cookie: string | undefined, net?: ClientNetwork, headers: Record<string, string> = {}) {
  return class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      let target = String(address);
      // Port 1 on loopback refuses at once: the attempt fails like an offline client's would.
      if (net && !net.online) target = target.replace(/\/\/[^/]+/, '//127.0.0.1:1');
      super(target, protocols, { headers: { ...(cookie ? { cookie } : {}), ...headers } });
    }
  };
}

export interface CloseInfo {
  code: number;
  reason: string;
}

/**
 * A real y-websocket client (`WebsocketProvider` + its own Y.Doc), recording what a test wants to see:
 * close codes, y-protocols `auth` denials, sync step 2 replies (for `roundTrip()`), connects.
 */
export class CollabClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** Every close of the socket by the server (code and reason), in order. */
  readonly closes: CloseInfo[] = [];
  /** Reasons of every y-protocols `auth` permission-denied message received. */
  readonly denied: string[] = [];
  /** How many times the socket reached "connected". */
  connects = 0;
  /** Sync step 2 messages received (the server's answer to a sync step 1). */
  step2s = 0;

  constructor(
    readonly who: Who | null,
    readonly name: string,
    baseUrl: string,
    cookie: string | undefined,
    opts: { net?: ClientNetwork; connect?: boolean } = {},
  ) {
    this.provider = new WebsocketProvider(collabBase(baseUrl), name, this.doc, {
      WebSocketPolyfill: cookieWebSocket(cookie, opts.net) as unknown as typeof globalThis.WebSocket,
      connect: opts.connect ?? true,
      disableBc: true,
      maxBackoffTime: 500,
      params: { [COLLAB_VERSION_PARAM]: String(PROTOCOL_VERSION) },
    });
    // Same as y-websocket's own sync handler, but counting step 2 answers.
    this.provider.messageHandlers[MSG.sync] = (encoder, decoder, provider, emitSynced) => {
      encoding.writeVarUint(encoder, MSG.sync);
      const type = syncProtocol.readSyncMessage(decoder, encoder, provider.doc, provider);
      if (type === syncProtocol.messageYjsSyncStep2) {
        this.step2s++;
        if (emitSynced && !provider.synced) provider.synced = true;
      }
    };
    this.provider.messageHandlers[MSG.auth] = (_encoder, decoder, provider) => {
      authProtocol.readAuthMessage(decoder, provider.doc, (_doc, reason) => this.denied.push(reason));
    };
    this.provider.on('connection-close', (event) => {
      if (event) this.closes.push({ code: event.code, reason: event.reason });
    });
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this.connects++;
    });
  }

  get label(): string {
    return `${this.who ?? 'anonymous'}@${this.name}`;
  }
  get synced(): boolean {
    return this.provider.synced;
  }
  get awareness(): awarenessProtocol.Awareness {
    return this.provider.awareness;
  }
  /** The pitch/notes rich text. */
  get content(): Y.XmlFragment {
    return this.doc.getXmlFragment('content');
  }
  get comments(): Y.Map<unknown> {
    return this.doc.getMap('comments');
  }

  waitSynced(timeoutMs = 5000): Promise<boolean> {
    return waitFor(() => this.provider.synced, { timeoutMs, what: `${this.label} synced` });
  }

  /** Waits for the server to close this client's socket; returns that close. */
  waitClosed(timeoutMs = 5000): Promise<CloseInfo> {
    return waitFor(() => this.closes[0], { timeoutMs, what: `${this.label} closed by the server` });
  }

  /**
   * Sends a sync step 1 on this client's socket and waits for the server's step 2 answer. The server
   * handles one connection's messages in order, so once this resolves, everything this client sent
   * before has been handled (applied or dropped).
   */
  async roundTrip(timeoutMs = 5000): Promise<void> {
    const ws = this.provider.ws;
    if (!ws || !this.provider.wsconnected) throw new Error(`${this.label}: roundTrip() while not connected`);
    const before = this.step2s;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MSG.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    ws.send(encoding.toUint8Array(encoder));
    await waitFor(() => this.step2s > before, { timeoutMs, what: `${this.label} sync step 2 answer` });
  }

  /**
   * Drops the connection the hard way (TCP gone, no goodbye message, no awareness "null" state) and
   * stops the provider from reconnecting.
   */
  dropConnection(): void {
    this.provider.shouldConnect = false;
    const ws = this.provider.ws as unknown as WebSocket | null;
    ws?.terminate();
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}

/** A plain `ws` socket on `/collab/<name>`: for refusals and crafted (malformed, oversize) messages. */
export class RawCollabSocket {
  readonly messages: Uint8Array[] = [];
  close: CloseInfo | undefined;
  /** Status of an HTTP answer that refused the upgrade (the docs want upgrade + close instead). */
  httpStatus: number | undefined;
  opened = false;
  error: Error | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.binaryType = 'nodebuffer';
    ws.on('open', () => (this.opened = true));
    ws.on('message', (data: Buffer) => this.messages.push(new Uint8Array(data)));
    ws.on('close', (code, reason) => (this.close = { code, reason: reason.toString() }));
    ws.on('unexpected-response', (_req, res) => {
      this.httpStatus = res.statusCode;
      res.resume();
      ws.terminate();
    });
    ws.on('error', (err) => (this.error = err));
  }

  /** `version`: the `?v=` sent (PROTOCOL_VERSION unless given; null sends none). */
  static open(
    baseUrl: string,
    name: string,
    cookie: string | undefined,
    opts: { maxPayload?: number; headers?: Record<string, string>; version?: string | null } = {},
  ): RawCollabSocket {
    const version = opts.version === undefined ? String(PROTOCOL_VERSION) : opts.version;
    const query = version === null ? '' : `?${COLLAB_VERSION_PARAM}=${encodeURIComponent(version)}`;
    const ws = new WebSocket(`${collabBase(baseUrl)}/${name}${query}`, { headers: { ...(cookie ? { cookie } : {}), ...opts.headers }, maxPayload: opts.maxPayload });
    return new RawCollabSocket(ws);
  }

  waitOpen(timeoutMs = 5000): Promise<boolean> {
    return waitFor(
      () => {
        if (this.opened) return true;
        if (this.close || this.httpStatus) throw new Error(`refused: ${JSON.stringify(this.close ?? { httpStatus: this.httpStatus })}`);
        return false;
      },
      { timeoutMs, what: `raw socket open` },
    );
  }

  /** Waits for the socket to be closed; returns the close code and reason (code 1006 = no close frame). */
  waitClose(timeoutMs = 5000): Promise<CloseInfo> {
    return waitFor(() => this.close, { timeoutMs, what: `raw socket close (http ${this.httpStatus ?? '-'})` });
  }

  send(bytes: Uint8Array): void {
    this.ws.send(bytes);
  }

  /** Sends sync step 1 for an (empty by default) doc: the server answers with step 2 (and its own step 1). */
  sendStep1(doc: Y.Doc = new Y.Doc()): void {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MSG.sync);
    syncProtocol.writeSyncStep1(e, doc);
    this.send(encoding.toUint8Array(e));
  }

  /** Sends a Yjs update as a y-protocols sync "update" message. */
  sendUpdate(update: Uint8Array): void {
    this.send(syncUpdateMessage(update));
  }

  /** The sync messages received, as {type, payload}. */
  syncMessages(): { type: number; payload: Uint8Array }[] {
    const out: { type: number; payload: Uint8Array }[] = [];
    for (const m of this.messages) {
      const d = decoding.createDecoder(m);
      if (decoding.readVarUint(d) !== MSG.sync) continue;
      const type = decoding.readVarUint(d);
      out.push({ type, payload: decoding.readVarUint8Array(d) });
    }
    return out;
  }

  /** Types (first varuint) of every message received. */
  messageTypes(): number[] {
    return this.messages.map((m) => decoding.readVarUint(decoding.createDecoder(m)));
  }

  terminate(): void {
    this.ws.terminate();
  }
}

/** A y-protocols sync "update" message carrying `update`. */
export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG.sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

// ---------- what is inside the documents ----------

/** Appends a paragraph with `text` to the doc's `content` XmlFragment (like TipTap would). */
export function addParagraph(doc: Y.Doc, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  const content = doc.getXmlFragment('content');
  content.insert(content.length, [p]);
}

/** The text of each top-level element of `content`, in order. */
export function paragraphs(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment('content')
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map((t) => (t instanceof Y.XmlText ? t.toString() : '')).join('') : node.toString()));
}

/** Adds a comment thread (shape of DOC_SCHEMAS.pitch) to `comments`. */
export function addThread(doc: Y.Doc, id: string, text: string, author: { id: string; name: string }): void {
  doc.transact(() => {
    const thread = new Y.Map<unknown>();
    doc.getMap('comments').set(id, thread);
    thread.set('id', id);
    thread.set('text', text);
    thread.set('quote', '');
    thread.set('authorId', author.id);
    thread.set('authorName', author.name);
    thread.set('createdAt', new Date().toISOString());
    thread.set('resolved', false);
    thread.set('resolvedBy', null);
    thread.set('replies', new Y.Array());
  });
}

/** Adds a sticky note (shape of DOC_SCHEMAS.board) to `notes`. */
export function addNote(doc: Y.Doc, id: string, text: string): void {
  doc.transact(() => {
    const note = new Y.Map<unknown>();
    doc.getMap('notes').set(id, note);
    note.set('id', id);
    note.set('text', text);
    note.set('color', 'yellow');
    note.set('columnId', null);
    note.set('x', 0);
    note.set('y', 0);
    note.set('createdAt', new Date().toISOString());
    note.set('votes', new Y.Map());
  });
}

/** Appends a column (shape of DOC_SCHEMAS.board) to `columns`. */
export function addColumn(doc: Y.Doc, id: string, title: string): void {
  doc.transact(() => {
    const column = new Y.Map<unknown>();
    doc.getArray('columns').push([column]);
    column.set('id', id);
    column.set('title', title);
  });
}

/** Every top-level type of the document (by DOC_SCHEMAS for its kind) as plain JSON/strings. */
export function docView(name: string, doc: Y.Doc): Record<string, unknown> {
  const kind = parseDocName(name)?.kind;
  if (!kind) throw new Error(`not a document name: ${name}`);
  const out: Record<string, unknown> = {};
  for (const [key, type] of Object.entries(DOC_SCHEMAS[kind])) {
    if (type === 'xml') out[key] = doc.getXmlFragment(key).toString();
    else if (type === 'map') out[key] = doc.getMap(key).toJSON();
    else if (type === 'array') out[key] = doc.getArray(key).toJSON();
    else out[key] = doc.getText(key).toString();
  }
  return out;
}

/** Applies a stored/served update to a scratch doc and returns that doc. */
export function docFromUpdate(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

/** A stored update-log row (table `doc_updates`). */
export interface StoredRow {
  id: number;
  data: Uint8Array;
}

/** Applies a document's stored log, oldest first, to a scratch doc (throws if a row is not an update). */
export function docFromRows(rows: StoredRow[]): Y.Doc {
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, row.data);
  return doc;
}

/** The paragraphs of a document's stored log, or [] while nothing is stored. */
export function storedParagraphs(rows: StoredRow[]): string[] {
  const doc = docFromRows(rows);
  const out = paragraphs(doc);
  doc.destroy();
  return out;
}

/**
 * Reads a document's stored log straight from `<dataDir>/hatchery.sqlite` (read-only; WAL lets it run
 * beside a live server, e.g. one in a child process).
 */
export function readStoredRows(dataDir: string, name: string): StoredRow[] {
  const db = new Database(join(dataDir, 'hatchery.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT id, data FROM doc_updates WHERE doc = ? ORDER BY id').all(name) as { id: number; data: Buffer }[]).map((r) => ({
      id: r.id,
      data: new Uint8Array(r.data),
    }));
  } finally {
    db.close();
  }
}

/** Fetches bytes with a session's cookie (HttpSession reads text). */
export async function getBytes(session: HttpSession, path: string): Promise<{ status: number; contentType: string | null; bytes: Uint8Array }> {
  const res = await fetch(session.baseUrl + path, { headers: session.cookie ? { cookie: session.cookie } : {} });
  return { status: res.status, contentType: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** A random token that is easy to find in a document. */
export function token(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
}

// ---------- people and clients ----------

export interface CollabPerson {
  who: Who;
  id: string;
  name: string;
  role: Role;
  session: HttpSession;
}

/** Signed-in demo people and the startups' ids for one server; tracks every client so `closeAll()` ends them. */
export class CollabKit {
  readonly #people: DemoPeople;
  readonly #clients: CollabClient[] = [];
  readonly #raws: RawCollabSocket[] = [];
  tideId = '';
  agriId = '';
  ledgerId = '';

  private constructor(public url: string) {
    this.#people = new DemoPeople(url);
  }

  /** Reads the startups over REST (works for an in-process or a child-process server). */
  static async create(url: string): Promise<CollabKit> {
    const kit = new CollabKit(url);
    Object.assign(kit, await kit.#people.startupIds());
    return kit;
  }

  get pitch(): string {
    return `pitch:${this.tideId}`;
  }
  get board(): string {
    return `board:${this.tideId}`;
  }

  /** Signs a demo person in once per kit. */
  person(who: Who): Promise<CollabPerson> {
    return this.#people.get(who);
  }

  /** A provider for this person on `name` (not waiting for anything). */
  async client(who: Who | null, name: string, opts: { net?: ClientNetwork; connect?: boolean } = {}): Promise<CollabClient> {
    const cookie = who ? (await this.person(who)).session.cookie : undefined;
    const c = new CollabClient(who, name, this.url, cookie, opts);
    this.#clients.push(c);
    return c;
  }

  /** A provider that has finished its first sync. */
  async synced(who: Who, name: string, opts: { net?: ClientNetwork } = {}): Promise<CollabClient> {
    const c = await this.client(who, name, opts);
    await c.waitSynced();
    return c;
  }

  /** A raw socket for this person (or no cookie). */
  async raw(who: Who | null, name: string, opts: { cookie?: string; maxPayload?: number } = {}): Promise<RawCollabSocket> {
    const cookie = opts.cookie ?? (who ? (await this.person(who)).session.cookie : undefined);
    const r = RawCollabSocket.open(this.url, name, cookie, opts);
    this.#raws.push(r);
    return r;
  }

  /** Connects a raw socket and returns how the server closed it (for refusals). */
  async refusal(who: Who | null, name: string, opts: { cookie?: string } = {}): Promise<CloseInfo & { raw: RawCollabSocket }> {
    const r = await this.raw(who, name, opts);
    const close = await r.waitClose();
    return { ...close, raw: r };
  }

  /** What a fresh client of this person sees right after its first sync (the server's state). */
  async view(who: Who, name: string): Promise<{ view: Record<string, unknown>; paragraphs: string[]; state: Uint8Array }> {
    const c = await this.synced(who, name);
    const out = { view: docView(name, c.doc), paragraphs: paragraphs(c.doc), state: Y.encodeStateAsUpdate(c.doc) };
    this.#forget(c);
    return out;
  }

  #forget(c: CollabClient): void {
    c.destroy();
    const i = this.#clients.indexOf(c);
    if (i >= 0) this.#clients.splice(i, 1);
  }

  closeAll(): void {
    for (const c of this.#clients.splice(0)) c.destroy();
    for (const r of this.#raws.splice(0)) r.terminate();
  }
}

/** Waits until every client's document looks the same (per DOC_SCHEMAS); returns that view. */
export async function waitConverged(clients: CollabClient[], what = 'clients converge', timeoutMs = 5000): Promise<Record<string, unknown>> {
  let last: string[] = [];
  try {
    return await waitFor(
      () => {
        last = clients.map((c) => JSON.stringify(docView(c.name, c.doc)));
        return last.every((v) => v === last[0]) ? (docView(clients[0]!.name, clients[0]!.doc) as Record<string, unknown>) : undefined;
      },
      { timeoutMs, what },
    );
  } catch (err) {
    throw new Error(`${String(err)}\n${clients.map((c, i) => `  ${c.label}: ${last[i]?.slice(0, 400)}`).join('\n')}`);
  }
}
