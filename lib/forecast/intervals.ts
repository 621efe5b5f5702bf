// Split-conformal prediction intervals. For each horizon step h, the absolute backtest errors h
// steps ahead are the calibration set; the interval is forecast ± their conformal quantile. It
// promises the level for any error distribution as long as future errors behave like past ones
// (exchangeability, which a drifting series only approximates), and it never assumes normality.
//
// Coverage is measured leave-one-window-out: each backtest window's own forecast is checked
// against intervals calibrated without it (without its model's errors, and without any error on
// a point inside it). Checking a window against intervals it helped build would score the
// calibration on its own data and flatter it.
import type { Residual } from './backtest';
import type { IntervalLevel, ModelIntervals } from './types';

export const INTERVAL_LEVELS: readonly IntervalLevel[] = [80, 95];

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

/** Index h - 1: the absolute errors h steps ahead among `residuals`. */
function errorsByStep(residuals: readonly Residual[], horizon: number): number[][] {
  const byStep = Array.from({ length: horizon }, () => [] as number[]);
  for (const r of residuals) byStep[r.step - 1].push(Math.abs(r.error));
  return byStep;
}

/** Index h - 1: the half-width of the `level` (0..1) interval h steps ahead, null if unbounded. */
export function halfWidths(residuals: readonly Residual[], horizon: number, level: number): (number | null)[] {
  return errorsByStep(residuals, horizon).map((errors) => conformalQuantile(errors, level));
}

export interface ScoredWindow {
  origin: number;
  actual: readonly number[];
  forecast: readonly number[];
}

/**
 * Leave-one-window-out coverage of the `level` intervals over `windows`: the share of actual
 * values inside, counted where the interval is bounded, and how many points that was.
 */
export function leaveOneWindowOutCoverage(
  residuals: readonly Residual[],
  windows: readonly ScoredWindow[],
  horizon: number,
  level: number,
): { coverage: number | null; points: number } {
  let covered = 0;
  let points = 0;
  windows.forEach((window, k) => {
    const inWindow = (target: number) => target >= window.origin && target < window.origin + horizon;
    const calibration = residuals.filter((r) => r.window !== k && !inWindow(r.target));
    halfWidths(calibration, horizon, level).forEach((width, i) => {
      if (width === null || i >= window.actual.length) return;
      points++;
      if (Math.abs(window.actual[i] - window.forecast[i]) <= width) covered++;
    });
  });
  return { coverage: points === 0 ? null : covered / points, points };
}

/** Intervals around `future` (one model's forecast) from that model's backtest errors. */
export function predictionIntervals(
  residuals: readonly Residual[],
  windows: readonly ScoredWindow[],
  future: readonly number[],
): ModelIntervals {
  const horizon = future.length;
  const bands = {} as ModelIntervals['bands'];
  const coverage = {} as ModelIntervals['coverage'];
  const coveragePoints = {} as ModelIntervals['coveragePoints'];
  for (const level of INTERVAL_LEVELS) {
    const widths = halfWidths(residuals, horizon, level / 100);
    bands[level] = {
      lower: future.map((f, i) => (widths[i] === null ? null : f - widths[i]!)),
      upper: future.map((f, i) => (widths[i] === null ? null : f + widths[i]!)),
    };
    const measured = leaveOneWindowOutCoverage(residuals, windows, horizon, level / 100);
    coverage[level] = measured.coverage;
    coveragePoints[level] = measured.points;
  }
  return { bands, coverage, coveragePoints, calibrationSize: errorsByStep(residuals, horizon).map((e) => e.length) };
}

/**
 * The lowest value a series' bounds may take: 0 when its whole history is >= 0 (counts, sales,
 * prices), so an interval never promises what the series has never done; undefined otherwise.
 */
export function intervalFloor(history: readonly number[]): number | undefined {
  return history.length > 0 && history.every((v) => v >= 0) ? 0 : undefined;
}

/** `intervals` with every bound (lower and upper) raised to at least `floor`; unchanged without one. */
export function floorIntervals(intervals: ModelIntervals, floor: number | undefined): ModelIntervals {
  if (floor === undefined) return intervals;
  const raise = (bounds: (number | null)[]) => bounds.map((b) => (b === null ? null : Math.max(floor, b)));
  const bands = Object.fromEntries(
    INTERVAL_LEVELS.map((level) => [level, { lower: raise(intervals.bands[level].lower), upper: raise(intervals.bands[level].upper) }]),
  ) as ModelIntervals['bands'];
  return { ...intervals, bands };
}
