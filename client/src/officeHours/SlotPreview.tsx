import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Availability } from '../../../shared/officeHours';
import { useTimeFormat } from '../lib/useTimeFormat';
import { previewSlots } from './slotPreview';

/** The next slots this draft will offer, on the mentor's own clock. */
export function SlotPreview({ availability }: { availability: Availability }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const starts = useMemo(() => previewSlots(availability, new Date()), [availability]);
  if (starts.length === 0) return <p className="muted small">{t('officeHours.availability.previewEmpty')}</p>;
  return (
    <ul className="oh-preview" data-testid="oh-preview">
      {starts.map((s) => (
        <li key={s.getTime()} className="oh-preview-slot" data-starts-at={s.toISOString()}>
          {t('officeHours.time.range', {
            start: time.dateTime(s, availability.timeZone),
            end: time.time(s.getTime() + availability.slotMinutes * 60_000, availability.timeZone),
          })}
        </li>
      ))}
    </ul>
  );
}
