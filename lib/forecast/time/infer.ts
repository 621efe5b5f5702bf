// The frequency of a series from its timestamps: the coarsest regular grid the points sit on, so
// that a 15-minute sensor is '15min', trading days are 'business-daily', and hourly counts where
// only the hours with events appear are 'hourly' with gaps (sparse), not irregular.
import { countGaps, fixedStepMs, isBusinessDay, weekdayOf, type Frequency, type RegularFrequency } from './frequency';

const DAY = 86_400_000;

/** Fixed-step frequencies, coarsest first: the first grid every step fits is the series' grid. */
const FIXED_GRIDS: readonly RegularFrequency[] = [
  'weekly',
  'daily',
  '12h',
  '8h',
  '6h',
  '4h',
  '3h',
  '2h',
  'hourly',
  '30min',
  '20min',
  '15min',
  '10min',
  '5min',
  '2min',
  'minutely',
];

/** Calendar frequencies: months per step, and the range of step lengths in days they allow. */
const CALENDAR_GRIDS: [RegularFrequency, number, number, number][] = [
  ['monthly', 1, 27, 32],
  ['quarterly', 3, 88, 93],
  ['yearly', 12, 360, 370],
];

/**
 * How far a step may be from a whole number of grid steps (as a share of one step) and still sit
 * on the grid: absorbs clock jitter and the 23- and 25-hour days of data written with
 * daylight-saving offsets.
 */
const TOLERANCE = 0.1;
/** Share of steps that must sit on a grid for it to count (a stray timestamp does not undo it). */
const MIN_ON_GRID = 0.99;
/** The same for messy data whose median step is one grid step. */
const MIN_MOSTLY_ON_GRID = 0.8;
/**
 * Share of steps that must be exactly one grid step: the evidence that the grid is the data's own.
 * Without it, steps of 2 days would be "daily, every other day missing", and events at whole
 * minutes "minutely" with nearly every minute missing; with it, hourly counts where only the hours
 * with events appear are still hourly.
 */
const MIN_SINGLE_STEPS = 0.25;
/** Weekends a weekday-only series must span to be business-daily rather than daily with gaps. */
const MIN_WEEKENDS = 2;

export interface InferredFrequency {
  frequency: Frequency;
  /** Steps of the grid missing between the first and last point (0 for 'irregular'). */
  gaps: number;
  /** gaps / (gaps + points): the share of the grid's steps that have no point. */
  missingShare: number;
}

/** Frequency of ascending, unique timestamps; 'irregular' when no grid fits. */
export function inferFrequency(t: ArrayLike<number>): Frequency {
  return findGrid(t) ?? 'irregular';
}

/** The frequency with how sparse the series is on it. */
export function inferGrid(t: ArrayLike<number>): InferredFrequency {
  const found = findGrid(t);
  if (!found) return { frequency: 'irregular', gaps: 0, missingShare: 0 };
  const gaps = countGaps(t, found);
  return { frequency: found, gaps, missingShare: gaps / (gaps + t.length) };
}

function findGrid(t: ArrayLike<number>): RegularFrequency | null {
  if (t.length < 2) return null;
  const steps = new Float64Array(t.length - 1);
  for (let i = 1; i < t.length; i++) steps[i - 1] = t[i] - t[i - 1];
  // One sort for every test that needs the typical step (a million-row file is read in seconds).
  const median = lowerMedian(steps);
  return calendarGrid(t, median) ?? businessDayGrid(t, steps, median) ?? fixedGrid(steps) ?? medianGrid(steps, median);
}

function onGrid(step: number, grid: number): boolean {
  const multiple = step / grid;
  const whole = Math.round(multiple);
  return whole >= 1 && Math.abs(multiple - whole) <= TOLERANCE;
}

/** Whether at least `needed` (a share) of the steps pass `test`; stops as soon as the answer is known. */
function atLeast(steps: Float64Array, needed: number, test: (step: number) => boolean): boolean {
  const allowedMisses = steps.length - Math.ceil(needed * steps.length);
  let misses = 0;
  for (let i = 0; i < steps.length; i++) {
    if (!test(steps[i]) && ++misses > allowedMisses) return false;
  }
  return true;
}

/**
 * The coarsest fixed grid (week, day, 12h, ..., minute) that nearly every step is a multiple of,
 * with enough steps of exactly one grid step.
 */
function fixedGrid(steps: Float64Array): RegularFrequency | null {
  for (const frequency of FIXED_GRIDS) {
    const grid = fixedStepMs(frequency) as number;
    if (!atLeast(steps, MIN_ON_GRID, (step) => onGrid(step, grid))) continue;
    if (atLeast(steps, MIN_SINGLE_STEPS, (step) => Math.abs(step / grid - 1) <= TOLERANCE)) return frequency;
  }
  return null;
}

/**
 * Messy data (stray timestamps, clock resets): the fixed step closest to its median step, when at
 * least most steps still sit on that grid.
 */
function medianGrid(steps: Float64Array, step: number): RegularFrequency | null {
  for (const frequency of FIXED_GRIDS) {
    const grid = fixedStepMs(frequency) as number;
    if (Math.abs(step - grid) > grid * TOLERANCE) continue;
    return atLeast(steps, MIN_MOSTLY_ON_GRID, (s) => onGrid(s, grid)) ? frequency : null;
  }
  return null;
}

/**
 * Monday to Friday: steps of whole days, no point on a Saturday or Sunday, the typical step one day,
 * and at least MIN_WEEKENDS weekends crossed (a week or two of weekday data is as likely daily data
 * with a weekend missing).
 */
function businessDayGrid(t: ArrayLike<number>, steps: Float64Array, median: number): RegularFrequency | null {
  if (Math.abs(median - DAY) > DAY * TOLERANCE) return null;
  if (!atLeast(steps, MIN_ON_GRID, (step) => onGrid(step, DAY))) return null;
  let weekends = 0;
  for (let i = 0; i < t.length; i++) {
    if (!isBusinessDay(t[i])) return null;
    // A step to an earlier (or the same) weekday passed a weekend.
    if (i > 0 && weekdayOf(t[i]) <= weekdayOf(t[i - 1])) weekends++;
  }
  return weekends >= MIN_WEEKENDS ? 'business-daily' : null;
}

function calendarGrid(t: ArrayLike<number>, step: number): RegularFrequency | null {
  // Months are only counted when the typical step could be one (27 days to a year and a bit).
  if (step < CALENDAR_GRIDS[0][2] * DAY || step > CALENDAR_GRIDS[CALENDAR_GRIDS.length - 1][3] * DAY) return null;
  const monthSteps = new Float64Array(t.length - 1);
  for (let i = 1; i < t.length; i++) monthSteps[i - 1] = monthIndex(t[i]) - monthIndex(t[i - 1]);
  const months = lowerMedian(monthSteps);
  for (const [frequency, monthsPerStep, minDays, maxDays] of CALENDAR_GRIDS) {
    if (months === monthsPerStep && step >= minDays * DAY && step <= maxDays * DAY) return frequency;
  }
  return null;
}

function monthIndex(t: number): number {
  const date = new Date(t);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** The lower of the two middle values: always a step that actually occurs. */
function lowerMedian(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
