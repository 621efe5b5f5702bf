// One forecast run: a rolling-origin backtest of every model — the LSTMs (the global one when the
// config asks for it and the dataset has related series), the classical comparators and the
// baselines — (its last window is the held-out test window), prediction
// intervals calibrated on the backtest errors, a verdict and a champion, then every model refit on
// all data forecasts the future. Callers (worker, CLI, tests) plug in progress and cancellation
// through RunCallbacks.
import { initBackend } from './backend';
import { backtestOrigins, runBacktest, scoreBacktest, scoredPart, type ModelFitter } from './backtest';
import { BASELINES, baselineFitter } from './baselines';
import { chooseChampion } from './champion';
import { classicalFitter } from './classical';
import { modelEntry, perModel } from './compared-models';
import { assertLongEnough, backtestWindowsFor, minimumPoints, resolveConfig } from './config';
import { compatibleRelated, GlobalLstmRun, type RelatedSeries } from './global';
import { HybridLstmRun } from './hybrid';
import { computeMetrics } from './metrics';
import { predictionIntervals } from './intervals';
import { lstmForecastFrom, LstmRun } from './lstm-forecaster';
import { saveModel } from './saved-model';
import { observedFitter, sharedProgress } from './run-observers';
import { resolveSeason } from './season';
import { nestedChampion, selectionWindowsFor } from './selection/nested-champion';
import { assertValidSeries } from './series';
import { nextTimestamps } from './time-steps';
import type {
  BacktestResult,
  ComparedModel,
  ForecastConfig,
  ForecastResult,
  GlobalLstmInfo,
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
}

/** Why a run asked for the global LSTM did not train one. */
function globalLstmSkipped(related: readonly RelatedSeries[], leftOut: string | undefined): GlobalLstmInfo {
  const note =
    related.length === 0
      ? 'The global LSTM was not trained: the dataset has no other series to learn from.'
      : `The global LSTM was not trained: none of the ${related.length} related series can be pooled with this one. ${leftOut ?? ''}`.trim();
  return { trained: false, series: 1, related: [], windows: [], note };
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
  const fits = allOrigins.length;
  // Detected (when the frequency has no cycle) only from what the first window may see.
  const season = resolveSeason(data.frequency, data.v.slice(0, allOrigins[0]));
  const split = allOrigins.at(-1)!;
  const trainValues = data.v.slice(0, split);
  const testActual = data.v.slice(split);

  const related = context.related ?? [];
  const pooled = compatibleRelated(data.frequency, related);
  const trainGlobal = config.globalLstm && pooled.usable.length > 0;
  const optional: OptionalModel[] = trainGlobal ? ['lstmGlobal'] : [];
  const lstms: LstmFamilyName[] = ['lstm', 'lstmHybrid', ...optional];
  const progress = sharedProgress(callbacks, lstms);
  const lstm = new LstmRun(config, fits, progress('lstm'), {
    t: data.t,
    frequency: data.frequency,
    seasonLength: season.length,
  });
  const hybrid = new HybridLstmRun(config, fits, { t: data.t, frequency: data.frequency, season }, progress('lstmHybrid'));
  const globalRun = trainGlobal
    ? new GlobalLstmRun(config, fits, { t: data.t, frequency: data.frequency }, related, progress('lstmGlobal'))
    : undefined;
  const classical = { horizon, frequency: data.frequency, season };
  const fitMs = perModel(() => 0, optional);
  const addMs = (model: ComparedModel, ms: number) => (fitMs[model] = (fitMs[model] ?? 0) + ms);
  const notes: Partial<Record<ComparedModel, string>> = {};
  const time = async <T>(model: ComparedModel, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await work();
    addMs(model, performance.now() - started);
    return value;
  };
  try {
    // 1. Backtest: every model refit per window on the values before its origin.
    const fitters = perModel<ModelFitter>((m) => {
      const fitter =
        m === 'lstm'
          ? lstm.fitter
          : m === 'lstmHybrid'
            ? hybrid.fitter
            : m === 'lstmGlobal'
              ? globalRun!.fitter
              : m === 'mstl' || m === 'ets' || m === 'autoArima'
                ? classicalFitter(m, classical)
                : baselineFitter(m, horizon, season.length);
      return observedFitter(fitter, (ms) => addMs(m, ms), (note) => (notes[m] = note));
    }, optional);
    // The backtest keys its records by the fitters it is given: exactly this run's models.
    const fullRun = await runBacktest(data.v, horizon, allOrigins, season.length, fitters as Record<ComparedModel, ModelFitter>);
    const run = scoredPart(fullRun, selectionWindows);
    const scores = scoreBacktest(run);
    const history = lstm.history; // of the last window's fit: the one scored on the test window
    const test = run.windows.at(-1)!;

    // 2. Refit on all data, then forecast the future with every model.
    const values = Float64Array.from(data.v);
    const refit = await time('lstm', () => lstm.refit(data.v));
    const future = {} as ModelRecord<number[]>;
    future.lstm = (await time('lstm', () => lstmForecastFrom(refit, data.v, [points], lookback)))[0];
    future.lstmHybrid = await time('lstmHybrid', () => hybrid.future(values));
    if (globalRun) future.lstmGlobal = await time('lstmGlobal', () => globalRun.future(data.v));
    for (const m of ['mstl', 'ets', 'autoArima'] as const) {
      future[m] = await time(m, async () => {
        const fitted = await classicalFitter(m, classical)(values, { index: fits, count: fits, origin: points });
        if (fitted.note) notes[m] = fitted.note;
        return (await fitted.forecastFrom(values, [points]))[0];
      });
    }
    for (const m of ['naive', 'seasonalNaive', 'drift'] as const) {
      future[m] = await time(m, async () => BASELINES[m](data.v, horizon, season.length));
    }
    const model = await saveModel(refit.model, {
      lookback,
      horizon,
      frequency: data.frequency,
      scaler: refit.scaler,
      relativeToLastInput: true,
      encoding: refit.encoding,
    });

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
      lstmPreprocessing: lstm.preprocessing,
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
        globalLstm: globalRun
          ? {
              trained: true,
              series: globalRun.seriesCount,
              related: globalRun.related.map((s) => s.name),
              windows: globalRun.latest?.perSeries ?? [],
              ...(globalRun.leftOut && { note: globalRun.leftOut }),
            }
          : globalLstmSkipped(related, pooled.leftOut),
      }),
      intervals,
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
    lstm.dispose();
    hybrid.dispose();
    globalRun?.dispose();
  }
}
