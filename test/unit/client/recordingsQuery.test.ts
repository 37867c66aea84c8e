import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  filtersFromParams,
  filtersToParams,
  hasFilters,
  pageCount,
  recordingsQueryString,
} from '../../../client/src/recordings/query.js';

const parse = (qs: string) => Object.fromEntries(new URLSearchParams(qs.replace(/^\?/, '')));

describe('library query strings', () => {
  it('asks for the newest first page with no filters', () => {
    expect(recordingsQueryString(EMPTY_FILTERS)).toBe('?sort=date&page=1&pageSize=12');
  });

  it('sends the viewer’s zone with a date range (the days are theirs), and not without one', () => {
    expect(parse(recordingsQueryString({ ...EMPTY_FILTERS, from: '2026-03-01' }, 12, 'Asia/Shanghai'))).toMatchObject({ from: '2026-03-01', tz: 'Asia/Shanghai' });
    expect(parse(recordingsQueryString({ ...EMPTY_FILTERS, to: '2026-03-01' }, 12, 'America/New_York')).tz).toBe('America/New_York');
    expect(parse(recordingsQueryString(EMPTY_FILTERS, 12, 'Asia/Shanghai')).tz).toBeUndefined();
  });

  it('sends every filter the API knows, trimmed and encoded', () => {
    const qs = recordingsQueryString({
      q: '  hull & barnacles ',
      industry: 'Climate / SaaS',
      stage: 'seed',
      language: 'zh',
      from: '2026-03-01',
      to: '2026-03-31',
      roadshowId: 'rs_1',
      sort: 'popular',
      page: 3,
    });
    expect(parse(qs)).toEqual({
      q: 'hull & barnacles',
      industry: 'Climate / SaaS',
      stage: 'seed',
      language: 'zh',
      from: '2026-03-01',
      to: '2026-03-31',
      roadshowId: 'rs_1',
      sort: 'popular',
      page: '3',
      pageSize: '12',
    });
    expect(qs).toContain('q=hull+%26+barnacles');
  });

  it('turns a reversed date range the right way round', () => {
    expect(parse(recordingsQueryString({ ...EMPTY_FILTERS, from: '2026-05-10', to: '2026-05-01' }))).toMatchObject({ from: '2026-05-01', to: '2026-05-10' });
  });

  it('reads the page URL, ignoring what is malformed', () => {
    const f = filtersFromParams(new URLSearchParams('q=tide&stage=unicorn&language=fr&from=yesterday&to=2026-01-02&sort=weird&page=-4&event=rs_9&industry=Robotics'));
    expect(f).toEqual({ ...EMPTY_FILTERS, q: 'tide', to: '2026-01-02', roadshowId: 'rs_9', industry: 'Robotics' });
    expect(filtersFromParams(new URLSearchParams('stage=series-a&language=en&sort=popular&page=2'))).toMatchObject({ stage: 'series-a', language: 'en', sort: 'popular', page: 2 });
  });

  it('writes only what differs from the defaults, and reads it back the same', () => {
    expect(filtersToParams(EMPTY_FILTERS).toString()).toBe('');
    const f = { ...EMPTY_FILTERS, q: 'Tidewater', industry: 'Robotics', sort: 'popular' as const, page: 2, roadshowId: 'rs_1' };
    expect(filtersFromParams(filtersToParams(f))).toEqual(f);
  });

  it('knows when filters are set and how many pages there are', () => {
    expect(hasFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasFilters({ ...EMPTY_FILTERS, sort: 'popular', page: 4 })).toBe(false);
    expect(hasFilters({ ...EMPTY_FILTERS, q: '  ' })).toBe(false);
    expect(hasFilters({ ...EMPTY_FILTERS, stage: 'seed' })).toBe(true);
    expect(pageCount(0)).toBe(1);
    expect(pageCount(12)).toBe(1);
    expect(pageCount(13)).toBe(2);
  });
});
