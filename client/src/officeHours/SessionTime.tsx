import { useTranslation } from 'react-i18next';
import { zoneLabel } from '../lib/time';
import { useTimeFormat } from '../lib/useTimeFormat';
import { useMentorTime } from './useMentorTime';

/**
 * When a session happens: the day and times in my zone ("Tue 2 Dec, 09:00–09:45"), labelled as mine, and
 * the mentor's own clock beside it when it reads differently.
 */
export function SessionTime({ startsAt, endsAt, mentorZone, mentorName }: { startsAt: string; endsAt: string; mentorZone: string; mentorName: string }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const mentorTime = useMentorTime()(startsAt, mentorZone, mentorName);
  return (
    <p className="oh-time">
      <span className="oh-time-main">{t('officeHours.time.range', { start: time.dateTime(startsAt), end: time.time(endsAt) })}</span>
      <span className="oh-time-zone muted small">{t('officeHours.time.yours', { zone: zoneLabel(time.zone, time.locale) })}</span>
      {mentorTime && (
        <span className="oh-mentor-time small" title={mentorTime.title}>
          {mentorTime.text}
        </span>
      )}
    </p>
  );
}
