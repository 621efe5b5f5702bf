// What the hybrid LSTM takes out of a series before it learns it, ES-RNN style (Smyl 2020): the
// log where the series is positive (so seasonality and changes become relative), then every
// seasonal cycle of the frequency seen at least twice, as a fixed seasonal figure per cycle, and
// calendar effects: a daily series' holidays (with a holiday calendar, holiday-effects.ts), a
// monthly series' trading days and leap years (trading-days.ts). Level and trend stay in: the
// LSTM, reading windows relative to their smoothed level (level-normalised), carries them forward
// itself. Figures and effects are estimated on the fit's training part only and continue unchanged
// after it, so the adjustment of a step never depends on it or on anything later.
//
// Each figure is a classical decomposition's (centred moving average, R's stats::decompose) of the
// series less the other cycles' figures, over its most recent RECENT_CYCLES of the longest cycle
// (seasonality drifts; the latest cycles say most about the next), refined twice over the cycles,
// as MSTL does with STL. The year of a daily series is smoothed to its first YEARLY_HARMONICS
// harmonics (Prophet's default Fourier order for yearly seasonality): a few years give each day of
// the year only a few values, so its raw figure is mostly noise, and the sharp days in it (holidays)
// are the holiday effects' to model, where they also move with the calendar.
import { seasonalFigure } from '../classical/decompose';
import { seasonalPeriods } from '../classical/seasonal-periods';
import type { Frequency, SeasonInfo } from '../types';
import { estimateHolidayEffects, holidayEffect, type HolidayEffects, type HolidayKeyAt } from './holiday-effects';
import { estimateTradingDays, tradingDayEffect, type MonthRegressorsAt, type TradingDayEffect } from './trading-days';

/** Cycles of the longest period the figures are estimated on (at most). */
const RECENT_CYCLES = 6;
/** Passes over the cycles: each refines a figure on the series less the others' latest figures. */
const PASSES = 2;
/** Harmonics kept of a daily series' yearly figure. */
const YEARLY_HARMONICS = 10;

export interface SeasonalAdjustment {
  /** Whether values are logged first (every training value was positive). */
  log: boolean;
  /** Below this a value is logged as this (a later value <= 0 in a log-adjusted series). */
  floor: number;
  /** One figure per cycle: `figure[(i - offset) mod period]` is series index i's component. */
  cycles: { period: number; offset: number; figure: number[] }[];
  /** A daily series' holiday effects, when the run has a holiday calendar. */
  holidays?: { keyAt: HolidayKeyAt; effects: HolidayEffects };
  /** A monthly series' trading-day and leap-year effect. */
  tradingDays?: { at: MonthRegressorsAt; effect: TradingDayEffect };
}

/** What the adjustment knows of the series' calendar; each part is used for its frequency only. */
export interface AdjustmentCalendar {
  /** A daily series' holiday keys (dailyHolidayKeys), when the run has a holiday calendar. */
  holidays?: HolidayKeyAt;
  /** A monthly series' month regressors (monthlyRegressors). */
  months?: MonthRegressorsAt;
}

/** Fits the adjustment on `train` (a series' first values). Fewer than two of a cycle: no figure. */
export function fitSeasonalAdjustment(
  train: ArrayLike<number>,
  frequency: Frequency,
  season: SeasonInfo,
  calendar: AdjustmentCalendar = {},
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
  const keyAt = frequency === 'daily' ? calendar.holidays : undefined;
  const months = frequency === 'monthly' ? calendar.months : undefined;
  if (periods.length === 0 && !keyAt) return { log: positive, floor, cycles: [] };

  const span = Math.min(n, RECENT_CYCLES * Math.max(0, ...periods));
  const offset = n - span;
  const cycles = periods.map((period) => ({ period, offset, figure: new Array<number>(period).fill(0) }));
  const adjustment: SeasonalAdjustment = { log: positive, floor, cycles };
  if (keyAt) adjustment.holidays = { keyAt, effects: new Map() };
  if (months) adjustment.tradingDays = { at: months, effect: { set: 'none', beta: [] } };
  for (let pass = 0; pass < PASSES; pass++) {
    for (const cycle of cycles) {
      const others = Float64Array.from({ length: span }, (_, j) => {
        const i = offset + j;
        return z[i] - seasonalAt(adjustment, i) + componentOf(cycle, i);
      });
      const figure = seasonalFigure(others, cycle.period, 'additive');
      cycle.figure = frequency === 'daily' && cycle.period >= 365 ? harmonics(figure, YEARLY_HARMONICS) : figure;
    }
    // Each calendar effect on the series less everything else.
    if (adjustment.holidays) {
      const others = { ...adjustment, holidays: undefined };
      adjustment.holidays.effects = estimateHolidayEffects(
        Float64Array.from(z, (v, i) => v - seasonalAt(others, i)),
        adjustment.holidays.keyAt,
      );
    }
    if (adjustment.tradingDays) {
      const others = { ...adjustment, tradingDays: undefined };
      adjustment.tradingDays.effect = estimateTradingDays(
        Float64Array.from(z, (v, i) => v - seasonalAt(others, i)),
        adjustment.tradingDays.at,
      );
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
  if (adjustment.holidays) sum += holidayEffect(adjustment.holidays.effects, adjustment.holidays.keyAt(i));
  if (adjustment.tradingDays) sum += tradingDayEffect(adjustment.tradingDays.effect, adjustment.tradingDays.at, i);
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

/** `figure` (one full cycle, mean 0) projected on its first `k` Fourier harmonics (below the Nyquist one). */
export function harmonics(figure: readonly number[], k: number): number[] {
  const m = figure.length;
  const smooth = new Array<number>(m).fill(0);
  for (let h = 1; h <= Math.min(k, Math.floor((m - 1) / 2)); h++) {
    let a = 0;
    let b = 0;
    for (let i = 0; i < m; i++) {
      a += figure[i] * Math.cos((2 * Math.PI * h * i) / m);
      b += figure[i] * Math.sin((2 * Math.PI * h * i) / m);
    }
    for (let i = 0; i < m; i++) {
      smooth[i] += (2 / m) * (a * Math.cos((2 * Math.PI * h * i) / m) + b * Math.sin((2 * Math.PI * h * i) / m));
    }
  }
  return smooth;
}
