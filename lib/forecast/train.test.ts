import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend';
import { CancelledError } from './errors';
import { buildLstm, disposeModel, learningRateOf } from './models/lstm';
import { LR_DECAY, trainModel, type TrainOptions } from './train';
import type { EpochLog } from './types';
import type { Windows } from './windows';

beforeAll(async () => {
  await initBackend();
});

const lookback = 4;
const horizon = 1;
const build = () => buildLstm({ lookback, horizon, units: 4, dropout: 0, learningRate: 0.05, seed: 3 });
const options: TrainOptions = { epochs: 5, batchSize: 8, validationSplit: 0.2, patience: 3, seed: 1 };

/**
 * 20 windows of the same inputs. The first 16 (training) want 1, the last 4 (validation) want 0,
 * so every epoch that fits the training targets better makes the validation loss worse.
 */
function conflictingWindows(): Windows {
  const count = 20;
  const inputs = Float32Array.from({ length: count * lookback }, (_, i) => (i % lookback) / lookback);
  const targets = Float32Array.from({ length: count }, (_, w) => (w < 16 ? 1 : 0));
  return { count, lookback, horizon, inputs, targets };
}

async function validationLoss(model: tf.LayersModel, windows: Windows): Promise<number> {
  const x = tf.tensor3d(windows.inputs.subarray(16 * lookback), [4, lookback, 1]);
  const y = tf.tensor2d(windows.targets.subarray(16), [4, 1]);
  const loss = model.evaluate(x, y) as tf.Scalar;
  const value = (await loss.data())[0];
  tf.dispose([x, y, loss]);
  return value;
}

