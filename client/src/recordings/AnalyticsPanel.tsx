import { useTranslation } from 'react-i18next';
import { isRole } from '../../../shared/constants';
import type { RecordingChapter, WatchAnalytics } from '../../../shared/recordings';
import { useAsync } from '../lib/useAsync';
import { useTimeFormat } from '../lib/useTimeFormat';
import { RoleBadge } from '../ui/Badges';
import { EmptyState, ErrorState, SkeletonRows } from '../ui/States';
import { Icon } from '../ui/Icon';
import { recordingsApi } from './api';
import { formatClock, percentOf } from './format';

/** Who watched (founders of a startup in it, operators): time and share per viewer, and per chapter. */
export function AnalyticsPanel({ recordingId, chapters }: { recordingId: string; chapters: RecordingChapter[] }) {
  const { t } = useTranslation();
  const { state, reload } = useAsync(() => recordingsApi.analytics(recordingId), `analytics:${recordingId}`);

  return (
    <section className="card rec-analytics" aria-labelledby="rec-analytics-title" data-testid="replay-analytics">
      <div className="card-head">
        <h2 className="card-title" id="rec-analytics-title">
          {t('recordings.analytics.title')}
        </h2>
        <button type="button" className="btn btn--small btn--ghost" data-testid="analytics-refresh" onClick={reload}>
          ↻ {t('recordings.analytics.refresh')}
        </button>
      </div>
      {state.kind === 'loading' && <SkeletonRows rows={2} />}
      {state.kind === 'failed' && <ErrorState error={state.error} onRetry={reload} />}
      {state.kind === 'ready' &&
        (state.data.viewers.length === 0 ? (
          <EmptyState icon={<Icon name="users" size={24} />} title={t('recordings.analytics.empty')} />
        ) : (
          <>
            <ViewerTable analytics={state.data} />
            <ChapterBars analytics={state.data} chapters={chapters} />
          </>
        ))}
      {state.kind === 'ready' && <InterestList analytics={state.data} />}
    </section>
  );
}

/** Investors who marked interest or asked for an intro (live or from the replay), with their notes. */
function InterestList({ analytics }: { analytics: WatchAnalytics }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  return (
    <div className="rec-interests" data-testid="analytics-interests">
      <h3 className="card-subtitle">{t('recordings.intro.analyticsTitle')}</h3>
      {analytics.interests.length === 0 ? (
        <p className="muted small">{t('recordings.intro.analyticsEmpty')}</p>
      ) : (
        <ul className="rec-interest-list">
          {analytics.interests.map((i) => (
            <li key={`${i.startupId}:${i.investor.id}`} className="rec-interest" data-testid="analytics-interest" data-user-id={i.investor.id}>
              <div className="rec-interest-head">
                <strong>{i.investor.name}</strong>
                <span className="muted small">→ {i.startupName}</span>
                <span className="muted small">
                  {i.fromReplay ? t('recordings.intro.fromReplay') : t('recordings.intro.fromLive')} · <time dateTime={i.createdAt}>{time.dateTime(i.createdAt)}</time>
                </span>
              </div>
              {i.message && <blockquote className="interest-note">{i.message}</blockquote>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ViewerTable({ analytics }: { analytics: WatchAnalytics }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  return (
    <div className="rec-table-wrap">
      <table className="rec-table">
        <thead>
          <tr>
            <th scope="col">{t('recordings.analytics.viewer')}</th>
            <th scope="col">{t('recordings.analytics.role')}</th>
            <th scope="col">{t('recordings.analytics.watched')}</th>
            <th scope="col">{t('recordings.analytics.firstView')}</th>
            <th scope="col">{t('recordings.analytics.lastView')}</th>
          </tr>
        </thead>
        <tbody>
          {analytics.viewers.map((v) => {
            const percent = percentOf(v.watchedMs, analytics.durationMs);
            return (
              <tr key={v.viewer.id} data-testid="analytics-viewer" data-user-id={v.viewer.id}>
                <th scope="row">{v.viewer.name}</th>
                <td>{isRole(v.viewer.role) ? <RoleBadge role={v.viewer.role} /> : v.viewer.role}</td>
                <td data-testid="analytics-watched" data-watched-ms={v.watchedMs}>
                  <span className="rec-watched">
                    <span className="rec-bar" aria-hidden="true">
                      <span className="rec-bar-fill" style={{ width: `${percent}%` }} />
                    </span>
                    {t('recordings.analytics.watchedValue', { time: formatClock(v.watchedMs), percent })}
                  </span>
                </td>
                <td>
                  <time dateTime={v.firstAt}>{time.dateTime(v.firstAt)}</time>
                </td>
                <td>
                  <time dateTime={v.lastAt}>{time.dateTime(v.lastAt)}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Per chapter: the average share of it the viewers watched, and how many watched any of it. */
function ChapterBars({ analytics, chapters }: { analytics: WatchAnalytics; chapters: RecordingChapter[] }) {
  const { t } = useTranslation();
  if (chapters.length === 0) return null;
  const viewers = analytics.viewers;
  return (
    <div className="rec-chapter-bars" data-testid="analytics-chapters">
      <h3 className="card-subtitle">{t('recordings.analytics.chapters')}</h3>
      <ul>
        {chapters.map((c) => {
          const length = Math.max(0, c.endMs - c.startMs);
          const watched = viewers.map((v) => v.chapters.find((x) => x.index === c.index)?.watchedMs ?? 0);
          const percent = percentOf(watched.reduce((a, b) => a + b, 0), length * viewers.length);
          const count = watched.filter((ms) => ms > 0).length;
          return (
            <li key={c.index} className="rec-chapter-bar" data-testid="analytics-chapter" data-index={c.index}>
              <span className="rec-chapter-bar-title" title={c.title}>
                {c.title}
              </span>
              <span className="rec-bar rec-bar--wide" aria-hidden="true">
                <span className="rec-bar-fill" style={{ width: `${percent}%` }} />
              </span>
              <span className="small muted">
                {t('recordings.analytics.chapterShare', { percent })} · {t('recordings.card.viewers', { count })}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
