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

/** A model's rule for fitting a season: how many of the values it reads it needs, and why. */
export interface SeasonRule {
  /** The model's name in the note ("AutoARIMA"). */
  model: string;
  /** Values a fit with the season needs. */
  needs: number;
  /** What those are, in the note: "two full seasons and 20 more". */
  why: string;
  /** The most values a fit reads (the last ones; see `recent`). */
  cap: number;
}

/**
 * Why a fit on `values` values forecast without the series' `season`-step season, when it did for
 * lack of values; undefined when it had enough. Said on the leaderboard: otherwise a model's score,
 * often far behind, is unexplained (R's forecast drops the season of a short series silently too).
 */
export function seasonNote(season: number, values: number, { model, needs, why, cap }: SeasonRule): string | undefined {
  if (season < 2 || Math.min(values, cap) >= needs) return undefined;
  return needs > cap
    ? `${model} fits on the last ${cap} values at most, fewer than the ${needs} (${why}) this series' ` +
        `${season}-step season needs, so it forecast without one; MSTL models long seasons.`
    : `${model} needs ${needs} values (${why}) to fit this series' ${season}-step season; where it had ` +
        `fewer to fit on, it forecast without one.`;
}

/** `fitter`, with `note(train.length)` on each fit that has no note of its own. */
export function withNote(fitter: ModelFitter, note: (values: number) => string | undefined): ModelFitter {
  return async (train, window) => {
    const fitted = await fitter(train, window);
    const said = fitted.note ?? note(train.length);
    return said ? { ...fitted, note: said } : fitted;
  };
}
