import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RecordingDetail } from '../../../shared/recordings';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { describeCode } from '../lib/useDescribeError';
import { useTimeFormat } from '../lib/useTimeFormat';
import { useMe } from '../session/sessionStore';
import { LanguageBadge } from '../ui/Badges';
import { Icon } from '../ui/Icon';
import { Alert, EmptyState, ErrorState, SkeletonRows, Spinner } from '../ui/States';
import { AnalyticsPanel } from './AnalyticsPanel';
import { ChapterList } from './ChapterList';
import { formatClock } from './format';
import { RecordingStatusBadge } from './RecordingStatusBadge';
import { ReplayPlayer } from './ReplayPlayer';
import { ReplayQuestions } from './ReplayQuestions';
import { ReplayStartups } from './ReplayStartups';
import { ReprocessButton } from './ReprocessButton';
import { RestrictAccess } from './RestrictAccess';
import { canSeeAnalytics, useRecording } from './useRecording';
import { useReplayPlayer } from './useReplayPlayer';

/** `/recordings/:id`: the replay — video with chapters and question markers, the Q&A, the startups. */
export function ReplayPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { state, reload, setData } = useRecording(id);
  useDocumentTitle(state.kind === 'ready' ? t('recordings.replay.documentTitle', { title: state.data.title }) : t('recordings.title'));

  return (
    <div className="page rec-replay-page" data-testid="replay-page">
      <Link to="/recordings" className="back-link">
        ← {t('recordings.replay.back')}
      </Link>
      {state.kind === 'loading' && <SkeletonRows rows={2} variant="card" />}
      {state.kind === 'failed' && <ErrorState error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && <Replay key={state.data.id} recording={state.data} onUpdated={(r) => setData(() => r)} />}
    </div>
  );
}

function Replay({ recording, onUpdated }: { recording: RecordingDetail; onUpdated: (r: RecordingDetail) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const time = useTimeFormat();
  const player = useReplayPlayer();
  const playable = recording.status === 'ready' || recording.status === 'incomplete';
  // Why it failed or is incomplete: in the viewer's language when it is a known problem.
  const reason = recording.error === null ? null : describeCode(t, recording.errorCode, recording.error);

  return (
    <>
      <header className="rec-replay-head" data-testid="replay-head" data-status={recording.status}>
        <div className="rec-replay-title-row">
          <h1 className="page-title">{recording.title}</h1>
          <RecordingStatusBadge status={recording.status} progress={recording.progress} />
        </div>
        <p className="rec-replay-meta small muted">
          <span>
            <Icon name="calendar" size={14} /> {t('recordings.replay.recordedOn', { date: time.dateTime(recording.startedAt) })}
          </span>
          {recording.durationMs > 0 && (
            <span>
              <Icon name="clock" size={14} /> {formatClock(recording.durationMs)}
            </span>
          )}
          <span>
            <Icon name="users" size={14} /> {t('recordings.card.viewers', { count: recording.viewers })}
          </span>
          <LanguageBadge language={recording.language} />
          {canSeeAnalytics(recording, me.role) && (
            <Link to={`/recordings/${recording.id}/analytics`} className="rec-analytics-link" data-testid="replay-analytics-link">
              {t('recordings.analytics.open')} →
            </Link>
          )}
        </p>
      </header>

      {recording.status === 'incomplete' && (
        <Alert tone="warning" testId="replay-incomplete">
          {t('recordings.replay.incomplete')}
          {reason ? ` — ${reason}` : ''}
        </Alert>
      )}
      {recording.status === 'failed' && (
        <Alert tone="error" testId="replay-failed">
          {t('recordings.replay.failedTitle')}
          {reason ? ` — ${reason}` : ''}
          {me.role === 'operator' && <ReprocessButton recording={recording} onStarted={onUpdated} />}
        </Alert>
      )}
      {(recording.status === 'processing' || recording.status === 'recording') && (
        <div className="card" data-testid="replay-processing">
          <EmptyState icon={<Spinner />} title={t('recordings.replay.processingTitle')} hint={t('recordings.replay.processingHint')}>
            {recording.status === 'processing' && recording.progress !== null && (
              <div className="rec-progress" data-testid="replay-progress" data-progress={recording.progress}>
                <progress max={1} value={recording.progress} aria-label={t('recordings.replay.processingTitle')} />
                <span className="muted small">{t('recordings.status.processingPercent', { percent: Math.round(recording.progress * 100) })}</span>
              </div>
            )}
          </EmptyState>
        </div>
      )}
      {recording.viewingIsVisible && (
        <Alert tone="info" testId="replay-visibility-notice">
          <Icon name="eye" size={16} /> {t('recordings.replay.visibility')}
        </Alert>
      )}

      <div className="rec-replay-body">
        <div className="rec-replay-main">
          {playable && <ReplayPlayer recording={recording} player={player} />}
          {playable && <ChapterList recording={recording} nowMs={player.nowMs} onSeek={player.seek} />}
        </div>
        <aside className="rec-replay-side">
          <ReplayStartups
            recordingId={recording.id}
            startups={recording.startups}
            investor={me.role === 'investor'}
            interestedIds={recording.interestedStartupIds}
            onInterestChanged={(startupId, on) =>
              onUpdated({
                ...recording,
                interestedStartupIds: on ? [...new Set([...recording.interestedStartupIds, startupId])] : recording.interestedStartupIds.filter((x) => x !== startupId),
              })
            }
          />
          <ReplayQuestions recordingId={recording.id} markers={recording.markers} onSeek={player.seek} />
        </aside>
      </div>

      {recording.canRestrict && <RestrictAccess recording={recording} onSaved={onUpdated} />}
      {canSeeAnalytics(recording, me.role) && playable && <AnalyticsPanel recordingId={recording.id} chapters={recording.chapters} />}
    </>
  );
}
