import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RoadshowSummary } from '../../../shared/schemas';
import { calendarTile } from '../lib/time';
import { useTimeFormat } from '../lib/useTimeFormat';
import { roadshowLivePath, roadshowPath } from '../roadshows/roadshowPaths';
import { LanguageBadge, RoadshowStatusBadge } from '../ui/Badges';
import { Icon } from '../ui/Icon';
import { RoadshowTime } from './RoadshowTime';

/**
 * A roadshow in the lobby: when, how many are coming, and the way in. Hosts run it from the roadshow's
 * own page and live room (its state moves scheduled → backstage → live → ended there).
 */
export function RoadshowCard({ roadshow, now }: { roadshow: RoadshowSummary; now: number }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const tile = calendarTile(roadshow.startsAt, time.zone, time.locale);
  const live = roadshow.status === 'live';
  return (
    <article className={`rs-card rs-card--${roadshow.status}`} data-testid="roadshow-card" data-roadshow-id={roadshow.id} data-status={roadshow.status}>
      <div className="rs-tile" aria-hidden="true">
        <span className="rs-tile-month">{tile.month}</span>
        <span className="rs-tile-day">{tile.day}</span>
      </div>
      <div className="rs-body">
        <div className="rs-tags">
          <RoadshowStatusBadge status={roadshow.status} />
          <LanguageBadge language={roadshow.language} />
          <span className="rs-duration">{t('roadshow.duration', { count: roadshow.durationMinutes })}</span>
          {roadshow.registrations > 0 && (
            <span className="rs-attending" data-testid="roadshow-card-registrations">
              <Icon name="users" size={14} /> {t('roadshow.attending', { count: roadshow.registrations })}
            </span>
          )}
        </div>
        <h3 className="rs-title">
          <Link to={roadshowPath(roadshow.id)} className="rs-title-link" data-testid="roadshow-card-link">
            {roadshow.title}
          </Link>
        </h3>
        {roadshow.description && <p className="rs-desc">{roadshow.description}</p>}
        <RoadshowTime roadshow={roadshow} now={now} />
        {live && (
          <div className="rs-actions">
            <Link to={roadshowLivePath(roadshow.id)} className="btn btn--small btn--live" data-testid="roadshow-join-now">
              <span className="live-pulse live-pulse--light" aria-hidden="true" />
              {t('roadshow.joinNow')}
            </Link>
            <Link to={roadshowPath(roadshow.id)} className="btn btn--small btn--ghost">
              {t('roadshow.details')}
            </Link>
          </div>
        )}
      </div>
    </article>
  );
}
