// Automatic seasonal ARIMA, as R's forecast::auto.arima (Hyndman & Khandakar 2008): the seasonal
// differences D from the strength of the seasonal cycle (R's default "seas" test, 0.64), the
// regular differences d by KPSS tests at 5%, then a stepwise search over p, q <= 5 and P, Q <= 2
// (and a constant when d + D <= 1) from four starting models — among them (0,d,1)(0,D,1), the
// airline model — moving to any neighbour with a lower AICc. As in R, the candidates are fit by
// exact likelihood on series of up to 150 values and seasons up to 12 (passing over those with a
// root near the unit circle), by conditional sums of squares beyond (sarima.ts). Measured with
// `npm run bench -- classical-reference`: on the short US births series CSS missed the seasonal MA
// term R found and AutoARIMA's MASE was 1.22x R's; with the exact likelihood it picks R's model
// (0.98x), and 5 of the 6 series are within 5% of R's MASE (4 before).
//
// Hand-written instead of the `arima` package (ctsa in wasm): its fit does not expose the
// likelihood or AICc, so its orders cannot be chosen by AICc from here; its own seasonal search
// took ~14 s per fit on hourly data with forecasts off in level (its README lists AutoARIMA issues
// #7 and #12). History is capped: the search gains nothing from years of hourly values.
import { boxCox, inverseBoxCox, shouldTransform, transformLambda } from './box-cox';
import { seasonalFigure } from './decompose';
import { pathFitter, recent, seasonNote, withNote, type PathModel, type SearchedPath } from './path-fitter';
import {
  difference,
  fitArima,
  orderName,
  rootsBeyond,
  type ArimaFit,
  type ArimaMethod,
  type ArimaOrder,
} from './sarima';

/** Recent values AutoARIMA sees: 1000 hourly points are six weeks. */
export const ARIMA_MAX_HISTORY = 1000;
/** Fewer values than this leave nothing to choose orders on. */
const MIN_VALUES = 20;
const MAX_P = 5;
const MAX_Q = 5;
const MAX_SEASONAL_P = 2;
const MAX_SEASONAL_Q = 2;
/** R's limit on the number of models the stepwise search fits. */
const MAX_MODELS = 94;
/** KPSS 5% critical value for level stationarity (Kwiatkowski et al. 1992, table 1). */
const KPSS_CRITICAL = 0.463;

/** KPSS statistic for level stationarity, with urca's short lag truncation (as R's ndiffs). */
export function kpss(x: readonly number[]): number {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const e = x.map((v) => v - mean);
  let partial = 0;
  let eta = 0;
  for (const v of e) eta += (partial += v) ** 2;
  eta /= n * n;
  const lags = Math.trunc((3 * Math.sqrt(n)) / 13);
  let variance = e.reduce((a, v) => a + v * v, 0) / n;
  for (let l = 1; l <= lags; l++) {
    let sum = 0;
    for (let t = l; t < n; t++) sum += e[t] * e[t - l];
    variance += (2 * (1 - l / (lags + 1)) * sum) / n;
  }
  return variance > 0 ? eta / variance : 0;
}

/** Regular differences needed for stationarity: KPSS at 5%, at most 2 (R's ndiffs). */
export function regularDifferences(x: readonly number[]): number {
  let d = 0;
  let current = Array.from(x);
  while (d < 2 && current.length > MIN_VALUES && !isConstant(current) && kpss(current) > KPSS_CRITICAL) {
    current = difference(current, 1);
    d++;
  }
  return d;
}

function isConstant(x: readonly number[]): boolean {
  return x.every((v) => v === x[0]);
}

/**
 * Seasonal strength max(0, 1 - Var(remainder) / Var(seasonal + remainder)) of a classical additive
 * decomposition (R's "seas" test uses STL's): one seasonal difference above 0.64.
 */
