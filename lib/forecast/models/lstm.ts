// The forecaster: one LSTM layer reads the lookback window, a dense layer emits all `horizon`
// steps at once (direct multi-step output, so errors don't compound step by step).
import * as tf from '@tensorflow/tfjs';
import { createRng, nextTfSeed } from '../random';
import { SeededDropout } from './seeded-dropout';

export interface LstmOptions {
  lookback: number;
  horizon: number;
  units: number;
  dropout: number;
  learningRate: number;
  /** Fixes every initializer and the dropout masks: the same seed builds the same model. */
  seed: number;
}

export function buildLstm({ lookback, horizon, units, dropout, learningRate, seed }: LstmOptions): tf.Sequential {
  const rng = createRng(seed);
  const model = tf.sequential();
  model.add(
    tf.layers.lstm({
      units,
      inputShape: [lookback, 1],
      kernelInitializer: tf.initializers.glorotUniform({ seed: nextTfSeed(rng) }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: nextTfSeed(rng) }),
    }),
  );
  model.add(new SeededDropout({ rate: dropout, seed: nextTfSeed(rng) }));
  model.add(
    tf.layers.dense({ units: horizon, kernelInitializer: tf.initializers.glorotUniform({ seed: nextTfSeed(rng) }) }),
  );
  model.compile({ optimizer: tf.train.adam(learningRate), loss: 'meanSquaredError' });
  return model;
}

/**
 * Frees a model built by buildLstm. model.dispose() leaves an optimizer passed in as an object
 * (as here) to its owner, so its Adam moment variables are freed explicitly.
 */
export function disposeModel(model: tf.LayersModel): void {
  const optimizer = model.optimizer;
  model.dispose();
  optimizer?.dispose();
}

/** Forecasts for `count` input windows (flat, count x lookback): count x horizon, row-major. */
export async function predictWindows(
  model: tf.LayersModel,
  inputs: Float32Array,
  count: number,
  lookback: number,
): Promise<Float32Array> {
  const output = tf.tidy(() => model.predict(tf.tensor3d(inputs, [count, lookback, 1])) as tf.Tensor);
  try {
    return (await output.data()) as Float32Array;
  } finally {
    output.dispose();
  }
}
