import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend';
import { defaultConfig } from './config';
import { ensembleSeedsOf, LstmEnsembleRun, medianForecasts } from './lstm-ensemble';
import { LstmRun, lstmForecastFrom } from './lstm-forecaster';
import { syntheticSeries } from './synthetic';
import type { ForecastConfig, TrainProgress } from './types';

const { v, t } = syntheticSeries({ points: 120, frequency: 'daily', trend: 0.1, noise: 1, seed: 4 });
const values = Float64Array.from(v);
const config: ForecastConfig = { ...defaultConfig('daily', 120), epochs: 2, units: 4 };
const series = { t, frequency: 'daily' as const, seasonLength: 7 };

beforeAll(async () => {
  await initBackend();
});

/** A whole run of `seeds` members: two backtest windows, then the future. */
async function ensembleRun(cfg: ForecastConfig, seeds: number, progress?: TrainProgress[]) {
  const run = new LstmEnsembleRun(cfg, 2, seeds, progress ? { onProgress: (p) => void progress.push(p) } : {}, series);
  try {
    const first = await run.fitter(values.subarray(0, 100), { index: 0, count: 2, origin: 100 });
    const backtest = await first.forecastFrom(values, [100]);
    await run.fitter(values.subarray(0, 107), { index: 1, count: 2, origin: 107 });
    const { forecast } = await run.future(values);
    return { backtest, future: forecast, preprocessing: run.preprocessing };
  } finally {
    run.dispose();
  }
}

describe('ensembleSeedsOf', () => {
  it('keeps the config seed first and derives distinct others from it, the same every time', () => {
    const seeds = ensembleSeedsOf(42, 5);
    expect(seeds[0]).toBe(42);
    expect(new Set(seeds).size).toBe(5);
    expect(ensembleSeedsOf(42, 5)).toEqual(seeds);
    expect(ensembleSeedsOf(43, 5).slice(1)).not.toEqual(seeds.slice(1));
  });
});

describe('medianForecasts', () => {
  it('takes the median of each step over the members (the mean of the middle two for an even count)', () => {
    expect(medianForecasts([[[1, 10]], [[3, 0]], [[2, 5]]])).toEqual([[2, 5]]);
    expect(medianForecasts([[[1]], [[4]]])).toEqual([[2.5]]);
  });
});

describe('LstmEnsembleRun', () => {
  it('is reproducible: the same config gives the same forecasts, another seed other ones', async () => {
    const a = await ensembleRun(config, 3);
    const b = await ensembleRun(config, 3);
    expect(b.backtest).toEqual(a.backtest);
    expect(b.future).toEqual(a.future);
    expect(a.preprocessing?.seeds).toBe(3);
    const c = await ensembleRun({ ...config, seed: 7 }, 3);
    expect(c.future).not.toEqual(a.future);
  });

  it('with one seed is exactly the single LSTM of the config seed', async () => {
    const ensemble = await ensembleRun(config, 1);
    const run = new LstmRun(config, 2, {}, series);
    try {
      await run.fitter(values.subarray(0, 100), { index: 0, count: 2, origin: 100 });
      await run.fitter(values.subarray(0, 107), { index: 1, count: 2, origin: 107 });
      const refit = await run.refit(values);
      const [future] = await lstmForecastFrom(refit, values, [values.length], config.lookback);
      expect(ensemble.future).toEqual(future);
    } finally {
      run.dispose();
    }
  });

  it('reports progress over all members, ending at 1, and frees every model', async () => {
    const before = tf.memory().numTensors;
    const progress: TrainProgress[] = [];
    const { future } = await ensembleRun(config, 3, progress);
    expect(future).toHaveLength(config.horizon);
    expect(future.every(Number.isFinite)).toBe(true);
    expect(progress.at(-1)!.progress).toBeCloseTo(1, 9);
    expect(Math.max(...progress.map((p) => p.progress))).toBeLessThanOrEqual(1 + 1e-9);
    expect(tf.memory().numTensors).toBe(before);
  });
});