describe('trainModel', () => {
  it('leaves `gap` windows out between the training and the validation part', async () => {
    // Windows 13..15 sit in the gap before the 4 validation windows: their targets are NaN, so
    // one of them reaching the training part (or the validation part) would make a loss NaN.
    const windows = conflictingWindows();
    windows.targets = Float32Array.from(windows.targets, (t, w) => (w >= 13 && w < 16 ? Number.NaN : t));
    const model = build();
    try {
      const gapped = await trainModel(model, windows, { ...options, epochs: 2, gap: 3 });
      for (const log of gapped.history) {
        expect(Number.isFinite(log.loss)).toBe(true);
        expect(Number.isFinite(log.valLoss)).toBe(true);
      }
      const overlapping = await trainModel(model, windows, { ...options, epochs: 1, gap: 0 });
      expect(overlapping.history[0].loss).toBeNaN();
    } finally {
      disposeModel(model);
    }
  });

  it('shrinks the validation part rather than the gap when windows are few, and keeps training', async () => {
    const windows = conflictingWindows();
    const model = build();
    try {
      // 20 windows, gap 18: one training window, one validation window.
      const { history } = await trainModel(model, windows, { ...options, epochs: 1, validationSplit: 0.5, gap: 18 });
      expect(Number.isFinite(history[0].valLoss)).toBe(true);
      // Gap 19 leaves no room for validation: every window trains.
      const all = await trainModel(model, windows, { ...options, epochs: 1, validationSplit: 0.5, gap: 19 });
      expect(all.history[0].valLoss).toBeUndefined();
    } finally {
      disposeModel(model);
    }
  });

  it('reports every epoch with training and validation loss', async () => {
    const model = build();
    const logs: EpochLog[] = [];
    try {
      const result = await trainModel(model, conflictingWindows(), {
        ...options,
        patience: 10,
        onEpochEnd: (log) => void logs.push(log),
      });
      expect(logs.map((l) => l.epoch)).toEqual([1, 2, 3, 4, 5]);
      expect(result.history).toEqual(logs);
      for (const log of logs) {
        expect(Number.isFinite(log.loss)).toBe(true);
        expect(Number.isFinite(log.valLoss)).toBe(true);
      }
    } finally {
      disposeModel(model);
    }
  });

  it('stops after `patience` epochs without improvement and restores the best weights', async () => {
    const windows = conflictingWindows();
    const model = build();
    try {
      const { history, bestEpoch } = await trainModel(model, windows, { ...options, epochs: 20, patience: 2 });
      const losses = history.map((h) => h.valLoss!);
      const best = Math.min(...losses);
      expect(bestEpoch).toBe(losses.indexOf(best) + 1);
      expect(history).toHaveLength(bestEpoch + 2);
      expect(losses.at(-1)).toBeGreaterThan(best);
      // The model ends with the weights of its best epoch, not its last.
      expect(await validationLoss(model, windows)).toBeCloseTo(best, 5);
    } finally {
      disposeModel(model);
    }
  });

  it('halves the learning rate on a plateau of the validation loss, down to its floor', async () => {
    // Every epoch that fits the training targets worsens the validation loss: a plateau from epoch 2.
    const model = build();
    const rates: number[] = [];
    try {
      const result = await trainModel(model, conflictingWindows(), {
        ...options,
        epochs: 12,
        patience: 20,
        decay: { ...LR_DECAY, patience: 1 },
        onEpochEnd: () => void rates.push(learningRateOf(model)),
      });
      expect(rates[0]).toBe(0.05);
      // Lowered after each epoch without a better loss, never raised, never below 0.05 / 16.
      expect(rates.every((r, i) => i === 0 || r <= rates[i - 1])).toBe(true);
      expect(Math.min(...rates)).toBeLessThan(0.05);
      expect(Math.min(...rates)).toBeGreaterThanOrEqual(0.05 * LR_DECAY.minShare);
      expect(result.learningRate).toBe(rates.at(-1));
    } finally {
      disposeModel(model);
    }
  });

  it('starts at the learning rate it is given, and keeps it constant without decay', async () => {
    const model = build();
    try {
      const result = await trainModel(model, conflictingWindows(), {
        ...options,
        learningRate: 0.01,
        decay: false,
        patience: 20,
      });
      expect(result.learningRate).toBe(0.01);
    } finally {
      disposeModel(model);
    }
  });

  it('trains every epoch without a validation set', async () => {
    const model = build();
    try {
      const { history, bestEpoch } = await trainModel(model, conflictingWindows(), { ...options, validationSplit: 0 });
      expect(history).toHaveLength(5);
      expect(bestEpoch).toBe(5);
      expect(history.every((h) => h.valLoss === undefined)).toBe(true);
    } finally {
      disposeModel(model);
    }
  });

  it('trains on at most maxWindowsPerEpoch windows per epoch', async () => {
    const steps = async (maxWindowsPerEpoch?: number) => {
      const model = build();
      try {
        const noValidation = { ...options, epochs: 2, batchSize: 4, validationSplit: 0 };
        await trainModel(model, conflictingWindows(), { ...noValidation, maxWindowsPerEpoch });
        return model.optimizer.iterations;
      } finally {
        disposeModel(model);
      }
    };
    // 20 windows in batches of 4: 5 gradient steps per epoch, 2 with 8 windows per epoch.
    expect(await steps()).toBe(10);
    expect(await steps(8)).toBe(4);
    expect(await steps(100)).toBe(10);
  });

  it('validates on at most maxValidationWindows, the most recent', async () => {
    const model = build();
    try {
      // Half of 20 would be 10 validation windows; capped at 4 they are exactly the last 4.
      const { history } = await trainModel(model, conflictingWindows(), {
        ...options,
        epochs: 1,
        validationSplit: 0.5,
        maxValidationWindows: 4,
      });
      expect(history[0].valLoss).toBeCloseTo(await validationLoss(model, conflictingWindows()), 5);
    } finally {
      disposeModel(model);
    }
  });

  it('is reproducible for a seed', async () => {
    const run = async () => {
      const model = buildLstm({ lookback, horizon, units: 4, dropout: 0.2, learningRate: 0.05, seed: 3 });
      try {
        return (await trainModel(model, conflictingWindows(), options)).history;
      } finally {
        disposeModel(model);
      }
    };
    expect(await run()).toEqual(await run());
  });

  it('throws CancelledError after the epoch in which shouldCancel turns true, leaking nothing', async () => {
    const before = tf.memory().numTensors;
    const model = build();
    const epochs: number[] = [];
    await expect(
      trainModel(model, conflictingWindows(), {
        ...options,
        onEpochEnd: (log) => void epochs.push(log.epoch),
        shouldCancel: async () => epochs.length >= 2,
      }),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(epochs).toEqual([1, 2]);
    disposeModel(model);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves only the model behind after a full run', async () => {
    const before = tf.memory().numTensors;
    const model = build();
    await trainModel(model, conflictingWindows(), { ...options, epochs: 6, patience: 2 });
    disposeModel(model);
    expect(tf.memory().numTensors).toBe(before);
  });
});
