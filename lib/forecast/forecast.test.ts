import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { initBackend, loadTfjsNode, requestedBackend } from './backend';
import { backtestOrigins } from './backtest';
import { POOL_MARGIN } from './champion';
import { drift, naive, seasonalNaive } from './baselines';
import { COMPARED_MODELS, modelsOfFamily } from './compared-models';
import { minimumPoints } from './config';
import { CancelledError, InvalidConfigError, SeriesTooShortError } from './errors';
import { runForecast } from './forecast';
import { createRng } from './random';
import { forecastWithSavedModel, savedModelMetadata } from './saved-model';
import { syntheticSeries } from './synthetic';
import type { ForecastConfig, ForecastResult, SeriesData, TrainProgress } from './types';

// Tiny on purpose: these tests check the pipeline's wiring, not forecast quality.
// Three scored windows (the default is five) plus the earlier one the champion is chosen on.
// No hyperparameter search (lib/forecast/search tests it) and one seed (the default seed ensemble of a
// short series would multiply every test's training).
const tiny: Partial<ForecastConfig> = { epochs: 4, units: 8, backtestWindows: 3, search: 'off', seeds: 1 };
const DAY = 86_400_000;
const series = syntheticSeries({ points: 150, frequency: 'daily' });
const PHASE_ORDER: TrainProgress['phase'][] = ['backtest', 'evaluate', 'refit'];
// Without related series (and without config.globalLstm) a run fits every model but the global LSTM.
const MODELS = COMPARED_MODELS.filter((m) => m !== 'lstmGlobal');

// Every run trains two LSTMs and fits three classical models per window: on a busy 2-core machine
// that takes longer than the default limit, which is a hang detector here, not a speed target.
vi.setConfig({ testTimeout: 300_000 });

function randomWalk(points: number, seed: number): SeriesData {
  const rng = createRng(seed);
  let level = 100;
  const { t } = syntheticSeries({ points, frequency: 'daily' });
  return { t, frequency: 'daily', v: t.map(() => (level += 2 * rng() - 1)) };
}

beforeAll(async () => {
  await initBackend();
});

// runForecast(series, tiny) is deterministic (seeded), and seven tests below read the same run: it
// trains once, on first use, with the progress it reported recorded beside it. Runs with other
// inputs or callbacks (cancellation, tensors, other series and configs) still train on their own.
let tinyRun: Promise<{ result: ForecastResult; seen: TrainProgress[] }> | undefined;
function runSeriesTiny(): Promise<{ result: ForecastResult; seen: TrainProgress[] }> {
  tinyRun ??= (async () => {
    const seen: TrainProgress[] = [];
    const result = await runForecast(series, tiny, { onProgress: (p) => void seen.push(p) });
    return { result, seen };
  })();
  return tinyRun;
}

