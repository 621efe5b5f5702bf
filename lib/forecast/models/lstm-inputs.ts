// What the LSTM reads and emits, in one place for training, backtest forecasts and saved models:
// the series goes through its transform (log, differences), min-max scaling fit on the training
// values, and is made relative to an anchor (LSTM_ANCHOR: the window's mean; the hybrid's is its
// smoothed level); calendar features ride along as extra inputs per step. Forecasts come back
// through the same steps in reverse.
//
// Differenced series are made relative too: on an accelerating trend the differences themselves
// drift out of the scaler's range (measured: validation MAE 20x worse without it on a quadratic
// trend), and on a steady one the model recovers the level from the other inputs.
import { calendarCovariates, type CalendarFeature } from '../calendar';
import type { ColumnScaling, CovariateBlock } from '../covariates';
import { fitMinMax, inverseTransform, transform, type MinMaxScaler } from '../scaling';
import { applyTransform, invertForecast, type SeriesTransform } from '../transforms';
import {
  anchorOf,
  interleave,
  relativeToAnchor,
  slidingWindows,
  type Covariates,
  type WindowAnchor,
  type Windows,
} from '../windows';

/** How a model's inputs are built: fixed on a run's first fit, saved with the model. */
export interface LstmInputEncoding {
  transform: SeriesTransform;
  /** Each adds a sin and a cos input per step. */
  calendar: CalendarFeature[];
  /** The IANA zone the calendar features read the time in; unset: UTC. */
  timeZone?: string;
  /** What each window is relative to (windows.ts, WindowAnchor); unset: its last input, as models saved before. */
  anchor?: WindowAnchor;
}

/**
 * What a new LSTM's windows are relative to unless it says otherwise (the hybrid LSTM's are relative
 * to their smoothed level, hybrid/hybrid-lstm.ts): their mean (windows.ts, WindowAnchor), which holds
 * the level without the last step's noise. Measured with the evaluation bench (its five series,
 * default runs), the best LSTM-family MASE over the best classical model's, last input -> mean:
 * hourly 0.93 -> 0.91, daily synthetic 1.01 -> 0.98, monthly synthetic 1.17 -> 0.98, US births
 * daily 1.14 -> 1.03, US births monthly 1.29 -> 1.20.
 */
export const LSTM_ANCHOR: WindowAnchor = 'mean';

/** Values alone, untransformed: what models saved before transforms and calendar features read. */
export const PLAIN_ENCODING: LstmInputEncoding = { transform: { name: 'none', lag: 0 }, calendar: [] };

/**
 * A run's covariates and holiday features (covariates.ts) as one fit reads them: scaled on that
 * fit's training part. Past steps feed the input window; known-future ones the forecast steps.
 */
export interface CovariateInputs {
  block: CovariateBlock;
  scaling: ColumnScaling;
}

/** The block scaled on a fit of `trainEnd` values; undefined without a block. */
export function covariateInputs(block: CovariateBlock | undefined, trainEnd: number): CovariateInputs | undefined {
  return block && { block, scaling: block.scaling(trainEnd) };
}

/** Inputs per time step. */
export function inputFeatures(encoding: LstmInputEncoding, covariates?: CovariateInputs): number {
  return 1 + 2 * encoding.calendar.length + (covariates?.block.width ?? 0);
}

/** Known-future inputs per forecast step (0: the single-input model). */
export function futureFeatures(covariates?: CovariateInputs): number {
  return covariates?.block.futureWidth ?? 0;
}

/** Side-by-side columns per row: `a` (may be absent) then `b` (rows x bWidth). */
function joinColumns(a: Covariates | undefined, b: Float32Array, bWidth: number, rows: number): Covariates {
  const aWidth = a?.count ?? 0;
  const count = aWidth + bWidth;
  const values = new Float32Array(rows * count);
  for (let i = 0; i < rows; i++) {
    if (a) values.set(a.values.subarray(i * aWidth, (i + 1) * aWidth), i * count);
    values.set(b.subarray(i * bWidth, (i + 1) * bWidth), i * count + aWidth);
  }
  return { count, values };
}

/** Calendar features and covariates of steps from..to-1 (undefined when there are none). */
function stepColumns(
  encoding: LstmInputEncoding,
  t: ArrayLike<number> | undefined,
  from: number,
  to: number,
  covariates: CovariateInputs | undefined,
): Covariates | undefined {
  const calendar =
    encoding.calendar.length > 0
      ? calendarCovariates(
          Array.prototype.slice.call(requireTimestamps(encoding, t, to), from, to) as number[],
          encoding.calendar,
          encoding.timeZone,
        )
      : undefined;
  if (!covariates) return calendar;
  const { block, scaling } = covariates;
  return joinColumns(calendar, block.inputRows(scaling, from, to), block.width, to - from);
}

