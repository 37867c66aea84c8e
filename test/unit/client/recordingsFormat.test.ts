import { describe, expect, it } from 'vitest';
import { chapterIndexAt, formatClock, percentOf, positionPercent } from '../../../client/src/recordings/format.js';

describe('replay formatting', () => {
  it('formats durations as a media clock', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(999)).toBe('0:00');
    expect(formatClock(45_000)).toBe('0:45');
    expect(formatClock(725_000)).toBe('12:05');
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(formatClock(36_000_000)).toBe('10:00:00');
    expect(formatClock(-5_000)).toBe('0:00');
    expect(formatClock(Number.NaN)).toBe('0:00');
  });

  it('gives whole percentages, clamped, 0 when the whole is unknown', () => {
    expect(percentOf(30_000, 120_000)).toBe(25);
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(200, 100)).toBe(100);
    expect(percentOf(50, 0)).toBe(0);
    expect(percentOf(0, 100)).toBe(0);
  });

  it('places markers on the bar', () => {
    expect(positionPercent(2_500, 10_000)).toBe(25);
    expect(positionPercent(12_000, 10_000)).toBe(100);
    expect(positionPercent(-1, 10_000)).toBe(0);
    expect(positionPercent(5, 0)).toBe(0);
  });

  it('finds the chapter playing at a moment', () => {
    const chapters = [{ startMs: 0 }, { startMs: 3_000 }, { startMs: 9_000 }];
    expect(chapterIndexAt(chapters, 0)).toBe(0);
    expect(chapterIndexAt(chapters, 2_999)).toBe(0);
    expect(chapterIndexAt(chapters, 3_000)).toBe(1);
    expect(chapterIndexAt(chapters, 60_000)).toBe(2);
    expect(chapterIndexAt([{ startMs: 500 }], 100)).toBe(-1);
    expect(chapterIndexAt([], 100)).toBe(-1);
  });
});
