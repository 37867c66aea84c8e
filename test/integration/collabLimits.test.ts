/**
 * Bad input on the document WebSocket: a malformed message closes only that connection (4400) and
 * leaves the document untouched; a message over the size limit is closed by the WebSocket layer
 * (1009); an update that would make the document bigger than its limit is refused with 4413.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/waitFor.js';
import { CollabKit, MSG, addParagraph, paragraphs, token, waitConverged, type CollabClient } from '../helpers/collab.js';
import { CollabClose } from '../../shared/collabConstants.js';

const MAX_MESSAGE = 64 * 1024;
const MAX_DOC = 256 * 1024;

let srv: TestServer;
let kit: CollabKit;
beforeAll(async () => {
  srv = await startServer({ collab: { maxMessageBytes: MAX_MESSAGE, maxDocBytes: MAX_DOC } });
  kit = await CollabKit.create(srv.url);
});
afterEach(() => kit.closeAll());
afterAll(() => srv.close());

/** Two founders on the pitch with some content, in sync. */
async function twoFounders(name = kit.pitch): Promise<[CollabClient, CollabClient]> {
  const a = await kit.synced('chen', name);
  const b = await kit.synced('sofia', name);
  const t = token('base');
  addParagraph(a.doc, t);
  await waitFor(() => paragraphs(b.doc).includes(t), { what: 'base content synced' });
  return [a, b];
}

/** An update made by a scratch client on top of `base`'s state (so it integrates cleanly). */
function updateOnTopOf(base: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(base));
  const sv = Y.encodeStateVector(scratch);
  edit(scratch);
  const update = Y.encodeStateAsUpdate(scratch, sv);
  scratch.destroy();
  return update;
}

function bytes(...parts: (number | Uint8Array)[]): Uint8Array {
  const e = encoding.createEncoder();
  for (const p of parts) {
    if (typeof p === 'number') encoding.writeUint8(e, p);
    else encoding.writeUint8Array(e, p);
  }
  return encoding.toUint8Array(e);
}

/** A sync "update" message whose payload is `payload` as-is. */
function rawUpdateMessage(payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG.sync);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

