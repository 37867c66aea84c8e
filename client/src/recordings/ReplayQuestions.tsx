import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordingMarker } from '../../../shared/recordings';
import { useAsync } from '../lib/useAsync';
import { ErrorState, SkeletonRows } from '../ui/States';
import { recordingsApi } from './api';
import { formatClock } from './format';

/** The session's Q&A beside the video; a question asked while recording plays from that moment. */
export function ReplayQuestions({ recordingId, markers, onSeek }: { recordingId: string; markers: RecordingMarker[]; onSeek: (ms: number, play?: boolean) => void }) {
  const { t } = useTranslation();
  const { state, reload } = useAsync(async () => (await recordingsApi.questions(recordingId)).questions, `questions:${recordingId}`);
  const askedAt = useMemo(() => new Map(markers.filter((m) => m.kind === 'asked').map((m) => [m.questionId, m.atMs])), [markers]);
  const questions = useMemo(
    () => (state.kind === 'ready' ? state.data.slice().sort((a, b) => (askedAt.get(a.id) ?? Infinity) - (askedAt.get(b.id) ?? Infinity) || a.createdAt.localeCompare(b.createdAt)) : []),
    [state, askedAt],
  );

  return (
    <section className="card rec-qa" aria-labelledby="rec-qa-title" data-testid="replay-questions">
      <h2 className="card-title" id="rec-qa-title">
        {t('recordings.replay.qa')}
      </h2>
      {state.kind === 'loading' && <SkeletonRows rows={2} />}
      {state.kind === 'failed' && <ErrorState error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && questions.length === 0 && <p className="muted small">{t('recordings.replay.qaEmpty')}</p>}
      {questions.length > 0 && (
        <ul className="rec-qa-list">
          {questions.map((q) => {
            const at = askedAt.get(q.id);
            return (
              <li key={q.id} className="rec-qa-item" data-testid="replay-question" data-answered={q.answered}>
                <p className="rec-qa-text">{q.text}</p>
                <div className="rec-qa-meta small muted">
                  <span>{q.author ? q.author.name : t('recordings.replay.anonymous')}</span>
                  <span>{t('recordings.replay.votes', { count: q.votes })}</span>
                  {q.answered && <span className="badge rec-answered">{t('recordings.replay.answered')}</span>}
                  {at !== undefined && (
                    <button type="button" className="link-button rec-qa-jump" data-testid="replay-question-jump" onClick={() => onSeek(at, true)}>
                      ▶ {t('recordings.replay.playFrom', { time: formatClock(at) })}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
