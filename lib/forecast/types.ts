// Public types of the forecasting engine. The engine imports nothing from Next, BullMQ or Prisma:
// the worker, the CLI and the tests all call it with plain arrays and callbacks.

/** Regular frequencies the engine knows a season length for. */
export type Frequency =
  | 'minutely'
  | 'hourly'
  | 'daily'
  | 'weekly'
  | 'monthly'
  | 'quarterly'
  | 'yearly'
  | 'irregular';

/** A univariate series: timestamps in epoch milliseconds (ascending, unique) and values. */
export interface SeriesData {
  t: number[];
  v: number[];
  frequency: Frequency;
}

/** Everything a run is trained with. All fields have defaults (see config.ts). */
export interface ForecastConfig {
  /** Steps to forecast, and the size of the held-out test window. */
  horizon: number;
  /** Input window length. */
  lookback: number;
  epochs: number;
  /** LSTM units per layer. */
  units: number;
  learningRate: number;
  batchSize: number;
  /** Dropout on the LSTM output, 0..0.9. */
  dropout: number;
  /** Fraction of training windows kept for validation (early stopping). */
  validationSplit: number;
  /** Early-stopping patience in epochs. */
  patience: number;
  /** Seed for weight initialisation and shuffling. */
  seed: number;
}

export type ModelName = 'lstm' | 'seasonalNaive';

export interface Metrics {
  mae: number;
  rmse: number;
  /** Scaled by the in-sample seasonal-naive MAE of the training part. */
  mase: number;
}

export interface EpochLog {
  epoch: number;
  loss: number;
  valLoss?: number;
}

export interface TrainProgress {
  /** 0..1 over the whole run (both fits). */
  progress: number;
  phase: 'evaluate' | 'refit';
  epoch: number;
  epochs: number;
  loss: number;
  valLoss?: number;
}

export interface RunCallbacks {
  /** Called after every epoch. May be async; training waits for it. */
  onProgress?: (p: TrainProgress) => void | Promise<void>;
  /** Checked after every epoch; returning true stops training with a CancelledError. */
  shouldCancel?: () => boolean | Promise<boolean>;
}

/** Serialised Keras-style model, storable as JSON + bytes. */
export interface SavedModel {
  /** tf.io.ModelArtifacts without weightData (modelTopology, weightSpecs, format, ...). */
  artifacts: Record<string, unknown>;
  weights: Uint8Array;
}

export interface ForecastResult {
  /** TensorFlow.js backend that trained the model: tensorflow, wasm or cpu. */
  backend: string;
  config: ForecastConfig;
  durationMs: number;
  metrics: Record<ModelName, Metrics>;
  /** Held-out test window: the last `horizon` points. */
  test: { t: number[]; actual: number[]; forecasts: Record<ModelName, number[]> };
  /** `horizon` steps after the last point, from the model refit on all data. */
  future: { t: number[]; forecasts: Record<ModelName, number[]> };
  /** Loss history of the evaluation fit (the one scored on the test window). */
  history: EpochLog[];
  summary: { points: number; trainStart: number; trainEnd: number; testStart: number; testEnd: number };
  /** The refit model that produced `future`. */
  model: SavedModel;
}
