// One seasonal ARIMA(p,d,q)(P,D,Q)s model and its forecasts: the differenced series w follows
// phi(B) Phi(B^s) (w - mu) = theta(B) Theta(B^s) e. Two fits, as R's arima: conditional sum of
// squares (CSS: the MA recursion starts at zero errors after the first p + sP values), which R's
// auto.arima uses on long or finely seasonal series, and the exact likelihood (arma-likelihood.ts),
// maximised from the CSS estimate as R's default "CSS-ML" and from zeros, which it uses on short
// ones; forecasts of an exact fit start from the Kalman filter's last state. Either way the coefficients are found by
// Levenberg-Marquardt (both objectives are sums of squares) under stationarity and invertibility
// (every factor's reflection coefficients inside the unit circle: a step outside is rejected); AICc
// counts the coefficients and the variance. Nelder-Mead, used before, stopped at its evaluation
// cap on most seasonal orders: on one of the batch bench's daily series the chosen model's AICc
// was ~230 lower with LM, and over eight of them AutoARIMA's MASE fell from 0.624 to 0.585 while its
// searches ran ~1.5x faster.
import { armaForecast, armaInnovations } from './arma-likelihood';
import { levenbergMarquardt } from './levenberg-marquardt';

export interface ArimaOrder {
  p: number;
  d: number;
  q: number;
  P: number;
  D: number;
  Q: number;
  /** Season length (1: no seasonal part). */
  s: number;
  /** Whether w has a non-zero mean (a drift when d + D = 1). */
  constant: boolean;
}

export interface ArimaFit {
  order: ArimaOrder;
  /** phi, theta, Phi, Theta, mu. */
  ar: number[];
  ma: number[];
  seasonalAr: number[];
  seasonalMa: number[];
  mean: number;
  /** How the coefficients were estimated (and the AICc computed). */
  method: ArimaMethod;
  sigma2: number;
  aicc: number;
  /** The coefficients as fitted (the mean in units of w's standard deviation): fitArima's `startAt`. */
  optimum: number[];
  /** Evaluations of the objective it was fit by (by exact likelihood: each a Kalman filter; its CSS start not counted). */
  evaluations: number;
  forecast(steps: number): number[];
}

/** "ARIMA(0,1,1)(0,1,1)[12]" */
export function orderName(o: ArimaOrder): string {
  const seasonal = o.s > 1 && o.P + o.D + o.Q > 0 ? `(${o.P},${o.D},${o.Q})[${o.s}]` : '';
  return `ARIMA(${o.p},${o.d},${o.q})${seasonal}${o.constant ? ' with constant' : ''}`;
}

/** x_t - x_{t-lag}. */
export function difference(x: ArrayLike<number>, lag: number): number[] {
  return Array.from({ length: Math.max(0, x.length - lag) }, (_, i) => x[i + lag] - x[i]);
}

/** The series after each differencing step: [y, after 1st, ..., w]. */
function differencingStages(
  y: ArrayLike<number>,
  d: number,
  D: number,
  s: number,
): { stages: number[][]; lags: number[] } {
  const stages = [Array.from(y)];
  const lags: number[] = [];
  for (let i = 0; i < D; i++) lags.push(s);
  for (let i = 0; i < d; i++) lags.push(1);
  for (const lag of lags) stages.push(difference(stages.at(-1)!, lag));
  return { stages, lags };
}

/** Whether 1 - a_1 z - ... - a_k z^k has every root outside the unit circle (Schur-Cohn step-down). */
export function isStable(a: readonly number[]): boolean {
  let c = Array.from(a);
  for (let k = c.length; k >= 1; k--) {
    const r = c[k - 1];
    if (!(Math.abs(r) < 1 - 1e-6)) return false;
    const next: number[] = [];
    for (let j = 0; j < k - 1; j++) next.push((c[j] + r * c[k - 2 - j]) / (1 - r * r));
    c = next;
  }
  return true;
}

