import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, STARTUP_STAGES } from '../../../shared/constants';
import { Icon } from '../ui/Icon';
import { hasFilters, type LibraryFilters } from './query';
import type { LibraryFacets } from './useLibrary';

/** How long typing pauses before the search runs. */
export const SEARCH_DEBOUNCE_MS = 300;

interface Props {
  filters: LibraryFilters;
  facets: LibraryFacets;
  /** Applies a change (and goes back to page 1). */
  onChange: (patch: Partial<LibraryFilters>) => void;
}

/** Search, filters (industry, stage, language, event, dates) and sort of the library. */
export function LibraryToolbar({ filters, facets, onChange }: Props) {
  const { t } = useTranslation();
  // A chosen value that is not among the choices (a shared link) still shows.
  const industries = filters.industry && !facets.industries.includes(filters.industry) ? [filters.industry, ...facets.industries] : facets.industries;
  const events = filters.roadshowId && !facets.events.some((e) => e.id === filters.roadshowId) ? [{ id: filters.roadshowId, title: filters.roadshowId }, ...facets.events] : facets.events;

  return (
    <section className="rec-toolbar" aria-label={t('recordings.filters.label')}>
      <div className="rec-toolbar-top">
        <SearchBox value={filters.q} onSearch={(q) => onChange({ q })} />
        <Select label={t('recordings.sort.label')} testId="recordings-sort" value={filters.sort} onChange={(sort) => onChange({ sort: sort === 'popular' ? 'popular' : 'date' })}>
          <option value="date">{t('recordings.sort.date')}</option>
          <option value="popular">{t('recordings.sort.popular')}</option>
        </Select>
      </div>
      <div className="rec-filters">
        <Select label={t('recordings.filters.industry')} testId="recordings-filter-industry" value={filters.industry} onChange={(industry) => onChange({ industry })}>
          <option value="">{t('recordings.filters.anyIndustry')}</option>
          {industries.map((i) => (
            <option key={i} value={i}>
              {i}
            </option>
          ))}
        </Select>
        <Select label={t('recordings.filters.stage')} testId="recordings-filter-stage" value={filters.stage} onChange={(stage) => onChange({ stage: stage as LibraryFilters['stage'] })}>
          <option value="">{t('recordings.filters.anyStage')}</option>
          {STARTUP_STAGES.map((s) => (
            <option key={s} value={s}>
              {t(`stages.${s}`)}
            </option>
          ))}
        </Select>
        <Select label={t('recordings.filters.language')} testId="recordings-filter-language" value={filters.language} onChange={(language) => onChange({ language: language as LibraryFilters['language'] })}>
          <option value="">{t('recordings.filters.anyLanguage')}</option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </Select>
        <Select label={t('recordings.filters.event')} testId="recordings-filter-event" value={filters.roadshowId} onChange={(roadshowId) => onChange({ roadshowId })}>
          <option value="">{t('recordings.filters.anyEvent')}</option>
          {events.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
            </option>
          ))}
        </Select>
        <label className="rec-filter">
          <span className="rec-filter-label">{t('recordings.filters.from')}</span>
          <input type="date" className="input input--small" value={filters.from} max={filters.to || undefined} data-testid="recordings-filter-from" onChange={(e) => onChange({ from: e.target.value })} />
        </label>
        <label className="rec-filter">
          <span className="rec-filter-label">{t('recordings.filters.to')}</span>
          <input type="date" className="input input--small" value={filters.to} min={filters.from || undefined} data-testid="recordings-filter-to" onChange={(e) => onChange({ to: e.target.value })} />
        </label>
        {hasFilters(filters) && (
          <button
            type="button"
            className="btn btn--small btn--ghost rec-filters-clear"
            data-testid="recordings-clear-filters"
            onClick={() => onChange({ q: '', industry: '', stage: '', language: '', from: '', to: '', roadshowId: '' })}
          >
            {t('recordings.filters.clear')}
          </button>
        )}
      </div>
    </section>
  );
}

function Select({ label, testId, value, onChange, children }: { label: string; testId: string; value: string; onChange: (v: string) => void; children: ReactNode }) {
  return (
    <label className="rec-filter">
      <span className="rec-filter-label">{label}</span>
      <select className="input input--small" value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </label>
  );
}

/** The search box: typing is debounced; a change from outside (Back, Clear) replaces the text. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const sent = useRef(value);
  const onSearchRef = useRef(onSearch);
  onSearchRef.current = onSearch;

  useEffect(() => {
    if (value === sent.current) return;
    sent.current = value;
    setText(value);
  }, [value]);

  useEffect(() => {
    if (text === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = text;
      onSearchRef.current(text);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <label className="rec-search">
      <Icon name="search" size={18} />
      <input
        type="search"
        className="input input--search"
        placeholder={t('recordings.search')}
        aria-label={t('recordings.search')}
        value={text}
        maxLength={100}
        data-testid="recordings-search"
        onChange={(e) => setText(e.target.value)}
      />
    </label>
  );
}
