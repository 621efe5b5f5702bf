import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend';
import { buildLstm, disposeModel, predictWindows } from './models/lstm';
import { defaultConfig } from './config';
import { lstmForecastFrom, LstmRun } from './lstm-forecaster';
import {
  forecastWithSavedModel,
  loadSavedModel,
  saveModel,
  savedModelMetadata,
  type SavedModelMetadata,
} from './saved-model';
import { syntheticSeries } from './synthetic';

beforeAll(async () => {
  await initBackend();
});

const metadata: SavedModelMetadata = { lookback: 5, horizon: 2, frequency: 'daily', scaler: { min: 1, max: 9 } };

describe('saveModel / loadSavedModel', () => {
  it('round-trips through JSON + bytes to a model that predicts the same', async () => {
    const model = buildLstm({ lookback: 5, horizon: 2, units: 3, dropout: 0.1, learningRate: 0.01, seed: 8 });
    const input = Float32Array.from([0.1, 0.4, 0.2, 0.9, 0.5]);
    const expected = await predictWindows(model, input, 1, 5);
    const saved = await saveModel(model, metadata);
    disposeModel(model);

    expect(saved.weights).toBeInstanceOf(Uint8Array);
    expect(saved.weights.byteLength).toBeGreaterThan(0);
    expect(saved.artifacts).not.toHaveProperty('weightData');
    // Storable as JSON: the artifacts survive a stringify/parse round trip.
    const stored = { artifacts: JSON.parse(JSON.stringify(saved.artifacts)), weights: Uint8Array.from(saved.weights) };
    expect(savedModelMetadata(stored)).toEqual(metadata);

    const loaded = await loadSavedModel(stored);
    try {
      expect(await predictWindows(loaded, input, 1, 5)).toEqual(expected);
    } finally {
      disposeModel(loaded);
    }
  });

  it('loads bytes that are a view into a larger buffer (as database drivers return them)', async () => {
    const model = buildLstm({ lookback: 5, horizon: 2, units: 3, dropout: 0, learningRate: 0.01, seed: 8 });
    const saved = await saveModel(model, metadata);
    disposeModel(model);
    const padded = new Uint8Array(saved.weights.byteLength + 16);
    padded.set(saved.weights, 8);
    const before = tf.memory().numTensors;
    const loaded = await loadSavedModel({ ...saved, weights: padded.subarray(8, 8 + saved.weights.byteLength) });
    expect(loaded.getWeights().map((w) => w.shape)).toEqual([[1, 12], [3, 12], [12], [3, 2], [2]]);
    disposeModel(loaded);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('forecastWithSavedModel', () => {
  it('rebuilds the inputs of a model with a transform and calendar features from its metadata', async () => {
    const series = syntheticSeries({ points: 120, frequency: 'daily', trend: 0.2 });
    const config = {
      ...defaultConfig('daily', 120),
      epochs: 2,
      units: 4,
      transform: 'seasonalDifference' as const,
    };
    const run = new LstmRun(config, 1, {}, { t: series.t, frequency: 'daily' });
    try {
      await run.fitter(Float64Array.from(series.v.slice(0, 100)), { index: 0, count: 1, origin: 100 });
      const refit = await run.refit(series.v);
      expect(refit.encoding).toEqual({
        transform: { name: 'seasonalDifference', lag: 7 },
        calendar: ['dayOfWeek', 'monthOfYear'],
        anchor: 'mean',
      });
      const [expected] = await lstmForecastFrom(refit, series.v, [series.v.length], config.lookback);
      const saved = await saveModel(refit.model, {
        lookback: config.lookback,
        horizon: config.horizon,
        frequency: 'daily',
        scaler: refit.scaler,
        relativeToLastInput: true,
        encoding: refit.encoding,
      });
      const stored = { artifacts: JSON.parse(JSON.stringify(saved.artifacts)), weights: saved.weights };
      const forecast = await forecastWithSavedModel(stored, series.v, series.t);
      forecast.forEach((x, i) => expect(x).toBeCloseTo(expected[i], 4));
      await expect(forecastWithSavedModel(stored, series.v)).rejects.toThrow('pass the timestamps');
    } finally {
      run.dispose();
    }
  });
});
