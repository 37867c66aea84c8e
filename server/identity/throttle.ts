/**
 * Login throttling: a sliding window of failures per key (account, IP). In memory; a multi-node
 * deployment would move the counters to Redis (rate-limiter-flexible has that backend).
 */
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

export class FailureThrottle {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly clock: Clock = systemClock,
  ) {}

  #recent(key: string): number[] {
    const cutoff = this.clock.now() - this.windowMs;
    const list = (this.#failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, list);
    return list;
  }

  /** Seconds until `key` may try again, or 0 when it is not blocked. */
  retryAfterSeconds(key: string): number {
    const list = this.#recent(key);
    if (list.length < this.max) return 0;
    const oldest = list[list.length - this.max]!;
    return Math.max(1, Math.ceil((oldest + this.windowMs - this.clock.now()) / 1000));
  }

  fail(key: string): void {
    const list = this.#recent(key);
    list.push(this.clock.now());
    this.#failures.set(key, list);
  }

  reset(key: string): void {
    this.#failures.delete(key);
  }
}
