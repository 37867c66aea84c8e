import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MentorCard } from '../../../shared/officeHours';
import { useTimeFormat } from '../lib/useTimeFormat';
import { useMe } from '../session/sessionStore';
import { Avatar } from '../ui/Avatar';
import { useOfficeHoursLive } from './liveStore';
import { CapacityLine, RatingBadge, TopicChips } from './MentorBits';
import { ohPaths } from './ohPaths';
import { QueueJoin } from './QueueJoin';
import { useMentorTime } from './useMentorTime';

/** One mentor in the directory: who, what about, how, the next free slots and, when open, the door. */
export function MentorCardView({ card }: { card: MentorCard }) {
  const { t } = useTranslation();
  const me = useMe();
  const time = useTimeFormat();
  const mentorTime = useMentorTime();
  const { mentor } = card;
  const live = useOfficeHoursLive((s) => s.queues[mentor.id]);
  const doorOpen = live?.open ?? card.doorOpen;
  return (
    <article className="card oh-mentor-card" data-testid="oh-mentor-card" data-mentor-id={mentor.id} data-door-open={String(doorOpen)}>
      <div className="oh-mentor-top">
        <Avatar name={mentor.name} seed={mentor.id} size="lg" />
        <div className="oh-mentor-who">
          <Link className="oh-mentor-name" to={ohPaths.mentor(mentor.id)}>
            {mentor.name}
          </Link>
          {mentor.headline && <span className="oh-mentor-headline">{mentor.headline}</span>}
          <RatingBadge rating={card.rating} />
        </div>
      </div>
      <TopicChips topics={card.topics} />
      <CapacityLine capacity={card.capacity} slotMinutes={card.slotMinutes} />
      {doorOpen && (
        <div className="oh-door" data-testid="oh-door-open">
          <span className="badge oh-door-badge">
            <span className="live-pulse" aria-hidden="true" />
            {t('officeHours.directory.doorOpen')}
          </span>
          {me.role === 'founder' && <QueueJoin mentorId={mentor.id} mentorName={mentor.name} />}
        </div>
      )}
      <div className="oh-next">
        <p className="oh-next-title">{t('officeHours.directory.nextSlots')}</p>
        {card.nextSlots.length === 0 ? (
          <p className="muted small">{t('officeHours.directory.noSlots')}</p>
        ) : (
          <ul className="oh-next-list">
            {card.nextSlots.map((s) => {
              const theirs = mentorTime(s.startsAt, mentor.timeZone, mentor.name);
              return (
                <li key={s.id} className="oh-next-slot" data-starts-at={s.startsAt}>
                  <span className="oh-next-time">{time.dateTime(s.startsAt)}</span>
                  {theirs && (
                    <span className="oh-mentor-time small" title={theirs.title}>
                      {theirs.text}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <Link className="btn btn--secondary btn--small oh-mentor-book" to={ohPaths.mentor(mentor.id)} data-testid="oh-mentor-book">
        {t('officeHours.directory.allSlots')}
      </Link>
    </article>
  );
}
