import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Longest comment or reply, in characters. */
export const COMMENT_MAX = 2_000;

/** A new thread on the selected text: the quote, the first message, Comment / Cancel. */
export function NewCommentForm({ quote, onSubmit, onCancel }: { quote: string; onSubmit: (text: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) onSubmit(text.trim());
  };
  return (
    <form className="comment-new" onSubmit={submit} data-testid="comment-new">
      <blockquote className="comment-quote comment-quote--static">{quote}</blockquote>
      <textarea
        className="input comment-text"
        data-testid="comment-input"
        aria-label={t('collab.comments.inputLabel')}
        placeholder={t('collab.comments.placeholder')}
        maxLength={COMMENT_MAX}
        rows={3}
        autoFocus
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit(e);
          if (e.key === 'Escape') onCancel();
        }}
      />
      <div className="comment-form-actions">
        <button type="button" className="btn btn--ghost btn--small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn--primary btn--small" data-testid="comment-submit" disabled={!text.trim()}>
          {t('collab.comments.submit')}
        </button>
      </div>
    </form>
  );
}

/** "Reply…" under a thread. */
export function ReplyForm({ onSubmit }: { onSubmit: (text: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    onSubmit(text.trim());
    setText('');
  };
  return (
    <form className="comment-reply-form" onSubmit={submit}>
      <input
        className="input input--small"
        data-testid="comment-reply-input"
        aria-label={t('collab.comments.replyLabel')}
        placeholder={t('collab.comments.replyPlaceholder')}
        maxLength={COMMENT_MAX}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="btn btn--secondary btn--small" data-testid="comment-reply-submit" disabled={!text.trim()}>
        {t('collab.comments.reply')}
      </button>
    </form>
  );
}
