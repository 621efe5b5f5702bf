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
import type { RelatedSeries, SharedGlobalInput } from './global';
import { predictionIntervals } from './intervals';
import { MODEL_REGISTRY, type ModelContext, type ModelRun } from './registry';
import type { LstmModelRun } from './registry/lstm';
import { globalLstmSkipped, type GlobalLstmModelRun } from './registry/lstm-global';
import { costlierHalf, fitGroupInThread, mergeBacktests, threadsByDefault, type ThreadedGroup } from './parallel';
import { observedFitter, progressWithin, sharedProgress } from './run-observers';
import { searchedPreprocessing, searchLstmConfig } from './search';
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
  /**
   * The run's batch's shared global LSTM (lib/forecast/global/shared-global.ts): lstmGlobal scores
   * its stored forecasts instead of training, and `related` is not read. Or why there are none.
   */
  sharedGlobal?: SharedGlobalInput;
  /** False: the per-series LSTMs (lstm, lstmHybrid) are not trained; default true. */
  perSeriesLstm?: boolean;
  /** The series named in config.covariates, in that order (past-only ones are cut at each origin). */
  covariates?: readonly CovariateSeries[];
  /**
   * Fit the models outside the LSTM family on a worker thread, and the hybrid LSTM on another,
   * while the plain LSTM trains here (default: on unless HORIZON_FORECAST_THREADS=0; see
   * lib/forecast/parallel). Results are the same.
   */
  threads?: boolean;
}

/** LSTMs whose runs yield only forecasts, which train on a worker thread when the run uses threads. */
const THREADED_LSTMS: readonly LstmFamilyName[] = ['lstmHybrid'];

/** Why a run of a large batch has no per-series LSTM (its batch turned them off). */
export const PER_SERIES_LSTMS_OFF =
  'Per-series LSTMs were off for this batch (the default above 20 series): the LSTM family is the global LSTM shared by the batch.';

/**
 * A run's backtest origins, oldest first: the scored windows (`windowCount`, the last one the test
 * window) and, before them where the series is long enough, the windows only the champion is
 * chosen on (honest selection). A batch's shared global LSTM forecasts from exactly these.
 */
export function runOrigins(
  points: number,
  config: ForecastConfig,
): { windowCount: number; selectionWindows: number; origins: number[] } {
  const windowCount = backtestWindowsFor(points, config);
  const selectionWindows = selectionWindowsFor(points, config, windowCount);
  return {
    windowCount,
    selectionWindows,
    origins: backtestOrigins(points, config.horizon, windowCount + selectionWindows),
  };
}

