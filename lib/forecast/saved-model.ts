// Models as plain JSON + bytes, so lib/db can store them in any table and the CLI in any file.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from './backend';
import { lstmForecastFrom } from './lstm-forecaster';
import { disposeModel, predictWindows } from './models/lstm';
import type { LstmInputEncoding } from './models/lstm-inputs';
import { inverseTransform, transform, type MinMaxScaler } from './scaling';
import type { Frequency, SavedModel } from './types';
import './models/seeded-dropout'; // registers the custom layer that saved LSTMs contain

/** What predicting with a saved model needs besides its weights. */
export interface SavedModelMetadata {
  lookback: number;
  horizon: number;
  frequency: Frequency;
  /** Scaler fit on the data the model was trained on: inputs go through it, outputs back. */
  scaler: MinMaxScaler;
  /**
   * Whether the model reads scaled inputs minus an anchor and forecasts relative to it (windows.ts,
   * relativeToAnchor): the last input, or what `encoding.anchor` says. Models saved before that
   * change lack the flag and read scaled levels.
   */
  relativeToLastInput?: boolean;
  /**
   * Transform and calendar features the model's inputs are built with (see models/lstm-inputs.ts).
   * Absent on models saved before them: the value alone, untransformed.
   */
  encoding?: LstmInputEncoding;
  /**
   * The covariate and holiday columns the model reads after the calendar features (issue 22), and
   * the known-future ones of its second input; absent: none. Such a model needs them to forecast.
   */
  covariates?: { columns: string[]; future: string[] };
}

export async function saveModel(model: tf.LayersModel, metadata: SavedModelMetadata): Promise<SavedModel> {
  let saved: SavedModel | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const { weightData, ...json } = artifacts;
      const weights = weightData ? new Uint8Array(tf.io.CompositeArrayBuffer.join(weightData)) : new Uint8Array(0);
      saved = { artifacts: { ...json, userDefinedMetadata: { ...metadata } }, weights };
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  if (!saved) throw new Error('The model produced no artifacts to save.');
  return saved;
}

export async function loadSavedModel(saved: SavedModel): Promise<tf.LayersModel> {
  await initBackend(); // a CLI may load a model before anything else touched TensorFlow
  // slice(): the bytes may be a view into a larger buffer (e.g. a pg Buffer); tfjs wants exactly them.
  const weightData = saved.weights.slice().buffer;
  return tf.loadLayersModel(tf.io.fromMemory({ ...(saved.artifacts as tf.io.ModelArtifacts), weightData }));
}

export function savedModelMetadata(saved: SavedModel): SavedModelMetadata {
  return saved.artifacts.userDefinedMetadata as SavedModelMetadata;
}

/**
 * The `horizon` steps after `values` (at least `lookback` of them, plus the transform's lag) from a
 * saved model. `t`, the timestamps of `values`, is needed when the model reads calendar features.
 */
export async function forecastWithSavedModel(
  saved: SavedModel,
  values: ArrayLike<number>,
  t?: ArrayLike<number>,
): Promise<number[]> {
  const { lookback, scaler, relativeToLastInput, encoding, covariates } = savedModelMetadata(saved);
  if (covariates) {
    throw new Error(
      `This model reads covariates (${covariates.columns.join(', ')}): forecast with a run instead of the saved model alone.`,
    );
  }
  const model = await loadSavedModel(saved);
  try {
    if (relativeToLastInput) {
      return (await lstmForecastFrom({ model, scaler, encoding, t }, values, [values.length], lookback))[0];
    }
    const input = transform(scaler, Array.prototype.slice.call(values, values.length - lookback) as number[]);
    return inverseTransform(scaler, await predictWindows(model, input, 1, lookback));
  } finally {
    disposeModel(model);
  }
}
