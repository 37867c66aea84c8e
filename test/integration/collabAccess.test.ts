/**
 * Who may do what with a document (docs/collab.md "Who may do what"): founders edit, mentors and
 * operators comment on the pitch and read the board, investors read what was shared with them, everyone
 * else is refused with a close code and a reason. Dropped updates are checked on the founders' docs and
 * on a fresh client (the server's state), after a round trip proves the server handled them.
 */
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { login, startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/waitFor.js';
import { put } from '../helpers/roadshow.js';
import {
  CollabKit,
  RawCollabSocket,
  addNote,
  addParagraph,
  addThread,
  paragraphs,
  token,
  type CollabClient,
  type Who,
} from '../helpers/collab.js';
import { CollabClose } from '../../shared/collabConstants.js';
import { DocAccessResponse, DocSharesResponse } from '../../shared/collab.js';

let srv: TestServer;
let kit: CollabKit;
beforeAll(async () => {
  srv = await startServer();
  kit = await CollabKit.create(srv.url);
});
afterEach(() => kit.closeAll());
afterAll(() => srv.close());

/**
 * Proves `sender`'s earlier updates were handled, then has a founder write a marker and waits for it on
 * every founder: an update the server had applied would have reached them before the marker.
 */
async function settle(sender: CollabClient, founders: CollabClient[]): Promise<void> {
  await sender.roundTrip();
  const marker = token('marker');
  addParagraph(founders[0]!.doc, marker);
  for (const f of founders) await waitFor(() => paragraphs(f.doc).includes(marker), { what: `${f.label} got the marker` });
}

async function setShares(who: Who, name: string, investorIds: string[]) {
  return put((await kit.person(who)).session, `/api/docs/${name}/shares`, { investorIds });
}

describe('REST: GET /api/docs/:name/access', () => {
  const matrix: [Who, 'edit' | 'comment' | 'read' | 'none', 'edit' | 'comment' | 'read' | 'none'][] = [
    // who, pitch, board
    ['chen', 'edit', 'edit'],
    ['sofia', 'edit', 'edit'],
    ['daniel', 'comment', 'read'],
    ['wanglei', 'comment', 'read'],
    ['ops', 'comment', 'read'],
    ['lina', 'none', 'none'],
    ['marcus', 'none', 'none'],
    ['zhao', 'none', 'none'],
  ];
  it.each(matrix)('%s: pitch %s, board %s', async (who, pitch, board) => {
    const session = (await kit.person(who)).session;
    for (const [name, expected] of [
      [kit.pitch, pitch],
      [kit.board, board],
    ] as const) {
      const res = await session.get(`/api/docs/${name}/access`);
      expect(res.status, `${who} ${name}: ${res.text}`).toBe(200);
      const body = DocAccessResponse.parse(res.json);
      expect(body).toMatchObject({ name, access: expected, startupId: kit.tideId });
      expect(body.title.length).toBeGreaterThan(0);
    }
  });

  it('an investor reads only the documents shared with them', async () => {
    const hannah = await kit.person('hannah');
    expect((await hannah.session.get(`/api/docs/${kit.pitch}/access`)).json.access).toBe('none');
    expect((await setShares('chen', kit.pitch, [hannah.id])).status).toBe(200);
    try {
      expect((await hannah.session.get(`/api/docs/${kit.pitch}/access`)).json.access).toBe('read');
      expect((await hannah.session.get(`/api/docs/${kit.board}/access`)).json.access).toBe('none');
    } finally {
      await setShares('chen', kit.pitch, []);
    }
    expect((await hannah.session.get(`/api/docs/${kit.pitch}/access`)).json.access).toBe('none');
  });

  it('needs a session; unknown startups are 404', async () => {
    const anon = await fetch(`${srv.url}/api/docs/${kit.pitch}/access`);
    expect(anon.status).toBe(401);
    const ops = (await kit.person('ops')).session;
    expect((await ops.get('/api/docs/pitch:no-such-startup/access')).status).toBe(404);
  });
});

describe('REST: shares', () => {
  it('founders replace the list; GET lists the investors; only founders may PUT', async () => {
    const hannah = await kit.person('hannah');
    const zhao = await kit.person('zhao');
    const put1 = await setShares('sofia', kit.pitch, [hannah.id, zhao.id]);
    expect(put1.status, put1.text).toBe(200);
    const chenGet = await (await kit.person('chen')).session.get(`/api/docs/${kit.pitch}/shares`);
    expect(chenGet.status).toBe(200);
    expect(DocSharesResponse.parse(chenGet.json).investors.map((i) => i.id).sort()).toEqual([hannah.id, zhao.id].sort());
    // Operators may read the list.
    const opsGet = await (await kit.person('ops')).session.get(`/api/docs/${kit.pitch}/shares`);
    expect(opsGet.status).toBe(200);
    expect(opsGet.json.investors).toHaveLength(2);

    // Replaces, not appends.
    expect((await setShares('chen', kit.pitch, [zhao.id])).status).toBe(200);
    expect((await (await kit.person('chen')).session.get(`/api/docs/${kit.pitch}/shares`)).json.investors.map((i: { id: string }) => i.id)).toEqual([zhao.id]);

    for (const who of ['daniel', 'ops', 'lina', 'hannah', 'zhao'] as const) {
      const res = await setShares(who, kit.pitch, [hannah.id]);
      expect(res.status, `${who} PUT shares: ${res.text}`).toBe(403);
    }
    for (const who of ['daniel', 'lina', 'hannah'] as const) {
      const res = await (await kit.person(who)).session.get(`/api/docs/${kit.pitch}/shares`);
      expect(res.status, `${who} GET shares`).toBe(403);
    }
    // The refused PUTs changed nothing.
    expect((await (await kit.person('chen')).session.get(`/api/docs/${kit.pitch}/shares`)).json.investors.map((i: { id: string }) => i.id)).toEqual([zhao.id]);
    await setShares('chen', kit.pitch, []);
  });

  it('only investors can be on the list', async () => {
    const daniel = await kit.person('daniel');
    const res = await setShares('chen', kit.pitch, [daniel.id]);
    expect(res.status).toBe(400);
    expect((await (await kit.person('chen')).session.get(`/api/docs/${kit.pitch}/shares`)).json.investors).toEqual([]);
  });
});

describe('WebSocket access', () => {
  it('founders edit: each founder’s change reaches the other and the server', async () => {
    const chen = await kit.synced('chen', kit.pitch);
    const sofia = await kit.synced('sofia', kit.pitch);
    const t = token('founder');
    addParagraph(sofia.doc, t);
    await waitFor(() => paragraphs(chen.doc).includes(t), { what: 'chen sees sofia edit' });
    expect((await kit.view('ops', kit.pitch)).paragraphs).toContain(t);
    expect(sofia.denied).toEqual([]);
  });

  it.each(['daniel', 'ops'] as const)('%s comments on the pitch; their change to the content is dropped', async (who) => {
    const chen = await kit.synced('chen', kit.pitch);
    const sofia = await kit.synced('sofia', kit.pitch);
    const commenter = await kit.synced(who, kit.pitch);
    const person = await kit.person(who);

    // Receives the founders' edits.
    const seen = token('seen');
    addParagraph(chen.doc, seen);
    await waitFor(() => paragraphs(commenter.doc).includes(seen), { what: `${who} receives content` });

    // A comment thread reaches both founders and stays on the server.
    const threadId = token('thread');
    addThread(commenter.doc, threadId, `comment by ${who}`, person);
    for (const f of [chen, sofia]) {
      await waitFor(() => (f.comments.get(threadId) as { get(k: string): unknown } | undefined)?.get('text') === `comment by ${who}`, {
        what: `${f.label} gets ${who}'s comment`,
      });
    }
    expect(commenter.denied).toEqual([]);

    // A change to the content is dropped: never applied, one permission-denied message.
    const forbidden = token(`${who}-content`);
    addParagraph(commenter.doc, forbidden);
    await waitFor(() => commenter.denied.length > 0, { what: `${who} told permission-denied` });
    await settle(commenter, [chen, sofia]);
    expect(paragraphs(chen.doc)).not.toContain(forbidden);
    expect(paragraphs(sofia.doc)).not.toContain(forbidden);
    const fresh = await kit.view('chen', kit.pitch);
    expect(fresh.paragraphs).not.toContain(forbidden);
    expect(Object.keys(fresh.view.comments as object)).toContain(threadId);
    expect(commenter.denied).toHaveLength(1);
    // The commenter stays connected (a dropped update is not a protocol error).
    expect(commenter.closes).toEqual([]);
  });

  it('a commenter adds threads and replies in their own name only, and cannot resolve, remove or rewrite threads; founders resolve', async () => {
    const chen = await kit.synced('chen', kit.pitch);
    const sofia = await kit.synced('sofia', kit.pitch);
    const daniel = await kit.synced('daniel', kit.pitch);
    const [chenP, danielP] = [await kit.person('chen'), await kit.person('daniel')];
    const thread = token('thread');
    addThread(chen.doc, thread, 'Is the TAM sourced?', chenP);
    await waitFor(() => daniel.comments.has(thread), { what: 'daniel gets chen’s thread' });
    const threadOf = (c: CollabClient) => c.comments.get(thread) as Y.Map<unknown>;
    const repliesOf = (c: CollabClient) => (threadOf(c).get('replies') as Y.Array<{ authorId: string; text: string }>).toArray();

    // His own reply and his own thread go through.
    (threadOf(daniel).get('replies') as Y.Array<unknown>).push([{ id: token('r'), authorId: danielP.id, authorName: danielP.name, text: 'Cite Gartner.', createdAt: new Date().toISOString() }]);
    const own = token('own');
    addThread(daniel.doc, own, 'Great slide', danielP);
    await waitFor(() => repliesOf(chen).some((r) => r.text === 'Cite Gartner.') && chen.comments.has(own), { what: 'chen gets daniel’s reply and thread' });
    expect(daniel.denied).toEqual([]);

    // Each of these is dropped (applied nowhere, stored nowhere).
    const forged = token('forged');
    const attempts: [string, () => void][] = [
      ['resolve a thread', () => threadOf(daniel).set('resolved', true)],
      ['rewrite a thread', () => threadOf(daniel).set('text', 'rewritten by a mentor')],
      ['remove a thread', () => daniel.comments.delete(own)],
      ['open a thread in chen’s name', () => addThread(daniel.doc, forged, 'posing as chen', chenP)],
      ['reply in chen’s name', () => (threadOf(daniel).get('replies') as Y.Array<unknown>).push([{ id: token('r'), authorId: chenP.id, authorName: chenP.name, text: 'posing as chen', createdAt: new Date().toISOString() }])],
    ];
    for (const [what, attempt] of attempts) {
      daniel.doc.transact(attempt);
      await settle(daniel, [chen, sofia]);
      for (const f of [chen, sofia]) {
        expect(threadOf(f).get('resolved'), what).toBe(false);
        expect(threadOf(f).get('text'), what).toBe('Is the TAM sourced?');
        expect(f.comments.has(own), what).toBe(true);
        expect(f.comments.has(forged), what).toBe(false);
        expect(repliesOf(f).some((r) => r.text === 'posing as chen'), what).toBe(false);
      }
    }
    expect(daniel.denied.length).toBeGreaterThan(0);
    const stored = await kit.view('sofia', kit.pitch);
    const comments = stored.view.comments as Record<string, { resolved: boolean; text: string }>;
    expect(comments[thread]).toMatchObject({ resolved: false, text: 'Is the TAM sourced?' });
    expect(Object.keys(comments)).toEqual(expect.arrayContaining([thread, own]));
    expect(Object.keys(comments)).not.toContain(forged);

    // A founder resolves.
    threadOf(chen).set('resolved', true);
    await waitFor(() => threadOf(sofia).get('resolved') === true, { what: 'sofia sees chen resolve' });
    expect(chen.denied).toEqual([]);
  });

  it.each(['daniel', 'ops'] as const)('%s reads the board: receives updates, any change is dropped', async (who) => {
    const chen = await kit.synced('chen', kit.board);
    const reader = await kit.synced(who, kit.board);
    const noteId = token('note');
    addNote(chen.doc, noteId, 'from chen');
    await waitFor(() => reader.doc.getMap('notes').has(noteId), { what: `${who} receives board note` });

    const theirs = token(`${who}-note`);
    addNote(reader.doc, theirs, 'from a reader');
    await waitFor(() => reader.denied.length > 0, { what: `${who} told permission-denied on board` });
    await reader.roundTrip();
    const marker = token('marker');
    addNote(chen.doc, marker, 'marker');
    await waitFor(() => reader.doc.getMap('notes').has(marker), { what: 'marker reached reader' });
    expect(chen.doc.getMap('notes').has(theirs)).toBe(false);
    const fresh = await kit.view('sofia', kit.board);
    expect(Object.keys(fresh.view.notes as object)).toContain(noteId);
    expect(Object.keys(fresh.view.notes as object)).not.toContain(theirs);
    expect(reader.closes).toEqual([]);
  });

  it('an investor without a share is refused; once shared, reads (and only reads) the pitch', async () => {
    const hannah = await kit.person('hannah');
    const before = await kit.refusal('hannah', kit.pitch);
    expect(before.code).toBe(CollabClose.Forbidden);
    expect(before.reason.length).toBeGreaterThan(0);
    // Nothing of the document was sent before the close.
    expect(before.raw.messageTypes()).not.toContain(0);

    expect((await setShares('chen', kit.pitch, [hannah.id])).status).toBe(200);
    try {
      const chen = await kit.synced('chen', kit.pitch);
      const sofia = await kit.synced('sofia', kit.pitch);
      const investor = await kit.synced('hannah', kit.pitch);
      expect(paragraphs(investor.doc)).toEqual(paragraphs(chen.doc));
      const live = token('live');
      addParagraph(chen.doc, live);
      await waitFor(() => paragraphs(investor.doc).includes(live), { what: 'investor receives updates' });

      const theirs = token('investor');
      addParagraph(investor.doc, theirs);
      addThread(investor.doc, token('thread'), 'investors cannot comment', hannah);
      await waitFor(() => investor.denied.length > 0, { what: 'investor told permission-denied' });
      await settle(investor, [chen, sofia]);
      expect(paragraphs(chen.doc)).not.toContain(theirs);
      expect(JSON.stringify(chen.comments.toJSON())).not.toContain('investors cannot comment');
      const fresh = await kit.view('sofia', kit.pitch);
      expect(fresh.paragraphs).not.toContain(theirs);
      expect(JSON.stringify(fresh.view.comments)).not.toContain('investors cannot comment');
      expect(investor.denied).toHaveLength(1);

      // The share is per document: the board stays closed; other investors stay out.
      expect((await kit.refusal('hannah', kit.board)).code).toBe(CollabClose.Forbidden);
      expect((await kit.refusal('zhao', kit.pitch)).code).toBe(CollabClose.Forbidden);
    } finally {
      await setShares('chen', kit.pitch, []);
    }
    // Unshared again: a new connection is refused.
    expect((await kit.refusal('hannah', kit.pitch)).code).toBe(CollabClose.Forbidden);
  });

  it('another startup’s founder is refused on both documents', async () => {
    for (const name of [kit.pitch, kit.board]) {
      const r = await kit.refusal('lina', name);
      expect(r.code, name).toBe(CollabClose.Forbidden);
      expect(r.reason.length).toBeGreaterThan(0);
      expect(r.raw.messageTypes()).not.toContain(0);
    }
    // And Lina can still open her own startup's pitch.
    const own = await kit.synced('lina', `pitch:${kit.agriId}`);
    expect(own.closes).toEqual([]);
  });

  it('no cookie or a stale cookie: 4401', async () => {
    const none = await kit.refusal(null, kit.pitch);
    expect(none.code).toBe(CollabClose.Unauthenticated);
    expect(none.reason.length).toBeGreaterThan(0);
    expect(none.raw.messageTypes()).not.toContain(0);
    const stale = await kit.refusal(null, kit.pitch, { cookie: 'hatchery_session=not-a-real-session-token' });
    expect(stale.code).toBe(CollabClose.Unauthenticated);
  });

  it('unknown startup: 4404', async () => {
    for (const who of ['ops', 'chen'] as const) {
      const r = await kit.refusal(who, 'pitch:no-such-startup');
      expect(r.code, who).toBe(CollabClose.NotFound);
      expect(r.reason.length).toBeGreaterThan(0);
    }
    expect((await kit.refusal('ops', 'board:no-such-startup')).code).toBe(CollabClose.NotFound);
  });

  it('a browser page from another origin is refused (cross-site WebSocket hijacking)', async () => {
    const chen = await kit.person('chen');
    const foreign = RawCollabSocket.open(srv.url, kit.pitch, chen.session.cookie, { headers: { origin: 'https://evil.example' } });
    try {
      const close = await foreign.waitClose();
      expect(close.code).toBe(CollabClose.Forbidden);
      expect(foreign.messageTypes()).not.toContain(0);
    } finally {
      foreign.terminate();
    }
    // The app's own origin is fine.
    const own = RawCollabSocket.open(srv.url, kit.pitch, chen.session.cookie, { headers: { origin: srv.url } });
    try {
      await own.waitOpen();
      own.sendStep1();
      await waitFor(() => own.syncMessages().some((m) => m.type === 1), { what: 'same-origin page syncs' });
    } finally {
      own.terminate();
    }
  });

  it('a page speaking another protocol version (or none) is told to reload, before anything is served', async () => {
    const chen = await kit.person('chen');
    for (const version of ['0', '999', 'abc', null]) {
      const old = RawCollabSocket.open(srv.url, kit.pitch, chen.session.cookie, { version });
      try {
        const close = await old.waitClose();
        expect(close.code, `v=${version}`).toBe(CollabClose.ProtocolMismatch);
        expect(close.reason).toMatch(/reload/i);
        expect(old.messageTypes()).not.toContain(0);
      } finally {
        old.terminate();
      }
    }
    // The current version syncs (RawCollabSocket sends it by default).
    const current = RawCollabSocket.open(srv.url, kit.pitch, chen.session.cookie);
    try {
      await current.waitOpen();
      current.sendStep1();
      await waitFor(() => current.syncMessages().some((m) => m.type === 1), { what: 'current-version page syncs' });
    } finally {
      current.terminate();
    }
  });

  it('a name that is not a document is refused', async () => {
    for (const name of ['wiki:abc', `pitch:${'x'.repeat(65)}`, 'pitch:bad%24name', 'pitch', 'pitch:', `pitch:${kit.tideId}%E0%A4%A`, '%']) {
      const r = await kit.refusal('ops', name);
      // docs/collab.md does not say which code a malformed name gets: 4400 (bad message) or 4404.
      expect([CollabClose.BadMessage, CollabClose.NotFound], `${name}: ${JSON.stringify({ code: r.code, reason: r.reason, http: r.raw.httpStatus })}`).toContain(r.code);
      expect(r.raw.messageTypes()).not.toContain(0);
    }
  });
});

describe('losing access while connected', () => {
  it('an investor who is unshared is disconnected at once (4403); one still shared stays', async () => {
    const hannah = await kit.person('hannah');
    const zhao = await kit.person('zhao');
    expect((await setShares('chen', kit.pitch, [hannah.id, zhao.id])).status).toBe(200);
    const h = await kit.synced('hannah', kit.pitch);
    const z = await kit.synced('zhao', kit.pitch);
    expect((await setShares('chen', kit.pitch, [zhao.id])).status).toBe(200);
    expect((await h.waitClosed()).code).toBe(CollabClose.Forbidden);
    // Zhao keeps receiving the founders' edits.
    const chen = await kit.synced('chen', kit.pitch);
    const marker = token('still-shared');
    addParagraph(chen.doc, marker);
    await waitFor(() => paragraphs(z.doc).includes(marker), { what: 'zhao still receives edits' });
    expect(z.closes).toEqual([]);
    expect((await setShares('chen', kit.pitch, [])).status).toBe(200);
  });

  it('signing out closes that session’s document connections (4401), not other sessions’', async () => {
    const session = await login(srv.url, 'sofia@hatchery.demo');
    const mine = RawCollabSocket.open(srv.url, kit.pitch, session.cookie);
    const other = await kit.synced('sofia', kit.pitch); // Sofia's other session
    try {
      await mine.waitOpen();
      expect((await session.post('/api/auth/logout')).status).toBeLessThan(300);
      expect((await mine.waitClose()).code).toBe(CollabClose.Unauthenticated);
      await other.roundTrip();
      expect(other.closes).toEqual([]);
    } finally {
      mine.terminate();
    }
  });
});
