import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isRole, ROLES, type Role } from '../../../shared/constants';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useNow } from '../lib/useNow';
import { useLobby } from '../lobby/lobbyStore';
import { Icon } from '../ui/Icon';
import { EmptyState, ErrorState, PageHeader, SkeletonRows } from '../ui/States';
import { PersonCard } from './PersonCard';
import { useFilteredPeople, useOnlineStatuses, usePeople } from './usePeople';

/** The directory of everyone in the space, filtered by role tabs and a search box. */
export function PeoplePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('people.title'));
  const [params, setParams] = useSearchParams();
  const roleParam = params.get('role');
  const role = isRole(roleParam) ? roleParam : null;
  const [query, setQuery] = useState('');
  const { state, reload } = usePeople(role);
  const online = useLobby((s) => s.online);
  const statuses = useOnlineStatuses(online);
  const now = useNow(60_000);
  const people = useFilteredPeople(state.kind === 'ready' ? state.data.people : [], query);

  const tabs: (Role | null)[] = [null, ...ROLES];
  return (
    <div className="page">
      <PageHeader title={t('people.title')} subtitle={t('people.subtitle')} />
      <div className="toolbar">
        <div className="tabs" role="tablist" aria-label={t('people.filterLabel')}>
          {tabs.map((r) => (
            <button
              key={r ?? 'all'}
              type="button"
              role="tab"
              aria-selected={role === r}
              data-testid={`people-tab-${r ?? 'all'}`}
              className={`tab${role === r ? ' is-active' : ''}`}
              onClick={() => setParams(r ? { role: r } : {})}
            >
              {r ? t(`roles.plural.${r}`) : t('people.all')}
            </button>
          ))}
        </div>
        <input
          type="search"
          className="input input--search"
          placeholder={t('people.search')}
          aria-label={t('people.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {state.kind === 'loading' && <SkeletonRows rows={6} variant="card" />}
      {state.kind === 'failed' && <ErrorState error={state.error} onRetry={reload} />}
      {state.kind === 'ready' &&
        (people.length === 0 ? (
          <EmptyState icon={<Icon name="search" size={26} />} title={t('people.empty')} hint={query ? t('people.emptySearch') : undefined} />
        ) : (
          <div className="card-grid" data-testid="people-list">
            {people.map((p) => (
              <PersonCard
                key={p.id}
                person={p}
                now={now}
                presence={statuses.get(p.id) ?? null}
                startups={p.startupIds.flatMap((id) => state.data.startupsById.get(id) ?? [])}
              />
            ))}
          </div>
        ))}
    </div>
  );
}
