// Naive: every future step repeats the last observed value. The right benchmark for random walks
// (prices, levels that wander): there, nothing beats "tomorrow looks like today" on average.

/** `horizon` copies of the last value of `history`. */
export function naive(history: ArrayLike<number>, horizon: number): number[] {
  const n = history.length;
  if (n === 0) throw new Error('Naive needs at least one observed value.');
  return Array.from({ length: horizon }, () => history[n - 1]);
}
