// AutoARIMA with exogenous regressors: regression with ARIMA errors, y_t = b·x_t + n_t where n_t
// follows the ARIMA model AutoARIMA picks (R's auto.arima(xreg = ...)). Estimated in two steps
// rather than jointly: the differencing the errors need is chosen first (the same KPSS and
// seasonal-strength tests AutoARIMA uses, on y), b comes from least squares on the equally
// differenced y and x (so a trend in y does not leak into b, as in R), the errors n = y - b·x get
// AutoARIMA's stepwise search, and the forecast is b·x of the forecast steps plus the errors'
// forecast. A tiny ridge keeps b defined when a regressor is constant in the training part (a
// promotion that never ran yet). The errors' orders are fit by conditional sums of squares on
// every length: a search runs at every calibration origin, and by exact likelihood (what
// AutoARIMA uses on short series) one run's searches on 140 daily values took over a minute.
//
// Regressors must earn their coefficients: when the linear regression of the differenced series
// on the differenced regressors has a higher AICc than a constant alone (regressorsEarn), the
// forecast is plain AutoARIMA's (its Box-Cox scale and, on a short series, exact likelihood
// included), and that window's calibration origins refit plain AutoARIMA's chosen orders as its own
// backtest does (path-fitter.ts) rather than search again. Unguarded, the US holiday flag on 72
// monthly US births totals (a holiday falls in most months) took AutoARIMA's backtest MASE from
// 0.728 to 1.137 (scripts/bench/evaluation.ts).
import type { ModelFitter } from '../backtest';
import {
  ARIMA_MAX_HISTORY,
  arimaSeasonNote,
  autoArima,
  autoArimaForecast,
  regularDifferences,
  seasonalDifferences,
  type ArimaOptima,
} from './auto-arima';
import { pathFitter, withNote, type SearchedPath } from './path-fitter';
import { difference } from './sarima';

const RIDGE = 1e-6;
const MIN_VALUES = 20;

/** Regressor rows from..to-1 (to - from) x width, row-major, by series index. */
export type RegressorRows = (from: number, to: number) => { values: Float32Array; width: number };

/** Least squares b for y ~ X (columns of X as given), with a small ridge. */
export function leastSquares(y: readonly number[], X: readonly number[][]): number[] {
  const k = X.length;
  const n = y.length;
  const A = Array.from({ length: k }, () => new Array<number>(k + 1).fill(0));
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += X[a][i] * X[b][i];
      A[a][b] = sum;
    }
    let sum = 0;
    for (let i = 0; i < n; i++) sum += X[a][i] * y[i];
    A[a][k] = sum;
    A[a][a] += RIDGE * Math.max(1, A[a][a]);
  }
  // Gaussian elimination with partial pivoting on the normal equations.
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(A[r][c]) > Math.abs(A[pivot][c])) pivot = r;
    [A[c], A[pivot]] = [A[pivot], A[c]];
    if (Math.abs(A[c][c]) < 1e-12) continue;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = A[r][c] / A[c][c];
      for (let j = c; j <= k; j++) A[r][j] -= f * A[c][j];
    }
  }
  return A.map((row, c) => (Math.abs(row[c]) < 1e-12 ? 0 : row[k] / row[c]));
}

/** AICc of a Gaussian linear model with `coefficients` coefficients and residual sum of squares `rss` on n values. */
function regressionAicc(rss: number, n: number, coefficients: number): number {
  const k = coefficients + 1; // and the variance
  return n * Math.log(Math.max(rss, Number.MIN_VALUE) / n) + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
}

/**
 * Whether regressors `X` (columns) explain `y` well enough for their coefficients: the AICc of y on
 * X and a constant below that of y on the constant alone. Never with fewer values than the
 * regression has coefficients and the variance, plus two (AICc's own bound).
 */
export function regressorsEarn(y: readonly number[], X: readonly number[][]): boolean {
  const n = y.length;
  const coefficients = X.length + 1;
  if (n - (coefficients + 1) - 1 <= 0) return false;
  const constant = y.map(() => 1);
  const b = leastSquares(y, [...X, constant]);
  let rssWith = 0;
  let rssWithout = 0;
  const mean = y.reduce((a, v) => a + v, 0) / n;
  for (let i = 0; i < n; i++) {
    const fitted = X.reduce((sum, column, k) => sum + b[k] * column[i], b[X.length]);
    rssWith += (y[i] - fitted) ** 2;
    rssWithout += (y[i] - mean) ** 2;
  }
  return regressionAicc(rssWith, n, coefficients) < regressionAicc(rssWithout, n, 1);
}

/**
 * The `steps` forecasts after y (series indices start..start+y.length-1) with regressors by index;
 * plain AutoARIMA's, with the refit of the orders it chose, when the regressors do not earn their
 * coefficients (regressorsEarn).
 */
export function arimaxForecast(
  y: readonly number[],
  start: number,
  season: number,
  steps: number,
  regressors: RegressorRows,
  optima?: ArimaOptima,
): number[] | SearchedPath {
  const n = y.length;
  if (n < MIN_VALUES) throw new Error(`AutoARIMA needs at least ${MIN_VALUES} values, got ${n}.`);
  const rows = regressors(start, start + n + steps);
  const width = rows.width;
  const column = (k: number, from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => rows.values[(from + i) * width + k]);
  const X = Array.from({ length: width }, (_, k) => column(k, 0, n));
  // The differencing the errors need, as AutoARIMA would choose it for y.
  const s = season > 1 && n >= 2 * season + MIN_VALUES ? season : 1;
  const D = s > 1 ? seasonalDifferences(y, s) : 0;
  const d = regularDifferences(D > 0 ? difference(y, s) : y);
  const diff = (x: readonly number[]) => {
    let out = Array.from(x);
    for (let i = 0; i < D; i++) out = difference(out, s);
    for (let i = 0; i < d; i++) out = difference(out, 1);
    return out;
  };
  const dy = diff(y);
  const dX = X.map(diff);
  if (!regressorsEarn(dy, dX)) return autoArimaForecast(y, season, steps, optima);
  // A constant column (the intercept) only on undifferenced data; differenced, it is ARIMA's drift.
  const design = d + D === 0 ? [...dX, dy.map(() => 1)] : dX;
  const b = leastSquares(dy, design).slice(0, width);
  const effect = (i: number) => b.reduce((sum, bk, k) => sum + bk * rows.values[i * width + k], 0);
  const errors = y.map((v, i) => v - effect(i));
  const path = autoArima(errors, season, optima, 'css').forecast(steps);
  return path.map((e, h) => e + effect(n + h));
}

/**
 * AutoARIMA with regressors as a backtest model: with regressors that earn, it searches again per
 * calibration origin, each search starting every order where the one before left it (ArimaOptima;
 * nearly the same errors); without, plain AutoARIMA's orders are refit there.
 */
export function arimaxFitter(horizon: number, season: number, regressors: RegressorRows): ModelFitter {
  const optima: ArimaOptima = new Map();
  const fitter = pathFitter('AutoARIMA', horizon, season, (train, steps) => {
    const start = Math.max(0, train.length - ARIMA_MAX_HISTORY);
    return arimaxForecast(Array.from(train.subarray(start)), start, season, steps, regressors, optima);
  });
  return withNote(fitter, (n) => arimaSeasonNote(season, n));
}
