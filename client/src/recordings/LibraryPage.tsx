import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { Icon } from '../ui/Icon';
import { EmptyState, ErrorState, PageHeader, SkeletonRows } from '../ui/States';
import { LibraryToolbar } from './LibraryToolbar';
import { filtersFromParams, filtersToParams, hasFilters, pageCount, type LibraryFilters } from './query';
import { RecordingCard } from './RecordingCard';
import { useLibrary, useLibraryFacets } from './useLibrary';

/** `/recordings`: the replay library — search, filters, sort and pages; the filters live in the URL. */
export function LibraryPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('recordings.title'));
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const { state, reload } = useLibrary(filters);
  const facets = useLibraryFacets();

  const change = useCallback(
    (patch: Partial<LibraryFilters>) => setParams(filtersToParams({ ...filters, page: 1, ...patch }), { replace: true }),
    [filters, setParams],
  );
  const goTo = (page: number) => {
    setParams(filtersToParams({ ...filters, page }));
    window.scrollTo({ top: 0 });
  };

  return (
    <div className="page" data-testid="recordings-page">
      <PageHeader title={t('recordings.title')} subtitle={t('recordings.subtitle')} testId="recordings-title" />
      <LibraryToolbar filters={filters} facets={facets} onChange={change} />
      {state.kind === 'loading' && <SkeletonRows rows={3} variant="card" />}
      {state.kind === 'failed' && <ErrorState error={state.error} onRetry={reload} />}
      {state.kind === 'ready' &&
        (state.data.recordings.length === 0 ? (
          hasFilters(filters) ? (
            <EmptyState icon={<Icon name="search" size={26} />} title={t('recordings.emptyFiltered')} hint={t('recordings.emptyFilteredHint')} />
          ) : (
            <EmptyState icon={<Icon name="video" size={26} />} title={t('recordings.empty')} hint={t('recordings.emptyHint')} />
          )
        ) : (
          <>
            <p className="small muted rec-results" aria-live="polite" data-testid="recordings-total">
              {t('recordings.results', { count: state.data.total })}
            </p>
            <div className="rec-grid" data-testid="recordings-list">
              {state.data.recordings.map((r) => (
                <RecordingCard key={r.id} recording={r} />
              ))}
            </div>
            <Pager page={state.data.page} pages={pageCount(state.data.total, state.data.pageSize)} onPage={goTo} />
          </>
        ))}
    </div>
  );
}

function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  if (pages <= 1 && page <= 1) return null;
  return (
    <nav className="rec-pager" aria-label={t('recordings.pagination')}>
      <button type="button" className="btn btn--small btn--secondary" disabled={page <= 1} data-testid="recordings-prev-page" onClick={() => onPage(page - 1)}>
        ← {t('recordings.prev')}
      </button>
      <span className="small muted">{t('recordings.page', { page, pages })}</span>
      <button type="button" className="btn btn--small btn--secondary" disabled={page >= pages} data-testid="recordings-next-page" onClick={() => onPage(page + 1)}>
        {t('recordings.next')} →
      </button>
    </nav>
  );
}
