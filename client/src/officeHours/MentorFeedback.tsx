import { useTranslation } from 'react-i18next';
import { useTimeFormat } from '../lib/useTimeFormat';
import { ErrorState, SkeletonRows } from '../ui/States';
import { useReceivedFeedback } from './useSessions';

/** Mentors: my average rating and what founders told me. */
export function MentorFeedback() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { state, reload } = useReceivedFeedback();
  return (
    <section className="card oh-received" data-testid="oh-received-feedback">
      <h2 className="card-title">{t('officeHours.feedback.receivedTitle')}</h2>
      {state.kind === 'loading' && <SkeletonRows rows={2} />}
      {state.kind === 'failed' && <ErrorState error={state.error} onRetry={reload} />}
      {state.kind === 'ready' &&
        (() => {
          const fromFounders = state.data.feedback.filter((f) => f.role === 'founder');
          if (fromFounders.length === 0) return <p className="muted small">{t('officeHours.feedback.none')}</p>;
          return (
            <>
              <p className="oh-average" data-testid="oh-average">
                <span className="oh-average-value">
                  <span aria-hidden="true">★</span> {state.data.average?.toFixed(2) ?? '—'}
                </span>
                <span className="muted small">
                  {t('officeHours.feedback.average')} · {t('officeHours.feedback.count', { count: fromFounders.length })}
                </span>
              </p>
              <ul className="oh-received-list">
                {fromFounders.map((f) => (
                  <li key={`${f.bookingId}:${f.from.id}`} className="oh-received-item">
                    <span className="oh-received-stars" aria-label={t('officeHours.feedback.star', { count: f.rating })}>
                      {'★'.repeat(f.rating)}
                      <span className="oh-star-off">{'★'.repeat(5 - f.rating)}</span>
                    </span>
                    {f.comment && <p className="oh-received-comment">{f.comment}</p>}
                    <span className="muted small">
                      {f.from.name} · {time.date(f.createdAt)}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          );
        })()}
    </section>
  );
}
