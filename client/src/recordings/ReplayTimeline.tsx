import { useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordingChapter, RecordingMarker } from '../../../shared/recordings';
import { formatClock, positionPercent } from './format';

interface Props {
  durationMs: number;
  nowMs: number;
  chapters: RecordingChapter[];
  markers: RecordingMarker[];
  onSeek: (ms: number, play?: boolean) => void;
}

/** Arrow keys move this far on the timeline. */
const KEY_STEP_MS = 5_000;

/** The bar under the video: chapters as stretches, questions asked / answered as markers; click to jump. */
export function ReplayTimeline({ durationMs, nowMs, chapters, markers, onSeek }: Props) {
  const { t } = useTranslation();
  const track = useRef<HTMLDivElement>(null);
  const pos = (ms: number) => `${positionPercent(ms, durationMs)}%`;

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const rect = track.current?.getBoundingClientRect();
    if (!rect || rect.width === 0 || durationMs <= 0) return;
    onSeek(Math.min(1, Math.max(0, (e.clientX - rect.left) / rect.width)) * durationMs);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowRight' ? KEY_STEP_MS : e.key === 'ArrowLeft' ? -KEY_STEP_MS : e.key === 'Home' ? -Infinity : e.key === 'End' ? Infinity : 0;
    if (step === 0) return;
    e.preventDefault();
    onSeek(Math.min(durationMs, Math.max(0, nowMs + step)));
  };

  return (
    <div className="rec-timeline" role="group" aria-label={t('recordings.replay.timeline')}>
      <div
        ref={track}
        className="rec-timeline-track"
        role="slider"
        tabIndex={0}
        aria-label={t('recordings.replay.seek')}
        aria-valuemin={0}
        aria-valuemax={Math.round(durationMs / 1000)}
        aria-valuenow={Math.round(nowMs / 1000)}
        aria-valuetext={`${formatClock(nowMs)} / ${formatClock(durationMs)}`}
        data-testid="replay-timeline"
        onClick={onClick}
        onKeyDown={onKey}
      >
        {chapters.map((c) => (
          <span
            key={c.index}
            className="rec-timeline-chapter"
            style={{ left: pos(c.startMs), width: `${Math.max(0, positionPercent(c.endMs, durationMs) - positionPercent(c.startMs, durationMs))}%` }}
            title={c.title}
          />
        ))}
        <span className="rec-timeline-progress" style={{ width: pos(nowMs) }} />
        <span className="rec-timeline-head" style={{ left: pos(nowMs) }} />
        {markers.map((m) => {
          const label = t(m.kind === 'asked' ? 'recordings.replay.markerAsked' : 'recordings.replay.markerAnswered', { time: formatClock(m.atMs), text: m.text });
          return (
            <button
              key={`${m.kind}-${m.questionId}-${m.atMs}`}
              type="button"
              className={`rec-marker rec-marker--${m.kind}`}
              style={{ left: pos(m.atMs) }}
              title={label}
              aria-label={label}
              data-testid="replay-marker"
              data-at-ms={m.atMs}
              data-kind={m.kind}
              onClick={(e) => {
                e.stopPropagation();
                onSeek(m.atMs, true);
              }}
            />
          );
        })}
      </div>
      <div className="rec-timeline-foot small muted">
        <span className="rec-timeline-clock" data-testid="replay-clock">
          {formatClock(nowMs)} / {formatClock(durationMs)}
        </span>
        {markers.length > 0 && (
          <span className="rec-legend">
            <span className="rec-legend-item">
              <span className="rec-marker-dot rec-marker--asked" aria-hidden="true" />
              {t('recordings.replay.legendAsked')}
            </span>
            <span className="rec-legend-item">
              <span className="rec-marker-dot rec-marker--answered" aria-hidden="true" />
              {t('recordings.replay.legendAnswered')}
            </span>
          </span>
        )}
      </div>
    </div>
  );
}
