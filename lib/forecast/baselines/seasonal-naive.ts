// Seasonal naive: every future step repeats the value one season earlier, i.e. the last observed
// season over and over. The bar the LSTM must clear to be worth its training time.

/** `horizon` steps after `history`. Season 1, or a history shorter than a season, repeats the last value. */
export function seasonalNaive(history: ArrayLike<number>, horizon: number, season: number): number[] {
  const n = history.length;
  if (n === 0) throw new Error('Seasonal naive needs at least one observed value.');
  const lag = season >= 1 && season <= n ? season : 1;
  return Array.from({ length: horizon }, (_, i) => history[n - lag + (i % lag)]);
}
