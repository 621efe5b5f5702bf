// The forecaster: one or two stacked LSTM layers read the lookback window (the series value plus
// any calendar features per step), a dense layer emits all `horizon` steps at once (direct
// multi-step output, so errors don't compound step by step).
import * as tf from '@tensorflow/tfjs';
import { createRng, nextTfSeed } from '../random';
import { SeededDropout } from './seeded-dropout';

export interface LstmOptions {
  lookback: number;
  horizon: number;
  units: number;
  /** Stacked LSTM layers, 1 or 2 (default 1). */
  layers?: number;
  /** Inputs per time step: the value, then calendar features (default 1, the value alone). */
  features?: number;
  dropout: number;
  learningRate: number;
  /** Fixes every initializer and the dropout masks: the same seed builds the same model. */
  seed: number;
}

export function buildLstm({
  lookback,
  horizon,
  units,
  layers = 1,
  features = 1,
  dropout,
  learningRate,
  seed,
}: LstmOptions): tf.Sequential {
  const rng = createRng(seed);
  const model = tf.sequential();
  for (let layer = 0; layer < layers; layer++) {
    model.add(
      tf.layers.lstm({
        units,
        ...(layer === 0 && { inputShape: [lookback, features] }),
        // A lower layer hands its whole sequence to the next; the last one only its final state.
        returnSequences: layer < layers - 1,
        // tfjs defaults to hardSigmoid, which costs three kernels per gate instead of one and
        // trains about a third slower here; sigmoid is also what Keras uses today.
        recurrentActivation: 'sigmoid',
        kernelInitializer: tf.initializers.glorotUniform({ seed: nextTfSeed(rng) }),
        recurrentInitializer: tf.initializers.orthogonal({ seed: nextTfSeed(rng) }),
      }),
    );
    model.add(new SeededDropout({ rate: dropout, seed: nextTfSeed(rng) }));
  }
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

/**
 * Forecasts for `count` input windows (flat, count x lookback x features, row-major):
 * count x horizon, row-major.
 */
export async function predictWindows(
  model: tf.LayersModel,
  inputs: Float32Array,
  count: number,
  lookback: number,
  features = 1,
): Promise<Float32Array> {
  const output = tf.tidy(() => model.predict(tf.tensor3d(inputs, [count, lookback, features])) as tf.Tensor);
  try {
    return (await output.data()) as Float32Array;
  } finally {
    output.dispose();
  }
}
