// Rolling-origin backtest: W windows of `horizon` steps at the end of the series. For each window
// every model is fit again on the values before the window's origin only, forecasts the window,
// and is scored; the last window is the run's held-out test window. One window says little about
// a model; several, each with its own training cut, show whether a win is a habit or luck.
//
// Each window's model also forecasts from the origins after its own, up to CALIBRATION_SPAN
// horizons later (inputs are the actual values up to each origin, which a forecaster would have
// had then). Those errors are never scored as accuracy; they calibrate the prediction intervals,
// which need far more errors per horizon step than W windows give. A model that must be fit again
// for each origin (the classical ones) asks for fewer of them (maxCalibrationOrigins).
import { accuracyMetrics, maseScale } from './metrics';
import type { AccuracyMetrics } from './types';

/** What a backtest fit knows about its window. */
export interface WindowInfo {
  /** 0-based, oldest first. */
  index: number;
  count: number;
  /** The model may only learn from values before this index. */
  origin: number;
}

/** A model fit on the values before one window's origin. */
export interface FittedModel {
  /**
   * For each origin, the `horizon` steps after values[0 .. origin). Must read nothing at or after
   * the origin: that is what makes the backtest honest (and what the leakage tests check).
   */
  forecastFrom(values: Float64Array, origins: readonly number[]): Promise<number[][]>;
  /** Set when the model could not be fit as intended and forecasts by a fallback: says why. */
  note?: string;
  /**
   * At most this many calibration origins (the window's own origin first, the rest spread evenly
   * over the span): for a model that must be fit again at every origin, where each is costly.
   * Undefined forecasts from every calibration origin.
   */
  maxCalibrationOrigins?: number;
}

/** Fits a model on `train` (exactly the values before `window.origin`). */
export type ModelFitter = (train: Float64Array, window: WindowInfo) => Promise<FittedModel>;

/** One error of a model `step` steps ahead, from one of the calibration forecasts. */
export interface Residual {
  /** Index of the window whose model made the forecast. */
  window: number;
  origin: number;
  /** 1-based steps ahead. */
  step: number;
  /** Index of the forecast point in the series. */
  target: number;
  /** actual - forecast. */
  error: number;
}

export interface BacktestRun<M extends string> {
  horizon: number;
  windows: {
    origin: number;
    actual: number[];
    forecasts: Record<M, number[]>;
    /** MASE denominator from the values before the origin. */
    scale: number;
  }[];
  /** Every calibration error of each model (the windows' own forecasts included). */
  residuals: Record<M, Residual[]>;
}

/** Forecast origins each window's model also predicts from, in horizons (see the file comment). */
export const CALIBRATION_SPAN = 2;

/** Origins of `windows` back-to-back windows of `horizon` steps ending with the series, oldest first. */
export function backtestOrigins(points: number, horizon: number, windows: number): number[] {
  const first = points - windows * horizon;
  if (windows < 1 || first < 1) {
    throw new Error(`${windows} backtest windows of ${horizon} steps do not fit in ${points} points.`);
  }
  return Array.from({ length: windows }, (_, k) => first + k * horizon);
}

/**
 * The origins a window's model forecasts from (calibration, see the file comment): the window's own
 * origin first, then each later one within CALIBRATION_SPAN horizons, while the series lasts.
 */
export function calibrationOrigins(origin: number, points: number, horizon: number): number[] {
  return Array.from({ length: Math.min(CALIBRATION_SPAN * horizon, points - origin) }, (_, j) => origin + j);
}

/** `max` of `origins` (all when undefined): the first always, the rest evenly spread, in order. */
export function spreadOrigins(origins: readonly number[], max: number | undefined): number[] {
  if (max === undefined || origins.length <= max) return [...origins];
  if (max <= 1) return origins.slice(0, 1);
  const picked = new Set(Array.from({ length: max }, (_, k) => Math.round((k * (origins.length - 1)) / (max - 1))));
  return [...picked].sort((a, b) => a - b).map((i) => origins[i]);
}

