// Exponential smoothing state space models (ETS), chosen by AICc, as R's forecast::ets: additive
// or multiplicative errors, no / additive / damped trend, no / additive / multiplicative
// seasonality, the smoothing parameters and the initial states estimated together by maximum
// likelihood (Nelder-Mead). Follows Hyndman & Athanasopoulos, "Forecasting: Principles and
// Practice" (ch. 8) and Hyndman et al., "Forecasting with Exponential Smoothing" (2008), and R's
// implementation (etscalc.c's update equations, initstate's starting values, the "usual" bounds,
// restrict = TRUE: no additive errors with multiplicative seasonality; no multiplicative trend).
//
// Hand-written: augurs' AutoETS (already a dependency) fits only non-seasonal models (a seasonal
// spec answers "no model found", and 'ZZZ' silently drops the season), and no maintained npm
// package fits seasonal ETS by likelihood.
import type { ModelFitter } from '../backtest';
import { seasonalFigure } from './decompose';
import { nelderMead } from './nelder-mead';
import { pathFitter, recent, seasonNote, withNote, type SearchedPath } from './path-fitter';

/** ETS weighs recent values most; older history adds fit time, not accuracy. */
export const ETS_MAX_HISTORY = 4000;
/** A seasonal fit estimates m - 1 initial states: this many cycles of history are plenty. */
const SEASONAL_MAX_CYCLES = 40;
/** R's ets ignores seasonality above this period (use MSTL there). */
export const ETS_MAX_SEASON = 24;
/**
 * Above this period the m - 1 initial seasonal states keep their starting values (the classical
 * decomposition of the first cycles) instead of joining the likelihood search: with 23 of them for
 * hourly data the simplex search took ~10x longer per fit for little gain, the states being
 * smoothed by gamma from the first cycle on anyway. R optimises them up to m = 24.
 */
const MAX_OPTIMISED_SEASON = 12;

export type ErrorType = 'A' | 'M';
export type TrendType = 'N' | 'A' | 'Ad';
export type SeasonType = 'N' | 'A' | 'M';

export interface EtsSpec {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
}

export interface EtsModel {
  spec: EtsSpec;
  /** Period of the seasonal component (1 when there is none). */
  m: number;
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  aicc: number;
  /** The parameters as fitted (smoothing, then initial states): fitEtsModel's `startAt`. */
  optimum: number[];
  /** Point forecasts for the next `steps` values. */
  forecast(steps: number): number[];
}

/** "ETS(M,Ad,M)" */
export function specName({ error, trend, season }: EtsSpec): string {
  return `ETS(${error},${trend},${season})`;
}

const LOWER = 1e-4;
const UPPER = 0.9999;
const PHI_LOWER = 0.8;
const PHI_UPPER = 0.98;
/** Likelihood evaluations per simplex run, and fresh runs from the best point so far. */
const EVALUATIONS = 2000;
const MAX_RESTARTS = 6;
/** AutoETS screens every model with this many restarts, then refits the best few with MAX_RESTARTS. */
const SCREEN_RESTARTS = 1;
const FINALISTS = 3;

interface Parameters {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  level: number;
  slope: number;
  /** Seasonal states s[k] for the cycle position k of values 0 .. m - 1. */
  seasons: Float64Array;
}

interface FilterResult {
  /** -2 log-likelihood up to a constant shared by every model of the same data. */
  lik: number;
  level: number;
  slope: number;
  seasons: Float64Array;
}

