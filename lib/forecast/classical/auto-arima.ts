// Seasonal AutoARIMA: ARIMA(p,d,q)(0,1,0)s. The series is differenced once at the season here,
// the `arima` package's (ctsa's) stepwise AutoARIMA picks p, d and q on what is left, and its
// forecast is integrated back. The package's own seasonal search was tried first: measured here it
// took ~14 s per fit on hourly data and its forecasts were off in level (its README lists
// AutoARIMA issues #7 and #12), while this form fits in well under a second and tracks the cycle.
// The likelihood is the conditional sum of squares (faster, same forecasts in our tests), and the
// history is capped because the wasm heap runs out near 8k points.
import { pathFitter, recent, type PathForecast } from './path-fitter';
import { arimaClass } from './wasm';

/** Recent values AutoARIMA sees: 1000 hourly points are six weeks. */
export const ARIMA_MAX_HISTORY = 1000;
/** The package needs this many values to search its orders. */
const MIN_SEARCH_VALUES = 20;

/** y[i] - y[i - season]. */
export function seasonalDifference(values: ArrayLike<number>, season: number): number[] {
  return Array.from({ length: values.length - season }, (_, i) => values[i + season] - values[i]);
}

/** Undoes seasonalDifference for `forecast` steps after `history`. */
export function seasonalIntegrate(history: ArrayLike<number>, forecast: readonly number[], season: number): number[] {
  const extended = Array.from(history);
  for (const step of forecast) extended.push(step + extended[extended.length - season]);
  return extended.slice(history.length);
}

export function autoArimaFitter(horizon: number, season: number) {
  const forecast: PathForecast = (train, steps) => {
    const ARIMA = arimaClass();
    const history = recent(train, ARIMA_MAX_HISTORY);
    // Seasonal only when a few cycles remain to search on after differencing.
    const s = season > 1 && history.length - season >= Math.max(MIN_SEARCH_VALUES, 2 * season) ? season : 0;
    const input = s > 0 ? seasonalDifference(history, s) : Array.from(history);
    if (input.length < MIN_SEARCH_VALUES) throw new Error(`AutoARIMA needs at least ${MIN_SEARCH_VALUES} values, got ${input.length}.`);
    const model = new ARIMA({ auto: true, method: 1, p: 3, d: 1, q: 3 });
    try {
      model.train(input);
      const [predicted] = model.predict(steps);
      return s > 0 ? seasonalIntegrate(history, predicted, s) : predicted;
    } finally {
      model.destroy();
    }
  };
  return pathFitter('AutoARIMA', horizon, season, forecast);
}
