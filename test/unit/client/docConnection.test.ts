/**
 * DocConnection against a scripted WebSocket (the y-websocket protocol spoken by the test) and
 * fake-indexeddb: connection states, refusals that stop reconnecting, the offline copy reaching the
 * server on reconnect, presence, a refused change, and a clean destroy.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { DocConnection } from '../../../client/src/collab/DocConnection.js';
import { createDocStore } from '../../../client/src/collab/docStore.js';
import { waitFor } from '../../helpers/waitFor.js';
import { PROTOCOL_VERSION } from '../../../shared/protocol.js';

/** A WebSocket the test drives: it opens, receives and closes when told to. */
class ScriptedSocket {
  static all: ScriptedSocket[] = [];
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  binaryType = 'arraybuffer';
  onopen: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  readonly sent: Uint8Array[] = [];
  constructor(readonly url: string) {
    ScriptedSocket.all.push(this);
  }
  send(data: Uint8Array) {
    this.sent.push(new Uint8Array(data));
  }
  close() {
    this.readyState = this.CLOSED;
  }
  open() {
    this.readyState = this.OPEN;
    this.onopen?.({});
  }
  receive(message: Uint8Array) {
    this.onmessage?.({ data: message.slice().buffer });
  }
  serverClose(code: number, reason = '') {
    this.readyState = this.CLOSED;
    this.onclose?.({ code, reason });
  }
}

