// Min-max scaling to [0, 1]. Fit it on the training part only: a scaler that has seen the test
// window leaks its range into the model's inputs and flatters the test metrics.

export interface MinMaxScaler {
  readonly min: number;
  readonly max: number;
}

export function fitMinMax(values: ArrayLike<number>): MinMaxScaler {
  if (values.length === 0) throw new Error('Cannot fit a scaler on no values.');
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    min = Math.min(min, values[i]);
    max = Math.max(max, values[i]);
  }
  return { min, max };
}

// A constant series has no range: scale by 1 so it maps to 0 instead of dividing by zero.
function range(scaler: MinMaxScaler): number {
  return scaler.max > scaler.min ? scaler.max - scaler.min : 1;
}

export function transform(scaler: MinMaxScaler, values: ArrayLike<number>): Float32Array {
  const r = range(scaler);
  return Float32Array.from(values as ArrayLike<number>, (v) => (v - scaler.min) / r);
}

export function inverseTransform(scaler: MinMaxScaler, scaled: ArrayLike<number>): number[] {
  const r = range(scaler);
  return Array.from(scaled, (s) => s * r + scaler.min);
}
