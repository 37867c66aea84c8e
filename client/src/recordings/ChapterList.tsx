import { useTranslation } from 'react-i18next';
import type { RecordingDetail } from '../../../shared/recordings';
import { chapterThumbnailUrl } from './api';
import { chapterIndexAt, formatClock } from './format';

/** The chapters (one per agenda item recorded): click to play from its start. */
export function ChapterList({ recording, nowMs, onSeek }: { recording: RecordingDetail; nowMs: number; onSeek: (ms: number, play?: boolean) => void }) {
  const { t } = useTranslation();
  const current = chapterIndexAt(recording.chapters, nowMs);
  return (
    <section className="card rec-chapters" aria-labelledby="rec-chapters-title">
      <h2 className="card-title" id="rec-chapters-title">
        {t('recordings.replay.chapters')}
      </h2>
      {recording.chapters.length === 0 ? (
        <p className="muted small">{t('recordings.replay.noChapters')}</p>
      ) : (
        <ol className="rec-chapter-list">
          {recording.chapters.map((c, i) => (
            <li key={c.index}>
              <button
                type="button"
                className={`rec-chapter${i === current ? ' is-current' : ''}`}
                aria-current={i === current ? 'true' : undefined}
                data-testid="replay-chapter"
                data-start-ms={c.startMs}
                onClick={() => onSeek(c.startMs, true)}
              >
                <span className="rec-chapter-thumb">
                  {c.hasThumbnail ? <img src={chapterThumbnailUrl(recording.id, c.index)} alt="" loading="lazy" /> : <span className="rec-chapter-num">{i + 1}</span>}
                </span>
                <span className="rec-chapter-text">
                  <span className="rec-chapter-title">{c.title}</span>
                  <span className="small muted">
                    {formatClock(c.startMs)} – {formatClock(c.endMs)}
                    {i === current && <span className="rec-chapter-playing"> · {t('recordings.replay.playing')}</span>}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