/** Runs the model through y (R's etscalc); Infinity when the parameters make no sense. */
function filter(y: Float64Array, spec: EtsSpec, m: number, p: Parameters): FilterResult {
  const { alpha, beta, gamma } = p;
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const trended = spec.trend !== 'N';
  const additiveError = spec.error === 'A';
  const season = spec.season === 'N' ? 0 : spec.season === 'A' ? 1 : 2;
  const seasons = Float64Array.from(p.seasons);
  let level = p.level;
  let slope = trended ? p.slope : 0;
  let sse = 0;
  let logs = 0;
  const n = y.length;
  for (let t = 0, k = 0; t < n; t++, k = k + 1 === m ? 0 : k + 1) {
    const phib = phi * slope;
    const q = level + phib;
    const s = season === 0 ? 0 : seasons[k];
    const f = season === 2 ? q * s : q + s;
    const yt = y[t];
    let e: number;
    if (additiveError) {
      e = yt - f;
    } else {
      if (Math.abs(f) < 1e-10) return { lik: Infinity, level, slope, seasons };
      e = (yt - f) / f;
      logs += Math.log(Math.abs(f));
    }
    sse += e * e;
    const deseasoned = season === 0 ? yt : season === 1 ? yt - s : yt / s;
    const next = q + alpha * (deseasoned - q);
    if (trended) slope = phib + (beta / alpha) * (next - level - phib);
    if (season !== 0) seasons[k] = s + gamma * ((season === 1 ? yt - q : yt / q) - s);
    level = next;
  }
  const lik = n * Math.log(sse) + 2 * logs;
  return {
    lik: Number.isFinite(lik) && Number.isFinite(level) && Number.isFinite(slope) ? lik : Infinity,
    level,
    slope,
    seasons,
  };
}

