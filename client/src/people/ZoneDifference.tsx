import { useTranslation } from 'react-i18next';
import { zoneOffsetMinutes } from '../lib/time';

/** "7 hours ahead of you" / "same time as you", comparing two zones at `now`. */
export function ZoneDifference({ theirZone, myZone, now }: { theirZone: string; myZone: string; now: number }) {
  const { t } = useTranslation();
  const at = new Date(now);
  const diff = zoneOffsetMinutes(theirZone, at) - zoneOffsetMinutes(myZone, at);
  if (diff === 0) return <span className="muted small">{t('profile.sameTime')}</span>;
  const hours = Math.abs(diff) / 60;
  return <span className="muted small">{diff > 0 ? t('profile.ahead', { count: hours }) : t('profile.behind', { count: hours })}</span>;
}
