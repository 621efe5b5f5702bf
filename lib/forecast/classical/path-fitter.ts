// A classical model as a backtest model. The augurs and arima models cannot take new observations
// without being fit again, so each fit forecasts one long path from its training cut, and a later
// origin (the backtest's calibration forecasts, see backtest.ts) reads that path from the point it
// has reached. Those later forecasts are "stale" — made without the values between the cut and
// the origin — so their errors are, if anything, larger than a fresh fit's: the intervals they
// calibrate err on the wide side. They read nothing at or after any origin, so no leakage.
//
// A comparator that cannot fit (a series too short for it, a numerical failure in the wasm) must
// not fail the user's run: it forecasts like seasonal naive instead, and its FittedModel says so.
import { CALIBRATION_SPAN, type FittedModel, type ModelFitter } from '../backtest';
import { seasonalNaive } from '../baselines';

/** Forecasts `steps` values after `train` from a model fit on it. */
export type PathForecast = (train: Float64Array, steps: number) => number[];

function usablePath(name: string, train: Float64Array, steps: number, forecastPath: PathForecast): number[] {
  const path = forecastPath(train, steps);
  if (path.length !== steps || !path.every(Number.isFinite)) {
    throw new Error(`${name} produced no usable forecast from ${train.length} values.`);
  }
  return path;
}

export function pathFitter(name: string, horizon: number, season: number, forecastPath: PathForecast): ModelFitter {
  return async (train) => {
    const cut = train.length;
    const steps = (CALIBRATION_SPAN + 1) * horizon;
    let path: number[];
    let note: string | undefined;
    try {
      path = usablePath(name, train, steps, forecastPath);
    } catch (error) {
      path = seasonalNaive(train, steps, season);
      note = `${name} could not be fit on ${cut} values (${error instanceof Error ? error.message : String(error)}); it forecast like seasonal naive.`;
    }
    const fitted: FittedModel = {
      ...(note && { note }),
      forecastFrom: async (_values, origins) =>
        origins.map((origin) => {
          const offset = origin - cut;
          if (offset < 0 || offset + horizon > steps) {
            throw new Error(`${name} fit on ${cut} values cannot forecast from origin ${origin}.`);
          }
          return path.slice(offset, offset + horizon);
        }),
    };
    return fitted;
  };
}

/** The last `cap` values: the classical fits slow down (and arima runs out of memory) on long series. */
export function recent(train: Float64Array, cap: number): Float64Array {
  return train.length > cap ? train.subarray(train.length - cap) : train;
}
