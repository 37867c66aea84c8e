import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecordingSummary } from '../../../shared/recordings';
import { useAction } from '../lib/useAction';
import { useDescribeError } from '../lib/useDescribeError';
import { StageBadge } from '../ui/Badges';
import { Icon } from '../ui/Icon';
import { Alert } from '../ui/States';
import { recordingsApi } from './api';

/**
 * The startups that pitched, with their page and pitch doc. Investors mark a startup "interested" and
 * ask for an intro with an optional note (`POST /api/recordings/:id/interest`); the founders are notified
 * and see it in the watch analytics. The investor can withdraw it.
 */
export function ReplayStartups({
  recordingId,
  startups,
  investor,
  interestedIds,
  onInterestChanged,
}: {
  recordingId: string;
  startups: RecordingSummary['startups'];
  investor: boolean;
  interestedIds: string[];
  onInterestChanged: (startupId: string, interested: boolean) => void;
}) {
  const { t } = useTranslation();
  if (startups.length === 0) return null;
  return (
    <section className="card rec-startups" aria-labelledby="rec-startups-title">
      <h2 className="card-title" id="rec-startups-title">
        {t('recordings.replay.startups')}
      </h2>
      <ul className="rec-startup-list">
        {startups.map((s) => (
          <li key={s.id} className="rec-startup" data-testid="replay-startup" data-startup-id={s.id}>
            <div className="rec-startup-head">
              <Link to={`/startups/${s.id}`} className="rec-startup-name">
                {s.name}
              </Link>
              <StageBadge stage={s.stage} />
              {s.industry && <span className="muted small">{s.industry}</span>}
            </div>
            <div className="rec-startup-links">
              <Link to={`/startups/${s.id}`} className="btn btn--small btn--ghost">
                <Icon name="sprout" size={15} />
                {t('recordings.replay.startupPage')}
              </Link>
              <Link to={`/startups/${s.id}/pitch`} className="btn btn--small btn--ghost" data-testid="replay-pitch-doc">
                <Icon name="fileText" size={15} />
                {t('recordings.replay.pitchDoc')}
              </Link>
            </div>
            {investor && (
              <IntroRequest
                recordingId={recordingId}
                startup={s}
                interested={interestedIds.includes(s.id)}
                onChanged={(v) => onInterestChanged(s.id, v)}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function IntroRequest({
  recordingId,
  startup,
  interested,
  onChanged,
}: {
  recordingId: string;
  startup: RecordingSummary['startups'][number];
  interested: boolean;
  onChanged: (interested: boolean) => void;
}) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const { run, pending, error } = useAction();
  const [sent, setSent] = useState(false);

  const send = (value: boolean) =>
    run(async () => {
      const message = note.trim();
      await recordingsApi.interest(recordingId, { startupId: startup.id, interested: value, ...(value && message ? { message } : {}) });
      onChanged(value);
      setSent(value);
      setOpen(false);
      setNote('');
    });

  return (
    <div className="rec-intro" data-testid="replay-intro" data-interested={String(interested)}>
      {interested ? (
        <div className="rec-intro-done">
          <span className="rec-intro-badge" data-testid="replay-interested-badge">
            <Icon name="check" size={15} />
            {t('recordings.intro.requested')}
          </span>
          <button type="button" className="link-button small" data-testid="replay-intro-withdraw" disabled={pending} onClick={() => void send(false)}>
            {pending ? t('common.saving') : t('recordings.intro.withdraw')}
          </button>
        </div>
      ) : open ? (
        <form
          className="rec-intro-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send(true);
          }}
        >
          <label className="field-label" htmlFor={`intro-note-${startup.id}`}>
            {t('recordings.intro.noteLabel', { name: startup.name })}
          </label>
          <textarea
            id={`intro-note-${startup.id}`}
            data-testid="replay-intro-note"
            rows={3}
            maxLength={1000}
            value={note}
            placeholder={t('recordings.intro.notePlaceholder')}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="rec-intro-actions">
            <button type="submit" className="btn btn--small btn--primary" data-testid="replay-intro-send" disabled={pending}>
              {pending ? t('recordings.intro.sending') : t('recordings.intro.send')}
            </button>
            <button type="button" className="btn btn--small btn--ghost" disabled={pending} onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
          <p className="muted small">{t('recordings.intro.visibility', { name: startup.name })}</p>
        </form>
      ) : (
        <button type="button" className="btn btn--small btn--primary" data-testid="replay-interested" onClick={() => setOpen(true)}>
          <Icon name="thumbsUp" size={15} />
          {t('recordings.replay.interested')}
        </button>
      )}
      {sent && interested && (
        <p className="muted small" role="status" data-testid="replay-intro-sent">
          {t('recordings.intro.sent', { name: startup.name })}
        </p>
      )}
      {error !== null && <Alert tone="error">{describe(error)}</Alert>}
    </div>
  );
}
