import { FREQUENCY_SPECS } from './time/frequency';
import type { Frequency } from './types';

/** Steps in one seasonal cycle: the lag the seasonal-naive baseline repeats and MASE scales by. */
export function seasonLength(frequency: Frequency): number {
  return FREQUENCY_SPECS[frequency].season;
}

/** Autocorrelation a cycle must reach to count; weaker ones are not worth repeating. */
const MIN_SEASONAL_AUTOCORRELATION = 0.3;
/** How far the autocorrelation must fall before the peak, so a slow decay is not read as a cycle. */
const MIN_PEAK_PROMINENCE = 0.1;
/** Cycles must repeat at least this often in the data to be told apart from chance. */
const MIN_CYCLES = 3;

function detrend(values: ArrayLike<number>): number[] {
  const n = values.length;
  const xm = (n - 1) / 2;
  let ym = 0;
  for (let i = 0; i < n; i++) ym += values[i] / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - xm) * (values[i] - ym);
    sxx += (i - xm) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return Array.from({ length: n }, (_, i) => values[i] - ym - slope * (i - xm));
}

/**
 * The cycle length of `values` by autocorrelation, or 1 when there is no clear cycle. Works on
 * first differences, which removes trends and random-walk wander (a random walk's own
 * autocorrelation is high at every lag) while keeping the period of a cycle. Picks the first lag
 * (2 or more) where the autocorrelation peaks above MIN_SEASONAL_AUTOCORRELATION after falling
 * at least MIN_PEAK_PROMINENCE below it: the fundamental period, not one of its multiples.
 */
export function detectSeason(values: ArrayLike<number>, maxLag = 400): number {
  const diffs = detrend(values);
  const n = diffs.length;
  const lastLag = Math.min(maxLag, Math.floor(n / MIN_CYCLES));
  if (lastLag < 2) return 1;

  const mean = diffs.reduce((sum, d) => sum + d, 0) / n;
  const centred = diffs.map((d) => d - mean);
  const variance = centred.reduce((sum, d) => sum + d * d, 0);
  if (variance === 0) return 1;
  const acf = (lag: number): number => {
    let sum = 0;
    for (let i = lag; i < n; i++) sum += centred[i] * centred[i - lag];
    return sum / variance;
  };

  let trough = acf(1);
  let previous = trough;
  let current = acf(2);
  for (let lag = 2; lag <= lastLag; lag++) {
    const next = lag < lastLag ? acf(lag + 1) : -Infinity;
    const isPeak = current > previous && current >= next;
    if (isPeak && current >= MIN_SEASONAL_AUTOCORRELATION && trough < 0 && current - trough >= MIN_PEAK_PROMINENCE)
      return lag;
    trough = Math.min(trough, current);
    previous = current;
    current = next;
  }
  return 1;
}

/**
 * The season for a series: the frequency's cycle when it has one, else whatever cycle the values
 * show. Pass only values a model may see (those before the first backtest window), or the season
 * itself would leak the future into the backtest.
 */
export function resolveSeason(
  frequency: Frequency,
  values: ArrayLike<number>,
): { length: number; source: 'frequency' | 'detected' | 'none' } {
  const fromFrequency = seasonLength(frequency);
  if (fromFrequency > 1) return { length: fromFrequency, source: 'frequency' };
  const detected = detectSeason(values);
  return detected > 1 ? { length: detected, source: 'detected' } : { length: 1, source: 'none' };
}