describe('collab limits and bad input', () => {
  const valid = new Y.Doc();
  addParagraph(valid, 'would-be content');
  const validUpdate = Y.encodeStateAsUpdate(valid);

  const malformed: [string, Uint8Array][] = [
    ['an empty message', new Uint8Array(0)],
    ['a sync message without its kind', bytes(MSG.sync)],
    ['an unknown sync kind', bytes(MSG.sync, 7, 0)],
    ['an unknown message type', bytes(99, 1, 2, 3)],
    ['a truncated update', rawUpdateMessage(validUpdate.slice(0, Math.floor(validUpdate.length / 2)))],
    ['an update of garbage bytes', rawUpdateMessage(new TextEncoder().encode('definitely not a Yjs update, just text'))],
    ['a length prefix longer than the message', bytes(MSG.sync, 2, 0x7f, 1, 2, 3)],
    ['a truncated sync step 1', bytes(MSG.sync, 0, 5, 1)],
    ['a garbage awareness update', bytes(MSG.awareness, 4, 0xff, 0xff, 0xff, 0xff)],
  ];

  it.each(malformed)('%s closes only that connection with 4400; the document is untouched', async (_what, message) => {
    const [a, b] = await twoFounders();
    const before = await kit.view('chen', kit.pitch);

    const bad = await kit.raw('chen', kit.pitch);
    await bad.waitOpen();
    bad.sendStep1();
    await waitFor(() => bad.syncMessages().some((m) => m.type === 1), { what: 'bad client synced' });
    bad.send(message);
    const close = await bad.waitClose();
    expect(close.code).toBe(CollabClose.BadMessage);
    expect(close.reason.length).toBeGreaterThan(0);

    // The others were not disconnected and keep working.
    const after = token('after');
    addParagraph(b.doc, after);
    await waitFor(() => paragraphs(a.doc).includes(after), { what: 'others keep syncing' });
    expect(a.closes).toEqual([]);
    expect(b.closes).toEqual([]);
    // Only the new paragraph changed.
    const now = await kit.view('sofia', kit.pitch);
    expect(now.paragraphs).toEqual([...before.paragraphs, after]);
    expect(now.paragraphs).not.toContain('would-be content');
  });

  it('a valid update smuggled after a malformed one on the same connection is not applied', async () => {
    const [a] = await twoFounders();
    const bad = await kit.raw('sofia', kit.pitch);
    await bad.waitOpen();
    const smuggled = token('smuggled');
    bad.send(bytes(MSG.sync));
    bad.sendUpdate(updateOnTopOf(a.doc, (d) => addParagraph(d, smuggled)));
    expect((await bad.waitClose()).code).toBe(CollabClose.BadMessage);
    const fresh = await kit.view('chen', kit.pitch);
    expect(fresh.paragraphs).not.toContain(smuggled);
  });

  it('a message over the size limit is closed with 1009 and changes nothing', async () => {
    const [a, b] = await twoFounders();
    const before = await kit.view('chen', kit.pitch);
    const big = token('big');
    const update = updateOnTopOf(a.doc, (d) => addParagraph(d, big + 'x'.repeat(MAX_MESSAGE)));
    expect(update.length).toBeGreaterThan(MAX_MESSAGE);

    const raw = await kit.raw('chen', kit.pitch);
    await raw.waitOpen();
    raw.sendUpdate(update);
    const close = await raw.waitClose();
    expect(close.code).toBe(1009);

    const fresh = await kit.view('sofia', kit.pitch);
    expect(fresh.paragraphs).toEqual(before.paragraphs);
    expect(paragraphs(b.doc).some((p) => p.startsWith(big))).toBe(false);
    // A message just under the limit still goes through.
    const fits = token('fits');
    const ok = await kit.raw('chen', kit.pitch);
    await ok.waitOpen();
    ok.sendUpdate(updateOnTopOf(a.doc, (d) => addParagraph(d, fits + 'y'.repeat(MAX_MESSAGE / 2))));
    await waitFor(() => paragraphs(b.doc).some((p) => p.startsWith(fits)), { what: 'a message under the limit is applied' });
    expect(ok.close).toBeUndefined();
  });

  it('an update that would make the document bigger than its limit is refused with 4413 and not applied', async () => {
    const name = kit.board; // its own document, so the other tests' content does not count
    const a = await kit.synced('chen', name);
    const b = await kit.synced('sofia', name);
    // Grow the document close to the limit in steps that each fit in a message.
    const chunk = 'z'.repeat(30 * 1024);
    let i = 0;
    while (Y.encodeStateAsUpdate(a.doc).length + chunk.length <= MAX_DOC - 10 * 1024) {
      a.doc.getMap('notes').set(`n${i++}`, chunk);
      await a.roundTrip();
    }
    await waitConverged([a, b], 'board filled');
    const before = await kit.view('chen', name);
    const sizeBefore = before.state.length;

    expect(sizeBefore).toBeLessThan(MAX_DOC);
    // One more change (a message well under the message limit) crosses the document limit: refused,
    // the connection is closed with 4413.
    const over = `over-${token('x')}`;
    const overText = 'o'.repeat(50 * 1024);
    expect(sizeBefore + overText.length).toBeGreaterThan(MAX_DOC);
    a.doc.getMap('notes').set(over, overText);
    const close = await a.waitClosed();
    expect(close.code).toBe(CollabClose.TooLarge);
    expect(close.reason.length).toBeGreaterThan(0);

    // Not applied anywhere, the document did not grow.
    const fresh = await kit.view('sofia', name);
    expect(Object.keys(fresh.view.notes as object)).not.toContain(over);
    expect(fresh.state.length).toBe(sizeBefore);
    expect(b.doc.getMap('notes').has(over)).toBe(false);
    expect(b.closes).toEqual([]);
    // 4413 is final for y-websocket: the provider does not retry the same update in a loop.
    expect(a.provider.shouldConnect).toBe(false);
    // Small changes that keep the document under the limit still work for others.
    b.doc.getMap('notes').set('small', 'ok');
    await waitFor(async () => Object.keys((await kit.view('chen', name)).view.notes as object).includes('small'), { what: 'small edit still applied' });
  });

  it('sync messages from a client are only ever bytes of the y-websocket protocol (a text frame is malformed)', async () => {
    const raw = await kit.raw('chen', kit.pitch);
    await raw.waitOpen();
    raw.ws.send('hello, is this the pitch doc?');
    expect((await raw.waitClose()).code).toBe(CollabClose.BadMessage);
  });
});
