// One forecast run: a rolling-origin backtest of every registered model (lib/forecast/registry:
// the LSTMs, the classical comparators and the baselines; optional ones such as the global LSTM
// when the config asks and the run can) — its last window is the held-out test window —,
// prediction intervals calibrated on the backtest errors, a verdict and a champion, then every
// model refit on all data forecasts the future. The loop never names a model; only the run's
// extras come from specific ones (the LSTM's saved model and history, the global LSTM's pool).
// Callers (worker, CLI, tests) plug in progress and cancellation through RunCallbacks.
import { initBackend } from './backend';
import { backtestOrigins, runBacktest, scoreBacktest, scoredPart, type ModelFitter } from './backtest';
import { chooseChampion } from './champion';
import { covariateEffect } from './covariate-effect';
import { covariateBlock, holidayMarkers } from './covariates';
import { COMPARED_MODELS, modelEntry, modelInfo, perModel } from './compared-models';
import {
  assertLongEnough,
  backtestWindowsFor,
  lstmFits,
  lstmSkippedNote,
  minimumClassicalPoints,
  minimumPoints,
  resolveConfig,
} from './config';
import type { RelatedSeries } from './global';
import { predictionIntervals } from './intervals';
import { MODEL_REGISTRY, type ModelContext, type ModelRun } from './registry';
import type { LstmModelRun } from './registry/lstm';
import { globalLstmSkipped, type GlobalLstmModelRun } from './registry/lstm-global';
import { observedFitter, sharedProgress } from './run-observers';
import { resolveSeason } from './season';
import { nestedChampion, selectionWindowsFor } from './selection/nested-champion';
import { assertValidSeries } from './series';
import { nextTimestamps } from './time-steps';
import type {
  BacktestResult,
  ComparedModel,
  CovariateSeries,
  ForecastConfig,
  ForecastResult,
  LstmFamilyName,
  ModelIntervals,
  ModelRecord,
  OptionalModel,
  RunCallbacks,
  SeriesData,
} from './types';
import { decideVerdict, skillScore } from './verdict';

/** What a run knows besides its own series. */
export interface RunContext {
  /**
   * The other series of the target's dataset: the global LSTM (config.globalLstm) pools those of
   * the same frequency. Each backtest window cuts them at its own start.
   */
  related?: readonly RelatedSeries[];
  /** The series named in config.covariates, in that order (past-only ones are cut at each origin). */
  covariates?: readonly CovariateSeries[];
}

