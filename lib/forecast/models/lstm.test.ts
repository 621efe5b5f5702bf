import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { buildLstm, disposeModel, predictWindows, type LstmOptions } from './lstm';

beforeAll(async () => {
  await initBackend();
});

const options: LstmOptions = { lookback: 6, horizon: 3, units: 4, dropout: 0.1, learningRate: 0.01, seed: 5 };
const weightsOf = (model: tf.LayersModel) => model.getWeights().map((w) => Array.from(w.dataSync()));

describe('buildLstm', () => {
  it('maps [batch, lookback, 1] inputs to [batch, horizon] outputs', () => {
    const model = buildLstm(options);
    try {
      expect(model.inputs[0].shape).toEqual([null, 6, 1]);
      expect(model.outputs[0].shape).toEqual([null, 3]);
      expect(model.layers.map((l) => l.getClassName())).toEqual(['LSTM', 'SeededDropout', 'Dense']);
    } finally {
      disposeModel(model);
    }
  });

  it('stacks two layers over several input features', () => {
    const model = buildLstm({ ...options, layers: 2, features: 5 });
    try {
      expect(model.inputs[0].shape).toEqual([null, 6, 5]);
      expect(model.outputs[0].shape).toEqual([null, 3]);
      expect(model.layers.map((l) => l.getClassName())).toEqual([
        'LSTM',
        'SeededDropout',
        'LSTM',
        'SeededDropout',
        'Dense',
      ]);
    } finally {
      disposeModel(model);
    }
  });

  it('initialises the same weights for the same seed, different ones for another', () => {
    const a = buildLstm(options);
    const b = buildLstm(options);
    const c = buildLstm({ ...options, seed: 6 });
    try {
      expect(weightsOf(a)).toEqual(weightsOf(b));
      expect(weightsOf(a)).not.toEqual(weightsOf(c));
    } finally {
      [a, b, c].forEach(disposeModel);
    }
  });

  it('frees every tensor it made, optimizer state included', async () => {
    const before = tf.memory().numTensors;
    const model = buildLstm(options);
    const x = tf.randomUniform([8, 6, 1]);
    const y = tf.randomUniform([8, 3]);
    await model.fit(x, y, { epochs: 1, verbose: 0 }); // creates Adam's moment variables
    tf.dispose([x, y]);
    disposeModel(model);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('predictWindows', () => {
  it('returns count x horizon forecasts and leaves no tensors behind', async () => {
    const model = buildLstm(options);
    try {
      const before = tf.memory().numTensors;
      const out = await predictWindows(model, new Float32Array(2 * 6).fill(0.5), 2, 6);
      expect(out).toHaveLength(2 * 3);
      expect(Array.from(out).every(Number.isFinite)).toBe(true);
      // Both windows are identical, so are their forecasts.
      expect(Array.from(out.slice(0, 3))).toEqual(Array.from(out.slice(3)));
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      disposeModel(model);
    }
  });
});
