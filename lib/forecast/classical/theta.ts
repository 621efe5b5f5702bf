// The Theta method (Assimakopoulos & Nikolopoulos 2000; the M3 competition's winner) in the form
// Hyndman & Billah (2003) showed it to be: simple exponential smoothing with a drift of half the
// series' linear-regression slope. Seasonal series are first adjusted by a classical
// multiplicative decomposition when the autocorrelation at the seasonal lag is significant at 90%,
// and the seasonal figure is put back on the forecast. This is R's forecast::thetaf step by step;
// no maintained npm package implements it, and it is built on the SES of ets.ts.
import { seasonalFigure } from './decompose';
import { fitEtsModel } from './ets';
import { pathFitter, recent, seasonNote, withNote, type PathForecast } from './path-fitter';

/** Theta reads a few years of monthly or a few months of hourly data; more only slows the SES fit. */
export const THETA_MAX_HISTORY = 4000;
/** qnorm(0.95): the one-sided 5% (two-sided 90%) point of the seasonality test. */
const Z_95 = 1.6448536269514722;

/** Autocorrelations at lags 1 .. maxLag (as R's acf). */
export function autocorrelations(y: ArrayLike<number>, maxLag: number): number[] {
  const n = y.length;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += y[t] / n;
  let denominator = 0;
  for (let t = 0; t < n; t++) denominator += (y[t] - mean) ** 2;
  return Array.from({ length: maxLag }, (_, i) => {
    const lag = i + 1;
    let sum = 0;
    for (let t = 0; t + lag < n; t++) sum += (y[t] - mean) * (y[t + lag] - mean);
    return sum / denominator;
  });
}

/** thetaf's test: is the autocorrelation at lag m significant, given the lower lags (Bartlett)? */
export function isSeasonal(y: ArrayLike<number>, m: number): boolean {
  const n = y.length;
  if (m < 2 || n <= 2 * m) return false;
  const first = y[0];
  if (Array.from(y).every((v) => v === first)) return false;
  const r = autocorrelations(y, m);
  let sum = 0;
  for (let k = 0; k < m - 1; k++) sum += r[k] ** 2;
  const stat = Math.sqrt((1 + 2 * sum) / n);
  return Math.abs(r[m - 1]) / stat > Z_95;
}

export interface ThetaModel {
  seasonal: boolean;
  alpha: number;
  forecast(steps: number): number[];
}

export function fitTheta(values: ArrayLike<number>, m: number): ThetaModel {
  const y = Array.from(values);
  const n = y.length;
  const seasonal = isSeasonal(y, m);
  // thetaf decomposes multiplicatively; a series that is not positive everywhere is adjusted
  // additively instead (a multiplicative figure of such a series is meaningless).
  const multiplicative = y.every((v) => v > 0);
  let figure: number[] | undefined = seasonal
    ? seasonalFigure(y, m, multiplicative ? 'multiplicative' : 'additive')
    : undefined;
  if (figure && multiplicative && figure.some((f) => Math.abs(f) < 1e-4)) figure = undefined;
  const adjusted = figure ? y.map((v, t) => (multiplicative ? v / figure[t % m] : v - figure[t % m])) : y;
  const ses = fitEtsModel(adjusted, { error: 'A', trend: 'N', season: 'N' }, 1);
  if (!ses) throw new Error(`Theta needs more than ${n} values`);
  // Half the slope of the least-squares line through the (adjusted) series.
  const meanT = (n - 1) / 2;
  const meanY = adjusted.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  adjusted.forEach((v, t) => {
    sxy += (t - meanT) * (v - meanY);
    sxx += (t - meanT) ** 2;
  });
  const drift = sxy / sxx / 2;
  const alpha = Math.max(1e-10, ses.alpha);
  return {
    seasonal: figure !== undefined,
    alpha,
    forecast(steps) {
      const level = ses.forecast(steps);
      return level.map((l, i) => {
        const value = l + drift * (i + (1 - (1 - alpha) ** n) / alpha);
        if (!figure) return value;
        const f = figure[(n + i) % m];
        return multiplicative ? value * f : value + f;
      });
    },
  };
}

export function thetaFitter(horizon: number, season: number) {
  const forecast: PathForecast = (train, steps) => fitTheta(recent(train, THETA_MAX_HISTORY), season).forecast(steps);
  // isSeasonal's test needs more than two full seasons; with them, whether Theta uses the season
  // is the test's answer, not a lack of values.
  const rule = { model: 'Theta', needs: 2 * season + 1, why: 'more than two full seasons', cap: THETA_MAX_HISTORY };
  return withNote(pathFitter('Theta', horizon, season, forecast), (n) => seasonNote(season, n, rule));
}
