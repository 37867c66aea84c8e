/**
 * Highlights the text of open comment threads in the editor (inline decorations, nothing is written
 * into the document) and reports a click on highlighted text, so the panel can show its thread.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { resolveRange } from './commentAnchors';

export interface HighlightAnchor {
  id: string;
  from: unknown;
  to: unknown;
  quote: string;
  resolved: boolean;
}

export interface CommentHighlightState {
  anchors: HighlightAnchor[];
  /** The thread shown as selected in the panel. */
  activeId: string | null;
}

export const commentHighlightsKey = new PluginKey<CommentHighlightState>('commentHighlights');

/** Open threads (and the selected one even if resolved) with their current ranges. */
function visibleRanges(state: EditorState) {
  const s = commentHighlightsKey.getState(state);
  if (!s) return [];
  return s.anchors.flatMap((a) => {
    if (a.resolved && a.id !== s.activeId) return [];
    const range = resolveRange(state, a.from, a.to, a.quote);
    return range ? [{ id: a.id, active: a.id === s.activeId, ...range }] : [];
  });
}

export interface CommentHighlightsOptions {
  /** Called with the thread whose highlighted text was clicked. */
  onActivate: (threadId: string) => void;
}

export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',
  addOptions() {
    return { onActivate: () => {} };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<CommentHighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ anchors: [], activeId: null }),
          apply: (tr, value) => (tr.getMeta(commentHighlightsKey) as CommentHighlightState | undefined) ?? value,
        },
        props: {
          decorations: (state) =>
            DecorationSet.create(
              state.doc,
              visibleRanges(state).map((r) =>
                Decoration.inline(r.from, r.to, { class: r.active ? 'comment-mark is-active' : 'comment-mark', 'data-thread-id': r.id }),
              ),
            ),
          handleClick: (view, pos) => {
            const hit = visibleRanges(view.state).find((r) => pos >= r.from && pos <= r.to);
            if (hit) options.onActivate(hit.id);
            return false;
          },
        },
      }),
    ];
  },
});
