import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Notification } from '../../../shared/officeHours';
import { useDismiss } from '../layout/useDismiss';
import { useNow } from '../lib/useNow';
import { useTimeFormat } from '../lib/useTimeFormat';
import { ErrorState, Spinner } from '../ui/States';
import { unreadCount, useOfficeHoursLive } from './liveStore';
import { useOfficeHoursLiveClient } from './OfficeHoursLive';
import { ohPaths } from './ohPaths';

/** The header's bell: unread count (live), and a dropdown of readable notifications with "Mark all read". */
export function NotificationsBell() {
  const { t } = useTranslation();
  const client = useOfficeHoursLiveClient();
  const unread = useOfficeHoursLive((s) => unreadCount(s.notifications));
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const location = useLocation();
  useDismiss(ref, open, close);
  useEffect(close, [location.pathname, close]);
  return (
    <div className="oh-bell" ref={ref}>
      <button
        type="button"
        className="oh-bell-button"
        data-testid="notifications-bell"
        data-unread={unread}
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={unread > 0 ? t('officeHours.notifications.bellUnread', { count: unread }) : t('officeHours.notifications.bell')}
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="oh-bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div className="menu oh-bell-menu" role="dialog" aria-label={t('officeHours.notifications.title')} data-testid="notifications-menu">
          <div className="oh-bell-head">
            <strong>{t('officeHours.notifications.title')}</strong>
            <button type="button" className="link-button small" data-testid="notifications-read-all" disabled={!client || unread === 0} onClick={() => void client?.markAllRead()}>
              {t('officeHours.notifications.markAllRead')}
            </button>
          </div>
          <NotificationList onRetry={() => void client?.reloadNotifications()} />
        </div>
      )}
    </div>
  );
}

function NotificationList({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  const list = useOfficeHoursLive((s) => s.notifications);
  const load = useOfficeHoursLive((s) => s.notificationsLoad);
  // One clock for the list's "5 min ago"s, not one timer per row.
  const now = useNow();
  if (list.length === 0 && load.kind === 'loading') return <Spinner />;
  if (list.length === 0 && load.kind === 'failed') return <ErrorState error={load.error} onRetry={onRetry} />;
  if (list.length === 0) return <p className="muted small oh-bell-empty">{t('officeHours.notifications.empty')}</p>;
  return (
    <ul className="oh-bell-list">
      {list.map((n) => (
        <NotificationItem key={n.id} n={n} now={now} />
      ))}
    </ul>
  );
}

function NotificationItem({ n, now }: { n: Notification; now: number }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const when = n.startsAt ? time.weekdayTime(n.startsAt) : '';
  const text = t(`officeHours.notifications.kinds.${n.kind}`, { name: n.actorName, time: when, subject: n.subject ?? '' });
  const to = n.link?.startsWith('/') ? n.link : n.bookingId && (n.kind === 'queue.admitted' || n.kind === 'booking.startingSoon') ? ohPaths.session(n.bookingId) : ohPaths.sessions;
  return (
    <li className={`oh-bell-item${n.read ? '' : ' is-unread'}`} data-testid="notification" data-kind={n.kind} data-read={String(n.read)}>
      <Link to={to} className="oh-bell-link">
        <span className="oh-bell-text">{text}</span>
        <span className="muted small">{time.relative(n.createdAt, now)}</span>
      </Link>
    </li>
  );
}

function BellIcon() {
  return (
    <svg className="icon" width={20} height={20} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.73 21a2 2 0 0 1-3.46 0" />
    </svg>
  );
}
