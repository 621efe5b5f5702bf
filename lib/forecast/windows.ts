// Sliding windows for direct multi-step forecasting: each sample is `lookback` consecutive values
// (optionally with extra inputs per step, such as calendar features) and its target the `horizon`
// values that follow. Flat Float32Arrays go straight into tensors.

export interface Windows {
  /** Number of windows. */
  count: number;
  lookback: number;
  horizon: number;
  /** Inputs per time step: the value first, then any covariates. Absent means 1. */
  features?: number;
  /** count x lookback x features inputs, row-major: reshape to [count, lookback, features]. */
  inputs: Float32Array;
  /** count x horizon targets, row-major: reshape to [count, horizon]. */
  targets: Float32Array;
  /**
   * Known-future inputs of each window's forecast steps (covariates and holiday features, see
   * covariates.ts): count x horizon x futureFeatures, row-major. Absent: none.
   */
  future?: Float32Array;
  futureFeatures?: number;
  /**
   * Which series each window is of, one-hot (a model across many series, shared-global.ts):
   * count x seriesCount, row-major. Absent: one series.
   */
  seriesIds?: Float32Array;
  seriesCount?: number;
}

/** Sliding windows of `lookback` inputs + `horizon` targets that fit in `length` points. */
export function windowCount(length: number, lookback: number, horizon: number): number {
  return Math.max(0, length - lookback - horizon + 1);
}

/** Extra inputs per time step, aligned with the values: length x count, row-major. */
export interface Covariates {
  count: number;
  values: Float32Array;
}

/** Inputs per step of windows (the value plus covariates). */
export function featuresOf(windows: Pick<Windows, 'features'>): number {
  return windows.features ?? 1;
}

export function slidingWindows(
  values: Float32Array,
  lookback: number,
  horizon: number,
  covariates?: Covariates,
): Windows {
  const count = windowCount(values.length, lookback, horizon);
  const extra = covariates?.count ?? 0;
  if (covariates && covariates.values.length < values.length * extra) {
    throw new Error(`Covariates cover ${covariates.values.length / extra} steps, the values ${values.length}.`);
  }
  const features = 1 + extra;
  const inputs = new Float32Array(count * lookback * features);
  const targets = new Float32Array(count * horizon);
  for (let w = 0; w < count; w++) {
    if (extra === 0) {
      inputs.set(values.subarray(w, w + lookback), w * lookback);
    } else {
      interleave(inputs, w * lookback * features, values, covariates!, w, lookback);
    }
    targets.set(values.subarray(w + lookback, w + lookback + horizon), w * horizon);
  }
  return { count, lookback, horizon, features, inputs, targets };
}

/** Writes steps from..from+steps as [value, covariates...] rows into `out` at `offset`. */
export function interleave(
  out: Float32Array,
  offset: number,
  values: ArrayLike<number>,
  covariates: Covariates,
  from: number,
  steps: number,
): void {
  const extra = covariates.count;
  for (let i = 0; i < steps; i++) {
    const row = offset + i * (1 + extra);
    out[row] = values[from + i];
    out.set(covariates.values.subarray((from + i) * extra, (from + i + 1) * extra), row + 1);
  }
}

/** The last `lookback` values: the input that forecasts the steps right after `values`. */
export function lastWindow(values: Float32Array, lookback: number): Float32Array {
  if (values.length < lookback) {
    throw new Error(`Need ${lookback} values for the input window, got ${values.length}.`);
  }
  return values.slice(values.length - lookback);
}

/**
 * Every window re-expressed relative to its anchor (inputs and targets minus it): by default its
 * last input value. The model then learns shapes and changes instead of levels, so a trend that
 * carries the series past the range the scaler saw, where scaled levels leave [0, 1], is still
 * familiar ground.
 */
export function relativeToAnchor(windows: Windows, kind: WindowAnchor = 'last'): Windows {
  const { count, lookback, horizon } = windows;
  const features = featuresOf(windows);
  const inputs = windows.inputs.slice();
  const targets = windows.targets.slice();
  for (let w = 0; w < count; w++) {
    // Only the value (feature 0) is re-expressed; covariates such as calendar features are absolute.
    const anchor = anchorOf(windows.inputs, w * lookback * features, lookback, kind, features);
    for (let i = 0; i < lookback; i++) inputs[(w * lookback + i) * features] -= anchor;
    for (let i = 0; i < horizon; i++) targets[w * horizon + i] -= anchor;
  }
  return { ...windows, inputs, targets };
}

/**
 * 'last': the window's last input (every LSTM before 2026-12-06, and models saved then);
 * 'mean': the mean of its inputs (the plain LSTM, models/lstm-inputs.ts, the in-run global one and
 * a batch's shared global one); `{ level: alpha }`: the window's level by simple exponential
 * smoothing with that alpha, started at its first input (the hybrid LSTM since 2026-12-07, whose
 * series is already deseasonalised: ES-RNN's normalisation by a smoothed level, Smyl 2020).
 * The last input carries that one step's noise into every forecast step (the network must learn
 * to look past it); the mean of a lookback of whole seasons is the level with the season and most
 * of the noise averaged out, but it is the level of the lookback's middle, which lags a trend by
 * half a lookback; the smoothed level lags by only (1 - alpha) / alpha steps and still averages
 * the noise out. Measured on the batch bench's 100 daily series (lookback 28): the shared global
 * LSTM's mean MASE 0.590 with 'last', 0.564 with 'mean'.
 */
export type WindowAnchor = 'last' | 'mean' | { level: number };

/**
 * What a window's values are made relative to (WindowAnchor). The window is values[from],
 * values[from + stride], ... (`lookback` of them): a stride of the feature count reads the value
 * column of interleaved inputs in place.
 */
export function anchorOf(
  values: ArrayLike<number>,
  from: number,
  lookback: number,
  kind: WindowAnchor = 'last',
  stride = 1,
): number {
  if (kind === 'last') return values[from + (lookback - 1) * stride];
  if (typeof kind === 'object') {
    let level = values[from];
    for (let i = 1; i < lookback; i++) level += kind.level * (values[from + i * stride] - level);
    return level;
  }
  let sum = 0;
  for (let i = 0; i < lookback; i++) sum += values[from + i * stride];
  return sum / lookback;
}
