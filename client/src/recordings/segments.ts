/**
 * Watch reporting, the pure part: what the player played (the video element's `played` TimeRanges, in
 * seconds) as `[startMs, endMs]` segments, minus what was already reported. Server merges overlaps too;
 * this only keeps reports small.
 */

/** The bit of `TimeRanges` we use (a plain object in tests). */
export interface TimeRangesLike {
  readonly length: number;
  start(index: number): number;
  end(index: number): number;
}

/** A played stretch of the file: [startMs, endMs), integers, end > start. */
export type Segment = [number, number];

/** The server takes at most this many segments per report (WatchReportBody). */
export const MAX_SEGMENTS_PER_REPORT = 200;

/** Sorts and merges overlapping or touching segments; drops empty ones. */
export function mergeSegments(segments: readonly Segment[]): Segment[] {
  const sorted = segments.filter(([a, b]) => b > a).map(([a, b]): Segment => [a, b]).sort((x, y) => x[0] - y[0]);
  const out: Segment[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Played TimeRanges (seconds) → merged integer millisecond segments; non-finite or empty ranges are dropped. */
export function rangesToSegments(ranges: TimeRangesLike): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < ranges.length; i++) {
    const start = ranges.start(i);
    const end = ranges.end(i);
    if (!Number.isFinite(start) || !Number.isFinite(end)) continue;
    const a = Math.max(0, Math.round(start * 1000));
    const b = Math.round(end * 1000);
    if (b > a) out.push([a, b]);
  }
  return mergeSegments(out);
}

/** The parts of `segments` not covered by `covered` (both lists may overlap themselves). */
export function subtractSegments(segments: readonly Segment[], covered: readonly Segment[]): Segment[] {
  const cut = mergeSegments(covered);
  const out: Segment[] = [];
  for (const [a0, b] of mergeSegments(segments)) {
    let a = a0;
    for (const [c, d] of cut) {
      if (d <= a) continue;
      if (c >= b) break;
      if (c > a) out.push([a, c]);
      a = Math.max(a, d);
      if (a >= b) break;
    }
    if (a < b) out.push([a, b]);
  }
  return out;
}

/** Splits a long list into reports the server accepts. */
export function chunkSegments(segments: readonly Segment[], size = MAX_SEGMENTS_PER_REPORT): Segment[][] {
  const out: Segment[][] = [];
  for (let i = 0; i < segments.length; i += size) out.push(segments.slice(i, i + size));
  return out;
}

/** Total milliseconds covered by the segments (overlaps counted once). */
export function coveredMs(segments: readonly Segment[]): number {
  return mergeSegments(segments).reduce((n, [a, b]) => n + (b - a), 0);
}
