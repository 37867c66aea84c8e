import { useTranslation } from 'react-i18next';
import type { RoadshowStatus, RoadshowSummary } from '../../../shared/schemas';
import { calendarTile } from '../lib/time';
import { useTimeFormat } from '../lib/useTimeFormat';
import { LanguageBadge, RoadshowStatusBadge } from '../ui/Badges';
import { RoadshowTime } from './RoadshowTime';
import { useRoadshowStatus } from './useRoadshowStatus';

/** The next states an operator can move a roadshow to, in the order the buttons show. */
const NEXT_STATUSES: Record<RoadshowStatus, RoadshowStatus[]> = {
  scheduled: ['backstage', 'live'],
  backstage: ['live'],
  live: ['ended'],
  ended: [],
};

export function RoadshowCard({ roadshow, now, canManage }: { roadshow: RoadshowSummary; now: number; canManage: boolean }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const tile = calendarTile(roadshow.startsAt, time.zone, time.locale);
  return (
    <article className={`rs-card rs-card--${roadshow.status}`} data-testid="roadshow-card" data-roadshow-id={roadshow.id}>
      <div className="rs-tile" aria-hidden="true">
        <span className="rs-tile-month">{tile.month}</span>
        <span className="rs-tile-day">{tile.day}</span>
      </div>
      <div className="rs-body">
        <div className="rs-tags">
          <RoadshowStatusBadge status={roadshow.status} />
          <LanguageBadge language={roadshow.language} />
          <span className="rs-duration">{t('roadshow.duration', { count: roadshow.durationMinutes })}</span>
        </div>
        <h3 className="rs-title">{roadshow.title}</h3>
        {roadshow.description && <p className="rs-desc">{roadshow.description}</p>}
        <RoadshowTime roadshow={roadshow} now={now} />
        {canManage && <RoadshowActions id={roadshow.id} status={roadshow.status} />}
      </div>
    </article>
  );
}

function RoadshowActions({ id, status }: { id: string; status: RoadshowStatus }) {
  const { t } = useTranslation();
  const { setStatus, pending, error } = useRoadshowStatus(id);
  const next = NEXT_STATUSES[status];
  if (next.length === 0) return null;
  return (
    <div className="rs-actions">
      {next.map((s) => (
        <button key={s} type="button" className={`btn btn--small ${s === 'ended' ? 'btn--danger-ghost' : 'btn--ghost'}`} disabled={pending} onClick={() => void setStatus(s)}>
          {t(`roadshow.action.${s}`)}
        </button>
      ))}
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}
