// One forecast run: score the LSTM and the seasonal-naive baseline on a held-out test window,
// then refit on all data and forecast the future. Callers (worker, CLI, tests) plug in progress
// and cancellation through RunCallbacks.
import type * as tf from '@tensorflow/tfjs';
import { initBackend } from './backend';
import { seasonalNaive } from './baselines/seasonal-naive';
import { assertLongEnough, resolveConfig } from './config';
import { computeMetrics } from './metrics';
import { buildLstm, disposeModel, predictWindows } from './models/lstm';
import { saveModel } from './saved-model';
import { fitMinMax, inverseTransform, transform, type MinMaxScaler } from './scaling';
import { seasonLength } from './season';
import { assertValidSeries } from './series';
import { nextTimestamps } from './time-steps';
import { trainModel, type TrainResult } from './train';
import type { ForecastConfig, ForecastResult, RunCallbacks, SeriesData, TrainProgress } from './types';
import { lastWindow, slidingWindows } from './windows';

type Phase = TrainProgress['phase'];

/** Share of the whole run's progress each fit covers. */
const PHASE_PROGRESS: Record<Phase, { from: number; to: number }> = {
  evaluate: { from: 0, to: 0.5 },
  refit: { from: 0.5, to: 1 },
};

interface FittedForecaster extends TrainResult {
  model: tf.LayersModel;
  scaler: MinMaxScaler;
}

/** Fits a fresh LSTM on `values` (scaler fit on exactly these values). The caller disposes the model. */
async function fitForecaster(
  values: number[],
  config: ForecastConfig,
  phase: Phase,
  callbacks: RunCallbacks,
): Promise<FittedForecaster> {
  const { from, to } = PHASE_PROGRESS[phase];
  const scaler = fitMinMax(values);
  const windows = slidingWindows(transform(scaler, values), config.lookback, config.horizon);
  const model = buildLstm(config);
  try {
    const result = await trainModel(model, windows, {
      ...config,
      onEpochEnd: (log) =>
        callbacks.onProgress?.({
          progress: from + ((to - from) * log.epoch) / config.epochs,
          phase,
          epoch: log.epoch,
          epochs: config.epochs,
          loss: log.loss,
          valLoss: log.valLoss,
        }),
      shouldCancel: callbacks.shouldCancel,
    });
    return { ...result, model, scaler };
  } catch (error) {
    disposeModel(model);
    throw error;
  }
}

/** The `horizon` steps right after `values`, from their last `lookback` points. */
async function forecastAfter(fitted: FittedForecaster, values: number[], lookback: number): Promise<number[]> {
  const input = lastWindow(transform(fitted.scaler, values), lookback);
  return inverseTransform(fitted.scaler, await predictWindows(fitted.model, input, 1, lookback));
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
  const season = seasonLength(data.frequency);
  const split = points - horizon;
  const trainValues = data.v.slice(0, split);
  const testActual = data.v.slice(split);

  // 1. Evaluate: train on everything before the test window, forecast it, score both models.
  const evaluation = await fitForecaster(trainValues, config, 'evaluate', callbacks);
  let lstmTest: number[];
  try {
    lstmTest = await forecastAfter(evaluation, trainValues, lookback);
  } finally {
    disposeModel(evaluation.model);
  }
  const naiveTest = seasonalNaive(trainValues, horizon, season);

  // 2. Refit on all data for as many epochs as early stopping chose, then forecast the future.
  // No validation split here: the most recent windows are the ones that matter most now.
  const refitConfig = { ...config, epochs: Math.max(1, evaluation.bestEpoch), validationSplit: 0 };
  const refit = await fitForecaster(data.v, refitConfig, 'refit', callbacks);
  let lstmFuture: number[];
  let model: ForecastResult['model'];
  try {
    lstmFuture = await forecastAfter(refit, data.v, lookback);
    model = await saveModel(refit.model, { lookback, horizon, frequency: data.frequency, scaler: refit.scaler });
  } finally {
    disposeModel(refit.model);
  }

  return {
    backend,
    config,
    durationMs: Math.round(performance.now() - started),
    metrics: {
      lstm: computeMetrics(testActual, lstmTest, trainValues, season),
      seasonalNaive: computeMetrics(testActual, naiveTest, trainValues, season),
    },
    test: { t: data.t.slice(split), actual: testActual, forecasts: { lstm: lstmTest, seasonalNaive: naiveTest } },
    future: {
      t: nextTimestamps(data.t, data.frequency, horizon),
      forecasts: { lstm: lstmFuture, seasonalNaive: seasonalNaive(data.v, horizon, season) },
    },
    history: evaluation.history,
    summary: {
      points,
      trainStart: data.t[0],
      trainEnd: data.t[split - 1],
      testStart: data.t[split],
      testEnd: data.t[points - 1],
    },
    model,
  };
}