export function seasonalDifferences(x: readonly number[], s: number): number {
  if (s < 2 || x.length < 2 * s + MIN_VALUES || isConstant(x)) return 0;
  const figure = seasonalFigure(x, s, 'additive');
  const half = Math.floor(s / 2);
  const trend = (t: number) => {
    let sum = 0;
    if (s % 2 === 0) {
      sum += 0.5 * (x[t - half] + x[t + half]);
      for (let k = t - half + 1; k < t + half; k++) sum += x[k];
    } else {
      for (let k = t - half; k <= t + half; k++) sum += x[k];
    }
    return sum / s;
  };
  const detrended: number[] = [];
  const remainder: number[] = [];
  for (let t = half; t < x.length - half; t++) {
    const value = x[t] - trend(t);
    detrended.push(value);
    remainder.push(value - figure[t % s]);
  }
  const variance = (v: number[]) => {
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    return v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1);
  };
  const strength = Math.max(0, 1 - variance(remainder) / variance(detrended));
  return strength > 0.64 ? 1 : 0;
}

/**
 * The largest orders searched on `n` values of season `s`: as R's auto.arima, at most a third of
 * the series (seasonal ones counted in whole seasons), so 48 monthly values allow P, Q <= 1. Every
 * candidate is scored on the same differenced values, those after the longest conditioning any
 * candidate needs (`scoreFrom`): without the caps, a short seasonal series would be scored on a
 * handful of values (5 + 2 x 12 of 36 after a seasonal difference).
 */
export function orderLimits(
  n: number,
  s: number,
): { maxP: number; maxQ: number; maxSeasonalP: number; maxSeasonalQ: number; scoreFrom: number } {
  const maxP = Math.min(MAX_P, Math.floor(n / 3));
  const maxQ = Math.min(MAX_Q, Math.floor(n / 3));
  const maxSeasonalP = s > 1 ? Math.min(MAX_SEASONAL_P, Math.floor(n / 3 / s)) : 0;
  const maxSeasonalQ = s > 1 ? Math.min(MAX_SEASONAL_Q, Math.floor(n / 3 / s)) : 0;
  return { maxP, maxQ, maxSeasonalP, maxSeasonalQ, scoreFrom: maxP + maxSeasonalP * s };
}

/**
 * A candidate fit by exact likelihood with an AR or MA root closer to the unit circle than this is
 * passed over, as in R (sarima.ts, rootsBeyond). Not those fit by CSS: there a seasonal MA root
 * near the circle is how a stable seasonal pattern shows after a seasonal difference, and passing
 * them over, as R does, raised AutoARIMA's MASE on the bench's long series (hourly 0.628 -> 0.821,
 * synthetic daily 0.700 -> 1.089, US births daily 1.356 -> 1.439).
 */
const ROOT_RADIUS = 1.01;

/**
 * R's auto.arima fits every candidate by exact likelihood up to this many values, on seasons up to
 * EXACT_MAX_SEASON, and by CSS beyond (its `approximation`).
 */
const EXACT_MAX_VALUES = 150;
const EXACT_MAX_SEASON = 12;

/**
 * How the search fits its candidates on `n` values of season `s`: R's rule. R then refits a model
 * chosen by CSS by exact likelihood; measured with `npm run bench -- classical-reference`, that
 * refit moved AutoARIMA's MASE on US births monthly 0.512 -> 0.545 and daily 1.356 -> 1.387, on the
 * synthetic daily series 0.700 -> 0.665, and made its daily fits ~20x slower: it is not done.
 */
export function searchMethod(n: number, s: number): ArimaMethod {
  return n <= EXACT_MAX_VALUES && s <= EXACT_MAX_SEASON ? 'ml' : 'css';
}

/**
 * Where each order's fit ended, by orderName: a later search of the same run (the next backtest
 * window: the same values and a horizon more) starts each order it fits again there. It also
 * remembers (EXACT_OVER_BUDGET) that a search by exact likelihood ran over its budget.
 */
export type ArimaOptima = Map<string, number[]>;

