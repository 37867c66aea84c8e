/**
 * Anchors of comment threads: ProseMirror positions ⇄ Y.RelativePosition JSON through the editor's Yjs
 * binding, so a thread keeps pointing at its text while others type before it.
 */
import type { Node as PmNode } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

interface YSyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Map<unknown, unknown> };
}

/** The editor's Yjs binding, or null before it has rendered the document once. */
function ySync(state: EditorState): YSyncState | null {
  const y = ySyncPluginKey.getState(state) as Partial<YSyncState> | undefined;
  if (!y?.doc || !y.type || !y.binding || y.binding.mapping.size === 0) return null;
  return y as YSyncState;
}

/** A position as Y.RelativePosition JSON, or null when the binding is not ready. */
export function anchorAt(state: EditorState, pos: number): unknown {
  const y = ySync(state);
  if (!y) return null;
  return Y.relativePositionToJSON(absolutePositionToRelativePosition(pos, y.type, y.binding.mapping as never));
}

/**
 * Whether the anchor sits inside a paragraph (or other node) that was deleted as a whole. y-prosemirror
 * would still resolve it, to a position in unrelated text; such an anchor is lost instead.
 */
function insideDeletedNode(doc: Y.Doc, rel: Y.RelativePosition): boolean {
  const abs = Y.createAbsolutePositionFromRelativePosition(rel, doc);
  for (let t: Y.AbstractType<unknown> | null = abs?.type ?? null; t && t._item; t = t._item.parent as Y.AbstractType<unknown>) {
    if (t._item.deleted) return true;
  }
  return false;
}

/** Where an anchor is now, or null when it cannot be resolved (binding not ready, malformed, text gone). */
export function resolveAnchor(state: EditorState, anchor: unknown): number | null {
  const y = ySync(state);
  if (!y || !anchor || typeof anchor !== 'object') return null;
  try {
    const rel = Y.createRelativePositionFromJSON(anchor);
    if (insideDeletedNode(y.doc, rel)) return null;
    const pos = relativePositionToAbsolutePosition(y.doc, y.type, rel, y.binding.mapping as never);
    return pos === null ? null : Math.max(0, Math.min(pos, state.doc.content.size));
  } catch {
    return null;
  }
}

/** A commented range: where it is now, and whether it was found by its text instead of its anchors. */
export interface ThreadRange {
  from: number;
  to: number;
  /** Found by searching for the quote (its anchors were lost, e.g. after a version was restored). */
  byQuote: boolean;
}

/**
 * The commented range now: by its anchors, else (the anchored text was replaced, as a restore does)
 * by the first paragraph containing the quote; null when neither finds it.
 */
export function resolveRange(state: EditorState, from: unknown, to: unknown, quote = ''): ThreadRange | null {
  const a = resolveAnchor(state, from);
  const b = resolveAnchor(state, to);
  if (a !== null && b !== null && b > a) return { from: a, to: b, byQuote: false };
  const found = quote ? findInTextblock(state.doc, quote) : null;
  return found ? { ...found, byQuote: true } : null;
}

/** The first occurrence of `text` inside one textblock (quotes across paragraphs are not searched). */
export function findInTextblock(doc: PmNode, text: string): { from: number; to: number } | null {
  let hit: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    if (hit) return false;
    if (!node.isTextblock) return true;
    const i = node.textContent.indexOf(text);
    if (i !== -1) hit = textblockRange(node, pos, i, text.length);
    return false;
  });
  return hit;
}

/** Document positions of characters [start, start+length) of a textblock's text (inline nodes count as none). */
function textblockRange(block: PmNode, blockPos: number, start: number, length: number): { from: number; to: number } | null {
  let from: number | null = null;
  let to: number | null = null;
  let seen = 0;
  block.forEach((child, offset) => {
    if (!child.isText) return;
    const len = child.text?.length ?? 0;
    const base = blockPos + 1 + offset;
    if (from === null && start < seen + len) from = base + (start - seen);
    if (to === null && start + length <= seen + len) to = base + (start + length - seen);
    seen += len;
  });
  return from !== null && to !== null && to > from ? { from, to } : null;
}
