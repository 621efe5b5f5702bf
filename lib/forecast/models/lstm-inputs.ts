// What the LSTM reads and emits, in one place for training, backtest forecasts and saved models:
// the series goes through its transform (log, differences), min-max scaling fit on the training
// values, and is made relative to the last input value; calendar features ride along as extra
// inputs per step. Forecasts come back through the same steps in reverse.
//
// Differenced series are made relative too: on an accelerating trend the differences themselves
// drift out of the scaler's range (measured: validation MAE 20x worse without it on a quadratic
// trend), and on a steady one the model recovers the level from the other inputs.
import { calendarCovariates, type CalendarFeature } from '../calendar';
import { fitMinMax, inverseTransform, transform, type MinMaxScaler } from '../scaling';
import { applyTransform, invertForecast, type SeriesTransform } from '../transforms';
import { interleave, relativeToLastInput, slidingWindows, type Windows } from '../windows';

/** How a model's inputs are built: fixed on a run's first fit, saved with the model. */
export interface LstmInputEncoding {
  transform: SeriesTransform;
  /** Each adds a sin and a cos input per step. */
  calendar: CalendarFeature[];
  /** The IANA zone the calendar features read the time in; unset: UTC. */
  timeZone?: string;
}

/** Values alone, untransformed: what models saved before transforms and calendar features read. */
export const PLAIN_ENCODING: LstmInputEncoding = { transform: { name: 'none', lag: 0 }, calendar: [] };

/** Inputs per time step. */
export function inputFeatures(encoding: LstmInputEncoding): number {
  return 1 + 2 * encoding.calendar.length;
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
): { windows: Windows; scaler: MinMaxScaler } {
  const z = applyTransform(encoding.transform, values);
  const scaler = fitMinMax(z);
  const { lag } = encoding.transform;
  // z[j] belongs to time step j + lag.
  const covariates =
    encoding.calendar.length > 0
      ? calendarCovariates(
          Array.prototype.slice.call(requireTimestamps(encoding, t, values.length), lag, values.length) as number[],
          encoding.calendar,
          encoding.timeZone,
        )
      : undefined;
  return { windows: relativeToLastInput(slidingWindows(transform(scaler, z), lookback, horizon, covariates)), scaler };
}

/** The model inputs for forecasting from each origin, and the anchor each forecast is relative to. */
export function originInputs(
  encoding: LstmInputEncoding,
  scaler: MinMaxScaler,
  values: ArrayLike<number>,
  origins: readonly number[],
  lookback: number,
  t?: ArrayLike<number>,
): { inputs: Float32Array; anchors: Float32Array } {
  const { lag } = encoding.transform;
  const features = inputFeatures(encoding);
  const inputs = new Float32Array(origins.length * lookback * features);
  const anchors = new Float32Array(origins.length);
  origins.forEach((origin, i) => {
    if (origin < lookback + lag || origin > values.length) {
      throw new Error(`Cannot forecast from origin ${origin}: it needs ${lookback + lag} values before it.`);
    }
    // lookback + lag values make exactly lookback transformed ones, for steps origin - lookback ..
    const z = applyTransform(encoding.transform, Array.prototype.slice.call(values, origin - lookback - lag, origin));
    const scaled = transform(scaler, z);
    anchors[i] = scaled[lookback - 1];
    const relative = scaled.map((x) => x - anchors[i]);
    if (features === 1) {
      inputs.set(relative, i * lookback);
    } else {
      const steps = Array.prototype.slice.call(
        requireTimestamps(encoding, t, origin),
        origin - lookback,
        origin,
      ) as number[];
      interleave(
        inputs,
        i * lookback * features,
        relative,
        calendarCovariates(steps, encoding.calendar, encoding.timeZone),
        0,
        lookback,
      );
    }
  });
  return { inputs, anchors };
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
