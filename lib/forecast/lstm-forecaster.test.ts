import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend';
import { defaultConfig } from './config';
import { fineTuneEpochs, lstmForecastFrom, LstmRun } from './lstm-forecaster';
import { createRng } from './random';
import { syntheticSeries } from './synthetic';

const { v } = syntheticSeries({ points: 120, frequency: 'daily', trend: 0.1 });
// transform 'none': the shift test below relies on the untransformed encoding.
const config = { ...defaultConfig('daily', 120), epochs: 2, units: 4, transform: 'none' as const };
const window = (index: number, origin: number) => ({ index, count: 2, origin });

beforeAll(async () => {
  await initBackend();
});

describe('fineTuneEpochs', () => {
  it('is half the epochs, at least one', () => {
    expect(fineTuneEpochs(30)).toBe(15);
    expect(fineTuneEpochs(5)).toBe(3);
    expect(fineTuneEpochs(1)).toBe(1);
  });
});

describe('LstmRun', () => {
  it('forecasts a level-shifted series shifted by the same amount', async () => {
    const run = new LstmRun(config, 1);
    try {
      await run.fitter(Float64Array.from(v.slice(0, 100)), window(0, 100));
      const fitted = await run.refit(v);
      const shifted = v.map((x) => x + 1000);
      // The scaler of the shifted data differs only by its minimum; inputs relative to the last
      // value are then identical, so the forecast moves with the level.
      const shiftedFit = { ...fitted, scaler: { min: fitted.scaler.min + 1000, max: fitted.scaler.max + 1000 } };
      const [a] = await lstmForecastFrom(fitted, v, [110], config.lookback);
      const [b] = await lstmForecastFrom(shiftedFit, shifted, [110], config.lookback);
      b.forEach((x, i) => expect(x - 1000).toBeCloseTo(a[i], 3));
    } finally {
      run.dispose();
    }
  });

  it('only refits after every backtest window, and frees every model', async () => {
    const before = tf.memory().numTensors;
    const run = new LstmRun(config, 2);
    try {
      await run.fitter(Float64Array.from(v.slice(0, 90)), window(0, 90));
      await expect(run.refit(v)).rejects.toThrow('Refit after all 2 backtest fits, not after 1');
      await run.fitter(Float64Array.from(v.slice(0, 100)), window(1, 100));
      await run.refit(v);
    } finally {
      run.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses an origin without a full lookback before it', async () => {
    const run = new LstmRun(config, 1);
    try {
      const fitted = await run.fitter(Float64Array.from(v.slice(0, 100)), window(0, 100));
      await expect(fitted.forecastFrom(Float64Array.from(v), [3])).rejects.toThrow('Cannot forecast from origin 3');
    } finally {
      run.dispose();
    }
  });
});

describe('LstmRun input encoding', () => {
  const tiny = { ...config, epochs: 3, units: 4, patience: 3 };

  it('picks differencing for a strongly trending series, on validation, and says why', async () => {
    const rng = createRng(3);
    const n = 200;
    // Accelerating trend: levels (and a model trained on them) run far past the training range.
    const trending = Array.from({ length: n }, (_, i) => 5 + 0.02 * i * i + 2 * (rng() - 0.5));
    const run = new LstmRun({ ...tiny, transform: 'auto', lookback: 10, horizon: 5 }, 1);
    const before = tf.memory().numTensors;
    try {
      await run.fitter(Float64Array.from(trending.slice(0, n - 5)), { index: 0, count: 1, origin: n - 5 });
      const p = run.preprocessing!;
      expect(p.transform).toBe('difference');
      const mae = Object.fromEntries(p.transformTrials.map((t) => [t.transform, t.validationMae]));
      expect(mae.difference).toBeLessThan(mae.none!);
      // The short trials' best challenger and 'none' both got the full first fit; differencing won that too.
      const full = Object.fromEntries(p.transformTrials.map((t) => [t.transform, t.fullFitValidationMae]));
      expect(full.difference).toBeLessThan(full.none!);
      expect(full.log).toBeUndefined();
      // No frequency was given, so there is no season to difference by.
      expect(p.transformTrials.find((t) => t.transform === 'seasonalDifference')?.skipped).toMatch(/season/);
      expect(p.transformReason).toMatch(/^difference: validation MAE/);
    } finally {
      run.dispose();
    }
    // The losing trial models are freed too.
    expect(tf.memory().numTensors).toBe(before);
  });

  it('skips log for a series with values at or below 0 and refuses a forced log', async () => {
    const negative = v.map((x) => x - 20);
    const run = new LstmRun({ ...tiny, transform: 'auto' }, 1);
    try {
      await run.fitter(Float64Array.from(negative.slice(0, 100)), window(0, 100));
      expect(run.preprocessing!.transformTrials.find((t) => t.transform === 'log')?.skipped).toMatch(/above 0/);
    } finally {
      run.dispose();
    }
    const forced = new LstmRun({ ...tiny, transform: 'log' }, 1);
    try {
      await expect(forced.fitter(Float64Array.from(negative.slice(0, 100)), window(0, 100))).rejects.toThrow(
        /transform: log needs every value above 0/,
      );
    } finally {
      forced.dispose();
    }
  });

  it('reads calendar features from the timestamps when the frequency has them', async () => {
    const series = syntheticSeries({ points: 120, frequency: 'daily' });
    const fitOn = async (calendarFeatures: boolean, t: number[]) => {
      const run = new LstmRun({ ...tiny, calendarFeatures }, 1, {}, { t, frequency: 'daily' });
      try {
        const fitted = await run.fitter(Float64Array.from(series.v.slice(0, 100)), window(0, 100));
        return { forecast: (await fitted.forecastFrom(Float64Array.from(series.v), [110]))[0], p: run.preprocessing! };
      } finally {
        run.dispose();
      }
    };
    const withCalendar = await fitOn(true, series.t);
    expect(withCalendar.p.calendarFeatures).toEqual(['dayOfWeek', 'monthOfYear']);
    // Same values three days later: the weekdays differ, and so must a forecast that reads them.
    const shiftedT = series.t.map((t) => t + 3 * 86_400_000);
    const shifted = await fitOn(true, shiftedT);
    expect(shifted.forecast).not.toEqual(withCalendar.forecast);
    // Without calendar features the timestamps are not read at all.
    const plainA = await fitOn(false, series.t);
    const plainB = await fitOn(false, shiftedT);
    expect(plainA.p.calendarFeatures).toEqual([]);
    plainA.forecast.forEach((x, i) => expect(x).toBeCloseTo(plainB.forecast[i], 6));
  });

  it('is reproducible: same data, seed and backend give the same forecast, transform trials included', async () => {
    const series = syntheticSeries({ points: 120, frequency: 'daily', trend: 0.1 });
    const forecastOnce = async () => {
      const run = new LstmRun({ ...tiny, transform: 'auto' }, 1, {}, { t: series.t, frequency: 'daily' });
      try {
        await run.fitter(Float64Array.from(series.v.slice(0, 100)), window(0, 100));
        const fitted = await run.refit(series.v);
        return {
          forecast: (await lstmForecastFrom(fitted, series.v, [120], config.lookback))[0],
          p: run.preprocessing,
        };
      } finally {
        run.dispose();
      }
    };
    const a = await forecastOnce();
    const b = await forecastOnce();
    expect(b.p).toEqual(a.p);
    b.forecast.forEach((x, i) => expect(Math.abs(x - a.forecast[i])).toBeLessThan(1e-5));
  });

  it('trains two stacked layers', async () => {
    const run = new LstmRun({ ...tiny, layers: 2 }, 1);
    try {
      await run.fitter(Float64Array.from(v.slice(0, 100)), window(0, 100));
      const fitted = await run.refit(v);
      expect(fitted.model.layers.filter((l) => l.getClassName() === 'LSTM')).toHaveLength(2);
      expect(run.preprocessing!.layers).toBe(2);
      const [forecast] = await lstmForecastFrom(fitted, v, [v.length], config.lookback);
      expect(forecast).toHaveLength(config.horizon);
      expect(forecast.every(Number.isFinite)).toBe(true);
    } finally {
      run.dispose();
    }
  });
});
