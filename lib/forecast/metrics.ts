// Point-forecast accuracy. MASE compares the error with what seasonal naive achieves in-sample,
// so it reads the same across series of any scale: below 1 beats the naive benchmark. The
// percentage metrics (MAPE, sMAPE, WAPE) are in percent.
import type { AccuracyMetrics } from './types';

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
  return mae(actual, forecast) / maseScale(trainValues, season);
}

/** The denominator of MASE for `trainValues` (see mase); NaN when there is none. */
export function maseScale(trainValues: ArrayLike<number>, season: number): number {
  let scale = trainValues.length > season ? laggedMae(trainValues, season) : 0;
  if (scale === 0) scale = laggedMae(trainValues, 1);
  return scale === 0 ? NaN : scale;
}

/**
 * MAPE in percent over the actual values that are not 0 (a 0 would divide by zero), with how many
 * were left out. NaN when every actual value is 0.
 */
export function mape(actual: ArrayLike<number>, forecast: ArrayLike<number>): { mape: number; excluded: number } {
  assertSameLength(actual, forecast);
  let sum = 0;
  let excluded = 0;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] === 0) excluded++;
    else sum += Math.abs((actual[i] - forecast[i]) / actual[i]);
  }
  const counted = actual.length - excluded;
  return { mape: counted === 0 ? NaN : (100 * sum) / counted, excluded };
}

/** Symmetric MAPE in percent, 0..200. A step where actual and forecast are both 0 is a perfect 0. */
export function smape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  assertSameLength(actual, forecast);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
    if (denominator > 0) sum += (2 * Math.abs(actual[i] - forecast[i])) / denominator;
  }
  return (100 * sum) / actual.length;
}

/** Sum of absolute errors over sum of absolute actual values, in percent; NaN when all actuals are 0. */
export function wape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  assertSameLength(actual, forecast);
  let errors = 0;
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    errors += Math.abs(actual[i] - forecast[i]);
    total += Math.abs(actual[i]);
  }
  return total === 0 ? NaN : (100 * errors) / total;
}

/**
 * Every metric for forecasts pooled from one or more windows. `scale` is the MASE denominator:
 * one number, or one per point when the points come from windows with different training data
 * (MASE is then the mean of |error| / scale).
 */
export function accuracyMetrics(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  scale: number | ArrayLike<number>,
): AccuracyMetrics {
  assertSameLength(actual, forecast);
  let scaledErrors = 0;
  for (let i = 0; i < actual.length; i++) {
    scaledErrors += Math.abs(actual[i] - forecast[i]) / (typeof scale === 'number' ? scale : scale[i]);
  }
  const { mape: mapeValue, excluded } = mape(actual, forecast);
  return {
    mae: mae(actual, forecast),
    rmse: rmse(actual, forecast),
    mape: mapeValue,
    mapeExcluded: excluded,
    smape: smape(actual, forecast),
    mase: scaledErrors / actual.length,
    wape: wape(actual, forecast),
  };
}
