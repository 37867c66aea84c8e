import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PresenceStatus, PublicUser, Startup } from '../../../shared/schemas';
import { useTimeFormat } from '../lib/useTimeFormat';
import { Avatar } from '../ui/Avatar';
import { RoleBadge, Tag } from '../ui/Badges';
import { Icon } from '../ui/Icon';

/** One person in the directory. */
export function PersonCard({ person, startups, presence, now }: { person: PublicUser; startups: Startup[]; presence: PresenceStatus | null; now: number }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  return (
    <Link to={`/people/${person.id}`} className="card person-card" data-testid="person-card" data-user-id={person.id}>
      <div className="person-card-top">
        <span className="avatar-wrap">
          <Avatar name={person.name} seed={person.id} size="lg" />
          {presence && <span className={`avatar-status status-dot--${presence}`} title={t(`presence.status.${presence}`)} />}
        </span>
        <div className="person-card-who">
          <span className="person-card-name">{person.name}</span>
          <RoleBadge role={person.role} />
        </div>
      </div>
      {person.headline && <p className="person-card-headline">{person.headline}</p>}
      {startups.length > 0 && <p className="person-card-startups">{startups.map((s) => s.name).join(' · ')}</p>}
      {person.tags.length > 0 && (
        <div className="chips">
          {person.tags.slice(0, 4).map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
          {person.tags.length > 4 && <span className="chip chip--more">+{person.tags.length - 4}</span>}
        </div>
      )}
      <p className="person-card-foot muted small">
        <Icon name="clock" size={14} /> {t('people.localTime', { time: time.time(now, person.timeZone) })}
        {' · '}
        {person.languages.map((l) => t(`languages.${l}`)).join(' / ')}
      </p>
    </Link>
  );
}