/** (1 - sum a_i B^i)(1 - sum A_j B^(sj)) as the sparse lags and coefficients of 1 - sum b_l B^l. */
function expand(
  regular: readonly number[],
  seasonal: readonly number[],
  s: number,
  sign: 1 | -1,
): { lags: number[]; coefs: number[] } {
  // Work with the polynomial 1 + sign * sum(...) as full coefficient arrays, then keep non-zeros.
  const left = [1, ...regular.map((v) => sign * v)];
  const right = new Array<number>(seasonal.length * s + 1).fill(0);
  right[0] = 1;
  seasonal.forEach((v, j) => (right[(j + 1) * s] = sign * v));
  const product = new Array<number>(left.length + right.length - 1).fill(0);
  left.forEach((a, i) => right.forEach((b, j) => (product[i + j] += a * b)));
  const lags: number[] = [];
  const coefs: number[] = [];
  for (let l = 1; l < product.length; l++) {
    if (product[l] !== 0) {
      lags.push(l);
      coefs.push(sign * product[l]);
    }
  }
  return { lags, coefs };
}

interface Polynomials {
  arLags: number[];
  arCoefs: number[];
  maLags: number[];
  maCoefs: number[];
}

function polynomials(ar: number[], seasonalAr: number[], ma: number[], seasonalMa: number[], s: number): Polynomials {
  const a = expand(ar, seasonalAr, s, -1);
  const m = expand(ma, seasonalMa, s, 1);
  return { arLags: a.lags, arCoefs: a.coefs, maLags: m.lags, maCoefs: m.coefs };
}

/**
 * CSS residuals of w (0 for the first `start` values, which only condition the rest); the sum of
 * squares counts those from `scoreFrom` on.
 */
function residuals(
  w: Float64Array,
  mean: number,
  poly: Polynomials,
  start: number,
  scoreFrom: number,
  out: Float64Array,
): number {
  const { arLags, arCoefs, maLags, maCoefs } = poly;
  let css = 0;
  out.fill(0, 0, Math.min(start, w.length));
  for (let t = start; t < w.length; t++) {
    let e = w[t] - mean;
    for (let i = 0; i < arLags.length; i++) e -= arCoefs[i] * (w[t - arLags[i]] - mean);
    for (let j = 0; j < maLags.length; j++) {
      const lag = t - maLags[j];
      if (lag >= 0) e -= maCoefs[j] * out[lag];
    }
    out[t] = e;
    if (t >= scoreFrom) css += e * e;
  }
  return css;
}

/**
 * Whether every root of the fit's AR and MA polynomials (seasonal factors multiplied in) lies
 * beyond `radius`: R's auto.arima gives a candidate with a root within 1.01 of the unit circle an
 * infinite AICc. Such a fit sits on the edge of stationarity or invertibility, where a likelihood
 * can look better than the model is (log AirPassengers' (0,1,1)(1,1,2)12 has seasonal AR 0.99
 * against a seasonal MA factor with a root at 1.0005, cancelling out, and an AICc 0.7 below the
 * airline model's).
 */
export function rootsBeyond(
  fit: Pick<ArimaFit, 'order' | 'ar' | 'seasonalAr' | 'ma' | 'seasonalMa'>,
  radius: number,
): boolean {
  const poly = polynomials(fit.ar, fit.seasonalAr, fit.ma, fit.seasonalMa, fit.order.s);
  // p(z) has every root beyond `radius` when p(radius z) has every root outside the unit circle.
  const scaled = (lags: number[], coefs: number[], sign: 1 | -1) =>
    dense(
      lags,
      coefs.map((c, i) => sign * c * radius ** lags[i]),
    );
  return isStable(scaled(poly.arLags, poly.arCoefs, 1)) && isStable(scaled(poly.maLags, poly.maCoefs, -1));
}

