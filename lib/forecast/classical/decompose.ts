// Classical seasonal decomposition by moving averages, as R's stats::decompose: the trend is the
// centred moving average over one cycle (2 x m for an even m), the seasonal figure is the mean
// detrended value at each position of the cycle, normalised to average 0 (additive) or 1
// (multiplicative). ETS takes its initial seasonal states from it, Theta its seasonal adjustment.

export type DecompositionType = 'additive' | 'multiplicative';

/** The seasonal figure: one value per position of the cycle, position 0 being the first value's. */
export function seasonalFigure(y: ArrayLike<number>, m: number, type: DecompositionType): number[] {
  const n = y.length;
  if (m < 2 || n < 2 * m) throw new Error(`a seasonal decomposition needs two full cycles of ${m} values, got ${n}.`);
  const half = Math.floor(m / 2);
  const even = m % 2 === 0;
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = half; t < n - half; t++) {
    let trend = 0;
    if (even) {
      trend += 0.5 * (y[t - half] + y[t + half]);
      for (let k = t - half + 1; k < t + half; k++) trend += y[k];
    } else {
      for (let k = t - half; k <= t + half; k++) trend += y[k];
    }
    trend /= m;
    const detrended = type === 'additive' ? y[t] - trend : y[t] / trend;
    if (!Number.isFinite(detrended)) continue;
    sums[t % m] += detrended;
    counts[t % m]++;
  }
  const figure = sums.map((s, i) => s / counts[i]);
  const mean = figure.reduce((a, b) => a + b, 0) / m;
  return figure.map((f) => (type === 'additive' ? f - mean : f / mean));
}
