// Frequency of a series from its timestamps, and the timestamps a regular series is missing.
// Months, quarters and years are counted on the UTC calendar, since their length in days varies.
import type { Frequency } from '@/lib/forecast/types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const FIXED_STEPS: [Frequency, number][] = [
  ['minutely', MINUTE],
  ['hourly', HOUR],
  ['daily', DAY],
  ['weekly', 7 * DAY],
];

/** Calendar frequencies: months per step, and the range of step lengths in days they allow. */
const CALENDAR_STEPS: [Frequency, number, number, number][] = [
  ['monthly', 1, 27, 32],
  ['quarterly', 3, 88, 93],
  ['yearly', 12, 360, 370],
];

/**
 * How far the median step may be from a fixed step and still count as it: absorbs the 23- and
 * 25-hour days of data written with daylight-saving offsets.
 */
const TOLERANCE = 0.1;

/** Frequency from the median step between ascending timestamps; 'irregular' when none fits. */
export function inferFrequency(t: readonly number[]): Frequency {
  if (t.length < 2) return 'irregular';
  const step = lowerMedian(differences(t, (a, b) => b - a));
  for (const [frequency, ms] of FIXED_STEPS) {
    if (Math.abs(step - ms) <= ms * TOLERANCE) return frequency;
  }
  const months = lowerMedian(differences(t, (a, b) => monthIndex(b) - monthIndex(a)));
  for (const [frequency, monthsPerStep, minDays, maxDays] of CALENDAR_STEPS) {
    if (months === monthsPerStep && step >= minDays * DAY && step <= maxDays * DAY) return frequency;
  }
  return 'irregular';
}

/** Timestamps a regular series lacks between its first and last point (0 for 'irregular'). */
export function countGaps(t: readonly number[], frequency: Frequency): number {
  const steps = stepCounter(frequency);
  let missing = 0;
  for (let i = 1; i < t.length; i++) missing += Math.max(0, steps(t[i - 1], t[i]) - 1);
  return missing;
}

/** The first timestamp a regular series lacks, or null when it has no gap. */
export function firstGap(t: readonly number[], frequency: Frequency): number | null {
  const steps = stepCounter(frequency);
  for (let i = 1; i < t.length; i++) {
    if (steps(t[i - 1], t[i]) > 1) return addSteps(t[i - 1], 1, frequency);
  }
  return null;
}

/** Whole steps of `frequency` from a to b, rounded (1 for 'irregular', which has no step). */
export function stepsBetween(a: number, b: number, frequency: Frequency): number {
  return stepCounter(frequency)(a, b);
}

function stepCounter(frequency: Frequency): (a: number, b: number) => number {
  const fixed = FIXED_STEPS.find(([f]) => f === frequency);
  if (fixed) return (a, b) => Math.round((b - a) / fixed[1]);
  const calendar = CALENDAR_STEPS.find(([f]) => f === frequency);
  if (calendar) return (a, b) => Math.round((monthIndex(b) - monthIndex(a)) / calendar[1]);
  return () => 1;
}

/** `t` moved by n steps; calendar steps keep the day of month, clamped to the month's last day. */
export function addSteps(t: number, n: number, frequency: Frequency): number {
  const fixed = FIXED_STEPS.find(([f]) => f === frequency);
  if (fixed) return t + n * fixed[1];
  const calendar = CALENDAR_STEPS.find(([f]) => f === frequency);
  if (!calendar) throw new Error(`An irregular series has no step to add`);
  const date = new Date(t);
  const target = monthIndex(t) + n * calendar[1];
  const year = Math.floor(target / 12);
  const month = target - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  date.setUTCFullYear(year, month, Math.min(date.getUTCDate(), lastDay));
  return date.getTime();
}

function monthIndex(t: number): number {
  const date = new Date(t);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

function differences(t: readonly number[], step: (a: number, b: number) => number): Float64Array {
  const out = new Float64Array(t.length - 1);
  for (let i = 1; i < t.length; i++) out[i - 1] = step(t[i - 1], t[i]);
  return out;
}

/** The lower of the two middle values: always a step that actually occurs. */
function lowerMedian(values: Float64Array): number {
  values.sort();
  return values[Math.floor((values.length - 1) / 2)];
}
