import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoadshowRoomClient } from './roadshowRoomContext';
import { useDescribeAck } from './useDescribeAck';

const MIN_OPTIONS = 2;
const MAX_OPTIONS = 6;

/** Hosts launch a poll: a question, 2–6 options, single or multiple choice, anonymous or not. */
export function PollCreateForm() {
  const { t } = useTranslation();
  const client = useRoadshowRoomClient();
  const describe = useDescribeAck();
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState(['', '']);
  const [multiple, setMultiple] = useState(false);
  const [anonymous, setAnonymous] = useState(true);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const filled = options.map((o) => o.trim()).filter(Boolean);
  const ready = question.trim() !== '' && filled.length >= MIN_OPTIONS;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready) {
      setError(t('polls.need'));
      return;
    }
    setPending(true);
    setError(null);
    const result = await client.createPoll({ question: question.trim(), options: filled, multiple, anonymous });
    setPending(false);
    if (!result.ok) {
      setError(describe(result.error, result.timedOut));
      return;
    }
    setQuestion('');
    setOptions(['', '']);
  };

  return (
    <form className="rs-poll-create" data-testid="poll-create" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h3 className="rs-poll-create-title">{t('polls.createTitle')}</h3>
      <label className="sr-only" htmlFor="rs-poll-q">
        {t('polls.question')}
      </label>
      <input id="rs-poll-q" className="input input--small" maxLength={200} placeholder={t('polls.question')} value={question} data-testid="poll-question" onChange={(e) => setQuestion(e.target.value)} />
      {options.map((o, i) => (
        <div key={i} className="rs-poll-create-option">
          <input
            className="input input--small"
            maxLength={100}
            aria-label={t('polls.option', { n: i + 1 })}
            placeholder={t('polls.option', { n: i + 1 })}
            value={o}
            data-testid="poll-option-input"
            onChange={(e) => setOptions((list) => list.map((x, j) => (j === i ? e.target.value : x)))}
          />
          {options.length > MIN_OPTIONS && (
            <button type="button" className="icon-btn" aria-label={t('polls.removeOption', { n: i + 1 })} onClick={() => setOptions((list) => list.filter((_, j) => j !== i))}>
              ✕
            </button>
          )}
        </div>
      ))}
      {options.length < MAX_OPTIONS && (
        <button type="button" className="link-button small rs-poll-add" data-testid="poll-add-option" onClick={() => setOptions((list) => [...list, ''])}>
          + {t('polls.addOption')}
        </button>
      )}
      <div className="rs-poll-create-flags">
        <label className="checkbox small">
          <input type="checkbox" checked={multiple} data-testid="poll-multiple" onChange={(e) => setMultiple(e.target.checked)} />
          {t('polls.multiple')}
        </label>
        <label className="checkbox small">
          <input type="checkbox" checked={anonymous} data-testid="poll-anonymous" onChange={(e) => setAnonymous(e.target.checked)} />
          {t('polls.anonymous')}
        </label>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn--primary btn--small" disabled={pending} data-testid="poll-create-submit">
        {pending ? t('polls.launching') : t('polls.launch')}
      </button>
    </form>
  );
}
