// Point-forecast accuracy. MASE compares the error with what seasonal naive achieves in-sample,
// so it reads the same across series of any scale: below 1 beats the naive benchmark.
import type { Metrics } from './types';

function assertSameLength(actual: ArrayLike<number>, forecast: ArrayLike<number>): void {
  if (actual.length !== forecast.length || actual.length === 0) {
    throw new Error(`Need equal, non-empty actual and forecast arrays (got ${actual.length} and ${forecast.length}).`);
  }
}

export function mae(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  assertSameLength(actual, forecast);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i] - forecast[i]);
  return sum / actual.length;
}

export function rmse(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  assertSameLength(actual, forecast);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += (actual[i] - forecast[i]) ** 2;
  return Math.sqrt(sum / actual.length);
}

/** Mean absolute difference between values `lag` steps apart: the in-sample naive MAE. */
function laggedMae(values: ArrayLike<number>, lag: number): number {
  if (values.length <= lag) return 0;
  let sum = 0;
  for (let i = lag; i < values.length; i++) sum += Math.abs(values[i] - values[i - lag]);
  return sum / (values.length - lag);
}

/**
 * MAE scaled by the in-sample seasonal-naive MAE of `trainValues`. The scale falls back to lag 1
 * when the training part is not longer than a season, or when it repeats exactly each season
 * (seasonal scale 0). NaN when even lag 1 has no error: a constant training part has no scale.
 */
export function mase(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  trainValues: ArrayLike<number>,
  season: number,
): number {
  const error = mae(actual, forecast);
  let scale = trainValues.length > season ? laggedMae(trainValues, season) : 0;
  if (scale === 0) scale = laggedMae(trainValues, 1);
  return scale === 0 ? NaN : error / scale;
}

export function computeMetrics(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  trainValues: ArrayLike<number>,
  season: number,
): Metrics {
  return {
    mae: mae(actual, forecast),
    rmse: rmse(actual, forecast),
    mase: mase(actual, forecast, trainValues, season),
  };
}
