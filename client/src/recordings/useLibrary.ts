import { useEffect, useMemo } from 'react';
import type { RecordingSummary } from '../../../shared/recordings';
import { useAsync } from '../lib/useAsync';
import { recordingsApi } from './api';
import { LIBRARY_PAGE_SIZE, recordingsQueryString, type LibraryFilters } from './query';
import { useViewerTimeZone } from '../lib/useTimeFormat';

/** While a card is still processing, the page asks again this often. */
export const PROCESSING_POLL_MS = 4_000;

/** Asks again every `ms` while `active` (a recording being processed). */
export function usePollWhile(active: boolean, reload: () => void, ms = PROCESSING_POLL_MS): void {
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(reload, ms);
    return () => clearInterval(timer);
  }, [active, reload, ms]);
}

const unfinished = (r: { status: RecordingSummary['status'] }) => r.status === 'processing' || r.status === 'recording';

/** One page of the library for `filters`; refreshes itself while a card is processing. */
export function useLibrary(filters: LibraryFilters) {
  const query = recordingsQueryString(filters, LIBRARY_PAGE_SIZE, useViewerTimeZone());
  const result = useAsync(() => recordingsApi.list(query), query);
  const processing = result.state.kind === 'ready' && result.state.data.recordings.some(unfinished);
  usePollWhile(processing, result.reload);
  return result;
}

export interface LibraryFacets {
  /** Events that have recordings, newest first. */
  events: { id: string; title: string }[];
  /** Industries of the startups in recordings, sorted. */
  industries: string[];
}

/** How many recent recordings the filter choices are drawn from. */
const FACET_SAMPLE = 50;

/** The choices of the event and industry filters, from the newest recordings the viewer may watch. */
export function useLibraryFacets(): LibraryFacets {
  const { state } = useAsync(() => recordingsApi.list(`?sort=date&page=1&pageSize=${FACET_SAMPLE}`), 'facets');
  return useMemo(() => {
    if (state.kind !== 'ready') return { events: [], industries: [] };
    const events = new Map<string, string>();
    const industries = new Set<string>();
    for (const r of state.data.recordings) {
      if (!events.has(r.roadshowId)) events.set(r.roadshowId, r.title);
      for (const s of r.startups) if (s.industry.trim()) industries.add(s.industry.trim());
    }
    return {
      events: [...events].map(([id, title]) => ({ id, title })),
      industries: [...industries].sort((a, b) => a.localeCompare(b)),
    };
  }, [state]);
}
