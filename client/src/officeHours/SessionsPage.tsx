import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Booking } from '../../../shared/officeHours';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useNow } from '../lib/useNow';
import { useMe } from '../session/sessionStore';
import { Icon } from '../ui/Icon';
import { EmptyState, ErrorState, PageHeader, SkeletonRows } from '../ui/States';
import type { BookingScope } from './api';
import { MentorFeedback } from './MentorFeedback';
import { OfficeHoursNav } from './OfficeHoursNav';
import { ohPaths } from './ohPaths';
import { QueuePanel } from './QueuePanel';
import { SessionCard } from './SessionCard';
import { useSessions } from './useSessions';

const SCOPES: BookingScope[] = ['upcoming', 'past'];

/** `/office-hours/sessions`: my sessions, upcoming and past, with what I can do with each; mentors also run their queue. */
export function SessionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('officeHours.sessions.title'));
  const me = useMe();
  const [scope, setScope] = useState<BookingScope>('upcoming');
  const { state, reload, setData } = useSessions(scope);
  const now = useNow(10_000);
  const replace = (b: Booking) => setData((list) => list.map((x) => (x.id === b.id ? b : x)));
  return (
    <div className="page oh-page oh-sessions-page">
      <PageHeader title={t('officeHours.sessions.title')} subtitle={t('officeHours.sessions.subtitle')} testId="oh-sessions-title" />
      <OfficeHoursNav />
      <div className={me.role === 'mentor' ? 'oh-sessions-layout' : 'oh-sessions-single'}>
        <div className="oh-sessions-main">
          <div className="segmented oh-scope" role="tablist">
            {SCOPES.map((s) => (
              <button key={s} type="button" role="tab" aria-selected={scope === s} className={`segmented-btn${scope === s ? ' is-active' : ''}`} data-testid={`oh-scope-${s}`} onClick={() => setScope(s)}>
                {t(`officeHours.sessions.tabs.${s}`)}
              </button>
            ))}
          </div>
          {state.kind === 'loading' && <SkeletonRows rows={3} variant="card" />}
          {state.kind === 'failed' && <ErrorState error={state.error} onRetry={reload} />}
          {state.kind === 'ready' &&
            (state.data.length === 0 ? (
              <EmptyState icon={<Icon name="calendar" size={26} />} title={t(`officeHours.sessions.empty.${scope}`)}>
                {me.role === 'founder' && (
                  <Link className="btn btn--primary" to={ohPaths.directory}>
                    {t('officeHours.sessions.findMentor')}
                  </Link>
                )}
              </EmptyState>
            ) : (
              <ul className="oh-session-list" data-testid="oh-sessions">
                {state.data.map((b) => (
                  <SessionCard key={b.id} booking={b} now={now} onChanged={replace} />
                ))}
              </ul>
            ))}
        </div>
        {me.role === 'mentor' && (
          <aside className="oh-sessions-side">
            <QueuePanel />
            <MentorFeedback />
          </aside>
        )}
      </div>
    </div>
  );
}