export async function runForecast(
  data: SeriesData,
  partial: Partial<ForecastConfig> = {},
  callbacks: RunCallbacks = {},
  context: RunContext = {},
): Promise<ForecastResult> {
  const started = performance.now();
  assertValidSeries(data);
  const points = data.v.length;
  const config = resolveConfig(partial, { frequency: data.frequency, points });
  assertLongEnough(points, config);
  const backend = await initBackend();

  const { horizon, lookback } = config;
  const windowCount = backtestWindowsFor(points, config);
  // Earlier windows the backtest adds, where the series is long enough, only to choose the
  // champion on (honest selection): the scored windows are the last `windowCount`.
  const selectionWindows = selectionWindowsFor(points, config, windowCount);
  const allOrigins = backtestOrigins(points, horizon, windowCount + selectionWindows);
  // Detected (when the frequency has no cycle) only from what the first window may see.
  const season = resolveSeason(data.frequency, data.v.slice(0, allOrigins[0]));
  const split = allOrigins.at(-1)!;
  const futureT = nextTimestamps(data.t, data.frequency, horizon);
  // Covariates and holidays (issue 22); throws when a known-future covariate misses a forecast step.
  const covariates = covariateBlock(data, futureT, config, context.covariates ?? []);
  // A covariate is an input, not a series to learn the target's dynamics from.
  const covariateNames = new Set((context.covariates ?? []).map((c) => c.name));
  const related = (context.related ?? []).filter((s) => !covariateNames.has(s.name));

  // The run's models: every registered one, optional ones only when wanted and possible.
  // A model's backtest fits: the selection windows' and the scored ones'.
  const modelContext: Omit<ModelContext, 'callbacks'> = {
    data,
    config,
    season,
    windowCount: allOrigins.length,
    related,
    ...(covariates && { covariates }),
  };
  const models = COMPARED_MODELS.filter(
    (m) => !modelInfo(m).optional || (MODEL_REGISTRY[m].wanted?.({ ...modelContext, callbacks }) ?? false),
  );
  const optional = models.filter((m): m is OptionalModel => modelInfo(m).optional);
  // The LSTMs' progress bars merge into the run's one.
  const progress = sharedProgress(
    callbacks,
    models.filter((m): m is LstmFamilyName => modelInfo(m).family === 'lstm'),
  );
  const fitMs = perModel(() => 0, optional);
  const addMs = (model: ComparedModel, ms: number) => (fitMs[model] = (fitMs[model] ?? 0) + ms);
  const notes: Partial<Record<ComparedModel, string>> = {};
  const runs: Partial<Record<ComparedModel, ModelRun>> = {};
  const runOf = (m: ComparedModel) => modelEntry(runs, m);
  try {
    for (const m of models) {
      const modelCallbacks =
        modelInfo(m).family === 'lstm' ? progress(m as LstmFamilyName) : { shouldCancel: callbacks.shouldCancel };
      runs[m] = MODEL_REGISTRY[m].create({ ...modelContext, callbacks: modelCallbacks });
    }
    // Absent when the series is too short for the LSTMs (lstmSkipped says so).
    const lstm = runs.lstm as LstmModelRun | undefined;

    // 1. Backtest: every model refit per window on the values before its origin.
    const fitters = perModel<ModelFitter>(
      (m) =>
        observedFitter(
          runOf(m).fit,
          (ms) => addMs(m, ms),
          (note) => (notes[m] = note),
        ),
      optional,
    );
    // The backtest keys its records by the fitters it is given: exactly this run's models.
    const fullRun = await runBacktest(
      data.v,
      horizon,
      allOrigins,
      season.length,
      fitters as Record<ComparedModel, ModelFitter>,
    );
    const run = scoredPart(fullRun, selectionWindows);
    const scores = scoreBacktest(run);
    const history = lstm?.history ?? []; // of the last window's fit: the one scored on the test window

    // What the covariates and holidays did: the best LSTM again without them, on the same windows.
    const lstms = models.filter((m): m is LstmFamilyName => modelInfo(m).family === 'lstm');
    const bestLstm = lstms
      .filter((m) => Number.isFinite(scores.metrics[m]?.mase) || Number.isFinite(scores.metrics[m]?.mae))
      .sort((a, b) => errorOf(scores.metrics[a]!) - errorOf(scores.metrics[b]!))[0];
    const effect =
      covariates && bestLstm
        ? await covariateEffect(
            bestLstm,
            { ...modelContext, covariates, callbacks: { shouldCancel: callbacks.shouldCancel } },
            allOrigins,
            selectionWindows,
            scores.metrics[bestLstm]!,
          )
        : undefined;
    if (covariates) {
      for (const m of models) {
        if (MODEL_REGISTRY[m].readsCovariates) continue;
        if (modelInfo(m).family === 'baseline') continue;
        const ignores = `${modelInfo(m).label} ignores the covariates and holidays.`;
        notes[m] = notes[m] ? `${notes[m]} ${ignores}` : ignores;
      }
    }

    // 2. Refit on all data, then forecast the future with every model.
    const values = Float64Array.from(data.v);
    const future = {} as ModelRecord<number[]>;
    for (const m of models) {
      const from = performance.now();
      const { forecast, note } = await runOf(m).future(values);
      addMs(m, performance.now() - from);
      if (note) notes[m] = note;
      future[m] = forecast;
    }
    const model = await lstm?.savedModel();
    const lstmSkipped = lstmSkippedNote(points, config);

    // Counts, prices and loads: a series never below 0 gets bounds clipped at 0.
    const intervalOptions = { nonNegative: data.v.every((v) => v >= 0) };
    const intervals = perModel<ModelIntervals>(
      (m) =>
        predictionIntervals(
          run.residuals[m],
          run.windows.map((w) => ({ origin: w.origin, actual: w.actual, forecast: w.forecasts[m], scale: w.scale })),
          modelEntry(future, m),
          intervalOptions,
        ),
      optional,
    );
    const windowsNeed = lstmFits(points, config)
      ? `${minimumPoints(config, config.backtestWindows)} points with lookback ${lookback}`
      : `${minimumClassicalPoints(horizon, config.backtestWindows)} points`;
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
          `${windowsNeed}; this series has ${points}.`,
      }),
    };

    return {
      backend,
      config,
      durationMs: Math.round(performance.now() - started),
      futureT,
      history,
      summary: {
        points,
        trainStart: data.t[0],
        trainEnd: data.t[split - 1],
        testStart: data.t[split],
        testEnd: data.t[points - 1],
      },
      ...(model && { model }),
      ...(lstmSkipped && { lstmSkipped }),
      ...(lstm?.preprocessing && { lstmPreprocessing: lstm.preprocessing }),
      season,
      models: perModel(
        (m) => ({
          metrics: scores.metrics[m],
          future: modelEntry(future, m),
          fitMs: Math.round(modelEntry(fitMs, m)),
          ...(notes[m] && { note: notes[m] }),
        }),
        optional,
      ),
      backtest,
      ...(config.globalLstm && {
        globalLstm: runs.lstmGlobal ? (runs.lstmGlobal as GlobalLstmModelRun).info() : globalLstmSkipped(modelContext),
      }),
      intervals,
      ...(effect && { covariateEffect: effect }),
      ...(config.holidays && {
        holidays: { calendar: config.holidays, dates: holidayMarkers(config.holidays, data.t, futureT, data.timeZone) },
      }),
      skill: skillScore(scores.metrics),
      verdict: decideVerdict(scores.metrics, windowCount),
      champion: chooseChampion({
        run,
        metrics: scores.metrics,
        future,
        intervals,
        nested: nestedChampion(fullRun, selectionWindows),
        intervalOptions,
      }),
    };
  } finally {
    for (const m of models) runs[m]?.dispose();
  }
}

/** MASE, or MAE when the series has no MASE scale: how the best LSTM is picked. */
function errorOf(metrics: { mase: number; mae: number }): number {
  return Number.isFinite(metrics.mase) ? metrics.mase : metrics.mae;
}
