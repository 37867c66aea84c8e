/** Merging watched segments (docs/recordings.md analytics: "distinct time watched (overlaps merged)"). */
import { describe, expect, it } from 'vitest';
import { coveredMs, mergeSegments } from '../../server/recordings/postprocess.js';

describe('mergeSegments', () => {
  it('merges overlaps and keeps gaps', () => {
    expect(mergeSegments([[0, 5000], [3000, 8000], [20000, 21000]])).toEqual([[0, 8000], [20000, 21000]]);
    expect(coveredMs(mergeSegments([[0, 5000], [3000, 8000], [20000, 21000]]))).toBe(9000);
  });

  it('sorts first, so report order does not matter', () => {
    expect(mergeSegments([[20000, 21000], [3000, 8000], [0, 5000]])).toEqual([[0, 8000], [20000, 21000]]);
  });

  it('joins touching segments and swallows contained ones', () => {
    expect(mergeSegments([[0, 1000], [1000, 2000]])).toEqual([[0, 2000]]);
    expect(mergeSegments([[0, 10_000], [2000, 3000], [4000, 5000]])).toEqual([[0, 10_000]]);
    expect(mergeSegments([[0, 1000], [0, 1000], [0, 1000]])).toEqual([[0, 1000]]);
  });

  it('drops empty and reversed segments, and an empty list is empty', () => {
    expect(mergeSegments([[5, 5], [9, 3]])).toEqual([]);
    expect(mergeSegments([])).toEqual([]);
    expect(coveredMs([])).toBe(0);
  });

  it('does not change its input', () => {
    const input: [number, number][] = [[3000, 8000], [0, 5000]];
    mergeSegments(input);
    expect(input).toEqual([[3000, 8000], [0, 5000]]);
  });
});

describe('coveredMs', () => {
  const merged = mergeSegments([[0, 5000], [3000, 8000], [20000, 21000]]);

  it('counts only what lies inside [from, to) (a chapter, or the file)', () => {
    expect(coveredMs(merged, 0, 4000)).toBe(4000);
    expect(coveredMs(merged, 4000, 20500)).toBe(4000 + 500);
    expect(coveredMs(merged, 8000, 20000)).toBe(0);
    expect(coveredMs(merged, 0, 10_000)).toBe(8000); // clamped at a 10 s duration
  });

  it('chapters that tile the file add up to the total', () => {
    const bounds = [0, 2500, 7000, 20_200, 30_000];
    let sum = 0;
    for (let i = 0; i + 1 < bounds.length; i++) sum += coveredMs(merged, bounds[i]!, bounds[i + 1]!);
    expect(sum).toBe(coveredMs(merged, 0, 30_000));
    expect(sum).toBe(9000);
  });
});
