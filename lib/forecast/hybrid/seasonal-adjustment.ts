// What the hybrid LSTM takes out of a series before it learns it, ES-RNN style (Smyl 2020): the
// log where the series is positive (so seasonality and changes become relative), then every
// seasonal cycle of the frequency seen at least twice, as a fixed seasonal figure per cycle. Level
// and trend stay in: the LSTM, reading windows relative to their last value (level-normalised),
// carries them forward itself. The figures are estimated on the fit's training part only and
// repeat unchanged after it, so the adjustment of a step never depends on it or on anything later.
//
// Each figure is a classical decomposition's (centred moving average, R's stats::decompose) of the
// series less the other cycles' figures, over its most recent RECENT_CYCLES of the longest cycle
// (seasonality drifts; the latest cycles say most about the next), refined twice over the cycles,
// as MSTL does with STL.
import { seasonalFigure } from '../classical/decompose';
import { seasonalPeriods } from '../classical/seasonal-periods';
import type { Frequency, SeasonInfo } from '../types';

/** Cycles of the longest period the figures are estimated on (at most). */
const RECENT_CYCLES = 6;
/** Passes over the cycles: each refines a figure on the series less the others' latest figures. */
const PASSES = 2;

export interface SeasonalAdjustment {
  /** Whether values are logged first (every training value was positive). */
  log: boolean;
  /** Below this a value is logged as this (a later value <= 0 in a log-adjusted series). */
  floor: number;
  /** One figure per cycle: `figure[(i - offset) mod period]` is series index i's component. */
  cycles: { period: number; offset: number; figure: number[] }[];
}

/** Fits the adjustment on `train` (a series' first values). Fewer than two of a cycle: no figure. */
export function fitSeasonalAdjustment(
  train: ArrayLike<number>,
  frequency: Frequency,
  season: SeasonInfo,
): SeasonalAdjustment {
  const n = train.length;
  const positive = n > 0 && Array.prototype.every.call(train, (v: number) => v > 0);
  let floor = 0;
  if (positive) {
    floor = Infinity;
    for (let i = 0; i < n; i++) floor = Math.min(floor, train[i] / 10);
  }
  const z = Float64Array.from(train, (v) => (positive ? Math.log(v) : v));
  const periods = seasonalPeriods(frequency, season, n);
  if (periods.length === 0) return { log: positive, floor, cycles: [] };

  const span = Math.min(n, RECENT_CYCLES * Math.max(...periods));
  const offset = n - span;
  const cycles = periods.map((period) => ({ period, offset, figure: new Array<number>(period).fill(0) }));
  const adjustment: SeasonalAdjustment = { log: positive, floor, cycles };
  for (let pass = 0; pass < PASSES; pass++) {
    for (const cycle of cycles) {
      const others = Float64Array.from({ length: span }, (_, j) => {
        const i = offset + j;
        return z[i] - seasonalAt(adjustment, i) + componentOf(cycle, i);
      });
      cycle.figure = seasonalFigure(others, cycle.period, 'additive');
    }
  }
  return adjustment;
}

function componentOf(cycle: SeasonalAdjustment['cycles'][number], i: number): number {
  const { period, offset, figure } = cycle;
  return figure[(((i - offset) % period) + period) % period];
}

/** The seasonal component of series index i (any index: the figures repeat). */
export function seasonalAt(adjustment: SeasonalAdjustment, i: number): number {
  let sum = 0;
  for (const cycle of adjustment.cycles) sum += componentOf(cycle, i);
  return sum;
}

/** values[0 .. end) adjusted: logged if the adjustment logs, less the seasonal components. */
export function adjustValues(adjustment: SeasonalAdjustment, values: ArrayLike<number>, end: number): Float64Array {
  const { log, floor } = adjustment;
  return Float64Array.from({ length: end }, (_, i) => {
    const v = values[i];
    return (log ? Math.log(Math.max(v, floor)) : v) - seasonalAt(adjustment, i);
  });
}

/** A forecast of the adjusted series for the steps from `origin` back in the series' units. */
export function unadjust(adjustment: SeasonalAdjustment, origin: number, adjusted: readonly number[]): number[] {
  return adjusted.map((y, h) => {
    const z = y + seasonalAt(adjustment, origin + h);
    return adjustment.log ? Math.exp(z) : z;
  });
}
