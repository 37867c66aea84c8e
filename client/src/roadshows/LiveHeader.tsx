import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RoadshowStatusBadge } from '../ui/Badges';
import { Icon } from '../ui/Icon';
import { InterestedToggle } from './InterestedToggle';
import { PitchTimer } from './PitchTimer';
import { RecordingIndicator } from './RecordingIndicator';
import { roadshowPath } from './roadshowPaths';
import { useRoadshowRoom } from './roadshowRoomStore';
import { useCurrentItem } from './roomSelectors';

/** Title and status, the item on stage with its timer, and how many are watching. */
export function LiveHeader() {
  const { t } = useTranslation();
  const roadshow = useRoadshowRoom((s) => s.roadshow);
  const status = useRoadshowRoom((s) => s.state?.status ?? 'scheduled');
  const watching = useRoadshowRoom((s) => s.attendees?.watching ?? 0);
  const waiting = useRoadshowRoom((s) => s.attendees?.waiting ?? 0);
  const canHost = useRoadshowRoom((s) => s.canHost);
  const canPublish = useRoadshowRoom((s) => s.me?.canPublish ?? false);
  const item = useCurrentItem();
  if (!roadshow) return null;
  // Backstage is the stage's rehearsal: the audience waits on "starting soon" and sees no clock yet.
  const showItem = status === 'live' || (status === 'backstage' && (canHost || canPublish));

  return (
    <header className="rs-live-header">
      <div className="rs-live-title-row">
        <Link to={roadshowPath(roadshow.id)} className="rs-live-back" aria-label={t('live.back')} title={t('live.back')}>
          ←
        </Link>
        <RoadshowStatusBadge status={status} />
        <h1 className="rs-live-title">{roadshow.title}</h1>
        <RecordingIndicator />
        <span className="rs-live-count" data-testid="roadshow-watching">
          <Icon name="users" size={16} />
          {t('live.watching', { count: watching })}
          {canHost && waiting > 0 && <span className="rs-live-waiting">· {t('live.waitingCount', { count: waiting })}</span>}
        </span>
      </div>
      {showItem && (
        <div className="rs-live-now">
          <div className="rs-live-item" data-testid="roadshow-current-item" data-item-id={item?.id ?? ''}>
            <span className="rs-live-now-label">{t('live.now')}</span>
            {item ? (
              <>
                <span className={`badge badge--agenda-${item.kind}`}>{t(`agenda.kind.${item.kind}`)}</span>
                <span className="rs-live-item-title">{item.title}</span>
                {item.presenters.length > 0 && <span className="muted small">{item.presenters.map((p) => p.name).join(', ')}</span>}
              </>
            ) : (
              <span className="muted">{t('live.notStarted')}</span>
            )}
          </div>
          {item && <InterestedToggle item={item} />}
          {item && <PitchTimer item={item} />}
        </div>
      )}
    </header>
  );
}
