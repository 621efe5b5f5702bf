// Drift: the line from the first to the last observed value, extended. Naive plus the average
// change per step, so a steadily trending series is not forecast as flat.

/** `horizon` steps after `history` along its average slope; one value repeats itself. */
export function drift(history: ArrayLike<number>, horizon: number): number[] {
  const n = history.length;
  if (n === 0) throw new Error('Drift needs at least one observed value.');
  const last = history[n - 1];
  const slope = n > 1 ? (last - history[0]) / (n - 1) : 0;
  return Array.from({ length: horizon }, (_, i) => last + slope * (i + 1));
}