/** The sparse lag polynomial as dense coefficients of lags 1, 2, ... (ARMA likelihood's form). */
function dense(lags: readonly number[], coefs: readonly number[]): number[] {
  const out = new Array<number>(lags.length > 0 ? Math.max(...lags) : 0).fill(0);
  lags.forEach((lag, i) => (out[lag - 1] = coefs[i]));
  return out;
}

/** A forecast of the differenced series w integrated back through each differencing step, last first. */
function integrate(wFuture: number[], stages: number[][], lags: number[]): number[] {
  let future = wFuture;
  for (let stage = lags.length - 1; stage >= 0; stage--) {
    const history = stages[stage];
    const lag = lags[stage];
    const extended = history.slice();
    for (const step of future) extended.push(step + extended[extended.length - lag]);
    future = extended.slice(history.length);
  }
  return future;
}

/** How an order's coefficients are estimated: conditional sums of squares, or the exact likelihood. */
export type ArimaMethod = 'css' | 'ml';

export interface FitArimaOptions {
  /**
   * CSS: the first value of w every compared model is scored from (at least their own
   * conditioning values). The exact likelihood scores every value.
   */
  scoreFrom?: number;
  /** Coefficients to start at: an earlier fit's `optimum` of the same order (by either method: a start only). */
  startAt?: readonly number[];
  method?: ArimaMethod;
}

/**
 * Fits one order; undefined when too few differenced values remain for it. Models compared with
 * each other by CSS are scored from one common value `scoreFrom` of w on: otherwise an order that
 * conditions on more values skips more of the start-up transient of its MA recursion and looks
 * better for that alone.
 */
