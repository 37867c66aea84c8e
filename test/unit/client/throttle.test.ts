import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottle } from '../../../client/src/collab/throttle.js';

describe('createThrottle (drag writes at most 20 a second)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('calls at once when idle, then at most once per window with the latest arguments', () => {
    const calls: number[] = [];
    const t = createThrottle((n: number) => calls.push(n), 50);
    t.call(1);
    expect(calls).toEqual([1]);
    for (let i = 2; i <= 10; i++) t.call(i);
    expect(calls).toEqual([1]);
    vi.advanceTimersByTime(50);
    expect(calls).toEqual([1, 10]);
    vi.advanceTimersByTime(500);
    expect(calls).toEqual([1, 10]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a one-second drag with a move every 5 ms writes about 20 times', () => {
    const calls: number[] = [];
    const t = createThrottle((n: number) => calls.push(n), 50);
    for (let ms = 0; ms < 1000; ms += 5) {
      t.call(ms);
      vi.advanceTimersByTime(5);
    }
    t.flush();
    expect(calls.length).toBeGreaterThanOrEqual(19);
    expect(calls.length).toBeLessThanOrEqual(22);
    expect(calls.at(-1)).toBe(995);
  });

  it('flush makes the waiting call now; cancel forgets it', () => {
    const calls: string[] = [];
    const t = createThrottle((s: string) => calls.push(s), 50);
    t.call('a');
    t.call('b');
    t.flush();
    expect(calls).toEqual(['a', 'b']);
    t.call('c');
    t.cancel();
    vi.advanceTimersByTime(100);
    expect(calls).toEqual(['a', 'b']);
    t.flush();
    expect(calls).toEqual(['a', 'b']);
    expect(vi.getTimerCount()).toBe(0);
  });
});