/**
 * Objective evaluations a search by exact likelihood may spend (each runs the Kalman filter over
 * the series) before it is given up and the search is made by CSS instead. Measured: 1,100-3,500 on
 * short monthly series (AirPassengers' first 72-144 values, US births' 48-60; 0.2-0.9 s), 11,000-
 * 38,000 on 100-133 daily values of a 31-day sinusoid with noise searched with a weekly season (3-17
 * s, where CSS takes 0.1 s; R's auto.arima took 2-6 s on it).
 */
const EXACT_BUDGET = 8000;
/** The key in ArimaOptima that says so. */
export const EXACT_OVER_BUDGET = '(exact likelihood over budget)';

/**
 * The stepwise search: the model with the lowest AICc it found. With `optima`, each order starts
 * at its optimum of an earlier search, and the map gets this search's. `method` overrides R's rule
 * (searchMethod).
 */
export function autoArima(
  values: readonly number[],
  season: number,
  optima?: ArimaOptima,
  method?: ArimaMethod,
): ArimaFit {
  const x = Array.from(values);
  if (x.length < MIN_VALUES) throw new Error(`AutoARIMA needs at least ${MIN_VALUES} values, got ${x.length}.`);
  const s = season > 1 && x.length >= 2 * season + MIN_VALUES ? season : 1;
  const D = s > 1 ? seasonalDifferences(x, s) : 0;
  const d = regularDifferences(D > 0 ? difference(x, s) : x);
  const seasonal = s > 1;
  const limits = orderLimits(x.length, s);
  const { scoreFrom } = limits;
  // One search by the given method; by exact likelihood it throws `overBudget` once past EXACT_BUDGET.
  const overBudget = new Error('over budget');
  const search = (fitMethod: ArimaMethod): ArimaFit | undefined => {
    let spent = 0;
    const fits = new Map<string, ArimaFit | undefined>();
    const fit = (o: ArimaOrder) => {
      const key = orderName(o);
      if (!fits.has(key)) {
        const fitted = fitArima(x, o, { scoreFrom, startAt: optima?.get(key), method: fitMethod });
        spent += fitted?.evaluations ?? 0;
        fits.set(key, fitted);
        if (fitted) optima?.set(key, fitted.optimum);
      }
      return fits.get(key);
    };
    const allowConstant = d + D <= 1;
    const order = (p: number, q: number, P: number, Q: number, constant = allowConstant): ArimaOrder => ({
      p,
      d,
      q,
      P: seasonal ? P : 0,
      D,
      Q: seasonal ? Q : 0,
      s,
      constant,
    });
    let best: ArimaFit | undefined;
    const consider = (o: ArimaOrder) => {
      if (
        o.p < 0 ||
        o.q < 0 ||
        o.P < 0 ||
        o.Q < 0 ||
        o.p > limits.maxP ||
        o.q > limits.maxQ ||
        o.P > limits.maxSeasonalP ||
        o.Q > limits.maxSeasonalQ
      )
        return false;
      if (o.constant && !allowConstant) return false;
      if (fits.size >= MAX_MODELS && !fits.has(orderName(o))) return false;
      if (fitMethod === 'ml' && spent > EXACT_BUDGET) throw overBudget;
      const candidate = fit(o);
      if (
        candidate &&
        (fitMethod === 'css' || rootsBeyond(candidate, ROOT_RADIUS)) &&
        (!best || candidate.aicc < best.aicc - 1e-9)
      ) {
        best = candidate;
        return true;
      }
      return false;
    };
    // R's four starting models, within the limits.
    const within = (p: number, q: number, P: number, Q: number) =>
      order(
        Math.min(p, limits.maxP),
        Math.min(q, limits.maxQ),
        Math.min(P, limits.maxSeasonalP),
        Math.min(Q, limits.maxSeasonalQ),
      );
    for (const o of [within(2, 2, 1, 1), within(0, 0, 0, 0), within(1, 0, 1, 0), within(0, 1, 0, 1)]) consider(o);
    if (allowConstant) consider(order(0, 0, 0, 0, false));
    for (let improved = true; improved && best;) {
      improved = false;
      const { p, q, P, Q, constant } = best.order;
      const moves: [number, number, number, number, boolean][] = [
        [p, q, P - 1, Q, constant],
        [p, q, P + 1, Q, constant],
        [p, q, P, Q - 1, constant],
        [p, q, P, Q + 1, constant],
        [p, q, P - 1, Q - 1, constant],
        [p, q, P + 1, Q + 1, constant],
        [p, q, P - 1, Q + 1, constant],
        [p, q, P + 1, Q - 1, constant],
        [p - 1, q, P, Q, constant],
        [p + 1, q, P, Q, constant],
        [p, q - 1, P, Q, constant],
        [p, q + 1, P, Q, constant],
        [p - 1, q - 1, P, Q, constant],
        [p + 1, q + 1, P, Q, constant],
        [p - 1, q + 1, P, Q, constant],
        [p + 1, q - 1, P, Q, constant],
        [p, q, P, Q, !constant],
      ];
      for (const [np, nq, nP, nQ, c] of moves) {
        if (consider(order(np, nq, nP, nQ, c))) {
          improved = true;
          break;
        }
      }
    }
    return best;
  };
  const searchBy = method ?? (optima?.has(EXACT_OVER_BUDGET) ? 'css' : searchMethod(x.length, s));
  let best: ArimaFit | undefined;
  try {
    best = search(searchBy);
  } catch (error) {
    if (error !== overBudget) throw error;
    // Remembered for the later searches of this series (the next windows): straight to CSS.
    optima?.set(EXACT_OVER_BUDGET, []);
    best = search('css');
  }
  if (!best) throw new Error(`no ARIMA model could be fit on ${x.length} values`);
  return best;
}

