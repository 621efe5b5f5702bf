// The median of a list of numbers, shared by the engine's modules (prediction intervals, holiday
// effects, an irregular series' step). Hand-written: a dozen lines, not worth a statistics package.

/** The median of `values`; 0 when there are none (a point forecast is its own median then). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