export function fitArima(
  y: ArrayLike<number>,
  order: ArimaOrder,
  { scoreFrom = 0, startAt, method = 'css' }: FitArimaOptions = {},
): ArimaFit | undefined {
  const { p, d, q, P, D, Q, s, constant } = order;
  const { stages, lags } = differencingStages(y, d, D, s);
  const w = Float64Array.from(stages.at(-1)!);
  const start = p + P * s;
  const from = Math.max(start, scoreFrom);
  const used = w.length - from;
  const k = p + q + P + Q + (constant ? 1 : 0);
  if (used - k - 2 <= 10) return undefined;
  const wMean = w.reduce((a, b) => a + b, 0) / w.length;
  let wSd = 0;
  for (const v of w) wSd += (v - wMean) ** 2;
  wSd = Math.sqrt(wSd / w.length) || 1;
  const scratch = new Float64Array(w.length);
  const unpack = (x: readonly number[]) => {
    let i = 0;
    const take = (count: number) => x.slice(i, (i += count));
    return { ar: take(p), ma: take(q), seasonalAr: take(P), seasonalMa: take(Q), mean: constant ? x[i] * wSd : 0 };
  };
  const admissible = (c: ReturnType<typeof unpack>) =>
    isStable(c.ar) && isStable(c.seasonalAr) && isStable(c.ma.map((v) => -v)) && isStable(c.seasonalMa.map((v) => -v));
  const polynomialsOf = (c: ReturnType<typeof unpack>) => polynomials(c.ar, c.seasonalAr, c.ma, c.seasonalMa, s);
  const cssResiduals = (x: readonly number[]) => {
    const c = unpack(x);
    if (!admissible(c)) return undefined;
    residuals(w, c.mean, polynomialsOf(c), start, from, scratch);
    return scratch.slice(from);
  };
  const filter = (c: ReturnType<typeof unpack>) => {
    const poly = polynomialsOf(c);
    return armaInnovations(
      w.map((v) => v - c.mean),
      dense(poly.arLags, poly.arCoefs),
      dense(poly.maLags, poly.maCoefs),
    );
  };
  // Minimising these residuals' sum of squares, n sigma2 (prod F)^(1/n), is maximising the
  // exact likelihood with the variance concentrated out.
  const mlResiduals = (x: readonly number[]) => {
    const c = unpack(x);
    if (!admissible(c)) return undefined;
    const f = filter(c);
    if (!Number.isFinite(f.sigma2) || !Number.isFinite(f.sumLogF)) return undefined;
    const scale = Math.exp(f.sumLogF / (2 * w.length));
    return f.standardised.map((v) => v * scale);
  };
  // The mean is searched in units of w's standard deviation, like the coefficients' scale. A fit
  // of an order chosen on nearly the same values (a refit) starts at that fit's coefficients.
  const cold = [...new Array<number>(p + q + P + Q).fill(0), ...(constant ? [wMean / wSd] : [])];
  const objective = method === 'ml' ? mlResiduals : cssResiduals;
  const warm = startAt?.length === k && objective(startAt) ? Array.from(startAt) : undefined;
  let best = levenbergMarquardt(objective, warm ?? cold);
  let evaluations = best.evaluations;
  if (method === 'ml' && !warm) {
    // R's CSS-ML maximises the likelihood from the CSS estimate; from there alone the search can
    // stay where CSS put it, on an MA root on the unit circle (AirPassengers' (2,1,1)(0,1,0)12 kept
    // ma1 -1.000; R's -0.982 has the higher likelihood) or in another local optimum (on the
    // synthetic monthly series of `npm run bench -- classical-reference`, AutoARIMA's MASE 0.371
    // from the CSS start alone, 0.352 from both): the likelihood is maximised from zeros and from
    // the CSS estimate, and the higher one kept.
    const css = levenbergMarquardt(cssResiduals, cold).x;
    if (objective(css)) {
      const fromCss = levenbergMarquardt(objective, css);
      evaluations += fromCss.evaluations;
      if (fromCss.value < best.value) best = fromCss;
    }
  }
  if (!Number.isFinite(best.value)) return undefined;
  const x = best.x;
  const c = unpack(x);
  const poly = polynomialsOf(c);
  const parameters = k + 1;
  const aicc = (minus2LogLik: number, nStar: number) =>
    minus2LogLik + 2 * parameters + (2 * parameters * (parameters + 1)) / (nStar - parameters - 1);
  if (method === 'ml') {
    const f = filter(c);
    const n = w.length;
    const minus2LogLik = n * (Math.log(2 * Math.PI * f.sigma2) + 1) + f.sumLogF;
    if (!Number.isFinite(minus2LogLik)) return undefined;
    const phi = dense(poly.arLags, poly.arCoefs);
    return {
      order,
      ...c,
      method,
      sigma2: f.sigma2,
      aicc: aicc(minus2LogLik, n),
      optimum: x,
      evaluations,
      forecast: (steps) =>
        integrate(
          armaForecast(f.state, phi, steps).map((v) => v + c.mean),
          stages,
          lags,
        ),
    };
  }
  const e = new Float64Array(w.length);
  const sigma2 = residuals(w, c.mean, poly, start, from, e) / used;
  if (!(sigma2 > 0) || !Number.isFinite(sigma2)) return undefined;
  const minus2LogLik = used * (Math.log(sigma2) + 1 + Math.log(2 * Math.PI));
  return {
    order,
    ...c,
    method,
    sigma2,
    aicc: aicc(minus2LogLik, used),
    optimum: x,
    evaluations,
    forecast(steps) {
      const ws = Array.from(w);
      const es = Array.from(e);
      for (let h = 0; h < steps; h++) {
        const t = ws.length;
        let value = c.mean;
        poly.arLags.forEach((lag, i) => (value += poly.arCoefs[i] * (ws[t - lag] - c.mean)));
        poly.maLags.forEach((lag, j) => (value += poly.maCoefs[j] * (es[t - lag] ?? 0)));
        ws.push(value);
        es.push(0);
      }
      return integrate(ws.slice(w.length), stages, lags);
    },
  };
}