/** Share of a run's progress bar the hyperparameter search fills. */
const SEARCH_PROGRESS_SHARE = 0.2;

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
  const { windowCount, selectionWindows, origins: allOrigins } = runOrigins(points, config);
  // Detected (when the frequency has no cycle) only from what the first window may see.
  const season = resolveSeason(data.frequency, data.v.slice(0, allOrigins[0]));
  const split = allOrigins.at(-1)!;
  const futureT = nextTimestamps(data.t, data.frequency, horizon);
  // Covariates and holidays (issue 22); throws when a known-future covariate misses a forecast step.
  const covariates = covariateBlock(data, futureT, config, context.covariates ?? []);
  // A covariate is an input, not a series to learn the target's dynamics from.
  const covariateNames = new Set((context.covariates ?? []).map((c) => c.name));
  const related = (context.related ?? []).filter((s) => !covariateNames.has(s.name));

  // The run's models: the ones config.models picked (seasonal naive always), optional ones only
  // when wanted and possible. One left out is simply absent from every record of the result.
  // A model's backtest fits: the selection windows' and the scored ones'.
  const modelContext: Omit<ModelContext, 'callbacks'> = {
    data,
    config,
    season,
    windowCount: allOrigins.length,
    origins: allOrigins,
    related: context.sharedGlobal ? [] : related,
    ...(covariates && { covariates }),
    ...(context.sharedGlobal && { sharedGlobal: context.sharedGlobal }),
    ...(context.perSeriesLstm === false && { perSeriesLstm: false }),
  };
  const models = COMPARED_MODELS.filter(
    (m) =>
      config.models.includes(m) &&
      (!modelInfo(m).optional || (MODEL_REGISTRY[m].wanted?.({ ...modelContext, callbacks }) ?? false)),
  );
  const lstmModels = models.filter((m): m is LstmFamilyName => modelInfo(m).family === 'lstm');
  const threads = (context.threads ?? threadsByDefault()) && lstmModels.length > 0;
  // The other models fit on a worker thread meanwhile (a second core), from the search on (a
  // covariate block is revived there, group-thread.ts). When no LSTM trains here (a large batch's
  // run: no per-series LSTMs, the global one read from its batch), every other model of the list
  // goes to the thread and the rest fit here, so the run still uses both cores.
  const threadable = models.filter((m) => modelInfo(m).family !== 'lstm');
  // LSTMs this run trains: not a batch's shared global one, whose forecasts it only reads.
  const trainsHere = lstmModels.some((m) => !(m === 'lstmGlobal' && context.sharedGlobal));
  const threaded = !threads ? [] : trainsHere ? threadable : threadable.length > 1 ? costlierHalf(threadable) : [];
  // The hybrid LSTM trains on a thread of its own (its own tfjs and wasm) once the search has
  // chosen the family's settings, beside the plain LSTM here: the two cost about the same, so a
  // run's LSTM time is about halved on two cores.
  const lstmThreaded: ComparedModel[] = threads ? lstmModels.filter((m) => THREADED_LSTMS.includes(m)) : [];
  const local = models.filter((m) => !threaded.includes(m) && !lstmThreaded.includes(m));
  const group =
    threaded.length > 0
      ? fitGroupInThread({ context: modelContext, origins: allOrigins, models: threaded })
      : undefined;
  // Its result is awaited after the local fits; until then a failure there must not go unhandled.
  group?.result.catch(() => {});
  let lstmGroup: ThreadedGroup | undefined;
  const fitMs = perModel(() => 0, models);
  const addMs = (model: ComparedModel, ms: number) => (fitMs[model] = (fitMs[model] ?? 0) + ms);
  const notes: Partial<Record<ComparedModel, string>> = {};
  const runs: Partial<Record<ComparedModel, ModelRun>> = {};
  const runOf = (m: ComparedModel) => modelEntry(runs, m);
  try {
    // 0. The hyperparameter search, on the first backtest window's training values only: what the
    // LSTM family trains with from here on. None when no LSTM trains in this run (a large batch's
    // run only reads its batch's shared global LSTM): its trials would choose nothing.
    const search =
      config.search === 'auto' && trainsHere
        ? await searchLstmConfig({
            values: data.v.slice(0, allOrigins[0]),
            t: data.t,
            frequency: data.frequency,
            timeZone: data.timeZone,
            seasonLength: season.length,
            config,
            callbacks: progressWithin(callbacks, 0, SEARCH_PROGRESS_SHARE),
          })
        : undefined;
    // A search that could not run (a note says why) leaves the config as it is, 'auto' transform included.
    const lstmContext =
      search && search.trials.length > 0 ? { ...modelContext, config: { ...config, ...search.chosen } } : modelContext;
    // The LSTMs' progress bars merge into the run's one (after the search's share).
    const progress = sharedProgress(
      search ? progressWithin(callbacks, SEARCH_PROGRESS_SHARE, 1) : callbacks,
      lstmModels,
    );
    lstmGroup =
      lstmThreaded.length > 0
        ? fitGroupInThread(
            { context: lstmContext, origins: allOrigins, models: lstmThreaded },
            {
              onProgress: (m, p) => progress(m as LstmFamilyName).onProgress?.(p),
              shouldCancel: callbacks.shouldCancel,
            },
          )
        : undefined;
    lstmGroup?.result.catch(() => {});
    for (const m of local) {
      const isLstm = modelInfo(m).family === 'lstm';
      const modelCallbacks = isLstm ? progress(m as LstmFamilyName) : { shouldCancel: callbacks.shouldCancel };
      runs[m] = MODEL_REGISTRY[m].create({ ...(isLstm ? lstmContext : modelContext), callbacks: modelCallbacks });
    }
    // Absent when the series is too short for the LSTMs (lstmSkipped says so).
    const lstm = runs.lstm as LstmModelRun | undefined;

    // 1. Backtest: every model refit per window on the values before its origin.
    const fitters = Object.fromEntries(
      local.map((m) => [
        m,
        observedFitter(
          runOf(m).fit,
          (ms) => addMs(m, ms),
          (note) => (notes[m] = note),
        ),
      ]),
    ) as Record<ComparedModel, ModelFitter>;
    // The backtest keys its records by the fitters it is given: this thread's models.
    const localRun = await runBacktest(data.v, horizon, allOrigins, season.length, fitters);
    const threadResults = [await group?.result, await lstmGroup?.result].filter((r) => r !== undefined);
    for (const r of threadResults) {
      for (const [m, ms] of Object.entries(r.fitMs) as [ComparedModel, number][]) addMs(m, ms);
      Object.assign(notes, r.notes);
    }
    // Exactly this run's models, in the catalog's order.
    const fullRun = threadResults.reduce((merged, r) => mergeBacktests(merged, r.run, models), localRun);
    const run = scoredPart(fullRun, selectionWindows);
    const scores = scoreBacktest(run);
    const history = lstm?.history ?? []; // of the last window's fit: the one scored on the test window

    // What the covariates and holidays did: the best LSTM again without them, on the same windows.
    const bestLstm = lstmModels
      .filter((m) => MODEL_REGISTRY[m].readsCovariates?.(modelContext))
      .filter((m) => Number.isFinite(scores.metrics[m]?.mase) || Number.isFinite(scores.metrics[m]?.mae))
      .sort((a, b) => errorOf(scores.metrics[a]!) - errorOf(scores.metrics[b]!))[0];
    const effect =
      covariates && bestLstm
        ? await covariateEffect(
            bestLstm,
            { ...lstmContext, covariates, callbacks: { shouldCancel: callbacks.shouldCancel } },
            allOrigins,
            selectionWindows,
            scores.metrics[bestLstm]!,
          )
        : undefined;
    if (covariates) {
      for (const m of models) {
        if (MODEL_REGISTRY[m].readsCovariates?.(modelContext)) continue;
        if (modelInfo(m).family === 'baseline') continue;
        const ignores = `${modelInfo(m).label} ignores the covariates and holidays.`;
        notes[m] = notes[m] ? `${notes[m]} ${ignores}` : ignores;
      }
    }

    // 2. Refit on all data, then forecast the future with every model.
    const values = Float64Array.from(data.v);
    const future = {} as ModelRecord<number[]>;
    for (const r of threadResults) Object.assign(future, r.future);
    for (const m of local) {
      const from = performance.now();
      const { forecast, note } = await runOf(m).future(values);
      addMs(m, performance.now() - from);
      if (note) notes[m] = note;
      future[m] = forecast;
    }
    const model = await lstm?.savedModel();
    const lstmSkipped =
      lstmSkippedNote(points, config) ?? (context.perSeriesLstm === false ? PER_SERIES_LSTMS_OFF : undefined);

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
      models,
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
      ...(lstm?.preprocessing && { lstmPreprocessing: searchedPreprocessing(lstm.preprocessing, search) }),
      ...(search && { search }),
      season,
      models: perModel(
        (m) => ({
          metrics: scores.metrics[m],
          future: modelEntry(future, m),
          fitMs: Math.round(modelEntry(fitMs, m)),
          ...(notes[m] && { note: notes[m] }),
        }),
        models,
      ),
      backtest,
      ...((config.globalLstm || context.sharedGlobal) && {
        globalLstm: runs.lstmGlobal ? (runs.lstmGlobal as GlobalLstmModelRun).info() : globalLstmSkipped(modelContext),
      }),
      intervals,
      ...(effect && { covariateEffect: effect }),
      ...(config.holidays && {
        holidays: { calendar: config.holidays, dates: holidayMarkers(config.holidays, data.t, futureT, data.timeZone) },
      }),
      skill: skillScore(scores.metrics),
      verdict: decideVerdict(
        scores.metrics,
        windowCount,
        config.models.includes('lstm') ? undefined : 'it was left out of this run',
      ),
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
    group?.stop();
    lstmGroup?.stop();
    for (const m of models) runs[m]?.dispose();
  }
}

/** MASE, or MAE when the series has no MASE scale: how the best LSTM is picked. */
function errorOf(metrics: { mase: number; mae: number }): number {
  return Number.isFinite(metrics.mase) ? metrics.mase : metrics.mae;
}
