// Latency statistics of the HTTP benchmarks: nearest-rank percentiles and the table row they print as.

/** The p-th percentile (0 < p ≤ 100) of `values` by nearest rank; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '—');

/** p50, p95, p99 and max of `latencies` (milliseconds), formatted for table(). */
export function latencyCells(latencies: readonly number[]): string[] {
  return [
    ...[50, 95, 99].map((p) => ms(percentile(latencies, p))),
    ms(latencies.length ? Math.max(...latencies) : NaN),
  ];
}
