/** Small pure formatters for the replay library (durations, shares). */

/** "0:45", "12:05", "1:02:03" — a media clock, never negative. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor((Number.isFinite(ms) ? ms : 0) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Whole percent of `part` in `whole`, 0–100 (0 when the whole is unknown). */
export function percentOf(part: number, whole: number): number {
  if (!(whole > 0) || !(part > 0)) return 0;
  return Math.min(100, Math.round((part / whole) * 100));
}

/** Where `atMs` sits on a bar of `durationMs`, as a CSS percentage 0–100. */
export function positionPercent(atMs: number, durationMs: number): number {
  if (!(durationMs > 0)) return 0;
  return Math.min(100, Math.max(0, (atMs / durationMs) * 100));
}

/** The chapter playing at `atMs` (the last one that started at or before it), or -1. */
export function chapterIndexAt(chapters: readonly { startMs: number }[], atMs: number): number {
  let found = -1;
  chapters.forEach((c, i) => {
    if (c.startMs <= atMs) found = i;
  });
  return found;
}