/** Starting states (R's initstate): level and slope by regression on the first seasonally adjusted values. */
function initialStates(
  y: ArrayLike<number>,
  spec: EtsSpec,
  m: number,
): { level: number; slope: number; seasons: number[] } {
  let seasons = [0];
  let adjusted = Array.from(y);
  if (spec.season !== 'N') {
    const type = spec.season === 'A' ? 'additive' : 'multiplicative';
    seasons = seasonalFigure(Array.from(y).slice(0, Math.min(y.length, 3 * m)), m, type);
    adjusted = adjusted.map((v, t) => (spec.season === 'A' ? v - seasons[t % m] : v / seasons[t % m]));
  }
  const count = Math.min(Math.max(10, 2 * m), adjusted.length);
  const head = adjusted.slice(0, count);
  const meanY = head.reduce((a, b) => a + b, 0) / count;
  if (spec.trend === 'N') return { level: meanY, slope: 0, seasons };
  const meanT = (count + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  head.forEach((v, i) => {
    sxy += (i + 1 - meanT) * (v - meanY);
    sxx += (i + 1 - meanT) ** 2;
  });
  const slope = sxy / sxx;
  return { level: meanY - slope * meanT, slope, seasons };
}

/**
 * Fits one ETS model by maximum likelihood; undefined when the data are too short for it. `startAt`:
 * the parameters of an earlier fit of the same spec on nearly the same values (EtsModel.optimum),
 * where the search starts instead of R's starting values.
 */
export function fitEtsModel(
  values: ArrayLike<number>,
  spec: EtsSpec,
  m: number,
  restarts = MAX_RESTARTS,
  startAt?: readonly number[],
): EtsModel | undefined {
  const y = Float64Array.from(values);
  const seasonal = spec.season !== 'N';
  const period = seasonal ? m : 1;
  const trended = spec.trend !== 'N';
  const damped = spec.trend === 'Ad';
  const n = y.length;
  const freeStates = 1 + (trended ? 1 : 0) + (seasonal ? m - 1 : 0);
  const np = 1 + (trended ? 1 : 0) + (seasonal ? 1 : 0) + (damped ? 1 : 0) + freeStates + 1;
  if (n <= np + 4 || (seasonal && n < 2 * m)) return undefined;

  const start = initialStates(y, spec, period);
  // The parameter vector: alpha, beta?, gamma?, phi?, level, slope?, seasons 1 .. m-1 (state 0
  // makes the seasonal states sum to 0, or to m when multiplicative, as in R).
  const alpha0 = LOWER + (0.2 * (UPPER - LOWER)) / period;
  const beta0 = Math.min(LOWER + 0.1 * (UPPER - LOWER), alpha0 - 1e-3 > LOWER ? alpha0 - 1e-3 : alpha0 / 2);
  const gamma0 = Math.min(LOWER + 0.05 * (UPPER - LOWER), 1 - alpha0 - 1e-3);
  const phi0 = PHI_LOWER + 0.99 * (PHI_UPPER - PHI_LOWER);
  const x0: number[] = [alpha0];
  const steps: number[] = [0.05 / period];
  const add = (value: number, step: number) => {
    x0.push(value);
    steps.push(step);
  };
  if (trended) add(beta0, beta0 / 2);
  if (seasonal) add(gamma0, 0.02);
  if (damped) add(phi0, -0.05);
  const scale = Math.max(Math.abs(start.level) * 0.05, 1e-6);
  add(start.level, scale);
  if (trended) add(start.slope, Math.max(Math.abs(start.slope) * 0.2, scale * 0.1));
  const optimiseSeasons = seasonal && m <= MAX_OPTIMISED_SEASON;
  if (optimiseSeasons) {
    for (let k = 1; k < m; k++) {
      x0.push(start.seasons[k]);
      steps.push(spec.season === 'M' ? 0.02 : Math.max(Math.abs(start.seasons[k]) * 0.1, scale * 0.1));
    }
  }

  const unpack = (x: readonly number[]): Parameters | undefined => {
    let i = 0;
    const alpha = x[i++];
    const beta = trended ? x[i++] : 0;
    const gamma = seasonal ? x[i++] : 0;
    const phi = damped ? x[i++] : 1;
    if (alpha < LOWER || alpha > UPPER) return undefined;
    if (trended && (beta < LOWER || beta > alpha)) return undefined;
    if (seasonal && (gamma < LOWER || gamma > 1 - alpha)) return undefined;
    if (damped && (phi < PHI_LOWER || phi > PHI_UPPER)) return undefined;
    const level = x[i++];
    const slope = trended ? x[i++] : 0;
    const seasons = new Float64Array(period);
    if (seasonal) {
      let sum = 0;
      for (let k = 1; k < m; k++) sum += seasons[k] = optimiseSeasons ? x[i++] : start.seasons[k];
      seasons[0] = spec.season === 'M' ? m - sum : -sum;
      if (spec.season === 'M' && seasons.some((s) => s <= 0)) return undefined;
    }
    return { alpha, beta, gamma, phi, level, slope, seasons };
  };
  const objective = (x: readonly number[]) => {
    const p = unpack(x);
    return p ? filter(y, spec, period, p).lik : Infinity;
  };
  // Restarts from the optimum with a fresh simplex until they stop paying: with many parameters
  // the simplex collapses early, and one run of it stops well short of R's optimum.
  const from = startAt?.length === x0.length && Number.isFinite(objective(startAt)) ? Array.from(startAt) : x0;
  let best = nelderMead(objective, from, { steps, maxEvaluations: EVALUATIONS });
  for (let restart = 0; restart < restarts; restart++) {
    const next = nelderMead(objective, best.x, { steps, maxEvaluations: EVALUATIONS });
    const gain = best.value - next.value;
    if (next.value < best.value) best = next;
    if (!(gain > 1e-3)) break;
  }
  const p = unpack(best.x);
  if (!p || !Number.isFinite(best.value)) return undefined;
  const end = filter(y, spec, period, p);
  const aic = end.lik + 2 * np;
  const aicc = aic + (2 * np * (np + 1)) / (n - np - 1);
  return {
    spec,
    m: period,
    alpha: p.alpha,
    beta: p.beta,
    gamma: p.gamma,
    phi: p.phi,
    aicc,
    optimum: best.x,
    forecast(steps) {
      const out: number[] = [];
      let trend = 0;
      let power = 1;
      for (let h = 1; h <= steps; h++) {
        if (spec.trend === 'A') trend = h;
        else if (damped) trend += power *= p.phi;
        const q = end.level + trend * end.slope;
        const s = end.seasons[(n + h - 1) % period];
        out.push(spec.season === 'M' ? q * s : spec.season === 'A' ? q + s : q);
      }
      return out;
    },
  };
}

/** The models AutoETS compares on y (R's ets with its defaults). */
export function candidateSpecs(y: ArrayLike<number>, m: number): EtsSpec[] {
  const positive = Array.from(y).every((v) => v > 0);
  const seasonal = m > 1 && m <= ETS_MAX_SEASON && y.length >= 2 * m;
  const specs: EtsSpec[] = [];
  for (const error of positive ? (['A', 'M'] as const) : (['A'] as const)) {
    for (const trend of ['N', 'A', 'Ad'] as const) {
      for (const season of seasonal
        ? positive
          ? (['N', 'A', 'M'] as const)
          : (['N', 'A'] as const)
        : (['N'] as const)) {
        if (error === 'A' && season === 'M') continue; // restrict = TRUE: numerically unstable
        specs.push({ error, trend, season });
      }
    }
  }
  return specs;
}

/**
 * Where each spec's fit ended, by specName: a later search of the same run (the next backtest
 * window: the same values and a horizon more) starts each spec there.
 */
export type EtsOptima = Map<string, number[]>;

/**
 * The ETS model with the lowest AICc among `specs` (all of R's defaults when omitted). With
 * `optima`, each spec starts at its optimum of an earlier search, and the map gets this one's.
 */
export function autoEts(y: ArrayLike<number>, m: number, specs = candidateSpecs(y, m), optima?: EtsOptima): EtsModel {
  const byAicc = (models: (EtsModel | undefined)[]) =>
    models.filter((f): f is EtsModel => f !== undefined && Number.isFinite(f.aicc)).sort((a, b) => a.aicc - b.aicc);
  // Screening every model at full effort costs several times more for the same choice; the
  // finalists go on from where their screening ended.
  const screened = byAicc(specs.map((spec) => fitEtsModel(y, spec, m, SCREEN_RESTARTS, optima?.get(specName(spec)))));
  const finalists = byAicc(screened.slice(0, FINALISTS).map((f) => fitEtsModel(y, f.spec, m, MAX_RESTARTS, f.optimum)));
  for (const fit of [...screened, ...finalists]) optima?.set(specName(fit.spec), fit.optimum);
  const best = finalists[0] ?? screened[0];
  if (!best) throw new Error(`no ETS model could be fit on ${y.length} values`);
  return best;
}

/** History an ETS fit reads for a period m. */
export function etsHistory(m: number): number {
  return m > 1 && m <= ETS_MAX_SEASON
    ? Math.min(ETS_MAX_HISTORY, Math.max(1000, SEASONAL_MAX_CYCLES * m))
    : ETS_MAX_HISTORY;
}

/**
 * AutoETS's path from `train`, and a refit of the spec it chose (its parameters estimated again,
 * the other specs not fit again) for later origins of the same window.
 */
export function autoEtsPath(train: Float64Array, season: number, steps: number, optima?: EtsOptima): SearchedPath {
  const history = recent(train, etsHistory(season));
  const best = autoEts(history, season, candidateSpecs(history, season), optima);
  return {
    path: best.forecast(steps),
    refit: (values, n) => {
      const fit = fitEtsModel(recent(values, etsHistory(season)), best.spec, season, MAX_RESTARTS, best.optimum);
      if (!fit) throw new Error(`${specName(best.spec)} could not be refit on ${values.length} values`);
      return fit.forecast(n);
    },
  };
}

/**
 * Why ETS forecast a fit on `n` values without the series' season, when it did: seasons longer
 * than ETS_MAX_SEASON steps it never fits (as R's ets warns), and a season needs two full cycles
 * of history (candidateSpecs).
 */
export function etsSeasonNote(season: number, n: number): string | undefined {
  if (season > ETS_MAX_SEASON)
    return (
      `ETS ignores seasons longer than ${ETS_MAX_SEASON} steps, as R's ets does, so it forecast this ` +
      `series' ${season}-step season without one; MSTL models long seasons.`
    );
  return seasonNote(season, n, { model: 'ETS', needs: 2 * season, why: 'two full seasons', cap: etsHistory(season) });
}

/**
 * ETS as a backtest model. Its windows are fit oldest first (then the future), each search starting
 * every spec where the window before left it (EtsOptima). Each reads nothing after its own cut.
 */
export function etsFitter(horizon: number, season: number): ModelFitter {
  const optima: EtsOptima = new Map();
  const fitter = pathFitter('ETS', horizon, season, (train, steps) => autoEtsPath(train, season, steps, optima));
  return withNote(fitter, (n) => etsSeasonNote(season, n));
}
