// The forecaster: one or two stacked LSTM layers read the lookback window (the series value plus
// any calendar features per step), a dense layer emits all `horizon` steps at once (direct
// multi-step output, so errors don't compound step by step).
//
// Long sub-daily windows (a week of hours) are read in patches: the [lookback, features] input is
// reshaped to [lookback / patch, patch x features], so the LSTM takes one step per day instead of
// per hour (7 recurrent steps for a week instead of 168), and the rows of the forecast steps'
// seasonal lag (the same hours a week earlier) also reach the dense head directly, beside the
// LSTM's state: a seasonal-naive shortcut the head can weigh.
//
// A model across many series (a batch's shared global LSTM) also reads which series a window is
// of, as a learned embedding joined to every step's inputs (seriesCount below).
import * as tf from '@tensorflow/tfjs';
import { createRng, nextTfSeed } from '../random';
import { SeededDropout } from './seeded-dropout';

/** What the network minimises: 'mae' (L1, as MASE ranks the models) or 'mse'. */
export type LstmLoss = 'mae' | 'mse';

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
  /**
   * A model across many series (shared-global.ts): the number of series. A third input, the
   * window's series one-hot, goes through a learned embedding (a dense layer without bias, of
   * seriesEmbedding values) that joins every step's inputs: what a one-hot per step would give
   * the LSTM (its input weights on it are a per-series embedding), at a fraction of the inputs.
   * 0 or absent: no series input.
   */
  seriesCount?: number;
  /** Values of the learned series embedding (default: SERIES_EMBEDDING, at most seriesCount). */
  seriesEmbedding?: number;
  dropout: number;
  learningRate: number;
  /** Fixes every initializer and the dropout masks: the same seed builds the same model. */
  seed: number;
  /** Default 'mae': the models are ranked on absolute errors (MASE). */
  loss?: LstmLoss;
  /** Steps per LSTM input row (see the top); 1 or absent: one step per row. Must divide lookback. */
  patch?: number;
  /**
   * With a patch: the seasonal lag in steps (a multiple of the patch, at most the lookback) whose
   * rows for the forecast steps also feed the dense head.
   */
  seasonalLag?: number;
}

/** Rows [from, from + count) of the patched input that hold the forecast steps' seasonal lags. */
export function seasonalLagRows(
  lookback: number,
  horizon: number,
  patch: number,
  seasonalLag: number,
): { from: number; count: number } {
  const count = Math.min(Math.ceil(horizon / patch), seasonalLag / patch);
  return { from: (lookback - seasonalLag) / patch, count };
}

/**
 * Keras' recurrent kernel initializer (orthogonal), without tfjs' console warning that a matrix of
 * more than 2,000 elements may be slow: every LSTM of 23 units or more (a units x 4·units kernel)
 * hit it on every fit, 22 lines in the worker's log for the demo run. The slowness is real but
 * small: its QR takes about 46 ms for 32 units and 88 ms for 64 on wasm here, about 1 s of that
 * run's 93 s. The threshold is an instance field of tfjs' Orthogonal; nothing else changes.
 */
function quietOrthogonal(seed: number): ReturnType<typeof tf.initializers.orthogonal> {
  return Object.assign(tf.initializers.orthogonal({ seed }), { ELEMENTS_WARN_SLOW: Number.POSITIVE_INFINITY });
}

/** Default size of the learned series embedding of a model across many series. */
export const SERIES_EMBEDDING = 16;

function checkPatching({ lookback, patch = 1, seasonalLag }: LstmOptions): void {
  if (!Number.isInteger(patch) || patch < 1 || lookback % patch !== 0) {
    throw new Error(`A patch of ${patch} steps must divide the lookback of ${lookback}.`);
  }
  if (seasonalLag !== undefined && (seasonalLag % patch !== 0 || seasonalLag > lookback || seasonalLag < patch)) {
    throw new Error(
      `A seasonal lag of ${seasonalLag} must be a multiple of the patch ${patch} within the lookback ${lookback}.`,
    );
  }
}

