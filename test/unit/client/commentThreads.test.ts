import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addReply, addThread, commentsOf, orderThreads, readThreads, setResolved } from '../../../client/src/collab/pitch/commentThreads.js';
import { changesOnly } from '../../../server/collab/updateGuard.js';
import { COMMENTABLE } from '../../../shared/collabConstants.js';

const priya = { id: 'u-priya', name: 'Priya Nair' };
const sofia = { id: 'u-sofia', name: 'Sofia Rossi' };

/** A pitch doc with some text, as the server holds it. */
function pitchDoc(): Y.Doc {
  const doc = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText('Hull cleaning is manual.')]);
  doc.getXmlFragment('content').insert(0, [p]);
  return doc;
}

/** The update a change makes on a client replica of `server`. */
function updateOf(server: Y.Doc, change: (client: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  change(client);
  return Y.mergeUpdates(updates);
}

describe('comment threads in the pitch doc', () => {
  it('a thread, a reply and resolving round-trip as plain objects', () => {
    const doc = pitchDoc();
    const id = addThread(doc, { from: { a: 1 }, to: { b: 2 }, quote: 'manual', text: 'How manual?', author: priya }, new Date('2026-11-27T10:00:00Z'));
    addReply(doc, id, 'About 40 hours.', sofia, new Date('2026-11-27T10:05:00Z'));
    expect(readThreads(doc)).toEqual([
      {
        id,
        from: { a: 1 },
        to: { b: 2 },
        quote: 'manual',
        authorId: 'u-priya',
        authorName: 'Priya Nair',
        createdAt: '2026-11-27T10:00:00.000Z',
        text: 'How manual?',
        resolved: false,
        resolvedBy: null,
        resolvedByName: null,
        replies: [expect.objectContaining({ authorId: 'u-sofia', authorName: 'Sofia Rossi', text: 'About 40 hours.', createdAt: '2026-11-27T10:05:00.000Z' })],
      },
    ]);
    expect(setResolved(doc, id, true, sofia)).toBe(true);
    expect(readThreads(doc)[0]).toMatchObject({ resolved: true, resolvedBy: 'u-sofia', resolvedByName: 'Sofia Rossi' });
    setResolved(doc, id, false, sofia);
    expect(readThreads(doc)[0]).toMatchObject({ resolved: false, resolvedBy: null });
    expect(addReply(doc, 'gone', 'x', sofia)).toBe(false);
    expect(setResolved(doc, 'gone', true, sofia)).toBe(false);
  });

  it('what a commenter does changes only `comments`, so the server’s commenter guard accepts it', () => {
    const server = pitchDoc();
    const open = updateOf(server, (c) => addThread(c, { from: null, to: null, quote: 'q', text: 't', author: priya }));
    expect(changesOnly(server, 'pitch', open, COMMENTABLE.pitch)).toBe(true);
    Y.applyUpdate(server, open);
    const threadId = [...commentsOf(server).keys()][0]!;
    expect(changesOnly(server, 'pitch', updateOf(server, (c) => addReply(c, threadId, 'r', priya)), COMMENTABLE.pitch)).toBe(true);
    expect(changesOnly(server, 'pitch', updateOf(server, (c) => setResolved(c, threadId, true, sofia)), COMMENTABLE.pitch)).toBe(true);
    // …while an edit of the text is not a comment.
    const edit = updateOf(server, (c) => (c.getXmlFragment('content').get(0) as Y.XmlElement).insert(0, [new Y.XmlText('x')]));
    expect(changesOnly(server, 'pitch', edit, COMMENTABLE.pitch)).toBe(false);
  });

  it('concurrent replies from two people both survive', () => {
    const a = pitchDoc();
    const id = addThread(a, { from: null, to: null, quote: 'q', text: 't', author: priya });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    addReply(a, id, 'from a', priya);
    addReply(b, id, 'from b', sofia);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readThreads(a)[0]!.replies.map((r) => r.text).sort()).toEqual(['from a', 'from b']);
    expect(readThreads(a)).toEqual(readThreads(b));
  });

  it('orders threads as the text runs; lost anchors last; ties oldest first', () => {
    const t = (id: string, createdAt: string) => ({ id, createdAt });
    const threads = [t('late-top', '2026-11-27T12:00:00Z'), t('lost', '2026-11-27T08:00:00Z'), t('bottom', '2026-11-27T09:00:00Z'), t('early-top', '2026-11-27T11:00:00Z'), t('lost-older', '2026-11-27T07:00:00Z')];
    const pos: Record<string, number | null> = { 'late-top': 5, lost: null, bottom: 300, 'early-top': 5, 'lost-older': null };
    expect(orderThreads(threads, (x) => pos[x.id] ?? null).map((x) => x.id)).toEqual(['early-top', 'late-top', 'bottom', 'lost-older', 'lost']);
  });

  it('skips entries that are not threads (a malformed peer)', () => {
    const doc = pitchDoc();
    commentsOf(doc).set('junk', 'not a map' as never);
    const id = addThread(doc, { from: null, to: null, quote: '', text: 'ok', author: priya });
    expect(readThreads(doc).map((x) => x.id)).toEqual([id]);
  });
});
