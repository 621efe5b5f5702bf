// One forecast run: a rolling-origin backtest of the LSTM and every baseline (its last window is
// the held-out test window), prediction intervals calibrated on the backtest errors, a verdict,
// then the LSTM refit on all data forecasts the future. Callers (worker, CLI, tests) plug in
// progress and cancellation through RunCallbacks.
import { initBackend } from './backend';
import { backtestOrigins, runBacktest, scoreBacktest, type ModelFitter } from './backtest';
import { BASELINE_NAMES, BASELINES, baselineFitter } from './baselines';
import { assertLongEnough, backtestWindowsFor, minimumPoints, resolveConfig } from './config';
import { computeMetrics } from './metrics';
import { predictionIntervals } from './intervals';
import { lstmForecastFrom, LstmRun } from './lstm-forecaster';
import { saveModel } from './saved-model';
import { resolveSeason } from './season';
import { assertValidSeries } from './series';
import { nextTimestamps } from './time-steps';
import type {
  BacktestResult,
  ComparedModel,
  ForecastConfig,
  ForecastResult,
  ModelIntervals,
  RunCallbacks,
  SeriesData,
} from './types';
import { decideVerdict, skillScore } from './verdict';

const COMPARED_MODELS: readonly ComparedModel[] = ['lstm', ...BASELINE_NAMES];

function perModel<T>(f: (model: ComparedModel) => T): Record<ComparedModel, T> {
  return Object.fromEntries(COMPARED_MODELS.map((m) => [m, f(m)])) as Record<ComparedModel, T>;
}

export async function runForecast(
  data: SeriesData,
  partial: Partial<ForecastConfig> = {},
  callbacks: RunCallbacks = {},
): Promise<ForecastResult> {
  const started = performance.now();
  assertValidSeries(data);
  const points = data.v.length;
  const config = resolveConfig(partial, { frequency: data.frequency, points });
  assertLongEnough(points, config);
  const backend = await initBackend();

  const { horizon, lookback } = config;
  const windowCount = backtestWindowsFor(points, config);
  const origins = backtestOrigins(points, horizon, windowCount);
  // Detected (when the frequency has no cycle) only from what the first window may see.
  const season = resolveSeason(data.frequency, data.v.slice(0, origins[0]));
  const split = origins.at(-1)!;
  const trainValues = data.v.slice(0, split);
  const testActual = data.v.slice(split);

  const lstm = new LstmRun(config, windowCount, callbacks);
  try {
    // 1. Backtest: every model refit per window on the values before its origin.
    const fitters = perModel<ModelFitter>((m) =>
      m === 'lstm' ? lstm.fitter : baselineFitter(m, horizon, season.length),
    );
    const run = await runBacktest(data.v, horizon, origins, season.length, fitters);
    const scores = scoreBacktest(run);
    const history = lstm.history; // of the last window's fit: the one scored on the test window
    const test = run.windows.at(-1)!;

    // 2. Refit on all data, then forecast the future with every model.
    const refit = await lstm.refit(data.v);
    const [lstmFuture] = await lstmForecastFrom(refit, data.v, [points], lookback);
    const future = perModel((m) => (m === 'lstm' ? lstmFuture : BASELINES[m](data.v, horizon, season.length)));
    const model = await saveModel(refit.model, {
      lookback,
      horizon,
      frequency: data.frequency,
      scaler: refit.scaler,
      relativeToLastInput: true,
    });

    const intervals = perModel<ModelIntervals>((m) =>
      predictionIntervals(
        run.residuals[m],
        run.windows.map((w) => ({ origin: w.origin, actual: w.actual, forecast: w.forecasts[m] })),
        future[m],
      ),
    );
    const backtest: BacktestResult = {
      requestedWindows: config.backtestWindows,
      windows: run.windows.map((w, k) => ({
        origin: w.origin,
        t: data.t.slice(w.origin, w.origin + horizon),
        actual: w.actual,
        forecasts: w.forecasts,
        metrics: scores.windows[k],
      })),
      metrics: scores.metrics,
      byStep: scores.byStep,
      ...(windowCount < config.backtestWindows && {
        note:
          `Backtested on ${windowCount} of the ${config.backtestWindows} windows asked for: ` +
          `${config.backtestWindows} windows of ${horizon} steps need at least ` +
          `${minimumPoints(config, config.backtestWindows)} points with lookback ${lookback}; this series has ${points}.`,
      }),
    };

    return {
      backend,
      config,
      durationMs: Math.round(performance.now() - started),
      metrics: {
        lstm: computeMetrics(testActual, test.forecasts.lstm, trainValues, season.length),
        seasonalNaive: computeMetrics(testActual, test.forecasts.seasonalNaive, trainValues, season.length),
      },
      test: {
        t: data.t.slice(split),
        actual: testActual,
        forecasts: { lstm: test.forecasts.lstm, seasonalNaive: test.forecasts.seasonalNaive },
      },
      future: {
        t: nextTimestamps(data.t, data.frequency, horizon),
        forecasts: { lstm: future.lstm, seasonalNaive: future.seasonalNaive },
      },
      history,
      summary: {
        points,
        trainStart: data.t[0],
        trainEnd: data.t[split - 1],
        testStart: data.t[split],
        testEnd: data.t[points - 1],
      },
      model,
      season,
      models: perModel((m) => ({ metrics: scores.metrics[m], future: future[m] })),
      backtest,
      intervals,
      skill: skillScore(scores.metrics),
      verdict: decideVerdict(scores.metrics, windowCount),
    };
  } finally {
    lstm.dispose();
  }
}
