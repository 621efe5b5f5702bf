// Per-series scaling for the global LSTM, in the spirit of DeepAR: every series is put on a common
// scale by statistics of its OWN training part (never the points a backtest window hides, and
// never another series'), so one network can learn from series of any unit or size. Mean and
// standard deviation rather than DeepAR's mean absolute value: the windows are then made relative
// to their last input (the level drops out), and dividing by the spread gives every series the
// same weight in the squared-error loss, the way MASE weighs them when they are scored.

export interface SeriesScale {
  readonly mean: number;
  readonly std: number;
}

/** Mean and standard deviation of `train`; a series without variation gets std 1 (no division by 0). */
export function fitSeriesScale(train: ArrayLike<number>): SeriesScale {
  const n = train.length;
  if (n === 0) throw new Error('Cannot fit a series scale on no values.');
  let sum = 0;
  for (let i = 0; i < n; i++) sum += train[i];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (train[i] - mean) ** 2;
  const std = Math.sqrt(squares / n);
  return { mean, std: std > 1e-12 * Math.max(1, Math.abs(mean)) ? std : 1 };
}

export function scaleSeries(scale: SeriesScale, values: ArrayLike<number>): Float32Array {
  return Float32Array.from(values as ArrayLike<number>, (v) => (v - scale.mean) / scale.std);
}

export function unscaleSeries(scale: SeriesScale, scaled: ArrayLike<number>): number[] {
  return Array.from(scaled, (s) => s * scale.std + scale.mean);
}
