// The hybrid's split of a series into what MSTL explains (level, trend, every seasonal cycle) and
// the remainder the LSTM learns. Inside the training cut the components are MSTL's in-sample fit;
// after it, MSTL's forecast path from the cut. So remainder + components = values everywhere,
// and nothing at or after a forecast origin is ever read. MSTL sees the whole training part (no
// history cap, unlike the MSTL comparator): the remainder must line up index for index with the
// series and its timestamps, which the LSTM's calendar features read.
import { mstlDecompose } from '../classical/mstl';
import type { Frequency, SeasonInfo } from '../types';

export interface Decomposition {
  /** Index after the last training value: where the forecast path begins. */
  cut: number;
  /** Components of values[0 .. cut). */
  inSample: number[];
  /** Components of values[cut .. cut + path.length). */
  path: number[];
}

/** Fits MSTL on `train` and projects the components `steps` past its end. */
export function decompose(train: Float64Array, steps: number, frequency: Frequency, season: SeasonInfo): Decomposition {
  const cut = train.length;
  const { path, inSample } = mstlDecompose(train, steps, frequency, season);
  if (inSample.length !== cut || path.length !== steps || ![...inSample, ...path].every(Number.isFinite)) {
    throw new Error(`MSTL could not decompose ${cut} values for the hybrid LSTM.`);
  }
  return { cut, inSample, path };
}

/**
 * No components at all: the hybrid's LSTM then models the values themselves, like the plain LSTM.
 * Used when MSTL cannot decompose the training part (too short to see any cycle twice).
 */
export function flatDecomposition(cut: number, steps: number): Decomposition {
  return { cut, inSample: new Array<number>(cut).fill(0), path: new Array<number>(steps).fill(0) };
}

/** The components at series index i (in sample or on the path). */
export function componentAt(d: Decomposition, i: number): number {
  if (i < 0 || i >= d.cut + d.path.length) {
    throw new Error(`The decomposition covers indices 0..${d.cut + d.path.length - 1}, not ${i}.`);
  }
  return i < d.cut ? d.inSample[i] : d.path[i - d.cut];
}

/** values - components over indices [0, end). */
export function remainderUpTo(d: Decomposition, values: ArrayLike<number>, end: number): Float64Array {
  const remainder = new Float64Array(end);
  for (let i = 0; i < end; i++) remainder[i] = values[i] - componentAt(d, i);
  return remainder;
}

/** Components of the `remainder.length` steps from `origin` put back onto a remainder forecast. */
export function recompose(d: Decomposition, origin: number, remainder: readonly number[]): number[] {
  return remainder.map((r, i) => componentAt(d, origin + i) + r);
}
