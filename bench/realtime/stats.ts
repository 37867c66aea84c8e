/** Latency statistics over all (client, broadcast) deliveries; a missing delivery counts as +∞. */

export interface LatencyStats {
  /** Deliveries expected: clients × broadcasts. */
  expected: number;
  /** Deliveries that arrived (at any time before collection). */
  delivered: number;
  /** Deliveries that arrived within the threshold. */
  withinThreshold: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** `latencies` may contain NaN (missing). Percentiles use the nearest-rank method; missing sorts last. */
export function latencyStats(latencies: Float64Array, thresholdMs: number): LatencyStats {
  const expected = latencies.length;
  const arrived = latencies.filter((x) => !Number.isNaN(x)).sort();
  const delivered = arrived.length;
  let withinThreshold = 0;
  for (const x of arrived) if (x <= thresholdMs) withinThreshold++;
  const pct = (p: number) => {
    if (expected === 0) return NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * expected));
    return rank <= delivered ? arrived[rank - 1]! : Infinity;
  };
  return { expected, delivered, withinThreshold, p50: pct(50), p95: pct(95), p99: pct(99), max: delivered === expected ? (arrived[delivered - 1] ?? NaN) : Infinity };
}
