import { useTranslation } from 'react-i18next';
import type { RoadshowSummary } from '../../../shared/schemas';
import { formatOffset, zoneLabel, zoneOffsetMinutes } from '../lib/time';
import { useTimeFormat } from '../lib/useTimeFormat';

/**
 * When a roadshow happens, in the viewer's zone, with a relative hint; plus the organiser's own wall
 * clock when it reads differently from the viewer's.
 */
export function RoadshowTime({ roadshow, now }: { roadshow: RoadshowSummary; now: number }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const start = new Date(roadshow.startsAt);
  const end = new Date(start.getTime() + roadshow.durationMinutes * 60_000);
  const isLive = roadshow.status === 'live';
  const showOrganiser = time.weekdayTime(start) !== time.weekdayTime(start, roadshow.timeZone);

  return (
    <div className="rs-time">
      <p className="rs-time-main">
        <span className="rs-time-range">
          {t('roadshow.timeRange', { start: time.dateTime(start), end: time.time(end) })}
        </span>
        <span className="rs-time-zone">{t('roadshow.yourTime', { zone: zoneLabel(time.zone, time.locale) })}</span>
      </p>
      <p className="rs-time-hint">
        <span className={`pill${isLive ? ' pill--live' : ''}`}>
          {isLive
            ? start.getTime() > now
              ? t('roadshow.liveEarly', { ends: time.relative(end, now) })
              : end.getTime() > now
                ? t('roadshow.startedEnds', { started: time.relative(start, now), ends: time.relative(end, now) })
                : t('roadshow.started', { started: time.relative(start, now) })
            : start.getTime() > now
              ? t('roadshow.startsRelative', { when: time.relative(start, now) })
              : t('roadshow.shouldHaveStarted', { when: time.relative(start, now) })}
        </span>
        {showOrganiser && (
          <span className="rs-organiser">
            {t('roadshow.organiserTime', {
              time: time.weekdayTime(start, roadshow.timeZone),
              city: zoneLabel(roadshow.timeZone, time.locale),
              offset: formatOffset(zoneOffsetMinutes(roadshow.timeZone, start)),
            })}
          </span>
        )}
      </p>
    </div>
  );
}
