// MSTL (multiple seasonal-trend decomposition by Loess) from augurs: every seasonal cycle of the
// frequency is removed, AutoETS forecasts the rest, and the cycles are added back.
import type { Frequency, SeasonInfo } from '../types';
import { pathFitter, recent, type PathForecast } from './path-fitter';
import { seasonalPeriods } from './seasonal-periods';
import { augurs } from './wasm';

/** Enough history for a yearly cycle of daily data twice over; more only slows the fit. */
export const MSTL_MAX_HISTORY = 2 * 366 * 4;

/** The MSTL forecast path and its in-sample fit, for the hybrid LSTM (lib/forecast/hybrid). */
export function mstlDecompose(
  train: Float64Array,
  steps: number,
  frequency: Frequency,
  season: SeasonInfo,
): { path: number[]; inSample: number[] } {
  const periods = seasonalPeriods(frequency, season, train.length);
  if (periods.length === 0) throw new Error('no seasonal cycle seen at least twice');
  const { MSTL } = augurs();
  const model = MSTL.ets(periods);
  try {
    model.fit(train);
    return { path: model.predict(steps).point, inSample: model.predictInSample().point };
  } finally {
    model.free();
  }
}

export function mstlFitter(horizon: number, frequency: Frequency, season: SeasonInfo) {
  const forecast: PathForecast = (train, steps) =>
    mstlDecompose(recent(train, MSTL_MAX_HISTORY), steps, frequency, season).path;
  return pathFitter('MSTL', horizon, season.length, forecast);
}
