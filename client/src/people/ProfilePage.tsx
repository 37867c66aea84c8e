import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useNow } from '../lib/useNow';
import { useTimeFormat } from '../lib/useTimeFormat';
import { useLobby } from '../lobby/lobbyStore';
import { useMe } from '../session/sessionStore';
import { Avatar } from '../ui/Avatar';
import { RoleBadge, StageBadge, StatusDot, Tag } from '../ui/Badges';
import { ErrorState, SkeletonRows } from '../ui/States';
import { SchedulerToggle } from './SchedulerToggle';
import { useProfile, type Profile } from './useProfile';
import { ZoneDifference } from './ZoneDifference';

/** A person's public profile. */
export function ProfilePage() {
  const { id = '' } = useParams();
  const { state, reload } = useProfile(id);
  const { t } = useTranslation();
  useDocumentTitle(state.kind === 'ready' ? state.data.person.name : t('profile.title'));
  return (
    <div className="page page--medium">
      <Link to="/people" className="back-link">
        ← {t('profile.back')}
      </Link>
      {state.kind === 'loading' && <SkeletonRows rows={3} variant="card" />}
      {state.kind === 'failed' && <ErrorState error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && <ProfileView profile={state.data} />}
    </div>
  );
}

function ProfileView({ profile: { person, startups } }: { profile: Profile }) {
  const { t } = useTranslation();
  const me = useMe();
  const time = useTimeFormat();
  const now = useNow(30_000);
  const presence = useLobby((s) => s.online.find((e) => e.userId === person.id) ?? null);
  const isMe = me.id === person.id;

  return (
    <div className="profile" data-testid="profile" data-user-id={person.id}>
      <section className="card profile-hero">
        <Avatar name={person.name} seed={person.id} size="xl" />
        <div className="profile-hero-main">
          <h1 className="profile-name">{person.name}</h1>
          <div className="profile-badges">
            <RoleBadge role={person.role} />
            {presence ? <StatusDot status={presence.status} withLabel /> : <span className="muted small">{t('profile.offline')}</span>}
          </div>
          {person.headline && <p className="profile-headline">{person.headline}</p>}
          {person.email && (
            <a className="muted small" href={`mailto:${person.email}`}>
              {person.email}
            </a>
          )}
        </div>
        {isMe && (
          <Link to="/settings/profile" className="btn btn--secondary">
            {t('profile.edit')}
          </Link>
        )}
      </section>

      <div className="profile-grid">
        <section className="card">
          <h2 className="card-title">{t('profile.about')}</h2>
          {person.bio ? <p className="profile-bio">{person.bio}</p> : <p className="muted">{t('profile.noBio')}</p>}
          {person.tags.length > 0 && (
            <>
              <h3 className="card-subtitle">{t('profile.tags')}</h3>
              <div className="chips">
                {person.tags.map((tag) => (
                  <Tag key={tag}>{tag}</Tag>
                ))}
              </div>
            </>
          )}
        </section>

        <section className="card">
          <h2 className="card-title">{t('profile.details')}</h2>
          <dl className="details">
            <dt>{t('profile.localTime')}</dt>
            <dd>
              <strong className="big-time">{time.time(now, person.timeZone)}</strong>{' '}
              <span className="muted">{person.timeZone.replace(/_/g, ' ')}</span>
              <br />
              {!isMe && <ZoneDifference theirZone={person.timeZone} myZone={time.zone} now={now} />}
            </dd>
            <dt>{t('profile.languages')}</dt>
            <dd>{person.languages.map((l) => t(`languages.${l}`)).join(' · ')}</dd>
            <dt>{t('profile.memberSince')}</dt>
            <dd>{time.date(person.createdAt)}</dd>
          </dl>
          {me.role === 'operator' && person.role === 'mentor' && <SchedulerToggle userId={person.id} />}
        </section>

        {(startups.length > 0 || person.role === 'founder') && (
          <section className="card profile-startups">
            <h2 className="card-title">{t('profile.startups')}</h2>
            {startups.length === 0 ? (
              <p className="muted">{t('profile.noStartups')}</p>
            ) : (
              <ul className="link-list">
                {startups.map((s) => (
                  <li key={s.id}>
                    <Link to={`/startups/${s.id}`} className="startup-link">
                      <Avatar square name={s.name} seed={s.id} size="sm" />
                      <span className="startup-link-name">{s.name}</span>
                      <StageBadge stage={s.stage} />
                    </Link>
                    {s.oneLiner && <p className="muted small">{s.oneLiner}</p>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </div>
    </div>
  );
}
