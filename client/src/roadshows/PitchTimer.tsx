import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../shared/roadshow';
import { formatClock, readTimer, timerElapsed } from './pitchTimer';
import { useRoadshowRoom } from './roadshowRoomStore';
import { useTicker } from './useTicker';

/**
 * The current item's clock: time since the item started ("mm:ss", the `roadshow-timer` text), the
 * phase (pitch, Q&A, overtime) and what is left of it — or how far over the item is.
 */
export function PitchTimer({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const timer = useRoadshowRoom((s) => s.state?.timer ?? null);
  const receivedAt = useRoadshowRoom((s) => s.stateReceivedAt);
  const now = useTicker(timer?.running ?? false);
  if (!timer) return null;
  const reading = readTimer(item, timerElapsed(timer, receivedAt, now));
  const phaseName = reading.phase === 'pitch' && item.kind !== 'pitch' ? item.kind : reading.phase;
  const over = reading.phase === 'overtime';
  const remaining = over ? t('live.phaseOver', { time: formatClock(reading.phaseMs) }) : t('live.phaseLeft', { time: formatClock(reading.phaseMs, true) });
  return (
    <div className={`rs-timer rs-timer--${reading.phase}${timer.running ? '' : ' rs-timer--paused'}`} role="timer" aria-label={`${t(`live.phase.${phaseName}`)} · ${remaining}`}>
      <span className="rs-timer-phase">{t(`live.phase.${phaseName}`)}</span>
      <span
        className="rs-timer-clock"
        data-testid="roadshow-timer"
        data-running={String(timer.running)}
        data-phase={reading.phase}
        data-elapsed-ms={Math.floor(reading.elapsedMs)}
        data-phase-ms={Math.floor(reading.phaseMs)}
      >
        {formatClock(reading.elapsedMs)}
      </span>
      <span className="rs-timer-suffix">
        {remaining}
        {!timer.running && <span className="rs-timer-paused"> · {t('live.paused')}</span>}
      </span>
      <span className="rs-timer-bar" aria-hidden="true">
        <span className="rs-timer-bar-fill" style={{ transform: `scaleX(${reading.progress})` }} />
      </span>
    </div>
  );
}
