import { describe, expect, it } from 'vitest';
import { RateWindow } from '../../server/roadshows/rateWindow.js';
import { HttpError } from '../../server/errors.js';

describe('RateWindow', () => {
  it('allows max actions per window per person, then refuses with the seconds to wait', () => {
    const w = new RateWindow(3, 10_000, 'questions');
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) w.take('ann', t0 + i);
    let refused: unknown;
    try {
      w.take('ann', t0 + 2_000);
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).status).toBe(429);
    expect((refused as HttpError).headers['Retry-After']).toBe('8');
    // Another person has their own budget.
    expect(() => w.take('bob', t0 + 2_000)).not.toThrow();
  });

  it('frees a slot as the oldest action leaves the window (sliding, not fixed buckets)', () => {
    const w = new RateWindow(2, 1_000, 'votes');
    w.take('ann', 0);
    w.take('ann', 500);
    expect(() => w.take('ann', 999)).toThrow(/Too many votes/);
    expect(() => w.take('ann', 1_000)).not.toThrow(); // the action at 0 left the window
    expect(() => w.take('ann', 1_200)).toThrow(); // 500 and 1000 are still in it
  });
});
