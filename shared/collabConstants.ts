/** Collaboration constants, free of zod and Yjs so both the browser and the server import them. */

/** Kinds of document: a startup's pitch doc, a startup's board, an office-hour booking's notes. */
export const DOC_KINDS = ['pitch', 'board', 'notes'] as const;
export type DocKind = (typeof DOC_KINDS)[number];
export const DOC_NAME_PATTERN = /^(pitch|board|notes):[A-Za-z0-9_-]{1,64}$/;

/** Splits "pitch:abc" into its kind and id, or null when it is not a document name. */
export function parseDocName(name: string): { kind: DocKind; id: string } | null {
  if (!DOC_NAME_PATTERN.test(name)) return null;
  const at = name.indexOf(':');
  return { kind: name.slice(0, at) as DocKind, id: name.slice(at + 1) };
}

/** The WebSocket path prefix of the document server: `/collab/<name>`. */
export const COLLAB_PATH = '/collab/';

/**
 * What is inside each kind of Y.Doc: top-level shared types by name and their Yjs type. The server
 * uses this to restore versions and to check what commenters change; the editors use the same names.
 */
export const DOC_SCHEMAS = {
  /**
   * pitch: the rich text (TipTap's Collaboration `field`), and comment threads by id. A thread is a
   * Y.Map: { id, from, to (Y.RelativePosition JSON), quote, authorId, authorName, createdAt, resolved,
   * resolvedBy, replies: Y.Array<{ id, authorId, authorName, text, createdAt }> } (text of the first
   * message is the thread's `text`).
   */
  pitch: { content: 'xml', comments: 'map' },
  /**
   * board: notes by id — Y.Map { id, text, color, columnId, x, y, createdBy, createdAt, votes: Y.Map<userId, true> } —
   * and the columns in order — Y.Array<Y.Map { id, title }>.
   */
  board: { notes: 'map', columns: 'array' },
  /** notes: the booking's shared notes (rich text) and action items (Y.Array<Y.Map { id, text, done }>). */
  notes: { content: 'xml', actions: 'array' },
} as const satisfies Record<DocKind, Record<string, 'xml' | 'map' | 'array' | 'text'>>;

/** Top-level types that are discussion, not content: restoring a version keeps them as they are now. */
export const DISCUSSION: Record<DocKind, readonly string[]> = { pitch: ['comments'], board: [], notes: [] };

/** Top-level types a commenter (read + comment access) may change. */
export const COMMENTABLE: Record<DocKind, readonly string[]> = { pitch: ['comments'], board: [], notes: [] };

/** Close codes of the document WebSocket (4000–4999 are the application's). */
export const CollabClose = {
  /** Malformed message: only this connection closes; the document is untouched. */
  BadMessage: 4400,
  Unauthenticated: 4401,
  Forbidden: 4403,
  NotFound: 4404,
  /** A message above the size limit, or an update that would make the document too big. */
  TooLarge: 4413,
  /** The document could not be loaded; it is not served (never overwritten with an empty one). */
  LoadFailed: 4500,
  ServerShutdown: 4503,
  /** The page speaks another protocol version (`?v=` is not PROTOCOL_VERSION): it must be reloaded. */
  ProtocolMismatch: 4426,
} as const;

/** The query parameter a client sends its PROTOCOL_VERSION in: `/collab/<name>?v=1`. */
export const COLLAB_VERSION_PARAM = 'v';
export type CollabClose = (typeof CollabClose)[keyof typeof CollabClose];
