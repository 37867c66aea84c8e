/**
 * One clock for every bench process. `performance.now()` is cheap but its origin is per process;
 * `process.hrtime` reads CLOCK_MONOTONIC, which every process on the machine shares. We compute the
 * offset between the two once, so `monoMs()` costs one `performance.now()` and is comparable across
 * the server process and the client processes.
 */
import { performance } from 'node:perf_hooks';

const OFFSET_MS = (() => {
  let bestWidth = Infinity;
  let offset = 0;
  for (let i = 0; i < 20; i++) {
    const a = performance.now();
    const h = Number(process.hrtime.bigint()) / 1e6;
    const b = performance.now();
    if (b - a < bestWidth) {
      bestWidth = b - a;
      offset = h - (a + b) / 2;
    }
  }
  return offset;
})();

/** Milliseconds on the machine-wide monotonic clock (comparable between processes). */
export const monoMs = (): number => performance.now() + OFFSET_MS;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