describe('runForecast', () => {
  it('scores every model on the held-out window and forecasts the future', async () => {
    const { result } = await runSeriesTiny();
    const { horizon } = result.config;
    expect(result.config).toMatchObject({ ...tiny, horizon: 7, lookback: 14 });
    expect(result.backend).toBe(requestedBackend() ?? (loadTfjsNode() ? 'tensorflow' : 'wasm'));
    expect(result.backend).toBe(tf.getBackend());

    const test = result.backtest.windows.at(-1)!;
    expect(test.t).toEqual(series.t.slice(-horizon));
    expect(test.actual).toEqual(series.v.slice(-horizon));
    expect(test.forecasts.lstm).toHaveLength(horizon);
    expect(test.forecasts.seasonalNaive).toEqual(series.v.slice(-2 * horizon, -horizon));

    expect(result.futureT).toEqual(Array.from({ length: horizon }, (_, i) => series.t.at(-1)! + (i + 1) * DAY));
    for (const model of MODELS) {
      expect(result.models[model]!.future).toHaveLength(horizon);
      for (const value of [...test.forecasts[model]!, ...result.models[model]!.future])
        expect(Number.isFinite(value)).toBe(true);
      const { mae, rmse, mase } = test.metrics[model]!;
      for (const value of [mae, rmse, mase]) expect(Number.isFinite(value)).toBe(true);
    }
    expect(result.models.seasonalNaive.future).toEqual(series.v.slice(-horizon));
    expect(result.history.length).toBeGreaterThanOrEqual(1);
    expect(result.history.length).toBeLessThanOrEqual(4);
    expect(result.history[0]).toEqual({ epoch: 1, loss: expect.any(Number), valLoss: expect.any(Number) });
    expect(result.summary).toEqual({
      points: 150,
      trainStart: series.t[0],
      trainEnd: series.t[150 - horizon - 1],
      testStart: series.t[150 - horizon],
      testEnd: series.t[149],
    });
    expect(result.durationMs).toBeGreaterThan(0);
  });

  it('saves the refit model so that loading it reproduces the future forecast', async () => {
    const { result } = await runSeriesTiny();
    expect(savedModelMetadata(result.model!)).toMatchObject({ lookback: 14, horizon: 7, relativeToLastInput: true });
    const forecast = await forecastWithSavedModel(result.model!, series.v, series.t);
    forecast.forEach((value, i) => expect(value).toBeCloseTo(result.models.lstm!.future[i], 4));
  });

  it('never lets the test window reach the evaluation model (no leakage)', async () => {
    const shifted = { ...series, v: series.v.map((v, i) => (i >= 150 - 7 ? v + 100 : v)) };
    const [{ result: original }, changed] = [await runSeriesTiny(), await runForecast(shifted, tiny)];
    // Same scaler, windows and training: identical test forecasts and history.
    expect(changed.backtest.windows.at(-1)!.forecasts).toEqual(original.backtest.windows.at(-1)!.forecasts);
    expect(changed.history).toEqual(original.history);
    // The refit does see all data, so the change must show there.
    expect(changed.models.lstm!.future).not.toEqual(original.models.lstm!.future);
  });

  it('reports progress that only grows: backtest windows, then evaluate (the last window), then refit', async () => {
    const { result, seen } = await runSeriesTiny();
    const progress = seen.map((p) => p.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    // Each LSTM goes through the phases in order; the two train at once (the hybrid on a thread
    // of its own), so their reports interleave.
    for (const model of ['lstm', 'lstmHybrid']) {
      const phases = seen.filter((p) => p.model === model).map((p) => p.phase);
      expect(phases).toEqual([...phases].sort((a, b) => PHASE_ORDER.indexOf(a) - PHASE_ORDER.indexOf(b)));
      expect(new Set(phases)).toEqual(new Set(PHASE_ORDER));
    }
    // The first fit is the window only chosen on (honest selection), then the three scored ones.
    expect(new Set(seen.filter((p) => p.phase !== 'refit').map((p) => `${p.window}/${p.windows}`))).toEqual(
      new Set(['1/4', '2/4', '3/4', '4/4']),
    );
    expect(seen.filter((p) => p.phase === 'evaluate').every((p) => p.window === 4)).toBe(true);
    // Both LSTMs report, each naming itself; the run's progress is their average.
    expect(new Set(seen.map((p) => p.model))).toEqual(new Set(['lstm', 'lstmHybrid']));
    // The plain LSTM's evaluate phase is the fit behind `history`, as the worker's live history assumes.
    const evaluate = seen.filter((p) => p.phase === 'evaluate' && p.model === 'lstm');
    expect(evaluate.map((p) => p.loss)).toEqual(result.history.map((h) => h.loss));
    // The first window trains in full; later fits are warm-started fine-tunes with half the epochs.
    expect(seen.find((p) => p.window === 1)!.epochs).toBe(4);
    expect(seen.find((p) => p.window === 2)!.epochs).toBe(2);
    // Epochs still planned (for the time estimate): both LSTMs' remaining fits, none after the last epoch.
    expect(seen.every((p) => Number.isInteger(p.remainingEpochs) && p.remainingEpochs! >= 0)).toBe(true);
    // Before the first epoch ends, each LSTM plans its first fit (4 epochs, maybe twice for two transform
    // contenders) plus 4 fine-tunes of 2 epochs (three windows and the refit): at least 11 more.
    expect(seen[0].remainingEpochs).toBeGreaterThanOrEqual(2 * 11);
    expect(seen.at(-1)!.remainingEpochs).toBe(0);
    const half = seen.findIndex((p) => p.progress >= 0.5);
    expect(seen[half].remainingEpochs!).toBeLessThan(seen[0].remainingEpochs!);
  });

  it('stops with CancelledError when shouldCancel turns true, waiting for async callbacks', async () => {
    const before = tf.memory().numTensors;
    let epochs = 0;
    await expect(
      runForecast(series, tiny, {
        onProgress: async () => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          epochs++;
        },
        shouldCancel: async () => epochs >= 2,
      }),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(epochs).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('cancels during the refit as well', async () => {
    const before = tf.memory().numTensors;
    let refitEpochs = 0;
    await expect(
      runForecast(series, tiny, {
        onProgress: (p) => void (p.phase === 'refit' && refitEpochs++),
        shouldCancel: () => refitEpochs >= 1,
      }),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves the number of tensors unchanged', async () => {
    const before = tf.memory().numTensors;
    await runForecast(series, { ...tiny, epochs: 2 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('forecasts a constant series without dividing by zero', async () => {
    const flat = { ...series, v: series.v.map(() => 5) };
    const result = await runForecast(flat, { ...tiny, epochs: 2 });
    const test = result.backtest.windows.at(-1)!;
    for (const value of [...test.forecasts.lstm!, ...result.models.lstm!.future]) {
      expect(Number.isFinite(value)).toBe(true);
    }
    expect(test.metrics.seasonalNaive.mae).toBe(0);
    // No scale for MASE on a constant training part.
    expect(test.metrics.seasonalNaive.mase).toBeNaN();
  });

  it('refuses, before fitting anything, a series too short for even the classical models', async () => {
    const short = syntheticSeries({ points: 20, frequency: 'daily' });
    await expect(runForecast(short, { lookback: 28, horizon: 14 })).rejects.toThrow(SeriesTooShortError);
    await expect(runForecast(short, { lookback: 28, horizon: 14 })).rejects.toThrow(
      /This series has 20 points; horizon 14 needs at least 22/,
    );
  });

  it('compares the classical models and baselines, with a note, on a series too short for the LSTMs', async () => {
    // 15 yearly points with horizon 3: the LSTMs would need lookback 2 + 2 x 3 + 9 = 17.
    const { t } = syntheticSeries({ points: 15, frequency: 'yearly' });
    const short: SeriesData = { t, frequency: 'yearly', v: t.map((_, i) => 100 + 3 * i + (i % 3)) };
    const tensors = tf.memory().numTensors;
    const result = await runForecast(short, { ...tiny, horizon: 3, lookback: 2 });
    expect(Object.keys(result.models).sort()).toEqual(
      ['autoArima', 'drift', 'ets', 'mstl', 'naive', 'seasonalNaive', 'theta'].sort(),
    );
    expect(result.lstmSkipped).toMatch(
      /^The LSTMs were not trained: lookback 2 \+ horizon 3 needs at least 17 points .*this series has 15\./,
    );
    expect(result.model).toBeUndefined();
    expect(result.history).toEqual([]);
    expect(result.skill).toBeNaN();
    expect(result.champion.lstmFamily).toBeUndefined();
    expect(result.verdict.summary).toMatch(/^No LSTM was trained \(the series is too short for it\)\. /);
    // The classical windows: 2 of 3 fit (8 + 2 x 3 = 14 points).
    expect(result.backtest.windows).toHaveLength(2);
    for (const m of Object.keys(result.models) as (keyof typeof result.models)[]) {
      expect(result.models[m]!.future).toHaveLength(3);
      expect(result.models[m]!.future.every(Number.isFinite)).toBe(true);
    }
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('compares only the models config.models picks, always with seasonal naive', async () => {
    const result = await runForecast(series, { ...tiny, models: ['naive', 'mstl'] });
    const picked = ['mstl', 'naive', 'seasonalNaive'];
    expect(result.config.models).toEqual(['mstl', 'naive', 'seasonalNaive']);
    expect(Object.keys(result.models).sort()).toEqual(picked);
    expect(Object.keys(result.backtest.metrics).sort()).toEqual(picked);
    expect(Object.keys(result.intervals).sort()).toEqual(picked);
    for (const window of result.backtest.windows) expect(Object.keys(window.forecasts).sort()).toEqual(picked);
    // No LSTM trained, and not because the series is short.
    expect(result.model).toBeUndefined();
    expect(result.lstmSkipped).toBeUndefined();
    expect(result.verdict.summary).toMatch(/^No LSTM was trained \(it was left out of this run\)\. /);
    expect(result.verdict.summary).not.toMatch(/drift/);
    expect([...picked, 'ensemble']).toContain(result.champion.model);
    for (const m of result.champion.members) expect(picked).toContain(m);
  });

  it('refuses invalid configs and series, saying what is wrong', async () => {
    await expect(runForecast(series, { epochs: 0 })).rejects.toThrow(InvalidConfigError);
    const withNaN = { ...series, v: series.v.map((v, i) => (i === 3 ? NaN : v)) };
    await expect(runForecast(withNaN, tiny)).rejects.toThrow('Value 4 of the series is NaN');
    const unordered = { ...series, t: series.t.map((t, i) => (i === 10 ? series.t[9] : t)) };
    await expect(runForecast(unordered, tiny)).rejects.toThrow('Timestamp 11');
    const missingValue = { ...series, v: series.v.slice(1) };
    await expect(runForecast(missingValue, tiny)).rejects.toThrow('150 timestamps but 149 values');
  });
});

describe('runForecast backtest, intervals and verdict', () => {
  it('backtests every model on rolling windows whose last one is the test window', async () => {
    const { result } = await runSeriesTiny();
    const { backtest } = result;
    const origins = backtestOrigins(150, 7, 3);
    expect(backtest.requestedWindows).toBe(3);
    expect(backtest.note).toBeUndefined();
    expect(backtest.windows.map((w) => w.origin)).toEqual(origins);

    for (const w of backtest.windows) {
      const before = series.v.slice(0, w.origin);
      expect(w.t).toEqual(series.t.slice(w.origin, w.origin + 7));
      expect(w.actual).toEqual(series.v.slice(w.origin, w.origin + 7));
      expect(w.forecasts.naive).toEqual(naive(before, 7));
      expect(w.forecasts.seasonalNaive).toEqual(seasonalNaive(before, 7, 7));
      expect(w.forecasts.drift).toEqual(drift(before, 7));
      for (const model of ['lstm', 'lstmHybrid', 'mstl', 'ets', 'autoArima', 'theta'] as const) {
        expect(w.forecasts[model]).toHaveLength(7);
        expect(w.forecasts[model]!.every(Number.isFinite)).toBe(true);
      }
    }
    expect(Object.keys(result.models).sort()).toEqual([...MODELS].sort());
    expect(result.models.seasonalNaive.future).toEqual(seasonalNaive(series.v, 7, 7));
    expect(result.models.naive!.future).toEqual(naive(series.v, 7));
    expect(result.models.drift!.future).toEqual(drift(series.v, 7));
    for (const model of MODELS) {
      expect(result.models[model]!.metrics).toEqual(backtest.metrics[model]);
      expect(backtest.byStep[model]).toHaveLength(7);
    }
    expect(result.season).toEqual({ length: 7, source: 'frequency' });
    // Fit time is recorded for every model that fits something.
    for (const model of ['lstm', 'lstmHybrid', 'mstl', 'ets', 'autoArima', 'theta'] as const) {
      expect(result.models[model]!.fitMs).toBeGreaterThan(0);
    }
  });

  it('names as champion the models within 20% of the best, and the best LSTM beside it', async () => {
    const { result } = await runSeriesTiny();
    const { champion, models } = result;
    const bestSingle = Math.min(...MODELS.map((m) => models[m]!.metrics.mase));
    const pool = MODELS.filter((m) => models[m]!.metrics.mase <= bestSingle * (1 + POOL_MARGIN));
    expect([...champion.members].sort()).toEqual([...pool].sort());
    // An average is never further from the actual values than its members are on average.
    expect(champion.metrics.mase).toBeLessThanOrEqual(bestSingle * (1 + POOL_MARGIN));
    expect(champion.reason.length).toBeGreaterThan(20);
    expect(champion.future).toHaveLength(7);
    if (champion.model === 'ensemble') {
      expect(champion.members.length).toBeGreaterThanOrEqual(2);
      champion.future.forEach((f, i) => {
        const mean = champion.members.reduce((sum, m) => sum + models[m]!.future[i], 0) / champion.members.length;
        expect(f).toBeCloseTo(mean, 10);
      });
    } else {
      expect(champion.members).toEqual([champion.model]);
      expect(champion.future).toEqual(models[champion.model]!.future);
    }
    // Its reported score comes from nested selection: each of the 3 scored windows forecast by
    // the pick made on the windows before it (the first on the extra, earlier window).
    expect(champion.nested?.selectionWindows).toBe(1);
    expect(champion.nested?.windows.map((w) => w.origin)).toEqual(result.backtest.windows.map((w) => w.origin));
    expect(champion.testMase).toBe(champion.nested?.testMase);
    expect(Number.isFinite(champion.testMase)).toBe(true);
    expect(champion.nested!.bestSingle.mase).toBeCloseTo(bestSingle, 12);
    const family = champion.lstmFamily!.model;
    expect(models[family]!.metrics.mase).toBe(Math.min(models.lstm!.metrics.mase, models.lstmHybrid!.metrics.mase));
  });

  it('puts prediction intervals around each future forecast', async () => {
    const { result } = await runSeriesTiny();
    for (const model of MODELS) {
      const { bands, coverage, coveragePoints, calibrationSize } = result.intervals[model]!;
      const forecast = result.models[model]!.future;
      // 3 windows of 7: each model forecasts from 14 origins per window, the last window from 7; a
      // classical model, fit again at each origin, from 6 of them spread over each window's span.
      const classical = (modelsOfFamily('classical') as readonly string[]).includes(model);
      expect(calibrationSize).toEqual(classical ? [18, 16, 15, 14, 13, 12, 10] : [35, 33, 31, 29, 27, 25, 23]);
      // Signed bounds need not straddle the forecast (a biased model's do not), but they nest,
      // and the median lies between P10 and P90.
      forecast.forEach((_, i) => {
        expect(bands[80].lower[i]!).toBeLessThanOrEqual(bands[80].upper[i]!);
        // 95% needs 19 errors at a step: a classical model's late steps may have fewer (unbounded).
        if (bands[95].lower[i] !== null) {
          expect(bands[95].lower[i]!).toBeLessThanOrEqual(bands[80].lower[i]!);
          expect(bands[95].upper[i]!).toBeGreaterThanOrEqual(bands[80].upper[i]!);
        } else expect(classical && calibrationSize[i] < 19).toBe(true);
        expect(result.intervals[model]!.p50[i]).toBeGreaterThanOrEqual(bands[80].lower[i]!);
        expect(result.intervals[model]!.p50[i]).toBeLessThanOrEqual(bands[80].upper[i]!);
      });
      // The synthetic series is positive: no bound below 0.
      expect(bands[95].lower.every((b) => b === null || b >= 0)).toBe(true);
      expect(coveragePoints[80]).toBe(21);
      expect(result.intervals[model]!.coverageByStep[80]).toHaveLength(7);
      // MSIS scores the 95% interval: a classical model's, calibrated leave-one-window-out on 2 windows
      // of 6 origins, is never bounded on 3 windows (unmeasured, null), the others' are.
      expect(classical ? result.intervals[model]!.msis : Number.isFinite(result.intervals[model]!.msis)).toBe(
        classical ? null : true,
      );
      expect(Number.isFinite(result.intervals[model]!.wql)).toBe(true);
      expect(coverage[80]).toBeGreaterThanOrEqual(0);
      expect(coverage[80]).toBeLessThanOrEqual(1);
    }
  });

  it('keeps every interval bound of a count series at or above 0', async () => {
    // Intermittent counts: mostly 0, so forecast - error quantile would often fall below 0.
    const rng = createRng(7);
    const { t } = syntheticSeries({ points: 80, frequency: 'daily' });
    const counts: SeriesData = { t, frequency: 'daily', v: t.map(() => (rng() < 0.6 ? 0 : Math.floor(rng() * 5))) };
    const result = await runForecast(counts, {
      ...tiny,
      epochs: 2,
      units: 4,
      lookback: 8,
      horizon: 4,
      backtestWindows: 2,
    });
    const bounds = [...Object.values(result.intervals), result.champion.intervals].flatMap((i) =>
      [80, 95].flatMap((level) => [...i!.bands[level as 80 | 95].lower, ...i!.bands[level as 80 | 95].upper]),
    );
    const finite = bounds.filter((b): b is number => b !== null);
    expect(finite.length).toBeGreaterThan(0);
    expect(Math.min(...finite)).toBe(0); // some were clipped, none is below
  });

  it('falls back to fewer backtest windows on a short series and says so', async () => {
    // Asked for explicitly: the defaults ask only for the windows that fit (defaultConfig).
    const config = { ...tiny, lookback: 14, horizon: 7, backtestWindows: 3 };
    const short = syntheticSeries({ points: minimumPoints(config, 2), frequency: 'daily' });
    const result = await runForecast(short, config);
    expect(result.backtest.windows).toHaveLength(2);
    expect(result.backtest.note).toMatch(/^Backtested on 2 of the 3 windows asked for/);
    expect(result.verdict.summary).toContain('2-window backtest');
  });

  it('never lets values after a backtest origin change that window (no leakage)', async () => {
    const origins = backtestOrigins(150, 7, 3);
    const changed = { ...series, v: series.v.map((v, i) => (i >= origins[0] ? v * 2 + 30 : v)) };
    const [{ result: a }, b] = [await runSeriesTiny(), await runForecast(changed, tiny)];
    // Every model, the LSTM included, forecasts the first window the same.
    expect(b.backtest.windows[0].forecasts).toEqual(a.backtest.windows[0].forecasts);
    // Later windows train on the changed values (the LSTM also warm-starts from the first one).
    expect(b.backtest.windows[1].forecasts.lstm).not.toEqual(a.backtest.windows[1].forecasts.lstm);
  });

  it('lets a trained LSTM beat seasonal naive on a trending, noisy seasonal series', async () => {
    // Seasonal naive repeats last week's noise and misses a week of trend; a model that learned
    // the cycle does not. Small enough to train in seconds; seeds 1-5 all win by 14-40%.
    const trending = syntheticSeries({ points: 300, frequency: 'daily', trend: 0.05, noise: 0.5, seed: 2 });
    // These settings, as they are (the search has its own tests in lib/forecast/search).
    const result = await runForecast(trending, { epochs: 20, units: 16, backtestWindows: 2, seed: 2, search: 'off' });
    const { lstm, seasonalNaive: baseline } = result.backtest.metrics;
    expect(lstm!.mase).toBeLessThan(baseline.mase);
    expect(result.verdict.beatsSeasonalNaive).toBe(true);
    expect(result.skill).toBeGreaterThan(0);
    expect(result.skill).toBeCloseTo(1 - lstm!.mase / baseline.mase, 12);
  });

  it('tells the truth on a random walk, where nothing beats naive on average', async () => {
    const result = await runForecast(randomWalk(200, 2), { epochs: 8, units: 8, seed: 2, backtestWindows: 3 });
    const { metrics } = result.backtest;
    // The verdict is the metrics, said plainly.
    expect(result.verdict.beatsNaive).toBe(metrics.lstm!.mase < metrics.naive!.mase);
    expect(result.verdict.beatsSeasonalNaive).toBe(metrics.lstm!.mase < metrics.seasonalNaive.mase);
    expect(result.verdict.beatsDrift).toBe(metrics.lstm!.mase < metrics.drift!.mase);
    const best = MODELS.reduce((a, b) => (metrics[b]!.mase < metrics[a]!.mase ? b : a));
    expect(metrics[result.verdict.bestModel]!.mase).toBe(metrics[best]!.mase);
    // Whichever way this walk's three windows fall, the summary says it.
    expect(result.verdict.summary).toMatch(
      result.verdict.beatsNaive ? /The LSTM beats (every baseline|naive)/ : /but not naive|does not beat any baseline/,
    );
    expect(result.season.source).toBe('frequency');
  });

  it('detects the season of an irregular series from the data before the backtest', async () => {
    const cyclic = {
      ...syntheticSeries({ points: 150, frequency: 'daily', period: 10 }),
      frequency: 'irregular' as const,
    };
    const result = await runForecast(cyclic, { ...tiny, epochs: 2 });
    expect(result.season).toEqual({ length: 10, source: 'detected' });
    const last = result.backtest.windows.at(-1)!;
    expect(last.forecasts.seasonalNaive).toEqual(
      seasonalNaive(cyclic.v.slice(0, last.origin), result.config.horizon, 10),
    );
  });
});
