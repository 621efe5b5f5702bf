// Split-conformal prediction intervals. For each horizon step h, the signed backtest errors h
// steps ahead (actual - forecast) are the calibration set, and the `level` interval is the
// forecast plus their lower and upper conformal quantiles (each tail gets half of 1 - level).
// Signed quantiles keep the skew of the errors: a model that tends to under-forecast gets more
// room above than below. Where a step has too few errors for signed bounds at the level, the
// symmetric interval (forecast ± the conformal quantile of the absolute errors, which needs about
// half as many) stands in; where even that is impossible the bounds are null (unbounded). Either
// way it promises the level for any error distribution as long as future errors behave like past
// ones (exchangeability, which a drifting series only approximates); it never assumes normality.
// A series that is never negative (counts, prices, loads) gets bounds clipped at 0.
//
// Everything measured about the intervals is leave-one-window-out: each backtest window's own
// forecast is checked against intervals calibrated without it (without its model's errors, and
// without any error on a point inside it). Checking a window against intervals it helped build
// would score the calibration on its own data and flatter it. Measured: coverage per level, in
// total and per horizon step (late steps often under-cover while the pooled share looks fine);
// MSIS, the mean scaled interval score of the 95% interval (M4's interval metric: width plus 2/α
// times any miss, over the window's MASE scale); and the weighted quantile loss of P10/P50/P90
// (twice the pinball loss summed over points and quantiles, over the sum of |actual|, averaged
// over the three quantiles: 0 is perfect, and a point forecast alone would score its WAPE).
import type { Residual } from './backtest';
import { median } from './median';
import type { IntervalLevel, ModelIntervals } from './types';

export const INTERVAL_LEVELS: readonly IntervalLevel[] = [80, 95];

/** The quantiles reported as P10/P50/P90: P10 and P90 are the 80% interval's bounds. */
export const QUANTILE_LEVELS = [0.1, 0.5, 0.9] as const;

/** The interval MSIS scores (α = 0.05, as in M4). */
export const MSIS_LEVEL: IntervalLevel = 95;

/**
 * The ceil((n + 1) * level)-th smallest of n absolute errors: with that finite-sample correction
 * the next error falls within it at least `level` of the time. Null when n is too small for the
 * level (e.g. below 19 for 95%): no bounded interval can promise it.
 */
export function conformalQuantile(absoluteErrors: readonly number[], level: number): number | null {
  const n = absoluteErrors.length;
  const rank = Math.ceil((n + 1) * level);
  if (rank > n) return null;
  return [...absoluteErrors].sort((a, b) => a - b)[rank - 1];
}

/**
 * Lower and upper conformal quantiles of n signed errors for a central `level` interval: the
 * floor((n + 1) · tail)-th and ceil((n + 1) · (1 - tail))-th smallest, tail = (1 - level) / 2, so
 * the next error falls below the lower one, and above the upper one, each at most `tail` of the
 * time. Null when n is too small (below 9 for 80%, 39 for 95%).
 */
export function signedQuantiles(errors: readonly number[], level: number): { lower: number; upper: number } | null {
  const n = errors.length;
  const tail = (1 - level) / 2;
  // The epsilon undoes float error in the tail ((1 - 0.8) / 2 is just below 0.1), which would
  // otherwise cost a rank exactly where (n + 1) · tail is a whole number.
  const lowerRank = Math.floor((n + 1) * tail + 1e-9);
  const upperRank = Math.ceil((n + 1) * (1 - tail) - 1e-9);
  if (lowerRank < 1 || upperRank > n) return null;
  const sorted = [...errors].sort((a, b) => a - b);
  return { lower: sorted[lowerRank - 1], upper: sorted[upperRank - 1] };
}

/** Index h - 1: the signed errors h steps ahead among `residuals`. */
function errorsByStep(residuals: readonly Residual[], horizon: number): number[][] {
  const byStep = Array.from({ length: horizon }, () => [] as number[]);
  for (const r of residuals) if (r.step <= horizon) byStep[r.step - 1].push(r.error);
  return byStep;
}

/** Index h - 1: the half-width of the symmetric `level` (0..1) interval h steps ahead, null if unbounded. */
export function halfWidths(residuals: readonly Residual[], horizon: number, level: number): (number | null)[] {
  return errorsByStep(residuals, horizon).map((errors) => conformalQuantile(errors.map(Math.abs), level));
}

/** What to add to the forecast for the interval's bounds at one step: signed, else symmetric, else null. */
type Offsets = { lower: number; upper: number } | null;

function stepOffsets(errors: readonly number[], level: number): Offsets {
  const signed = signedQuantiles(errors, level);
  if (signed) return signed;
  const width = conformalQuantile(errors.map(Math.abs), level);
  return width === null ? null : { lower: -width, upper: width };
}

export interface IntervalOptions {
  /** Clip bounds (and P50) at 0: set when the series has no negative value. */
  nonNegative?: boolean;
}

/** Interval bounds and P50 around one forecast, from the errors of each step. */
function around(forecast: readonly number[], byStep: readonly number[][], { nonNegative = false }: IntervalOptions) {
  const clip = (x: number) => (nonNegative ? Math.max(0, x) : x);
  const bands = {} as ModelIntervals['bands'];
  for (const level of INTERVAL_LEVELS) {
    const offsets = forecast.map((_, i) => stepOffsets(byStep[i] ?? [], level / 100));
    bands[level] = {
      lower: forecast.map((f, i) => (offsets[i] === null ? null : clip(f + offsets[i]!.lower))),
      upper: forecast.map((f, i) => (offsets[i] === null ? null : clip(f + offsets[i]!.upper))),
    };
  }
  const p50 = forecast.map((f, i) => clip(f + median(byStep[i] ?? [])));
  return { bands, p50 };
}

