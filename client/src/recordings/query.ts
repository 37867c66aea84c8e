/**
 * The library's filters: read from and written to the page URL (so Back and a shared link keep them), and
 * turned into the `GET /api/recordings` query string (docs/recordings.md).
 */
import { LANGUAGES, STARTUP_STAGES } from '../../../shared/constants';
import type { Language, StartupStage } from '../../../shared/schemas';

export type LibrarySort = 'date' | 'popular';

export interface LibraryFilters {
  /** Free text: title, description, startup names and question texts. */
  q: string;
  industry: string;
  stage: StartupStage | '';
  language: Language | '';
  /** Calendar days YYYY-MM-DD (inclusive), or ''. */
  from: string;
  to: string;
  /** One event (roadshow id), or ''. */
  roadshowId: string;
  sort: LibrarySort;
  page: number;
}

/** Cards per page. */
export const LIBRARY_PAGE_SIZE = 12;

export const EMPTY_FILTERS: LibraryFilters = { q: '', industry: '', stage: '', language: '', from: '', to: '', roadshowId: '', sort: 'date', page: 1 };

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | '' => (list as readonly string[]).includes(v ?? '') ? (v as T) : '';

/** Filters from the page URL; anything malformed falls back to "no filter". */
export function filtersFromParams(params: URLSearchParams): LibraryFilters {
  const day = (k: string) => {
    const v = params.get(k) ?? '';
    return isDay(v) ? v : '';
  };
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    industry: (params.get('industry') ?? '').slice(0, 60),
    stage: oneOf(STARTUP_STAGES, params.get('stage')),
    language: oneOf(LANGUAGES, params.get('language')),
    from: day('from'),
    to: day('to'),
    roadshowId: (params.get('event') ?? '').slice(0, 64),
    sort: params.get('sort') === 'popular' ? 'popular' : 'date',
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
  };
}

/** The page URL's parameters for `filters`: only what differs from the defaults. */
export function filtersToParams(filters: LibraryFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (filters.q) p.set('q', filters.q);
  if (filters.industry) p.set('industry', filters.industry);
  if (filters.stage) p.set('stage', filters.stage);
  if (filters.language) p.set('language', filters.language);
  if (filters.from) p.set('from', filters.from);
  if (filters.to) p.set('to', filters.to);
  if (filters.roadshowId) p.set('event', filters.roadshowId);
  if (filters.sort !== 'date') p.set('sort', filters.sort);
  if (filters.page > 1) p.set('page', String(filters.page));
  return p;
}

/**
 * "?q=…&sort=date&page=1&pageSize=12" for GET /api/recordings (empty filters left out; q trimmed). With a
 * date range, `tz` (the viewer's zone) makes the days the viewer's days, not UTC's.
 */
export function recordingsQueryString(filters: LibraryFilters, pageSize = LIBRARY_PAGE_SIZE, tz?: string): string {
  const p = new URLSearchParams();
  const q = filters.q.trim();
  if (q) p.set('q', q);
  if (filters.industry.trim()) p.set('industry', filters.industry.trim());
  if (filters.stage) p.set('stage', filters.stage);
  if (filters.language) p.set('language', filters.language);
  if (filters.roadshowId) p.set('roadshowId', filters.roadshowId);
  // A reversed range would match nothing: send it the right way round.
  const [from, to] = filters.from && filters.to && filters.from > filters.to ? [filters.to, filters.from] : [filters.from, filters.to];
  if (from) p.set('from', from);
  if (to) p.set('to', to);
  if ((from || to) && tz) p.set('tz', tz);
  p.set('sort', filters.sort);
  p.set('page', String(filters.page));
  p.set('pageSize', String(pageSize));
  return `?${p.toString()}`;
}

/** Whether any filter (besides sort and page) is set, to word the empty state. */
export function hasFilters(filters: LibraryFilters): boolean {
  return Boolean(filters.q.trim() || filters.industry || filters.stage || filters.language || filters.from || filters.to || filters.roadshowId);
}

/** Total pages for `total` results (at least 1). */
export function pageCount(total: number, pageSize = LIBRARY_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
