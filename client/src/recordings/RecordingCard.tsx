import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecordingSummary } from '../../../shared/recordings';
import { useTimeFormat } from '../lib/useTimeFormat';
import { LanguageBadge, StageBadge } from '../ui/Badges';
import { Icon } from '../ui/Icon';
import { chapterThumbnailUrl } from './api';
import { formatClock } from './format';
import { RecordingStatusBadge } from './RecordingStatusBadge';

/** A library card: poster, event, startups, date (viewer's zone), length, viewers and status. */
export function RecordingCard({ recording: r }: { recording: RecordingSummary }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const [posterFailed, setPosterFailed] = useState(false);
  const stages = [...new Set(r.startups.map((s) => s.stage))];

  return (
    <Link to={`/recordings/${r.id}`} className="card rec-card" data-testid="recording-card" data-recording-id={r.id} data-status={r.status}>
      <div className="rec-card-poster">
        {r.hasThumbnail && !posterFailed ? (
          <img src={chapterThumbnailUrl(r.id, 0)} alt="" loading="lazy" onError={() => setPosterFailed(true)} />
        ) : (
          <span className="rec-card-noposter">
            <Icon name="video" size={28} />
            <span className="small">{t('recordings.card.noPreview')}</span>
          </span>
        )}
        {r.durationMs > 0 && (
          <span className="rec-card-duration" aria-label={t('recordings.card.duration', { time: formatClock(r.durationMs) })}>
            {formatClock(r.durationMs)}
          </span>
        )}
        <span className="rec-card-status">
          <RecordingStatusBadge status={r.status} progress={r.progress} />
        </span>
      </div>
      <div className="rec-card-body">
        <span className="rec-card-title">{r.title}</span>
        {r.startups.length > 0 && <span className="rec-card-startups">{r.startups.map((s) => s.name).join(' · ')}</span>}
        <div className="rec-card-badges">
          {stages.map((s) => (
            <StageBadge key={s} stage={s} />
          ))}
          <LanguageBadge language={r.language} />
        </div>
        <div className="rec-card-meta small muted">
          <span>
            <Icon name="calendar" size={14} /> <time dateTime={r.startedAt}>{time.date(r.startedAt)}</time>
          </span>
          <span>
            <Icon name="users" size={14} /> {t('recordings.card.viewers', { count: r.viewers })}
          </span>
        </div>
      </div>
    </Link>
  );
}
