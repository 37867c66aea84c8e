import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';
import { EmptyState } from '../../ui/States';
import { canComment, canEdit, useOpenDoc } from '../docContext';
import { anchorAt } from './commentAnchors';
import { NewCommentForm } from './CommentForms';
import { CommentThreadItem, type ThreadActions } from './CommentThreadItem';
import { addReply, addThread, setResolved } from './commentThreads';
import type { ThreadView } from './useCommentThreads';

/** Longest quote kept with a thread. */
const QUOTE_MAX = 280;

interface PendingComment {
  from: unknown;
  to: unknown;
  quote: string;
}

/** The comments side panel: "Comment" on the selected text, and every thread in document order. */
export function CommentsPanel({ editor, threads, activeId, onActivate }: { editor: Editor; threads: ThreadView[]; activeId: string | null; onActivate: (id: string | null) => void }) {
  const { t } = useTranslation();
  const { connection, access } = useOpenDoc();
  const [pending, setPending] = useState<PendingComment | null>(null);
  const hasSelection = useEditorState({ editor, selector: ({ editor: e }) => !e.state.selection.empty });
  const author = { id: connection.user.id, name: connection.user.name };
  const open = threads.filter((th) => !th.resolved).length;

  const startComment = () => {
    const { from, to, empty } = editor.state.selection;
    if (empty) return;
    const a = anchorAt(editor.state, from);
    const b = anchorAt(editor.state, to);
    if (!a || !b) return;
    setPending({ from: a, to: b, quote: editor.state.doc.textBetween(from, to, ' ').slice(0, QUOTE_MAX) });
  };
  const actions: ThreadActions = {
    onSelect: (th) => {
      onActivate(th.id);
      if (th.range) editor.chain().setTextSelection(th.range).scrollIntoView().run();
    },
    onReply: (id, text) => addReply(connection.doc, id, text, author),
    onResolve: (id, resolved) => setResolved(connection.doc, id, resolved, author),
  };

  return (
    <aside className="card comments-panel" aria-label={t('collab.comments.title')} data-testid="comments-panel">
      <div className="comments-head">
        <h2 className="card-title">
          {t('collab.comments.title')}
          {open > 0 && <span className="count">{open}</span>}
        </h2>
        {canComment(access) && (
          <button
            type="button"
            className="btn btn--primary btn--small"
            data-testid="comment-add"
            disabled={!hasSelection || pending !== null}
            title={hasSelection ? undefined : t('collab.comments.selectFirst')}
            onMouseDown={(e) => e.preventDefault()}
            onClick={startComment}
          >
            <Icon name="comment" size={16} />
            {t('collab.comments.add')}
          </button>
        )}
      </div>
      {canComment(access) && !pending && <p className="muted small comments-hint">{t('collab.comments.hint')}</p>}
      {pending && (
        <NewCommentForm
          quote={pending.quote}
          onCancel={() => setPending(null)}
          onSubmit={(text) => {
            onActivate(addThread(connection.doc, { ...pending, text, author }));
            setPending(null);
          }}
        />
      )}
      {threads.length === 0 ? (
        <EmptyState icon={<Icon name="comment" size={22} />} title={t('collab.comments.empty')} />
      ) : (
        <ol className="comment-list" data-testid="comment-list">
          {threads.map((th) => (
            <CommentThreadItem key={th.id} thread={th} active={th.id === activeId} canReply={canComment(access)} canResolve={canEdit(access)} actions={actions} />
          ))}
        </ol>
      )}
    </aside>
  );
}
