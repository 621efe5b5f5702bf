// A classical model as a backtest model. The augurs and arima models cannot take new observations
// without being fit again, so a fit forecasts from its training cut only, and every later origin
// (the backtest's calibration forecasts, see backtest.ts) gets a fit of its own on the values
// before that origin. An error "h steps ahead" is then really h steps from the last value the
// model saw, so the intervals it calibrates are labelled with the right lead (reading one stale
// path from the cut instead would make "step h" errors (j + h)-step ones). Refits cost, so a
// classical model asks the backtest for CLASSICAL_CALIBRATION_ORIGINS origins per window, not
// every one. Each fit reads nothing at or after its origin, so no leakage.
//
// A comparator that cannot fit (a series too short for it, a numerical failure in the wasm) must
// not fail the user's run: it forecasts like seasonal naive instead, and its FittedModel says so.
import type { FittedModel, ModelFitter } from '../backtest';
import { seasonalNaive } from '../baselines';

/** Forecasts `steps` values after `train` from a model fit on it. */
export type PathForecast = (train: Float64Array, steps: number) => number[];

/** Calibration origins per backtest window, each a fit of its own (the window's origin included). */
export const CLASSICAL_CALIBRATION_ORIGINS = 6;

function usablePath(name: string, train: Float64Array, steps: number, forecastPath: PathForecast): number[] {
  const path = forecastPath(train, steps);
  if (path.length !== steps || !path.every(Number.isFinite)) {
    throw new Error(`${name} produced no usable forecast from ${train.length} values.`);
  }
  return path;
}

/** The model's forecast from `train`, or seasonal naive's with the reason when it cannot fit. */
function fitOrFallBack(
  name: string,
  train: Float64Array,
  horizon: number,
  season: number,
  forecastPath: PathForecast,
): { forecast: number[]; note?: string } {
  try {
    return { forecast: usablePath(name, train, horizon, forecastPath) };
  } catch (error) {
    return {
      forecast: seasonalNaive(train, horizon, season),
      note: `${name} could not be fit on ${train.length} values (${error instanceof Error ? error.message : String(error)}); it forecast like seasonal naive.`,
    };
  }
}

export function pathFitter(name: string, horizon: number, season: number, forecastPath: PathForecast): ModelFitter {
  return async (train) => {
    const cut = train.length;
    const first = fitOrFallBack(name, train, horizon, season, forecastPath);
    const fitted: FittedModel = {
      ...(first.note && { note: first.note }),
      maxCalibrationOrigins: CLASSICAL_CALIBRATION_ORIGINS,
      forecastFrom: async (values, origins) =>
        origins.map((origin) => {
          if (origin < cut)
            throw new Error(`${name} fit on ${cut} values cannot forecast from the earlier origin ${origin}.`);
          if (origin === cut) return first.forecast;
          // A later origin: fit again on everything before it (the backtest's calibration forecasts).
          return fitOrFallBack(name, values.subarray(0, origin), horizon, season, forecastPath).forecast;
        }),
    };
    return fitted;
  };
}

/** The last `cap` values: the classical fits slow down (and arima runs out of memory) on long series. */
export function recent(train: Float64Array, cap: number): Float64Array {
  return train.length > cap ? train.subarray(train.length - cap) : train;
}
