// Every baseline behind one signature, so the backtest and the pipeline loop over them by name.
import type { FittedModel, ModelFitter } from '../backtest';
import type { BaselineName } from '../types';
import { drift } from './drift';
import { naive } from './naive';
import { seasonalNaive } from './seasonal-naive';

export type Baseline = (history: ArrayLike<number>, horizon: number, season: number) => number[];

export const BASELINES: Record<BaselineName, Baseline> = {
  naive: (history, horizon) => naive(history, horizon),
  seasonalNaive,
  drift: (history, horizon) => drift(history, horizon),
};

export const BASELINE_NAMES = Object.keys(BASELINES) as BaselineName[];

export { drift, naive, seasonalNaive };

/**
 * A baseline as a backtest model: nothing to fit, each forecast reads the history up to its
 * origin. `subarray` keeps the history a view, so forecasting from many origins copies nothing.
 */
export function baselineFitter(name: BaselineName, horizon: number, season: number): ModelFitter {
  const forecast = BASELINES[name];
  const fitted: FittedModel = {
    forecastFrom: async (values, origins) =>
      origins.map((origin) => forecast(values.subarray(0, origin), horizon, season)),
  };
  return async () => fitted;
}
