/**
 * Reports what a viewer played of a recording (POST …/watch): every REPORT_INTERVAL_MS while playing,
 * on pause / end, and on leaving the page (a keepalive request that outlives it). Only what was not
 * reported yet is sent; a failed report is sent again next time. Plain object, no React.
 */
import { chunkSegments, mergeSegments, rangesToSegments, subtractSegments, type Segment, type TimeRangesLike } from './segments';

/** How often a playing video reports. */
export const REPORT_INTERVAL_MS = 10_000;

export interface WatchReporterOptions {
  /** What the element played so far (`video.played`). */
  played: () => TimeRangesLike;
  /** Sends one report; rejects when it failed. */
  send: (segments: Segment[]) => Promise<unknown>;
  /** Sends one report that must survive the page going away (fetch keepalive); fire and forget. */
  sendOnLeave: (segments: Segment[]) => void;
}

export class WatchReporter {
  readonly #o: WatchReporterOptions;
  /** Reported (or in flight) segments. */
  #reported: Segment[] = [];
  #timer: ReturnType<typeof setInterval> | null = null;
  #closed = false;

  constructor(options: WatchReporterOptions) {
    this.#o = options;
  }

  /** What has not been reported yet. */
  pending(): Segment[] {
    return subtractSegments(rangesToSegments(this.#o.played()), this.#reported);
  }

  /** Starts the periodic report (while playing). */
  playing(): void {
    if (this.#closed || this.#timer) return;
    this.#timer = setInterval(() => void this.flush(), REPORT_INTERVAL_MS);
  }

  /** Stops the periodic report and reports now (pause, end). */
  paused(): Promise<void> {
    this.#stopTimer();
    return this.flush();
  }

  /** Reports what is new; on failure it stays pending for the next try. */
  async flush(): Promise<void> {
    if (this.#closed) return;
    const fresh = this.pending();
    if (fresh.length === 0) return;
    this.#reported = mergeSegments([...this.#reported, ...fresh]);
    try {
      for (const part of chunkSegments(fresh)) await this.#o.send(part);
    } catch {
      this.#reported = subtractSegments(this.#reported, fresh);
    }
  }

  /** The page is going away (or the player unmounts): report the rest with a request that outlives it. */
  leave(): void {
    if (this.#closed) return;
    const fresh = this.pending();
    if (fresh.length === 0) return;
    this.#reported = mergeSegments([...this.#reported, ...fresh]);
    for (const part of chunkSegments(fresh)) this.#o.sendOnLeave(part);
  }

  /** Reports the rest and stops; safe to call twice. */
  close(): void {
    if (this.#closed) return;
    this.leave();
    this.#stopTimer();
    this.#closed = true;
  }

  #stopTimer(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }
}
