import { useTranslation } from 'react-i18next';
import type { OfficeHourTopic } from '../../../shared/officeHours';

/** The mentor's average rating as stars and a number, or "New mentor". */
export function RatingBadge({ rating }: { rating: number | null }) {
  const { t } = useTranslation();
  if (rating === null) return <span className="badge badge--neutral oh-rating">{t('officeHours.directory.noRating')}</span>;
  return (
    <span className="badge oh-rating" aria-label={t('officeHours.directory.ratingLabel', { rating })} title={t('officeHours.directory.ratingLabel', { rating })}>
      <span aria-hidden="true">★</span> {rating.toFixed(1)}
    </span>
  );
}

/** Topics a mentor coaches on, translated. */
export function TopicChips({ topics }: { topics: readonly OfficeHourTopic[] }) {
  const { t } = useTranslation();
  if (topics.length === 0) return null;
  return (
    <div className="chips">
      {topics.map((topic) => (
        <span key={topic} className="chip oh-topic">
          {t(`officeHours.topics.${topic}`)}
        </span>
      ))}
    </div>
  );
}

/** "1:1" or "Group of up to 3", and the slot length. */
export function CapacityLine({ capacity, slotMinutes }: { capacity: number; slotMinutes: number }) {
  const { t } = useTranslation();
  return (
    <span className="oh-capacity-line muted small">
      {capacity <= 1 ? t('officeHours.capacity.oneToOne') : t('officeHours.capacity.group', { count: capacity })}
      {' · '}
      {t('officeHours.minutes', { count: slotMinutes })}
    </span>
  );
}
