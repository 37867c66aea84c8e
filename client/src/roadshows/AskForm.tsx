import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoadshowRoomClient } from './roadshowRoomContext';
import { useRoadshowRoom } from './roadshowRoomStore';
import { useDescribeAck } from './useDescribeAck';

/** The most a question may say (the server's limit). */
export const QUESTION_MAX = 500;

/** Ask a question (optionally anonymously), with a character counter. */
export function AskForm() {
  const { t } = useTranslation();
  const client = useRoadshowRoomClient();
  const describe = useDescribeAck();
  const moderated = useRoadshowRoom((s) => s.roadshow?.moderatedQuestions ?? false);
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const length = text.trim().length;
  const tooLong = text.length > QUESTION_MAX;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (length === 0 || tooLong || pending) return;
    setPending(true);
    setError(null);
    const result = await client.ask(text.trim(), anonymous);
    setPending(false);
    if (result.ok) setText('');
    else setError(describe(result.error, result.timedOut));
  };

  return (
    <form className="rs-ask" onSubmit={(e) => void onSubmit(e)}>
      <label htmlFor="rs-ask-text" className="sr-only">
        {t('qa.label')}
      </label>
      <textarea
        id="rs-ask-text"
        className="input rs-ask-text"
        rows={2}
        value={text}
        placeholder={t('qa.placeholder')}
        aria-describedby="rs-ask-count"
        aria-invalid={tooLong}
        data-testid="qa-input"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void onSubmit(e);
        }}
      />
      <div className="rs-ask-row">
        <label className="checkbox small">
          <input type="checkbox" checked={anonymous} data-testid="qa-anonymous" onChange={(e) => setAnonymous(e.target.checked)} />
          {t('qa.anonymous')}
        </label>
        <span id="rs-ask-count" className={`rs-counter${tooLong ? ' is-over' : ''}`} aria-live="polite">
          {t('qa.counter', { count: text.length, max: QUESTION_MAX })}
        </span>
        <button type="submit" className="btn btn--primary btn--small" disabled={length === 0 || tooLong || pending} data-testid="qa-submit">
          {pending ? t('qa.submitting') : t('qa.submit')}
        </button>
      </div>
      {tooLong && <p className="field-error">{t('qa.tooLong', { max: QUESTION_MAX })}</p>}
      {error && <p className="field-error" role="alert">{error}</p>}
      {moderated && <p className="field-hint">{t('qa.moderatedHint')}</p>}
    </form>
  );
}
