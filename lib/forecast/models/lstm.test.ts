import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { initBackend } from '../backend';
import {
  buildLstm,
  disposeModel,
  learningRateOf,
  predictWindows,
  seasonalLagRows,
  setLearningRate,
  type LstmOptions,
} from './lstm';
import { lstmPatching } from './patching';

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

  it("joins a learned embedding of the window's series to every step when told the number of series", () => {
    const model = buildLstm({ ...options, features: 2, seriesCount: 40 });
    try {
      expect(model.inputs.map((input) => input.shape)).toEqual([
        [null, 6, 2],
        [null, 40],
      ]);
      const embedding = model.getLayer('series_embedding');
      expect(embedding.getWeights().map((w) => w.shape)).toEqual([[40, 16]]); // no bias
      // Each step: the 2 features and the 16 values of the embedding.
      expect(model.layers.find((l) => l.getClassName() === 'LSTM')!.getWeights()[0].shape).toEqual([18, 16]);
    } finally {
      disposeModel(model);
    }
  });

  it('trains on absolute errors (L1, as MASE ranks the models) unless asked for MSE', () => {
    const [l1, l2] = [buildLstm(options), buildLstm({ ...options, loss: 'mse' })];
    try {
      expect(l1.loss).toBe('meanAbsoluteError');
      expect(l2.loss).toBe('meanSquaredError');
    } finally {
      [l1, l2].forEach(disposeModel);
    }
  });

  it('reads a week of hours a day per step: [168, 5] inputs reshaped to 7 rows of 24 x 5, the lag row to the head', () => {
    const patching = lstmPatching('hourly', 168);
    expect(patching).toEqual({ patch: 24, seasonalLag: 168 });
    const model = buildLstm({ ...options, lookback: 168, horizon: 24, features: 5, ...patching });
    try {
      expect(model.inputs[0].shape).toEqual([null, 168, 5]);
      expect(model.outputs[0].shape).toEqual([null, 24]);
      const lstm = model.layers.find((l) => l.getClassName() === 'LSTM')!;
      expect((lstm.input as tf.SymbolicTensor).shape).toEqual([null, 7, 120]);
      // The head reads the LSTM's state (4 units) and the lag row (24 steps x 5 inputs).
      const dense = model.layers.find((l) => l.getClassName() === 'Dense')!;
      expect((dense.input as tf.SymbolicTensor).shape).toEqual([null, 4 + 24 * 5]);
    } finally {
      disposeModel(model);
    }
  });

  it('hands the head the rows of the forecast steps a season earlier', () => {
    // A week of hours: the same hours a week before the 24 forecast steps are row 0 of 7.
    expect(seasonalLagRows(168, 24, 24, 168)).toEqual({ from: 0, count: 1 });
    // Two weeks back: row 7 of 14; a 48-step horizon needs two rows.
    expect(seasonalLagRows(336, 24, 24, 168)).toEqual({ from: 7, count: 1 });
    expect(seasonalLagRows(336, 48, 24, 168)).toEqual({ from: 7, count: 2 });
    expect(() => buildLstm({ ...options, lookback: 50, patch: 24 })).toThrow(/divide the lookback/);
    expect(() => buildLstm({ ...options, lookback: 48, patch: 24, seasonalLag: 168 })).toThrow(/within the lookback/);
  });

  it('passes the values a season before each forecast step to the head', async () => {
    // Two weeks back, 2 inputs per step: a head that reads only the lag row's values (weight 1 for
    // step h's value to output h, 0 elsewhere) forecasts exactly the week before.
    const features = 2;
    const model = buildLstm({ ...options, lookback: 336, horizon: 24, features, patch: 24, seasonalLag: 168 });
    try {
      const dense = model.layers.find((l) => l.getClassName() === 'Dense')!;
      const kernel = new Float32Array((4 + 24 * features) * 24);
      for (let h = 0; h < 24; h++) kernel[(4 + h * features) * 24 + h] = 1;
      dense.setWeights([tf.tensor2d(kernel, [4 + 24 * features, 24]), tf.zeros([24])]);
      const inputs = Float32Array.from({ length: 336 * features }, (_, i) => (i % features === 0 ? i / features : -1));
      const out = await predictWindows(model, inputs, 1, 336, features);
      // Steps 336..359 a week (168) earlier: inputs 168..191.
      expect(Array.from(out)).toEqual(Array.from({ length: 24 }, (_, h) => 168 + h));
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

  it('says nothing on the console while building (tfjs warns of orthogonal kernels over 2,000 elements)', () => {
    const warn = vi.spyOn(console, 'warn');
    // 32 units: a 32 x 128 recurrent kernel, 4,096 elements.
    const model = buildLstm({ ...options, units: 32, layers: 2 });
    try {
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      disposeModel(model);
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

describe('setLearningRate', () => {
  it('changes the rate the optimizer steps with', async () => {
    const model = buildLstm(options);
    try {
      expect(learningRateOf(model)).toBe(0.01);
      setLearningRate(model, 0.002);
      expect(learningRateOf(model)).toBe(0.002);
      // A rate of 0 leaves every weight where it is: the optimizer reads the new rate.
      setLearningRate(model, 0);
      const before = weightsOf(model);
      const x = tf.randomUniform([8, 6, 1]);
      const y = tf.randomUniform([8, 3]);
      await model.fit(x, y, { epochs: 1, verbose: 0 });
      tf.dispose([x, y]);
      expect(weightsOf(model)).toEqual(before);
    } finally {
      disposeModel(model);
    }
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

  it("reads each window's series: the same window forecast differently for another series", async () => {
    const model = buildLstm({ ...options, seriesCount: 3 });
    try {
      const before = tf.memory().numTensors;
      const ids = Float32Array.from([1, 0, 0, 0, 0, 1, 1, 0, 0]); // series 0, 2, 0
      const out = Array.from(await predictWindows(model, new Float32Array(3 * 6).fill(0.5), 3, 6, 1, undefined, ids));
      expect(out.slice(6)).toEqual(out.slice(0, 3));
      expect(out.slice(3, 6)).not.toEqual(out.slice(0, 3));
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      disposeModel(model);
    }
  });
});
