/** The pitch timer, derived from the room state (pure, so it is easy to test). */
import type { AgendaItem, TimerState } from '../../../shared/roadshow';

/** pitch (or the break/talk itself), then Q&A, then overtime. */
export type TimerPhase = 'pitch' | 'qa' | 'overtime';

export interface TimerReading {
  phase: TimerPhase;
  /** Milliseconds since the item started (timer time, not wall time). */
  elapsedMs: number;
  /** Left in the current phase; in overtime, how far over the item is. */
  phaseMs: number;
  /** How far through the whole item we are, 0–1 (1 in overtime). */
  progress: number;
}

/** Elapsed time now: the server's value plus, while running, the time since it arrived. */
export function timerElapsed(timer: TimerState, receivedAt: number, now: number): number {
  return timer.running ? timer.elapsedMs + Math.max(0, now - receivedAt) : timer.elapsedMs;
}

/** Which phase the item is in and how much of it is left. */
export function readTimer(item: Pick<AgendaItem, 'pitchMinutes' | 'qaMinutes'>, elapsedMs: number): TimerReading {
  const pitchMs = item.pitchMinutes * 60_000;
  const totalMs = pitchMs + item.qaMinutes * 60_000;
  const progress = totalMs > 0 ? Math.min(1, elapsedMs / totalMs) : 1;
  if (elapsedMs < pitchMs) return { phase: 'pitch', elapsedMs, phaseMs: pitchMs - elapsedMs, progress };
  if (elapsedMs < totalMs) return { phase: 'qa', elapsedMs, phaseMs: totalMs - elapsedMs, progress };
  return { phase: 'overtime', elapsedMs, phaseMs: elapsedMs - totalMs, progress };
}

/** "mm:ss" (minutes keep counting past 59: "75:00"). A countdown rounds up, so it shows 00:00 only at the end. */
export function formatClock(ms: number, roundUp = false): string {
  const total = roundUp ? Math.ceil(ms / 1000) : Math.floor(ms / 1000);
  const s = Math.max(0, total);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
