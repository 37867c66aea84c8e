/** A sliding-window limit per key (person): at most `max` actions in `windowMs`. */
import { TooManyRequests } from '../errors.js';

export class RateWindow {
  readonly #hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly what: string,
  ) {}

  /** Counts one action for `key`, or throws 429 with the seconds until the next is allowed. */
  take(key: string, now = Date.now()): void {
    const recent = (this.#hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.max) {
      const retry = Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000));
      this.#hits.set(key, recent);
      throw new TooManyRequests(`Too many ${this.what}: at most ${this.max} every ${this.windowMs / 1000} s. Try again in ${retry} s.`, retry);
    }
    recent.push(now);
    this.#hits.set(key, recent);
  }
}
