import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useMe } from '../session/sessionStore';
import { Icon } from '../ui/Icon';
import { EmptyState, ErrorState, PageHeader, SkeletonRows } from '../ui/States';
import { AnalyticsPanel } from './AnalyticsPanel';
import { canSeeAnalytics, useRecording } from './useRecording';

/** `/recordings/:id/analytics`: who watched a replay, on its own page (founders of its startups, operators). */
export function AnalyticsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const { state, reload } = useRecording(id);
  useDocumentTitle(state.kind === 'ready' ? t('recordings.analytics.documentTitle', { title: state.data.title }) : t('recordings.analytics.title'));

  return (
    <div className="page page--medium" data-testid="analytics-page">
      <Link to={`/recordings/${id}`} className="back-link">
        ← {t('recordings.analytics.back')}
      </Link>
      {state.kind === 'loading' && <SkeletonRows rows={2} variant="card" />}
      {state.kind === 'failed' && <ErrorState error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && (
        <>
          <PageHeader title={state.data.title} subtitle={state.data.startups.map((s) => s.name).join(' · ')} />
          {canSeeAnalytics(state.data, me.role) ? (
            <AnalyticsPanel recordingId={id} chapters={state.data.chapters} />
          ) : (
            <EmptyState icon={<Icon name="lock" size={26} />} title={t('recordings.analytics.forbidden')} />
          )}
        </>
      )}
    </div>
  );
}
