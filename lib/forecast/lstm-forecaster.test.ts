import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend';
import { defaultConfig } from './config';
import { fineTuneEpochs, lstmForecastFrom, LstmRun } from './lstm-forecaster';
import { syntheticSeries } from './synthetic';

const { v } = syntheticSeries({ points: 120, frequency: 'daily', trend: 0.1 });
const config = { ...defaultConfig('daily', 120), epochs: 2, units: 4 };
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