/**
 * AutoARIMA's forecast path, on the Box-Cox scale when the series' variance grows with its level,
 * and a refit of the orders (and Box-Cox lambda) it chose, for later origins of the same window.
 */
export function autoArimaForecast(
  train: ArrayLike<number>,
  season: number,
  steps: number,
  optima?: ArimaOptima,
): SearchedPath {
  const history = Array.from(train);
  const lambda = shouldTransform(history, season) ? transformLambda(history, season) : undefined;
  const onScale = (x: number[]) => (lambda === undefined ? x : boxCox(x, lambda));
  const fromScale = (path: number[]) => (lambda === undefined ? path : inverseBoxCox(path, lambda));
  const best = autoArima(onScale(history), season, optima);
  return {
    path: fromScale(best.forecast(steps)),
    refit: (values, n) => {
      const fit = fitArima(onScale(Array.from(recent(values, ARIMA_MAX_HISTORY))), best.order, {
        scoreFrom: orderLimits(history.length, best.order.s).scoreFrom,
        startAt: best.optimum,
        method: best.method,
      });
      if (!fit) throw new Error(`${orderName(best.order)} could not be refit on ${values.length} values`);
      return fromScale(fit.forecast(n));
    },
  };
}

/**
 * AutoARIMA as a backtest model. Its windows are fit oldest first (then the future), each search
 * starting every order where the window before left it (ArimaOptima): nearly the same values, so
 * the fits start near their optimum. Each reads nothing after its own cut.
 */
export function autoArimaFitter(horizon: number, season: number) {
  const optima: ArimaOptima = new Map();
  const forecast: PathModel = (train, steps) =>
    autoArimaForecast(recent(train, ARIMA_MAX_HISTORY), season, steps, optima);
  return withNote(pathFitter('AutoARIMA', horizon, season, forecast), (n) => arimaSeasonNote(season, n));
}

/** Why AutoARIMA (with or without regressors) forecast a fit on `n` values without the season, when it did. */
export function arimaSeasonNote(season: number, n: number): string | undefined {
  return seasonNote(season, n, {
    model: 'AutoARIMA',
    needs: 2 * season + MIN_VALUES,
    why: `two full seasons and ${MIN_VALUES} more`,
    cap: ARIMA_MAX_HISTORY,
  });
}
