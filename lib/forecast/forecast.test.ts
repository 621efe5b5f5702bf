import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, loadTfjsNode, requestedBackend } from './backend';
import { CancelledError, InvalidConfigError, SeriesTooShortError } from './errors';
import { runForecast } from './forecast';
import { disposeModel, predictWindows } from './models/lstm';
import { loadSavedModel, savedModelMetadata } from './saved-model';
import { inverseTransform, transform } from './scaling';
import { syntheticSeries } from './synthetic';
import type { ForecastConfig, TrainProgress } from './types';

// Tiny on purpose: these tests check the pipeline's wiring, not forecast quality.
const tiny: Partial<ForecastConfig> = { epochs: 4, units: 8 };
const DAY = 86_400_000;
const series = syntheticSeries({ points: 150, frequency: 'daily' });

beforeAll(async () => {
  await initBackend();
});

describe('runForecast', () => {
  it('scores both models on the held-out window and forecasts the future', async () => {
    const result = await runForecast(series, tiny);
    const { horizon } = result.config;
    expect(result.config).toMatchObject({ ...tiny, horizon: 7, lookback: 14 });
    expect(result.backend).toBe(requestedBackend() ?? (loadTfjsNode() ? 'tensorflow' : 'wasm'));
    expect(result.backend).toBe(tf.getBackend());

    expect(result.test.t).toEqual(series.t.slice(-horizon));
    expect(result.test.actual).toEqual(series.v.slice(-horizon));
    expect(result.test.forecasts.lstm).toHaveLength(horizon);
    expect(result.test.forecasts.seasonalNaive).toEqual(series.v.slice(-2 * horizon, -horizon));

    expect(result.future.t).toEqual(Array.from({ length: horizon }, (_, i) => series.t.at(-1)! + (i + 1) * DAY));
    expect(result.future.forecasts.lstm).toHaveLength(horizon);
    expect(result.future.forecasts.seasonalNaive).toEqual(series.v.slice(-horizon));
    for (const value of [...result.test.forecasts.lstm, ...result.future.forecasts.lstm]) {
      expect(Number.isFinite(value)).toBe(true);
    }

    for (const metrics of Object.values(result.metrics)) {
      for (const value of Object.values(metrics)) expect(Number.isFinite(value)).toBe(true);
    }
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
    const result = await runForecast(series, tiny);
    const { lookback, scaler } = savedModelMetadata(result.model);
    const model = await loadSavedModel(result.model);
    try {
      const input = transform(scaler, series.v.slice(-lookback));
      const forecast = inverseTransform(scaler, await predictWindows(model, input, 1, lookback));
      forecast.forEach((value, i) => expect(value).toBeCloseTo(result.future.forecasts.lstm[i], 4));
    } finally {
      disposeModel(model);
    }
  });

  it('never lets the test window reach the evaluation model (no leakage)', async () => {
    const shifted = { ...series, v: series.v.map((v, i) => (i >= 150 - 7 ? v + 100 : v)) };
    const [original, changed] = [await runForecast(series, tiny), await runForecast(shifted, tiny)];
    // Same scaler, windows and training: identical test forecasts and history.
    expect(changed.test.forecasts).toEqual(original.test.forecasts);
    expect(changed.history).toEqual(original.history);
    // The refit does see all data, so the change must show there.
    expect(changed.future.forecasts.lstm).not.toEqual(original.future.forecasts.lstm);
  });

  it('reports progress that only grows, evaluate up to 0.5 then refit up to 1', async () => {
    const seen: TrainProgress[] = [];
    await runForecast(series, tiny, { onProgress: (p) => void seen.push(p) });
    const progress = seen.map((p) => p.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    const phases = seen.map((p) => p.phase);
    expect(phases.indexOf('refit')).toBe(phases.lastIndexOf('evaluate') + 1);
    for (const p of seen.filter((s) => s.phase === 'evaluate')) expect(p.progress).toBeLessThanOrEqual(0.5);
    for (const p of seen.filter((s) => s.phase === 'refit')) expect(p.progress).toBeGreaterThan(0.5);
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
    for (const value of [...result.test.forecasts.lstm, ...result.future.forecasts.lstm]) {
      expect(Number.isFinite(value)).toBe(true);
    }
    expect(result.metrics.seasonalNaive.mae).toBe(0);
    // No scale for MASE on a constant training part.
    expect(result.metrics.seasonalNaive.mase).toBeNaN();
  });

  it('refuses a series too short for the config before training', async () => {
    const short = syntheticSeries({ points: 40, frequency: 'daily' });
    await expect(runForecast(short, { lookback: 28, horizon: 14 })).rejects.toThrow(SeriesTooShortError);
    await expect(runForecast(short, { lookback: 28, horizon: 14 })).rejects.toThrow(/This series has 40 points/);
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
