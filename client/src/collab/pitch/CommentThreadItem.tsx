import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeFormat } from '../../lib/useTimeFormat';
import { Avatar } from '../../ui/Avatar';
import type { CommentReply } from './commentThreads';
import { ReplyForm } from './CommentForms';
import type { ThreadView } from './useCommentThreads';

export interface ThreadActions {
  /** Selects the thread's text in the editor and marks it active. */
  onSelect: (thread: ThreadView) => void;
  onReply: (threadId: string, text: string) => void;
  onResolve: (threadId: string, resolved: boolean) => void;
}

/**
 * One thread: the quoted text (click to select it in the document), the first message and replies,
 * a reply box for people who may comment, and Resolve / Reopen for founders. Resolved threads collapse.
 */
export function CommentThreadItem({ thread, active, canReply, canResolve, actions }: { thread: ThreadView; active: boolean; canReply: boolean; canResolve: boolean; actions: ThreadActions }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const collapsed = thread.resolved && !expanded;
  const messages: CommentReply[] = [
    { id: `${thread.id}:first`, authorId: thread.authorId, authorName: thread.authorName, text: thread.text, createdAt: thread.createdAt },
    ...thread.replies,
  ];
  return (
    <li
      className={`comment-thread${active ? ' is-active' : ''}${thread.resolved ? ' is-resolved' : ''}`}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-resolved={String(thread.resolved)}
      data-anchor={thread.range ? (thread.range.byQuote ? 'quote' : 'text') : 'lost'}
    >
      <button type="button" className="comment-quote" onClick={() => actions.onSelect(thread)} title={t('collab.comments.showInText')} data-testid="comment-quote">
        {thread.range ? thread.quote : <em>{t('collab.comments.textDeleted', { quote: thread.quote })}</em>}
      </button>
      {thread.resolved && (
        <div className="comment-resolved-line">
          <span className="badge badge--resolved">✓ {t('collab.comments.resolved')}</span>
          {thread.resolvedByName && <span className="muted small">{t('collab.comments.resolvedBy', { name: thread.resolvedByName })}</span>}
          <button type="button" className="link-button small" aria-expanded={expanded} onClick={() => setExpanded((v) => !v)} data-testid="comment-expand">
            {expanded ? t('collab.comments.collapse') : t('collab.comments.expand', { count: messages.length })}
          </button>
        </div>
      )}
      {!collapsed && (
        <ol className="comment-messages">
          {messages.map((m) => (
            <CommentMessage key={m.id} message={m} />
          ))}
        </ol>
      )}
      {!collapsed && canReply && !thread.resolved && <ReplyForm onSubmit={(text) => actions.onReply(thread.id, text)} />}
      {canResolve && (
        <div className="comment-thread-actions">
          <button type="button" className="btn btn--ghost btn--small" data-testid="comment-resolve" aria-pressed={thread.resolved} onClick={() => actions.onResolve(thread.id, !thread.resolved)}>
            {thread.resolved ? t('collab.comments.reopen') : t('collab.comments.resolve')}
          </button>
        </div>
      )}
    </li>
  );
}

function CommentMessage({ message: m }: { message: CommentReply }) {
  const time = useTimeFormat();
  return (
    <li className="comment-message">
      <Avatar name={m.authorName} seed={m.authorId} size="sm" />
      <div className="comment-message-main">
        <div className="comment-message-meta">
          <strong>{m.authorName}</strong>
          {m.createdAt && (
            <time className="muted small" dateTime={m.createdAt}>
              {time.dateTime(m.createdAt)}
            </time>
          )}
        </div>
        <p className="comment-message-text">{m.text}</p>
      </div>
    </li>
  );
}
