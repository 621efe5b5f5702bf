// The seasonal cycles MSTL removes, per frequency: every cycle the data has, where the series is
// long enough to see it at least twice (a cycle seen once cannot be told from a trend).
import type { Frequency, SeasonInfo } from '../types';

const CYCLES: Record<Frequency, readonly number[]> = {
  minutely: [60, 1440], // hour, day
  hourly: [24, 168], // day, week
  daily: [7, 365], // week, year (365.25 rounded: MSTL takes whole periods)
  weekly: [52],
  monthly: [12],
  quarterly: [4],
  yearly: [],
  irregular: [],
};

/** Cycles need this many full repetitions in the training data. */
const MIN_CYCLES = 2;

/**
 * Periods for a series of `points` values. A frequency without cycles uses the season detected
 * by autocorrelation, if any.
 */
export function seasonalPeriods(frequency: Frequency, season: SeasonInfo, points: number): number[] {
  const candidates = CYCLES[frequency].length > 0 ? CYCLES[frequency] : season.length > 1 ? [season.length] : [];
  return candidates.filter((period) => period > 1 && points >= MIN_CYCLES * period);
}
