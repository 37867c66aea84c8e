import { useTranslation } from 'react-i18next';
import type { Booking } from '../../../shared/officeHours';
import { useMe } from '../session/sessionStore';
import { Avatar } from '../ui/Avatar';
import { FeedbackForm } from './FeedbackForm';
import { SessionActions } from './SessionActions';
import { SessionTime } from './SessionTime';
import { canGiveFeedback } from './sessionRules';

/** One of my sessions: when, with whom, about what, its status, what I can do with it, and feedback. */
export function SessionCard({ booking: b, now, onChanged }: { booking: Booking; now: number; onChanged: (b: Booking) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const iAmMentor = b.mentor.id === me.id;
  const other = iAmMentor ? { id: b.startup.id, name: b.startup.name } : { id: b.mentor.id, name: b.mentor.name };
  const showFeedback = b.myFeedback !== null || canGiveFeedback(b, now);
  return (
    <li className={`card oh-session oh-session--${b.status}`} data-testid="oh-session" data-booking-id={b.id} data-status={b.status}>
      <div className="oh-session-top">
        <Avatar name={other.name} seed={other.id} size="md" square={iAmMentor} />
        <div className="oh-session-who">
          <span className="oh-session-name">{iAmMentor ? t('officeHours.sessions.forStartup', { name: b.startup.name }) : t('officeHours.sessions.withMentor', { name: b.mentor.name })}</span>
          <span className="muted small">
            {iAmMentor ? t('officeHours.sessions.bookedBy', { name: b.bookedBy.name }) : b.startup.name}
          </span>
        </div>
        <div className="oh-session-badges">
          {b.dropIn && <span className="badge badge--neutral">{t('officeHours.sessions.dropIn')}</span>}
          {b.topic && <span className="chip oh-topic">{t(`officeHours.topics.${b.topic}`)}</span>}
          <span className={`badge oh-status oh-status--${b.status}`}>{t(`officeHours.sessions.status.${b.status}`)}</span>
        </div>
      </div>
      <SessionTime startsAt={b.startsAt} endsAt={b.roomClosesAt} mentorZone={b.mentor.timeZone} mentorName={b.mentor.name} />
      {b.agenda && (
        <p className="oh-session-agenda">
          <span className="oh-session-label">{t('officeHours.sessions.agenda')}</span> {b.agenda}
        </p>
      )}
      {b.status === 'cancelled' && b.cancelledBy && <p className="muted small">{t('officeHours.sessions.cancelledBy', { name: b.cancelledBy.name })}</p>}
      <SessionActions booking={b} now={now} iAmMentor={iAmMentor} onChanged={onChanged} />
      {showFeedback && <FeedbackForm booking={b} iAmMentor={iAmMentor} onChanged={onChanged} />}
    </li>
  );
}
