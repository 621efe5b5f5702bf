// A classical model as a backtest model. The augurs and arima models cannot take new observations
// without being fit again, so a fit forecasts from its training cut only, and every later origin
// (the backtest's calibration forecasts, see backtest.ts) gets a fit of its own on the values
// before that origin. An error "h steps ahead" is then really h steps from the last value the
// model saw, so the intervals it calibrates are labelled with the right lead (reading one stale
// path from the cut instead would make "step h" errors (j + h)-step ones). Refits cost, so a
// classical model asks the backtest for CLASSICAL_CALIBRATION_ORIGINS origins per window, not
// every one. A model that searches its form (AutoARIMA's orders, ETS's spec) may return a refit of
// the form it chose with its path: the calibration origins of that window then re-estimate that
// form on the values before them instead of searching again (the window's own forecast, the one
// scored, still comes from the full search). Each fit reads nothing at or after its origin, so no
// leakage.
//
// A comparator that cannot fit (a series too short for it, a numerical failure in the wasm) must
// not fail the user's run: it forecasts like seasonal naive instead, and its FittedModel says so.
import type { FittedModel, ModelFitter } from '../backtest';
import { seasonalNaive } from '../baselines';

/** Forecasts `steps` values after `train` from a model fit on it. */
export type PathForecast = (train: Float64Array, steps: number) => number[];

/** A model whose form was searched on the training values: its path, and that form refit on other values. */
export interface SearchedPath {
  path: number[];
  /** Fits the chosen form (not searching again) on the values given and forecasts from their end. */
  refit: PathForecast;
}

/** Forecasts `steps` values after `train`, with or without a refit of the searched form. */
export type PathModel = (train: Float64Array, steps: number) => number[] | SearchedPath;

/** Calibration origins per backtest window, each a fit of its own (the window's origin included). */
export const CLASSICAL_CALIBRATION_ORIGINS = 6;

function usablePath(name: string, train: Float64Array, steps: number, model: PathModel): SearchedPath | number[] {
  const fitted = model(train, steps);
  const path = Array.isArray(fitted) ? fitted : fitted.path;
  if (path.length !== steps || !path.every(Number.isFinite)) {
    throw new Error(`${name} produced no usable forecast from ${train.length} values.`);
  }
  return fitted;
}

/** The model's forecast from `train`, or seasonal naive's with the reason when it cannot fit. */
function fitOrFallBack(
  name: string,
  train: Float64Array,
  horizon: number,
  season: number,
  model: PathModel,
): { forecast: number[]; note?: string; refit?: PathForecast } {
  try {
    const fitted = usablePath(name, train, horizon, model);
    return Array.isArray(fitted) ? { forecast: fitted } : { forecast: fitted.path, refit: fitted.refit };
  } catch (error) {
    return {
      forecast: seasonalNaive(train, horizon, season),
      note: `${name} could not be fit on ${train.length} values (${error instanceof Error ? error.message : String(error)}); it forecast like seasonal naive.`,
    };
  }
}

export function pathFitter(name: string, horizon: number, season: number, model: PathModel): ModelFitter {
  return async (train) => {
    const cut = train.length;
    const first = fitOrFallBack(name, train, horizon, season, model);
    // Calibration fits: the searched form refit, else the model again (searching again).
    const later: PathModel = first.refit ?? model;
    const fitted: FittedModel = {
      ...(first.note && { note: first.note }),
      maxCalibrationOrigins: CLASSICAL_CALIBRATION_ORIGINS,
      forecastFrom: async (values, origins) =>
        origins.map((origin) => {
          if (origin < cut)
            throw new Error(`${name} fit on ${cut} values cannot forecast from the earlier origin ${origin}.`);
          if (origin === cut) return first.forecast;
          // A later origin: fit again on everything before it (the backtest's calibration forecasts).
          return fitOrFallBack(name, values.subarray(0, origin), horizon, season, later).forecast;
        }),
    };
    return fitted;
  };
}

/** The last `cap` values: the classical fits slow down (and arima runs out of memory) on long series. */
export function recent(train: Float64Array, cap: number): Float64Array {
  return train.length > cap ? train.subarray(train.length - cap) : train;
}