export function buildLstm(options: LstmOptions): tf.LayersModel {
  checkPatching(options);
  const { lookback, horizon, units, layers = 1, features = 1, dropout, learningRate, seed, loss = 'mae' } = options;
  const patch = options.patch ?? 1;
  const futureFeatures = options.futureFeatures ?? 0;
  const seriesCount = options.seriesCount ?? 0;
  const rng = createRng(seed);
  // The single-input, one-step-per-row model is sequential (as every model saved before patches,
  // covariates and series ids); the others are functional with the same layers.
  const sequentialModel = patch === 1 && futureFeatures === 0 && seriesCount === 0;
  const inputShape = sequentialModel ? [lookback, features] : undefined;
  const recurrent = (layer: number): tf.layers.Layer[] => [
    tf.layers.lstm({
      units,
      ...(layer === 0 && inputShape && { inputShape }),
      // A lower layer hands its whole sequence to the next; the last one only its final state.
      returnSequences: layer < layers - 1,
      // tfjs defaults to hardSigmoid, which costs three kernels per gate instead of one and
      // trains about a third slower here; sigmoid is also what Keras uses today.
      recurrentActivation: 'sigmoid',
      kernelInitializer: tf.initializers.glorotUniform({ seed: nextTfSeed(rng) }),
      recurrentInitializer: quietOrthogonal(nextTfSeed(rng)),
    }),
    new SeededDropout({ rate: dropout, seed: nextTfSeed(rng) }),
  ];
  const stack = Array.from({ length: layers }, (_, layer) => recurrent(layer)).flat();

  let model: tf.LayersModel;
  if (sequentialModel) {
    const sequential = tf.sequential();
    stack.forEach((layer) => sequential.add(layer));
    sequential.add(head(horizon, rng));
    model = sequential;
  } else {
    const past = tf.input({ shape: [lookback, features], name: 'past' });
    const rows =
      patch === 1
        ? past
        : (tf.layers.reshape({ targetShape: [lookback / patch, patch * features] }).apply(past) as tf.SymbolicTensor);
    const series = seriesCount > 0 ? tf.input({ shape: [seriesCount], name: 'series' }) : undefined;
    let state = series ? withSeriesEmbedding(rows, series, options, rng) : rows;
    for (const layer of stack) state = layer.apply(state) as tf.SymbolicTensor;
    const joined: tf.SymbolicTensor[] = [state];
    if (patch > 1 && options.seasonalLag !== undefined) {
      const { from, count } = seasonalLagRows(lookback, horizon, patch, options.seasonalLag);
      // tfjs has no 1-D cropping: the rows as a one-channel image, cropped in height.
      const image = tf.layers.reshape({ targetShape: [lookback / patch, patch * features, 1] }).apply(past);
      const lagRows = tf.layers
        .cropping2D({
          cropping: [
            [from, lookback / patch - from - count],
            [0, 0],
          ],
        })
        .apply(image);
      joined.push(tf.layers.flatten().apply(lagRows) as tf.SymbolicTensor);
    }
    // Known-future inputs of the forecast steps (covariates, holidays): beside the LSTM's state
    // before the head, so each step can weigh the promotion or holiday that falls on it (Darts'
    // future covariates, TFT's known inputs), and the head stays direct multi-output.
    const future = futureFeatures > 0 ? tf.input({ shape: [horizon * futureFeatures], name: 'future' }) : undefined;
    if (future) joined.push(future);
    const headInput = joined.length > 1 ? (tf.layers.concatenate().apply(joined) as tf.SymbolicTensor) : state;
    const inputs = [past, ...(future ? [future] : []), ...(series ? [series] : [])];
    model = tf.model({
      inputs: inputs.length > 1 ? inputs : past,
      outputs: head(horizon, rng).apply(headInput) as tf.SymbolicTensor,
    });
  }
  model.compile({
    optimizer: tf.train.adam(learningRate),
    loss: loss === 'mae' ? 'meanAbsoluteError' : 'meanSquaredError',
  });
  return model;
}

/** Every row of `rows` ([steps, width]) followed by the series' learned embedding. */
function withSeriesEmbedding(
  rows: tf.SymbolicTensor,
  series: tf.SymbolicTensor,
  options: LstmOptions,
  rng: ReturnType<typeof createRng>,
): tf.SymbolicTensor {
  const seriesCount = options.seriesCount!;
  const embedding = tf.layers
    .dense({
      units: Math.max(1, Math.min(seriesCount, options.seriesEmbedding ?? SERIES_EMBEDDING)),
      useBias: false,
      kernelInitializer: tf.initializers.glorotUniform({ seed: nextTfSeed(rng) }),
      name: 'series_embedding',
    })
    .apply(series);
  const steps = rows.shape[1]!;
  const repeated = tf.layers.repeatVector({ n: steps }).apply(embedding) as tf.SymbolicTensor;
  return tf.layers.concatenate().apply([rows, repeated]) as tf.SymbolicTensor;
}

function head(horizon: number, rng: ReturnType<typeof createRng>): tf.layers.Layer {
  return tf.layers.dense({
    units: horizon,
    kernelInitializer: tf.initializers.glorotUniform({ seed: nextTfSeed(rng) }),
  });
}

/** The optimizer's current learning rate (Adam keeps it as a plain number it reads every step). */
export function learningRateOf(model: tf.LayersModel): number {
  return adamOf(model).learningRate;
}

/** Sets the learning rate of the model's optimizer; it applies from the next batch on. */
export function setLearningRate(model: tf.LayersModel, learningRate: number): void {
  adamOf(model).learningRate = learningRate;
}

function adamOf(model: tf.LayersModel): { learningRate: number } {
  // tfjs keeps the rate in a protected field; every optimizer tf.train makes has one.
  const optimizer = model.optimizer as unknown as { learningRate?: unknown } | undefined;
  if (!optimizer || typeof optimizer.learningRate !== 'number') {
    throw new Error('The model has no optimizer with a learning rate: compile it first.');
  }
  return optimizer as { learningRate: number };
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
 * count x horizon, row-major. `future`: the known-future inputs of a model with them
 * (count x horizon·futureFeatures, row-major); `seriesIds`: the windows' series one-hot of a
 * model across series (count x seriesCount).
 */
export async function predictWindows(
  model: tf.LayersModel,
  inputs: Float32Array,
  count: number,
  lookback: number,
  features = 1,
  future?: Float32Array,
  seriesIds?: Float32Array,
): Promise<Float32Array> {
  const output = tf.tidy(() => {
    const x = tf.tensor3d(inputs, [count, lookback, features]);
    const others = [future, seriesIds].flatMap((rows) =>
      rows ? [tf.tensor2d(rows, [count, rows.length / count])] : [],
    );
    return model.predict(others.length > 0 ? [x, ...others] : x) as tf.Tensor;
  });
  try {
    return (await output.data()) as Float32Array;
  } finally {
    output.dispose();
  }
}
