import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { resolveRange, type ThreadRange } from './commentAnchors';
import { commentHighlightsKey } from './commentHighlights';
import { commentsOf, orderThreads, readThreads, type CommentThread } from './commentThreads';

/** A thread with where its text is now (null when the text was deleted or is not rendered yet). */
export interface ThreadView extends CommentThread {
  range: ThreadRange | null;
}

function layout(editor: Editor | null, threads: CommentThread[]): ThreadView[] {
  const views = threads.map((t) => ({ ...t, range: editor && !editor.isDestroyed ? resolveRange(editor.state, t.from, t.to, t.quote) : null }));
  return orderThreads(views, (v) => v.range?.from ?? null);
}

const sameLayout = (a: ThreadView[], b: ThreadView[]) =>
  a.length === b.length && a.every((t, i) => t === b[i] || (t.id === b[i]!.id && t.range?.from === b[i]!.range?.from && t.range?.to === b[i]!.range?.to));

/**
 * The pitch doc's comment threads in document order, live: re-read when the `comments` map changes,
 * re-laid out (at most once a frame) when the text moves. Also hands the anchors to the editor's
 * highlight plugin.
 */
export function useCommentThreads(editor: Editor | null, doc: Y.Doc, activeId: string | null): ThreadView[] {
  const [threads, setThreads] = useState<CommentThread[]>(() => readThreads(doc));
  const [views, setViews] = useState<ThreadView[]>(() => layout(editor, threads));

  useEffect(() => {
    const map = commentsOf(doc);
    const reread = () => setThreads(readThreads(doc));
    map.observeDeep(reread);
    reread();
    return () => map.unobserveDeep(reread);
  }, [doc]);

  useEffect(() => {
    setViews(layout(editor, threads));
    if (!editor) return;
    let frame = 0;
    const relayout = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const next = layout(editor, threads);
        setViews((prev) => (sameLayout(prev, next) ? prev : next));
      });
    };
    editor.on('transaction', relayout);
    return () => {
      editor.off('transaction', relayout);
      cancelAnimationFrame(frame);
    };
  }, [editor, threads]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const anchors = threads.map((t) => ({ id: t.id, from: t.from, to: t.to, quote: t.quote, resolved: t.resolved }));
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, { anchors, activeId }));
  }, [editor, threads, activeId]);

  return views;
}
