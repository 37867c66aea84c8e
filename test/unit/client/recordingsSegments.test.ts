import { describe, expect, it } from 'vitest';
import {
  chunkSegments,
  coveredMs,
  mergeSegments,
  rangesToSegments,
  subtractSegments,
  type TimeRangesLike,
} from '../../../client/src/recordings/segments.js';

/** A `TimeRanges` stand-in from [start, end] pairs in seconds. */
const ranges = (...pairs: [number, number][]): TimeRangesLike => ({
  length: pairs.length,
  start: (i) => pairs[i]![0],
  end: (i) => pairs[i]![1],
});

describe('played TimeRanges → watch segments (ms)', () => {
  it('converts seconds to whole milliseconds', () => {
    expect(rangesToSegments(ranges([0, 4.2], [10.5, 12.0004]))).toEqual([
      [0, 4200],
      [10500, 12000],
    ]);
  });

  it('drops empty, zero-length and non-finite ranges (a seek leaves a [t, t] range)', () => {
    expect(rangesToSegments(ranges([3, 3], [5, 5.0001], [7, Infinity], [NaN, 2]))).toEqual([]);
    expect(rangesToSegments(ranges())).toEqual([]);
  });

  it('merges ranges that overlap or touch after rounding, sorted', () => {
    expect(rangesToSegments(ranges([20, 25], [0, 10.0004], [10, 15]))).toEqual([
      [0, 15000],
      [20000, 25000],
    ]);
  });
});

describe('segment arithmetic', () => {
  it('merges overlapping and touching segments', () => {
    expect(mergeSegments([[5, 10], [0, 5], [12, 20], [15, 18], [30, 30]])).toEqual([
      [0, 10],
      [12, 20],
    ]);
  });

  it('subtracts what was already reported', () => {
    expect(subtractSegments([[0, 10_000]], [[0, 4_000]])).toEqual([[4_000, 10_000]]);
    expect(subtractSegments([[0, 10_000]], [[2_000, 3_000], [5_000, 6_000]])).toEqual([
      [0, 2_000],
      [3_000, 5_000],
      [6_000, 10_000],
    ]);
    expect(subtractSegments([[0, 10_000]], [[0, 10_000]])).toEqual([]);
    expect(subtractSegments([[0, 1_000], [5_000, 9_000]], [[500, 6_000]])).toEqual([
      [0, 500],
      [6_000, 9_000],
    ]);
    expect(subtractSegments([[100, 200]], [])).toEqual([[100, 200]]);
  });

  it('counts covered time once', () => {
    expect(coveredMs([[0, 1000], [500, 1500], [3000, 3500]])).toBe(2000);
  });

  it('splits into reports of at most 200 segments', () => {
    const many = Array.from({ length: 450 }, (_, i): [number, number] => [i * 10, i * 10 + 5]);
    const parts = chunkSegments(many);
    expect(parts.map((p) => p.length)).toEqual([200, 200, 50]);
    expect(parts.flat()).toEqual(many);
  });
});
