// Sliding windows for direct multi-step forecasting: each sample is `lookback` consecutive values
// and its target the `horizon` values that follow. Flat Float32Arrays go straight into tensors.

export interface Windows {
  /** Number of windows. */
  count: number;
  lookback: number;
  horizon: number;
  /** count x lookback inputs, row-major: reshape to [count, lookback, 1]. */
  inputs: Float32Array;
  /** count x horizon targets, row-major: reshape to [count, horizon]. */
  targets: Float32Array;
}

/** Sliding windows of `lookback` inputs + `horizon` targets that fit in `length` points. */
export function windowCount(length: number, lookback: number, horizon: number): number {
  return Math.max(0, length - lookback - horizon + 1);
}

export function slidingWindows(values: Float32Array, lookback: number, horizon: number): Windows {
  const count = windowCount(values.length, lookback, horizon);
  const inputs = new Float32Array(count * lookback);
  const targets = new Float32Array(count * horizon);
  for (let w = 0; w < count; w++) {
    inputs.set(values.subarray(w, w + lookback), w * lookback);
    targets.set(values.subarray(w + lookback, w + lookback + horizon), w * horizon);
  }
  return { count, lookback, horizon, inputs, targets };
}

/** The last `lookback` values: the input that forecasts the steps right after `values`. */
export function lastWindow(values: Float32Array, lookback: number): Float32Array {
  if (values.length < lookback) {
    throw new Error(`Need ${lookback} values for the input window, got ${values.length}.`);
  }
  return values.slice(values.length - lookback);
}

/**
 * Every window re-expressed relative to its last input value (inputs and targets minus it). The
 * model then learns shapes and changes instead of levels, so a trend that carries the series past
 * the range the scaler saw, where scaled levels leave [0, 1], is still familiar ground.
 */
export function relativeToLastInput(windows: Windows): Windows {
  const { count, lookback, horizon } = windows;
  const inputs = windows.inputs.slice();
  const targets = windows.targets.slice();
  for (let w = 0; w < count; w++) {
    const anchor = windows.inputs[w * lookback + lookback - 1];
    for (let i = 0; i < lookback; i++) inputs[w * lookback + i] -= anchor;
    for (let i = 0; i < horizon; i++) targets[w * horizon + i] -= anchor;
  }
  return { count, lookback, horizon, inputs, targets };
}