/**
 * Runs the backtest for every model in `fitters`, window by window (oldest first, so a fitter may
 * carry state such as warm-start weights from one window to the next).
 */
export async function runBacktest<M extends string>(
  values: readonly number[],
  horizon: number,
  origins: readonly number[],
  season: number,
  fitters: Record<M, ModelFitter>,
): Promise<BacktestRun<M>> {
  const series = Float64Array.from(values);
  const n = series.length;
  const models = Object.keys(fitters) as M[];
  const residuals = Object.fromEntries(models.map((m) => [m, [] as Residual[]])) as Record<M, Residual[]>;
  const windows: BacktestRun<M>['windows'] = [];

  for (const [index, origin] of origins.entries()) {
    const train = series.subarray(0, origin);
    const calibration = calibrationOrigins(origin, n, horizon);
    const forecasts = {} as Record<M, number[]>;
    for (const model of models) {
      const fitted = await fitters[model](train, { index, count: origins.length, origin });
      const from = spreadOrigins(calibration, fitted.maxCalibrationOrigins);
      const predicted = await fitted.forecastFrom(series, from);
      forecasts[model] = predicted[0];
      predicted.forEach((forecast, j) => {
        const at = from[j];
        for (let step = 1; step <= horizon && at + step - 1 < n; step++) {
          const target = at + step - 1;
          residuals[model].push({
            window: index,
            origin: at,
            step,
            target,
            error: series[target] - forecast[step - 1],
          });
        }
      });
    }
    windows.push({
      origin,
      actual: Array.from(series.subarray(origin, origin + horizon)),
      forecasts,
      scale: maseScale(train, season),
    });
  }
  return { horizon, windows, residuals };
}

export interface BacktestScores<M extends string> {
  /** Per window, oldest first. */
  windows: Record<M, AccuracyMetrics>[];
  /** Every window pooled. */
  metrics: Record<M, AccuracyMetrics>;
  /** Index h - 1: errors h steps ahead, pooled over the windows. */
  byStep: Record<M, AccuracyMetrics[]>;
}

/** Metrics of each model per window, pooled, and per horizon step. */
export function scoreBacktest<M extends string>(run: BacktestRun<M>): BacktestScores<M> {
  const models = Object.keys(run.residuals) as M[];
  const perModel = <T>(f: (m: M) => T) => Object.fromEntries(models.map((m) => [m, f(m)])) as Record<M, T>;
  const pooled = (m: M, pick: (w: BacktestRun<M>['windows'][number]) => { actual: number; forecast: number }[]) => {
    const points = run.windows.flatMap((w) => pick(w).map((p) => ({ ...p, scale: w.scale })));
    return accuracyMetrics(
      points.map((p) => p.actual),
      points.map((p) => p.forecast),
      points.map((p) => p.scale),
    );
  };
  const allSteps = (m: M) => (w: BacktestRun<M>['windows'][number]) =>
    w.actual.map((actual, i) => ({ actual, forecast: w.forecasts[m][i] }));

  return {
    windows: run.windows.map((w) => perModel((m) => accuracyMetrics(w.actual, w.forecasts[m], w.scale))),
    metrics: perModel((m) => pooled(m, allSteps(m))),
    byStep: perModel((m) =>
      Array.from({ length: run.horizon }, (_, i) =>
        pooled(m, (w) => [{ actual: w.actual[i], forecast: w.forecasts[m][i] }]),
      ),
    ),
  };
}

/**
 * The part of `run` from window `from` on, as if the backtest had only those windows: their
 * forecasts, and the calibration errors of their models (window indices counted from `from`).
 */
export function scoredPart<M extends string>(run: BacktestRun<M>, from: number): BacktestRun<M> {
  if (from === 0) return run;
  const residuals = Object.fromEntries(
    Object.entries<Residual[]>(run.residuals).map(([m, list]) => [
      m,
      list.filter((r) => r.window >= from).map((r) => ({ ...r, window: r.window - from })),
    ]),
  ) as Record<M, Residual[]>;
  return { horizon: run.horizon, windows: run.windows.slice(from), residuals };
}
