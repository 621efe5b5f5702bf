// How the LSTM reads a lookback window: a step per row, or (sub-daily data whose lookback spans
// whole days) a day of steps per row, plus which rows hold the forecast steps' seasonal lag (see
// models/lstm.ts). Derived from the frequency and lookback alone, so every fit of a run, the refit
// and a saved model agree without storing it.
import { FREQUENCY_SPECS, type Frequency } from '../time/frequency';

export interface LstmPatching {
  /** Steps per input row. */
  patch: number;
  /** The longest cycle of the frequency that the lookback covers (a week of hours), if any. */
  seasonalLag?: number;
}

/** Patching for `lookback` steps of `frequency`; undefined: one step per row. */
export function lstmPatching(frequency: Frequency | undefined, lookback: number): LstmPatching | undefined {
  const patch = frequency && FREQUENCY_SPECS[frequency].patch;
  if (!frequency || !patch || lookback % patch !== 0 || lookback < 2 * patch) return undefined;
  const seasonalLag = [...FREQUENCY_SPECS[frequency].cycles]
    .reverse()
    .find((cycle) => cycle % patch === 0 && cycle <= lookback);
  return { patch, ...(seasonalLag && { seasonalLag }) };
}

/** Recurrent steps the LSTM takes over a window: what its cost grows with. */
export function lstmSteps(frequency: Frequency | undefined, lookback: number): number {
  return lookback / (lstmPatching(frequency, lookback)?.patch ?? 1);
}

/**
 * A default lookback made a whole number of rows: rounded down to whole days when the frequency
 * reads patches and the lookback spans at least two of them; otherwise unchanged.
 */
export function wholePatches(frequency: Frequency, lookback: number): number {
  const patch = FREQUENCY_SPECS[frequency].patch;
  return patch && lookback >= 2 * patch ? lookback - (lookback % patch) : lookback;
}