const latest = () => ScriptedSocket.all.at(-1)!;
const syncStep1 = (doc: Y.Doc) => message((e) => syncProtocol.writeSyncStep1(e, doc), 0);
const syncStep2 = (doc: Y.Doc, sv?: Uint8Array) => message((e) => syncProtocol.writeSyncStep2(e, doc, sv), 0);
function message(write: (e: encoding.Encoder) => void, type: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

/** Applies every sync step 2 / update the client sent to `server`. */
function applySent(socket: ScriptedSocket, server: Y.Doc): void {
  for (const m of socket.sent) {
    const d = decoding.createDecoder(m);
    if (decoding.readVarUint(d) !== 0) continue;
    const t = decoding.readVarUint(d);
    if (t === syncProtocol.messageYjsSyncStep2 || t === syncProtocol.messageYjsUpdate) Y.applyUpdate(server, decoding.readVarUint8Array(d));
  }
}

const open: DocConnection[] = [];
function connect(name = 'pitch:tide', userId = 'u-chen', persist = false) {
  const store = createDocStore(name);
  const c = new DocConnection({
    name,
    store,
    persist,
    baseUrl: 'ws://test/collab',
    user: { id: userId, name: 'Chen Yu', role: 'founder', color: '#2563eb' },
    WebSocketImpl: ScriptedSocket as unknown as typeof WebSocket,
  });
  open.push(c);
  c.connect();
  return { c, store };
}

afterEach(() => {
  for (const c of open.splice(0)) c.destroy();
  ScriptedSocket.all = [];
});

describe('DocConnection', () => {
  it('connects to /collab/<name> and is synced once the server’s state is merged', async () => {
    const { store, c } = connect();
    // The page says which protocol version it speaks (a mismatch is refused with 4426).
    expect(latest().url).toBe(`ws://test/collab/pitch:tide?v=${PROTOCOL_VERSION}`);
    expect(store.getState().connection.kind).toBe('connecting');
    const server = new Y.Doc();
    server.getMap('comments').set('t1', new Y.Map());
    latest().open();
    latest().receive(syncStep2(server));
    expect(store.getState().connection.kind).toBe('synced');
    expect(store.getState().everSynced).toBe(true);
    expect(c.doc.getMap('comments').has('t1')).toBe(true);
    expect(store.getState().people).toEqual([expect.objectContaining({ id: 'u-chen', name: 'Chen Yu', me: true })]);
  });

  it('a dropped connection is "offline" and reconnects by itself', async () => {
    const { store } = connect();
    latest().open();
    latest().receive(syncStep2(new Y.Doc()));
    latest().serverClose(1006);
    expect(store.getState().connection.kind).toBe('offline');
    await waitFor(() => ScriptedSocket.all.length === 2, { what: 'a reconnect' });
    latest().open();
    latest().receive(syncStep2(new Y.Doc()));
    expect(store.getState().connection.kind).toBe('synced');
    // A server restart (4503) is not a refusal either.
    latest().serverClose(4503, 'The server is restarting.');
    expect(store.getState().connection.kind).toBe('offline');
    await waitFor(() => ScriptedSocket.all.length === 3, { what: 'a reconnect after 4503' });
  });

  for (const [code, refusal] of [
    [4401, 'unauthenticated'],
    [4403, 'forbidden'],
    [4404, 'notFound'],
    [4500, 'loadFailed'],
    [4413, 'tooLarge'],
  ] as const) {
    it(`a ${code} close is a refusal (${refusal}) and stops reconnecting; "Try again" connects once more`, async () => {
      const { store, c } = connect();
      latest().open();
      latest().serverClose(code, 'no');
      expect(store.getState().connection).toEqual({ kind: 'refused', refusal, code, reason: 'no' });
      await new Promise((r) => setTimeout(r, 400)); // longer than the first backoff (200 ms)
      expect(ScriptedSocket.all).toHaveLength(1);
      c.retry();
      expect(store.getState().connection.kind).toBe('connecting');
      expect(ScriptedSocket.all).toHaveLength(2);
    });
  }

  it('edits made offline are kept on the device and reach the server after reconnecting', async () => {
    const first = connect('board:tide', 'u-sofia', true);
    await waitFor(() => first.store.getState().localLoaded, { what: 'the local copy' });
    first.c.doc.getMap('notes').set('n1', new Y.Map());
    latest().serverClose(1006); // never got through
    expect(first.store.getState().connection.kind).toBe('offline');
    await new Promise((r) => setTimeout(r, 50)); // let IndexedDB write
    first.c.destroy();

    // The page is opened again later: the note comes back from the device, then goes to the server.
    const again = connect('board:tide', 'u-sofia', true);
    await waitFor(() => again.store.getState().localLoaded, { what: 'the local copy' });
    expect(again.c.doc.getMap('notes').has('n1')).toBe(true);
    const server = new Y.Doc();
    latest().open();
    latest().receive(syncStep1(server));
    applySent(latest(), server);
    expect(server.getMap('notes').has('n1')).toBe(true);
    // Another person's copy on the same device is separate.
    const other = connect('board:tide', 'u-chen', true);
    await waitFor(() => other.store.getState().localLoaded, { what: 'the local copy' });
    expect(other.c.doc.getMap('notes').has('n1')).toBe(false);
  });

  it('the browser going offline drops the socket at once; coming back online reconnects without waiting', async () => {
    const g = globalThis as { window?: EventTarget };
    g.window = new EventTarget();
    try {
      const { store } = connect();
      latest().open();
      latest().receive(syncStep2(new Y.Doc()));
      g.window.dispatchEvent(new Event('offline'));
      expect(store.getState().connection.kind).toBe('offline');
      expect(ScriptedSocket.all[0]!.readyState).toBe(ScriptedSocket.all[0]!.CLOSED);
      latest().serverClose(1006); // the new attempt fails: no network
      expect(ScriptedSocket.all).toHaveLength(2);
      g.window.dispatchEvent(new Event('online'));
      expect(ScriptedSocket.all).toHaveLength(3);
      latest().open();
      latest().receive(syncStep2(new Y.Doc()));
      expect(store.getState().connection.kind).toBe('synced');
    } finally {
      delete g.window;
    }
  });

  it('a change the server refuses (permission denied) is reported once', () => {
    const { store } = connect();
    latest().open();
    expect(store.getState().changeRejected).toBe(false);
    latest().receive(message((e) => authProtocol.writePermissionDenied(e, 'You may only comment on this document.'), 2));
    expect(store.getState().changeRejected).toBe(true);
  });

  it('destroy closes the socket and nothing changes or reconnects afterwards', async () => {
    const { store, c } = connect();
    latest().open();
    latest().receive(syncStep2(new Y.Doc()));
    c.destroy();
    c.destroy();
    expect(c.destroyed).toBe(true);
    expect(latest().readyState).toBe(latest().CLOSED);
    expect(store.getState().connection.kind).toBe('synced');
    await new Promise((r) => setTimeout(r, 400));
    expect(ScriptedSocket.all).toHaveLength(1);
  });
});
