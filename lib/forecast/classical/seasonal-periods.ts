// The seasonal cycles MSTL removes, per frequency: every cycle the data has, where the series is
// long enough to see it at least twice (a cycle seen once cannot be told from a trend). The cycles
// of each frequency (15min: a day of 96 steps and a week of 672) are in lib/forecast/time.
import { FREQUENCY_SPECS } from '../time/frequency';
import type { Frequency, SeasonInfo } from '../types';

/** Cycles need this many full repetitions in the training data. */
const MIN_CYCLES = 2;

/**
 * Periods for a series of `points` values. A frequency without cycles uses the season detected
 * by autocorrelation, if any.
 */
export function seasonalPeriods(frequency: Frequency, season: SeasonInfo, points: number): number[] {
  const { cycles } = FREQUENCY_SPECS[frequency];
  const candidates = cycles.length > 0 ? cycles : season.length > 1 ? [season.length] : [];
  return candidates.filter((period) => period > 1 && points >= MIN_CYCLES * period);
}