export interface ScoredWindow {
  origin: number;
  actual: readonly number[];
  forecast: readonly number[];
  /** The window's MASE denominator, for MSIS; without it MSIS is not measured. */
  scale?: number;
}

type Coverage = { coverage: number | null; points: number; byStep: (number | null)[] };

export interface IntervalScores {
  coverage: Record<IntervalLevel, Coverage>;
  msis: number | null;
  wql: number | null;
}

/** Twice the pinball loss of quantile forecast `q` at level `tau`. */
const pinball = (actual: number, q: number, tau: number) =>
  2 * (actual >= q ? tau * (actual - q) : (1 - tau) * (q - actual));

/**
 * Leave-one-window-out scores of the intervals over `windows` (see the file comment): each
 * counted where the intervals are bounded.
 */
export function leaveOneWindowOutScores(
  residuals: readonly Residual[],
  windows: readonly ScoredWindow[],
  horizon: number,
  options: IntervalOptions = {},
): IntervalScores {
  const hits = Object.fromEntries(
    INTERVAL_LEVELS.map((level) => [
      level,
      { covered: new Array<number>(horizon).fill(0), points: new Array<number>(horizon).fill(0) },
    ]),
  ) as Record<IntervalLevel, { covered: number[]; points: number[] }>;
  let msisSum = 0;
  let msisPoints = 0;
  let lossSum = 0;
  let absSum = 0;
  const alpha = 1 - MSIS_LEVEL / 100;
  windows.forEach((window, k) => {
    const inWindow = (target: number) => target >= window.origin && target < window.origin + horizon;
    const calibration = residuals.filter((r) => r.window !== k && !inWindow(r.target));
    const steps = Math.min(horizon, window.actual.length);
    const { bands, p50 } = around(window.forecast.slice(0, steps), errorsByStep(calibration, horizon), options);
    for (let i = 0; i < steps; i++) {
      const actual = window.actual[i];
      for (const level of INTERVAL_LEVELS) {
        const [lower, upper] = [bands[level].lower[i], bands[level].upper[i]];
        if (lower === null || upper === null) continue;
        hits[level].points[i]++;
        if (actual >= lower && actual <= upper) hits[level].covered[i]++;
      }
      const [lower95, upper95] = [bands[MSIS_LEVEL].lower[i], bands[MSIS_LEVEL].upper[i]];
      if (lower95 !== null && upper95 !== null && window.scale !== undefined && Number.isFinite(window.scale)) {
        const score = upper95 - lower95 + (2 / alpha) * (Math.max(0, lower95 - actual) + Math.max(0, actual - upper95));
        msisSum += score / window.scale;
        msisPoints++;
      }
      const [p10, p90] = [bands[80].lower[i], bands[80].upper[i]];
      if (p10 !== null && p90 !== null) {
        const quantiles = [p10, p50[i], p90];
        lossSum +=
          QUANTILE_LEVELS.reduce((sum, tau, j) => sum + pinball(actual, quantiles[j], tau), 0) / QUANTILE_LEVELS.length;
        absSum += Math.abs(actual);
      }
    }
  });
  const share = (covered: number, points: number) => (points === 0 ? null : covered / points);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const coverage = Object.fromEntries(
    INTERVAL_LEVELS.map((level) => {
      const { covered, points } = hits[level];
      return [
        level,
        {
          coverage: share(sum(covered), sum(points)),
          points: sum(points),
          byStep: covered.map((c, i) => share(c, points[i])),
        },
      ];
    }),
  ) as Record<IntervalLevel, Coverage>;
  return {
    coverage,
    msis: msisPoints === 0 ? null : msisSum / msisPoints,
    wql: absSum === 0 ? null : lossSum / absSum,
  };
}

/**
 * Leave-one-window-out coverage of the `level` (0..1) intervals over `windows`: the share of
 * actual values inside, counted where the interval is bounded, and how many points that was.
 */
export function leaveOneWindowOutCoverage(
  residuals: readonly Residual[],
  windows: readonly ScoredWindow[],
  horizon: number,
  level: number,
): { coverage: number | null; points: number } {
  const measured = leaveOneWindowOutScores(residuals, windows, horizon).coverage[
    Math.round(level * 100) as IntervalLevel
  ];
  if (!measured) throw new Error(`Coverage is measured at ${INTERVAL_LEVELS.join('% and ')}%, not ${level * 100}%.`);
  return { coverage: measured.coverage, points: measured.points };
}

/** Intervals and P50 around `future` (one model's forecast) from that model's backtest errors. */
export function predictionIntervals(
  residuals: readonly Residual[],
  windows: readonly ScoredWindow[],
  future: readonly number[],
  options: IntervalOptions = {},
): ModelIntervals {
  const horizon = future.length;
  const byStep = errorsByStep(residuals, horizon);
  const { bands, p50 } = around(future, byStep, options);
  const scores = leaveOneWindowOutScores(residuals, windows, horizon, options);
  const perLevel = <T>(f: (level: IntervalLevel) => T) =>
    Object.fromEntries(INTERVAL_LEVELS.map((level) => [level, f(level)])) as Record<IntervalLevel, T>;
  return {
    bands,
    p50,
    coverage: perLevel((level) => scores.coverage[level].coverage),
    coveragePoints: perLevel((level) => scores.coverage[level].points),
    coverageByStep: perLevel((level) => scores.coverage[level].byStep),
    msis: scores.msis,
    wql: scores.wql,
    calibrationSize: byStep.map((e) => e.length),
  };
}
