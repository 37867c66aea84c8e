import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PresenceEntry, PresenceStatus } from '../../../shared/schemas';
import { Avatar } from '../ui/Avatar';
import { RoleBadge } from '../ui/Badges';
import { EmptyState } from '../ui/States';

const statusRank: Record<PresenceStatus, number> = { available: 0, busy: 1, away: 2 };

/** Me first, then the available, busy and away, each by name. */
export function sortOnline(online: PresenceEntry[], myId: string): PresenceEntry[] {
  return online.slice().sort((a, b) => {
    if (a.userId === myId) return -1;
    if (b.userId === myId) return 1;
    return statusRank[a.status] - statusRank[b.status] || a.name.localeCompare(b.name);
  });
}

/** Everyone in the space right now. */
export function OnlineList({ online, myId }: { online: PresenceEntry[]; myId: string }) {
  const { t } = useTranslation();
  const sorted = useMemo(() => sortOnline(online, myId), [online, myId]);
  if (sorted.length === 0) {
    return (
      <div data-testid="online-list">
        <EmptyState title={t('lobby.online.empty')} />
      </div>
    );
  }
  return (
    <ul className="person-list" data-testid="online-list">
      {sorted.map((entry) => (
        <OnlineUser key={entry.userId} entry={entry} isMe={entry.userId === myId} />
      ))}
    </ul>
  );
}

function OnlineUser({ entry, isMe }: { entry: PresenceEntry; isMe: boolean }) {
  const { t } = useTranslation();
  const statusLabel = t(`presence.status.${entry.status}`);
  return (
    <li className={`person-row${isMe ? ' person-row--me' : ''}`} data-testid="online-user" data-user-id={entry.userId} data-status={entry.status}>
      <span className="avatar-wrap">
        <Avatar name={entry.name} seed={entry.userId} />
        <span className={`avatar-status status-dot--${entry.status}`} role="img" aria-label={statusLabel} title={statusLabel} />
      </span>
      <div className="person-main">
        <div className="person-name-line">
          <Link to={`/people/${entry.userId}`} className="person-name">
            {entry.name}
          </Link>
          {isMe && <span className="you-marker">{t('lobby.online.you')}</span>}
        </div>
        <div className="person-meta">
          <RoleBadge role={entry.role} />
          {entry.startupName && (
            <Link to={`/startups/${entry.startupId ?? ''}`} className="person-startup">
              {entry.startupName}
            </Link>
          )}
        </div>
      </div>
      <div className="person-side">
        {/* NOTE: the avatar dot already says "available"; spell out only the statuses that ask for restraint. */}
        {entry.status !== 'available' && <span className={`status-text status-text--${entry.status}`}>{statusLabel}</span>}
        {entry.connections > 1 && <span className="tabs-hint">{t('lobby.online.tabs', { count: entry.connections })}</span>}
      </div>
    </li>
  );
}
