/**
 * Document sync over `/collab/<name>` with real y-websocket providers: concurrent edits converge, a late
 * joiner gets the full state, awareness reaches others and is removed when a client's connection drops.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/waitFor.js';
import { CollabKit, addColumn, addParagraph, paragraphs, token, waitConverged } from '../helpers/collab.js';

let srv: TestServer;
let kit: CollabKit;
beforeAll(async () => {
  srv = await startServer();
  kit = await CollabKit.create(srv.url);
});
afterEach(() => kit.closeAll());
afterAll(() => srv.close());

describe('collab sync', () => {
  it('two founders editing at the same time converge, and a late joiner gets the full state', async () => {
    const a = await kit.synced('chen', kit.pitch);
    const b = await kit.synced('sofia', kit.pitch);

    // Rounds of truly concurrent edits: both insert in the same tick, before either hears of the other.
    const tokens: string[] = [];
    for (let round = 0; round < 5; round++) {
      const ta = token(`chen${round}`);
      const tb = token(`sofia${round}`);
      addParagraph(a.doc, ta);
      addParagraph(b.doc, tb);
      tokens.push(ta, tb);
      if (round % 2 === 1) await waitFor(() => paragraphs(a.doc).includes(tb) && paragraphs(b.doc).includes(ta), { what: `round ${round} crossed` });
    }
    // Both type into the same paragraph at the same position.
    await waitFor(() => b.content.length === a.content.length && a.content.length === tokens.length, { what: 'same paragraphs' });
    const firstA = (a.content.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const firstB = (b.content.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    firstA.insert(0, 'AAA ');
    firstB.insert(0, 'BBB ');

    const view = await waitConverged([a, b], 'two founders converge');
    const text = String(view.content);
    for (const t of tokens) expect(text).toContain(t);
    expect(text).toContain('AAA ');
    expect(text).toContain('BBB ');
    expect(paragraphs(a.doc)).toHaveLength(tokens.length);
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));

    // A third client (a second tab of Chen's) joins late and gets everything from the server.
    const c = await kit.synced('chen', kit.pitch);
    expect(paragraphs(c.doc)).toEqual(paragraphs(a.doc));
    expect(c.content.toString()).toBe(a.content.toString());

    // And the late joiner's edit reaches both.
    const late = token('late');
    addParagraph(c.doc, late);
    await waitFor(() => paragraphs(a.doc).includes(late) && paragraphs(b.doc).includes(late), { what: 'late joiner edit reaches both' });
    await waitConverged([a, b, c]);
  });

  it('an edit made while a founder is offline is merged when they come back', async () => {
    const a = await kit.synced('chen', kit.board);
    const b = await kit.synced('sofia', kit.board);
    b.provider.disconnect();
    await waitFor(() => !b.provider.wsconnected, { what: 'sofia offline' });
    addColumn(a.doc, 'c1', 'from-chen');
    addColumn(b.doc, 'c2', 'from-sofia-offline');
    b.provider.connect();
    const view = await waitConverged([a, b], 'offline edit merged');
    expect((view.columns as { title: string }[]).map((c) => c.title).sort()).toEqual(['from-chen', 'from-sofia-offline']);
  });

  it('messages a client sends right after opening (while the server still authorizes and loads) are not lost', async () => {
    const name = `board:${kit.ledgerId}`;
    expect(srv.hatchery.collab.isLoaded(name)).toBe(false);
    // A slow store (like a remote database): loading takes a while, so the client's first messages
    // arrive before the server is ready for them.
    const docs = srv.hatchery.store.docs;
    const loadUpdates = docs.loadUpdates;
    let loading = 0;
    docs.loadUpdates = async (doc) => {
      loading++;
      await new Promise((r) => setTimeout(r, 300));
      return loadUpdates.call(docs, doc);
    };
    try {
      const raw = await kit.raw('marcus', name);
      const early = new Y.Doc();
      addColumn(early, 'early', 'sent before the first server message');
      raw.ws.on('open', () => {
        raw.sendStep1(early);
        raw.sendUpdate(Y.encodeStateAsUpdate(early));
      });
      await waitFor(() => raw.syncMessages().some((m) => m.type === 1), { what: 'answer to the early step 1' });
      expect(loading).toBe(1);
      const fresh = await kit.view('marcus', name);
      expect((fresh.view.columns as { title: string }[]).map((c) => c.title)).toEqual(['sent before the first server message']);
      expect(raw.close).toBeUndefined();
    } finally {
      docs.loadUpdates = loadUpdates;
    }
  });

  it('awareness: a client’s state reaches the others and is removed as soon as its connection drops', async () => {
    const a = await kit.synced('chen', kit.pitch);
    const b = await kit.synced('sofia', kit.pitch);
    const c = await kit.synced('daniel', kit.pitch); // a commenter sees cursors too

    // Chen claims to be someone else: the server vouches for presence, so others see who it really is.
    const chen = await kit.person('chen');
    a.awareness.setLocalStateField('user', { name: 'Mallory', id: 'someone-else', color: '#f00' });
    for (const other of [b, c]) {
      await waitFor(
        () => {
          const user = (other.awareness.getStates().get(a.doc.clientID) as { user?: { name: string; id: string; color: string } } | undefined)?.user;
          return user?.name === chen.name && user.id === chen.id && user.color === '#f00';
        },
        { what: `${other.label} sees chen's awareness under chen's real name` },
      );
    }
    // A client that joins later is told about the states already there.
    const late = await kit.synced('sofia', kit.pitch);
    await waitFor(() => late.awareness.getStates().has(a.doc.clientID), { what: 'late joiner sees chen awareness' });

    // Chen's connection drops without any goodbye (no "null" awareness state from the client): the
    // server removes Chen's state for everyone at once, well before awareness' own 30 s timeout.
    a.dropConnection();
    for (const other of [b, c, late]) {
      await waitFor(() => !other.awareness.getStates().has(a.doc.clientID), { what: `${other.label}: chen's awareness removed`, timeoutMs: 3000 });
    }
    // Others' states are untouched.
    b.awareness.setLocalStateField('user', { name: 'Sofia' });
    await waitFor(() => c.awareness.getStates().has(b.doc.clientID), { what: 'sofia awareness still flows' });
  });
});
