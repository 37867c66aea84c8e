/** Parsing the HTTP Range header for recording files (docs/recordings.md: 206 partial content, 416 for a bad range). */
import { describe, expect, it } from 'vitest';
import { parseRange } from '../../server/recordings/routes.js';

const SIZE = 1000;

describe('parseRange', () => {
  it('no header: the whole file', () => {
    expect(parseRange(undefined, SIZE)).toBeNull();
    expect(parseRange('', SIZE)).toBeNull();
  });

  it('first-last, open and suffix ranges', () => {
    expect(parseRange('bytes=0-99', SIZE)).toEqual([0, 99]);
    expect(parseRange('bytes=0-0', SIZE)).toEqual([0, 0]);
    expect(parseRange('bytes=100-', SIZE)).toEqual([100, 999]);
    expect(parseRange('bytes=-50', SIZE)).toEqual([950, 999]);
    expect(parseRange(' bytes=10-19 ', SIZE)).toEqual([10, 19]);
  });

  it('an end past the file is cut to the last byte; a suffix longer than the file is the whole file', () => {
    expect(parseRange('bytes=990-5000', SIZE)).toEqual([990, 999]);
    expect(parseRange('bytes=-5000', SIZE)).toEqual([0, 999]);
  });

  it('ranges that start past the end, or are empty, are unsatisfiable', () => {
    expect(parseRange(`bytes=${SIZE}-`, SIZE)).toBe('unsatisfiable');
    expect(parseRange(`bytes=${SIZE + 5}-${SIZE + 10}`, SIZE)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', SIZE)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-0', 0)).toBe('unsatisfiable');
  });

  it('headers it does not serve (other units, several ranges, garbage) fall back to the whole file', () => {
    expect(parseRange('items=0-5', SIZE)).toBeNull();
    expect(parseRange('bytes=0-1,5-6', SIZE)).toBeNull();
    expect(parseRange('bytes=-', SIZE)).toBeNull();
    expect(parseRange('bytes=abc', SIZE)).toBeNull();
  });
});
