import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Booking } from '../../../shared/officeHours';
import { useTimeFormat } from '../lib/useTimeFormat';
import { Alert } from '../ui/States';
import { ohApi } from './api';
import { ohPaths } from './ohPaths';

/** After booking (or moving) a slot: when, with whom, and where to go next. */
export function BookedCard({ booking, moved }: { booking: Booking; moved: boolean }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const when = time.dateTime(booking.startsAt);
  return (
    <div className="oh-booked" data-testid="oh-booked" data-booking-id={booking.id} role="status">
      <Alert tone="success">
        <strong>{moved ? t('officeHours.booking.reschedule.done', { time: when }) : t('officeHours.booking.booked', { time: when, name: booking.mentor.name })}</strong>
      </Alert>
      <p className="muted small">{t('officeHours.booking.bookedHint')}</p>
      <div className="oh-booked-actions">
        <Link className="btn btn--primary btn--small" to={ohPaths.sessions}>
          {t('officeHours.booking.mySessions')}
        </Link>
        <a className="btn btn--secondary btn--small" href={ohApi.icsUrl(booking.id)} download>
          {t('officeHours.booking.addToCalendar')}
        </a>
      </div>
    </div>
  );
}

/** Moving a booking: the slot picked for it and "Move it here". */
export function RescheduleConfirm({ moving, startsAt, pending, onConfirm }: { moving: Booking; startsAt: string | null; pending: boolean; onConfirm: () => void }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  return (
    <div className="oh-reschedule" data-testid="oh-reschedule">
      <p className="card-title">{t('officeHours.booking.reschedule.title')}</p>
      <p className="muted small">{t('officeHours.booking.reschedule.hint', { time: time.dateTime(moving.startsAt) })}</p>
      {startsAt && <p className="oh-reschedule-to">→ {time.dateTime(startsAt)}</p>}
      <div className="oh-booked-actions">
        <button type="button" className="btn btn--primary btn--small" data-testid="oh-reschedule-submit" disabled={!startsAt || pending} onClick={onConfirm}>
          {pending ? t('officeHours.booking.reschedule.moving') : t('officeHours.booking.reschedule.submit')}
        </button>
        <Link className="btn btn--secondary btn--small" to={ohPaths.sessions}>
          {t('officeHours.booking.reschedule.keep')}
        </Link>
      </div>
    </div>
  );
}
