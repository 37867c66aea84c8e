/**
 * Comment threads of a pitch doc, in the `comments` Y.Map (see DOC_SCHEMAS): reading them as plain
 * objects, ordering them as the text runs, and the few changes people make (new thread, reply,
 * resolve). A thread's anchors are Y.RelativePosition JSON, so they follow the text as others edit.
 */
import * as Y from 'yjs';
import { newId } from '../newId';

export interface CommentAuthor {
  id: string;
  name: string;
}

export interface CommentReply {
  id: string;
  authorId: string;
  authorName: string;
  text: string;
  createdAt: string;
}

export interface CommentThread {
  id: string;
  /** Start and end of the commented text (Y.RelativePosition JSON). */
  from: unknown;
  to: unknown;
  /** The commented text when the thread was opened. */
  quote: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  /** The first message. */
  text: string;
  resolved: boolean;
  /** Who resolved it (user id), or null. */
  resolvedBy: string | null;
  /** Their name, for "Resolved by …" (not in DOC_SCHEMAS; older threads may lack it). */
  resolvedByName: string | null;
  replies: CommentReply[];
}

/** The `comments` map of a pitch doc. */
export const commentsOf = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('comments');

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

function readReply(value: unknown): CommentReply | null {
  const r = value as Partial<CommentReply> | null;
  if (!r || typeof r !== 'object' || typeof r.text !== 'string') return null;
  return { id: str(r.id), authorId: str(r.authorId), authorName: str(r.authorName), text: r.text, createdAt: str(r.createdAt) };
}

/** One thread as a plain object, or null when the entry is not a thread (a malformed peer). */
export function readThread(id: string, m: unknown): CommentThread | null {
  if (!(m instanceof Y.Map)) return null;
  const replies = m.get('replies');
  return {
    id,
    from: m.get('from') ?? null,
    to: m.get('to') ?? null,
    quote: str(m.get('quote')),
    authorId: str(m.get('authorId')),
    authorName: str(m.get('authorName')),
    createdAt: str(m.get('createdAt')),
    text: str(m.get('text')),
    resolved: m.get('resolved') === true,
    resolvedBy: typeof m.get('resolvedBy') === 'string' ? (m.get('resolvedBy') as string) : null,
    resolvedByName: typeof m.get('resolvedByName') === 'string' ? (m.get('resolvedByName') as string) : null,
    replies: replies instanceof Y.Array ? replies.toArray().flatMap((r) => readReply(r) ?? []) : [],
  };
}

/** Every thread in the document, in no particular order. */
export function readThreads(doc: Y.Doc): CommentThread[] {
  const out: CommentThread[] = [];
  commentsOf(doc).forEach((m, id) => {
    const t = readThread(id, m);
    if (t) out.push(t);
  });
  return out;
}

/**
 * Threads in document order (by where their text starts); threads whose text was deleted (no
 * position) go last. Ties and orphans: oldest first.
 */
export function orderThreads<T extends Pick<CommentThread, 'createdAt' | 'id'>>(threads: T[], positionOf: (t: T) => number | null): T[] {
  const pos = new Map(threads.map((t) => [t.id, positionOf(t)]));
  return threads.slice().sort((a, b) => {
    const pa = pos.get(a.id) ?? null;
    const pb = pos.get(b.id) ?? null;
    if (pa !== pb) {
      if (pa === null) return 1;
      if (pb === null) return -1;
      return pa - pb;
    }
    return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  });
}

export interface NewThread {
  from: unknown;
  to: unknown;
  quote: string;
  text: string;
  author: CommentAuthor;
}

/** Opens a thread on a piece of text; returns its id. */
export function addThread(doc: Y.Doc, input: NewThread, now = new Date()): string {
  const id = newId();
  const m = new Y.Map<unknown>();
  doc.transact(() => {
    commentsOf(doc).set(id, m);
    m.set('id', id);
    m.set('from', input.from);
    m.set('to', input.to);
    m.set('quote', input.quote);
    m.set('authorId', input.author.id);
    m.set('authorName', input.author.name);
    m.set('createdAt', now.toISOString());
    m.set('text', input.text);
    m.set('resolved', false);
    m.set('resolvedBy', null);
    m.set('replies', new Y.Array<CommentReply>());
  });
  return id;
}

/** Adds a reply at the end of a thread; false when the thread is gone. */
export function addReply(doc: Y.Doc, threadId: string, text: string, author: CommentAuthor, now = new Date()): boolean {
  const m = commentsOf(doc).get(threadId);
  if (!(m instanceof Y.Map)) return false;
  const reply: CommentReply = { id: newId(), authorId: author.id, authorName: author.name, text, createdAt: now.toISOString() };
  doc.transact(() => {
    let replies = m.get('replies');
    if (!(replies instanceof Y.Array)) {
      replies = new Y.Array<CommentReply>();
      m.set('replies', replies);
    }
    (replies as Y.Array<CommentReply>).push([reply]);
  });
  return true;
}

/** Resolves (or reopens) a thread; false when the thread is gone. */
export function setResolved(doc: Y.Doc, threadId: string, resolved: boolean, by: CommentAuthor): boolean {
  const m = commentsOf(doc).get(threadId);
  if (!(m instanceof Y.Map)) return false;
  doc.transact(() => {
    m.set('resolved', resolved);
    m.set('resolvedBy', resolved ? by.id : null);
    m.set('resolvedByName', resolved ? by.name : null);
  });
  return true;
}
