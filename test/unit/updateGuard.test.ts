import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changesOnly, commenterRule } from '../../server/collab/updateGuard.js';

/** A server doc with some text and a comment, and a client that has synced it. */
function setup() {
  const server = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText('Our market is huge')]);
  server.getXmlFragment('content').insert(0, [p]);
  const thread = new Y.Map<unknown>();
  thread.set('text', 'Source?');
  thread.set('replies', new Y.Array());
  server.getMap('comments').set('t1', thread);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}
/** What `change` does to the client, as one update. */
function updateOf(client: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(client);
  change();
  return Y.encodeStateAsUpdate(client, before);
}

describe('changesOnly (what a commenter may change)', () => {
  it('accepts new threads, replies and resolving — changes inside `comments`', () => {
    const { server, client } = setup();
    const add = updateOf(client, () => client.getMap('comments').set('t2', new Y.Map()));
    expect(changesOnly(server, 'pitch', add, ['comments'])).toBe(true);
    Y.applyUpdate(server, add); // accepted, so the server has it before the next one
    const reply = updateOf(client, () => ((client.getMap('comments').get('t1') as Y.Map<unknown>).get('replies') as Y.Array<string>).push(['Gartner 2025']));
    expect(changesOnly(server, 'pitch', reply, ['comments'])).toBe(true);
  });

  it('refuses edits to the text, deletions of it, new top-level types, and mixed updates', () => {
    /** Each change on a fresh pair, so every update is complete on its own. */
    const check = (change: (client: Y.Doc, words: () => Y.XmlText) => void) => {
      const { server, client } = setup();
      const paragraph = client.getXmlFragment('content').toArray()[0] as Y.XmlElement;
      const result = changesOnly(server, 'pitch', updateOf(client, () => change(client, () => paragraph.toArray()[0] as Y.XmlText)), ['comments']);
      // Nothing was applied to the server's document by the check.
      expect(server.getXmlFragment('content').toString()).toBe('<paragraph>Our market is huge</paragraph>');
      expect([...server.getMap('comments').keys()]).toEqual(['t1']);
      return result;
    };
    expect(check((_, words) => words().insert(0, 'NOT '))).toBe(false);
    expect(check((client) => client.getXmlFragment('content').delete(0, 1))).toBe(false);
    expect(check((client) => client.getMap('evil').set('x', 1))).toBe(false);
    expect(check((client, words) => client.transact(() => { client.getMap('comments').set('t3', 'ok'); words().insert(0, 'x'); }))).toBe(false);
    expect(check((client) => client.getMap('comments').set('t3', 'ok'))).toBe(true); // the control
  });

  it('refuses an update that depends on something the server does not have (it could land unchecked later)', () => {
    const { server, client } = setup();
    updateOf(client, () => client.getMap('comments').set('gap', 1)); // never sent
    const dependent = updateOf(client, () => client.getMap('comments').set('gap', 2));
    expect(changesOnly(server, 'pitch', dependent, ['comments'])).toBe(false);
  });

  it('nothing is commentable on a board', () => {
    const { server, client } = setup();
    expect(changesOnly(server, 'board', updateOf(client, () => client.getMap('comments').set('t9', 1)), [])).toBe(false);
  });
});

describe('commenterRule (what a commenter may do to the threads)', () => {
  const ME = 'u-mentor';
  /** A server doc with thread t1 by a founder (one reply) and a synced client. */
  function threads() {
    const server = new Y.Doc();
    const t1 = new Y.Map<unknown>();
    server.getMap('comments').set('t1', t1);
    t1.set('text', 'Source?');
    t1.set('authorId', 'u-founder');
    t1.set('resolved', false);
    t1.set('resolvedBy', null);
    t1.set('from', { type: null, tname: null, item: { client: 1, clock: 5 }, assoc: 0 });
    const replies = new Y.Array<unknown>();
    t1.set('replies', replies);
    replies.push([{ id: 'r1', authorId: 'u-founder', text: 'first' }]);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    return { server, client, t1: () => client.getMap('comments').get('t1') as Y.Map<unknown> };
  }
  const verdict = (change: (c: { client: Y.Doc; t1: () => Y.Map<unknown> }) => void) => {
    const { server, client, t1 } = threads();
    return changesOnly(server, 'pitch', updateOf(client, () => client.transact(() => change({ client, t1 }))), ['comments'], commenterRule(ME));
  };
  const newThread = (client: Y.Doc, id: string, fields: Record<string, unknown>) => {
    const m = new Y.Map<unknown>();
    client.getMap('comments').set(id, m);
    for (const [k, v] of Object.entries(fields)) m.set(k, v);
    m.set('replies', new Y.Array());
  };

  it('accepts a new open thread and a reply at the end, both in the commenter’s name', () => {
    expect(verdict(({ client }) => newThread(client, 't2', { text: 'Nice', authorId: ME, resolved: false, resolvedBy: null }))).toBe(true);
    expect(verdict(({ t1 }) => (t1().get('replies') as Y.Array<unknown>).push([{ id: 'r2', authorId: ME, text: 'Agreed' }]))).toBe(true);
  });

  it('refuses resolving or reopening, rewriting, removing, and anything in someone else’s name', () => {
    expect(verdict(({ t1 }) => t1().set('resolved', true))).toBe(false);
    expect(verdict(({ t1 }) => t1().set('resolvedBy', ME))).toBe(false);
    expect(verdict(({ t1 }) => t1().set('text', 'rewritten'))).toBe(false);
    expect(verdict(({ t1 }) => t1().set('from', { type: null, tname: null, item: { client: 1, clock: 9 }, assoc: 0 }))).toBe(false); // moved anchor
    expect(verdict(({ client }) => client.getMap('comments').delete('t1'))).toBe(false);
    expect(verdict(({ t1 }) => (t1().get('replies') as Y.Array<unknown>).delete(0, 1))).toBe(false);
    expect(verdict(({ t1 }) => (t1().get('replies') as Y.Array<unknown>).insert(0, [{ id: 'r0', authorId: ME, text: 'before the first' }]))).toBe(false);
    expect(verdict(({ t1 }) => (t1().get('replies') as Y.Array<unknown>).push([{ id: 'r2', authorId: 'u-founder', text: 'forged' }]))).toBe(false);
    expect(verdict(({ client }) => newThread(client, 't2', { text: 'forged', authorId: 'u-founder', resolved: false }))).toBe(false);
    expect(verdict(({ client }) => newThread(client, 't2', { text: 'born resolved', authorId: ME, resolved: true, resolvedBy: ME }))).toBe(false);
  });
});