function requireTimestamps(
  encoding: LstmInputEncoding,
  t: ArrayLike<number> | undefined,
  needed: number,
): ArrayLike<number> {
  if (!t) throw new Error('This LSTM reads calendar features: pass the timestamps of the values.');
  if (t.length < needed) throw new Error(`Calendar features need ${needed} timestamps, got ${t.length}.`);
  return t;
}

/**
 * Training windows of `values` (timestamps `t`, needed with calendar features) and the scaler,
 * fit on exactly these (transformed) values.
 */
export function trainingWindows(
  encoding: LstmInputEncoding,
  values: ArrayLike<number>,
  lookback: number,
  horizon: number,
  t?: ArrayLike<number>,
  covariates?: CovariateInputs,
): { windows: Windows; scaler: MinMaxScaler } {
  const z = applyTransform(encoding.transform, values);
  const scaler = fitMinMax(z);
  const { lag } = encoding.transform;
  // z[j] belongs to time step j + lag.
  const columns = stepColumns(encoding, t, lag, values.length, covariates);
  const windows = relativeToAnchor(slidingWindows(transform(scaler, z), lookback, horizon, columns), encoding.anchor);
  const width = futureFeatures(covariates);
  if (width === 0) return { windows, scaler };
  // Window w's targets are steps lag + w + lookback ..: their known-future rows, all before values.length.
  const rows = covariates!.block.futureRows(covariates!.scaling, lag + lookback, values.length);
  const future = new Float32Array(windows.count * horizon * width);
  for (let w = 0; w < windows.count; w++) {
    future.set(rows.subarray(w * width, (w + horizon) * width), w * horizon * width);
  }
  return { windows: { ...windows, future, futureFeatures: width }, scaler };
}

/** The model inputs for forecasting from each origin, and the anchor each forecast is relative to. */
export function originInputs(
  encoding: LstmInputEncoding,
  scaler: MinMaxScaler,
  values: ArrayLike<number>,
  origins: readonly number[],
  lookback: number,
  t?: ArrayLike<number>,
  covariates?: CovariateInputs,
  horizon = 0,
): { inputs: Float32Array; anchors: Float32Array; future?: Float32Array } {
  const { lag } = encoding.transform;
  const features = inputFeatures(encoding, covariates);
  const inputs = new Float32Array(origins.length * lookback * features);
  const anchors = new Float32Array(origins.length);
  const width = futureFeatures(covariates);
  const future = width > 0 ? new Float32Array(origins.length * horizon * width) : undefined;
  origins.forEach((origin, i) => {
    if (origin < lookback + lag || origin > values.length) {
      throw new Error(`Cannot forecast from origin ${origin}: it needs ${lookback + lag} values before it.`);
    }
    // lookback + lag values make exactly lookback transformed ones, for steps origin - lookback ..
    const z = applyTransform(encoding.transform, Array.prototype.slice.call(values, origin - lookback - lag, origin));
    const scaled = transform(scaler, z);
    anchors[i] = anchorOf(scaled, 0, lookback, encoding.anchor);
    const relative = scaled.map((x) => x - anchors[i]);
    if (features === 1) {
      inputs.set(relative, i * lookback);
    } else {
      // Only steps before the origin: a past-only covariate is cut there.
      interleave(
        inputs,
        i * lookback * features,
        relative,
        stepColumns(encoding, t, origin - lookback, origin, covariates)!,
        0,
        lookback,
      );
    }
    if (future) {
      future.set(covariates!.block.futureRows(covariates!.scaling, origin, origin + horizon), i * horizon * width);
    }
  });
  return { inputs, anchors, ...(future && { future }) };
}

/** Levels of the `horizon` steps after each origin from the model's output (origins x horizon). */
export function decodeForecasts(
  encoding: LstmInputEncoding,
  scaler: MinMaxScaler,
  values: ArrayLike<number>,
  origins: readonly number[],
  output: Float32Array,
  anchors: Float32Array,
): number[][] {
  const horizon = output.length / origins.length;
  const { lag } = encoding.transform;
  return origins.map((origin, i) => {
    const z = inverseTransform(
      scaler,
      output.subarray(i * horizon, (i + 1) * horizon).map((y) => y + anchors[i]),
    );
    const history = Array.prototype.slice.call(values, origin - lag, origin) as number[];
    return invertForecast(encoding.transform, history, z);
  });
}
