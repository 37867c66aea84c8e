import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Segment, TimeRangesLike } from '../../../client/src/recordings/segments.js';
import { REPORT_INTERVAL_MS, WatchReporter } from '../../../client/src/recordings/watchReporter.js';

/** A video's `played` that the test grows by hand (seconds). */
function playedRanges() {
  const pairs: [number, number][] = [];
  const ranges: TimeRangesLike = { get length() { return pairs.length; }, start: (i) => pairs[i]![0], end: (i) => pairs[i]![1] };
  return { pairs, ranges };
}

describe('WatchReporter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(fail = false) {
    const played = playedRanges();
    const sent: Segment[][] = [];
    const onLeave: Segment[][] = [];
    const reporter = new WatchReporter({
      played: () => played.ranges,
      send: async (s) => {
        if (fail) throw new Error('offline');
        sent.push(s);
      },
      sendOnLeave: (s) => onLeave.push(s),
    });
    return { played, sent, onLeave, reporter };
  }

  it('reports every 10 s while playing, only what is new', async () => {
    const { played, sent, reporter } = setup();
    reporter.playing();
    played.pairs.push([0, 8]);
    await vi.advanceTimersByTimeAsync(REPORT_INTERVAL_MS);
    played.pairs[0] = [0, 18];
    await vi.advanceTimersByTimeAsync(REPORT_INTERVAL_MS);
    await vi.advanceTimersByTimeAsync(REPORT_INTERVAL_MS); // nothing new: no report
    expect(sent).toEqual([[[0, 8000]], [[8000, 18000]]]);
    reporter.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports on pause and stops the timer; a seek back reports nothing twice', async () => {
    const { played, sent, reporter } = setup();
    reporter.playing();
    played.pairs.push([0, 4]);
    await reporter.paused();
    expect(vi.getTimerCount()).toBe(0);
    played.pairs.push([2, 6]); // replayed 2–6 s after seeking back
    await reporter.flush();
    expect(sent).toEqual([[[0, 4000]], [[4000, 6000]]]);
  });

  it('keeps a failed report pending and reports it on leaving the page', async () => {
    const { played, onLeave, reporter } = setup(true);
    played.pairs.push([1, 3]);
    await reporter.flush();
    expect(reporter.pending()).toEqual([[1000, 3000]]);
    reporter.close();
    expect(onLeave).toEqual([[[1000, 3000]]]);
    reporter.close();
    expect(onLeave).toHaveLength(1);
  });
});
