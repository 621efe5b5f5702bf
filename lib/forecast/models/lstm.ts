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
  /**
   * Known-future inputs per forecast step (covariates, holiday features; see covariates.ts): a
   * second input of horizon x futureFeatures values, joined to the LSTM's last state before the
   * output head. 0 (default): the single-input model.
   */
  futureFeatures?: number;
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
  futureFeatures = 0,
  dropout,
  learningRate,
  seed,
}: LstmOptions): tf.LayersModel {
  if (futureFeatures > 0) {
    return buildLstmWithFuture({
      lookback,
      horizon,
      units,
      layers,
      features,
      futureFeatures,
      dropout,
      learningRate,
      seed,
    });
  }
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
 * The same network with a second input: the known-future values of the `horizon` forecast steps
 * (flat, horizon x futureFeatures), concatenated with the LSTM's output before the dense head, so
 * each forecast step can weigh the promotion or holiday that falls on it (Darts' future covariates,
 * TFT's known inputs), and the head stays direct multi-output.
 */
function buildLstmWithFuture({
  lookback,
  horizon,
  units,
  layers,
  features,
  futureFeatures,
  dropout,
  learningRate,
  seed,
}: Required<Omit<LstmOptions, 'layers'>> & { layers: number }): tf.LayersModel {
  const rng = createRng(seed);
  const past = tf.input({ shape: [lookback, features], name: 'past' });
  const future = tf.input({ shape: [horizon * futureFeatures], name: 'future' });
  let x: tf.SymbolicTensor = past;
  for (let layer = 0; layer < layers; layer++) {
    x = tf.layers
      .lstm({
        units,
        returnSequences: layer < layers - 1,
        recurrentActivation: 'sigmoid',
        kernelInitializer: tf.initializers.glorotUniform({ seed: nextTfSeed(rng) }),
        recurrentInitializer: tf.initializers.orthogonal({ seed: nextTfSeed(rng) }),
      })
      .apply(x) as tf.SymbolicTensor;
    x = new SeededDropout({ rate: dropout, seed: nextTfSeed(rng) }).apply(x) as tf.SymbolicTensor;
  }
  const joined = tf.layers.concatenate().apply([x, future]) as tf.SymbolicTensor;
  const output = tf.layers
    .dense({ units: horizon, kernelInitializer: tf.initializers.glorotUniform({ seed: nextTfSeed(rng) }) })
    .apply(joined) as tf.SymbolicTensor;
  const model = tf.model({ inputs: [past, future], outputs: output });
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
 * count x horizon, row-major. `future`: the known-future inputs of a two-input model
 * (count x horizon·futureFeatures, row-major).
 */
export async function predictWindows(
  model: tf.LayersModel,
  inputs: Float32Array,
  count: number,
  lookback: number,
  features = 1,
  future?: Float32Array,
): Promise<Float32Array> {
  const output = tf.tidy(() => {
    const x = tf.tensor3d(inputs, [count, lookback, features]);
    const xs = future ? [x, tf.tensor2d(future, [count, future.length / count])] : x;
    return model.predict(xs) as tf.Tensor;
  });
  try {
    return (await output.data()) as Float32Array;
  } finally {
    output.dispose();
  }
}
