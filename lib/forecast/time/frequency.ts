// The one place that holds the time-step rules: a frequency is a unit times a multiple (like pandas
// offsets: 15min, 6h, business days, months), each with its step arithmetic, gap counting, the
// period a resampled point stands for, and the seasons a forecast looks for. Ingest (inference,
// gaps, resampling) and the engine (future timestamps, seasons, calendar features) both read it.
//
// Hand-written rather than a date library: every step is plain arithmetic on epoch milliseconds in
// UTC (days are UTC days, weeks keep the weekday the data uses, months keep the day of month or the
// month end), and date-fns/Temporal would add a zone lookup per step to million-point series.
import { median } from '../median';

/** Stable codes, as stored in the database and given in --json / the API (plus 'irregular'). */
export const REGULAR_FREQUENCIES = [
  'minutely',
  '2min',
  '5min',
  '10min',
  '15min',
  '20min',
  '30min',
  'hourly',
  '2h',
  '3h',
  '4h',
  '6h',
  '8h',
  '12h',
  'daily',
  'business-daily',
  'weekly',
  'monthly',
  'quarterly',
  'yearly',
] as const;
export const FREQUENCIES = [...REGULAR_FREQUENCIES, 'irregular'] as const;

export type Frequency = (typeof FREQUENCIES)[number];
export type RegularFrequency = (typeof REGULAR_FREQUENCIES)[number];

export type TimeUnit = 'minute' | 'hour' | 'day' | 'business-day' | 'week' | 'month' | 'none';

export interface FrequencySpec {
  unit: TimeUnit;
  /** Units per step: 15 for 15min, 3 for quarterly (months). */
  multiple: number;
  /** As a person reads it: "every 15 minutes", "business days (Mon-Fri)". */
  label: string;
  /** Steps in the main seasonal cycle (seasonal naive's lag, MASE's scale); 1 when none. */
  season: number;
  /** Every cycle the data may have, shortest first (MSTL's periods). */
  cycles: readonly number[];
  /** About one season ahead (capped so sub-hourly forecasts stay short enough to train). */
  horizon: number;
  /** About two seasons back (LSTM cost grows with the lookback); sub-daily with a patch: a week. */
  lookback: number;
  /**
   * Steps the LSTM reads per input row (a day of sub-daily data, see lib/forecast/models/patching):
   * a week of hours is then 7 recurrent steps, cheap enough to look back over the weekly cycle.
   */
  patch?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

function minutes(multiple: number, label: string): FrequencySpec {
  const perDay = 1440 / multiple;
  // 1- and 2-minute data cycle by the hour first; from 5 minutes on the day is the season.
  const season = multiple <= 2 ? 60 / multiple : perDay;
  const cycles = multiple <= 2 ? [60 / multiple, perDay] : [perDay, 7 * perDay];
  const horizon = Math.min(season, 96);
  // From 15 minutes on a week fits in the lookback when read a day per row.
  if (multiple >= 15)
    return { unit: 'minute', multiple, label, season, cycles, horizon, lookback: 7 * perDay, patch: perDay };
  return { unit: 'minute', multiple, label, season, cycles, horizon, lookback: Math.max(2 * horizon, 16) };
}

function hours(multiple: number, label: string): FrequencySpec {
  const perDay = 24 / multiple;
  return {
    unit: 'hour',
    multiple,
    label,
    season: perDay,
    cycles: [perDay, 7 * perDay],
    horizon: perDay,
    // A week, a day per row, where a day has enough steps to be worth a row.
    ...(perDay >= 6 ? { lookback: 7 * perDay, patch: perDay } : { lookback: Math.max(2 * perDay, 16) }),
  };
}

export const FREQUENCY_SPECS: Record<Frequency, FrequencySpec> = {
  minutely: minutes(1, 'every minute'),
  '2min': minutes(2, 'every 2 minutes'),
  '5min': minutes(5, 'every 5 minutes'),
  '10min': minutes(10, 'every 10 minutes'),
  '15min': minutes(15, 'every 15 minutes'),
  '20min': minutes(20, 'every 20 minutes'),
  '30min': minutes(30, 'every 30 minutes'),
  hourly: hours(1, 'hourly'),
  '2h': hours(2, 'every 2 hours'),
  '3h': hours(3, 'every 3 hours'),
  '4h': hours(4, 'every 4 hours'),
  '6h': hours(6, 'every 6 hours'),
  '8h': hours(8, 'every 8 hours'),
  '12h': hours(12, 'every 12 hours'),
  // Year cycles: 365.25 rounded, since MSTL takes whole periods.
  daily: { unit: 'day', multiple: 1, label: 'daily', season: 7, cycles: [7, 365], horizon: 7, lookback: 14 },
  'business-daily': {
    unit: 'business-day',
    multiple: 1,
    label: 'business days (Mon-Fri)',
    season: 5,
    cycles: [5],
    horizon: 5,
    lookback: 10,
  },
  // Weekly forecasts a quarter from a year of context (a 52-step horizon needs many years of data).
  weekly: { unit: 'week', multiple: 1, label: 'weekly', season: 52, cycles: [52], horizon: 13, lookback: 52 },
  monthly: { unit: 'month', multiple: 1, label: 'monthly', season: 12, cycles: [12], horizon: 12, lookback: 24 },
  quarterly: { unit: 'month', multiple: 3, label: 'quarterly', season: 4, cycles: [4], horizon: 4, lookback: 8 },
  // Yearly and irregular series have no cycle: short fixed windows.
  yearly: { unit: 'month', multiple: 12, label: 'yearly', season: 1, cycles: [], horizon: 3, lookback: 8 },
  irregular: { unit: 'none', multiple: 1, label: 'irregular', season: 1, cycles: [], horizon: 10, lookback: 20 },
};

export function isFrequency(value: unknown): value is Frequency {
  return typeof value === 'string' && (FREQUENCIES as readonly string[]).includes(value);
}

export function frequencyLabel(frequency: Frequency): string {
  return FREQUENCY_SPECS[frequency].label;
}

/** Length of one step in ms for the units that have a fixed one (minutes, hours, days, weeks). */
export function fixedStepMs(frequency: Frequency): number | null {
  const { unit, multiple } = FREQUENCY_SPECS[frequency];
  switch (unit) {
    case 'minute':
      return multiple * MINUTE;
    case 'hour':
      return multiple * HOUR;
    case 'day':
      return multiple * DAY;
    case 'week':
      return multiple * WEEK;
    default:
      return null;
  }
}

// ---- Business days: Monday..Friday on the UTC calendar. Each day gets a business-day number;
// a Saturday or Sunday gets the following Monday's.

/** 1970-01-01 was a Thursday: day 0 is 3 days after a Monday. */
const DAYS_AFTER_MONDAY_AT_EPOCH = 3;

function utcDay(t: number): number {
  return Math.floor(t / DAY);
}

/** 0 = Monday .. 6 = Sunday, on the UTC calendar. */
export function weekdayOf(t: number): number {
  return (((utcDay(t) + DAYS_AFTER_MONDAY_AT_EPOCH) % 7) + 7) % 7;
}

export function isBusinessDay(t: number): boolean {
  return weekdayOf(t) < 5;
}

function businessIndex(day: number): number {
  const sinceMonday = day + DAYS_AFTER_MONDAY_AT_EPOCH;
  const week = Math.floor(sinceMonday / 7);
  return week * 5 + Math.min(sinceMonday - week * 7, 5);
}

function dayOfBusinessIndex(index: number): number {
  const week = Math.floor(index / 5);
  return week * 7 + (index - week * 5) - DAYS_AFTER_MONDAY_AT_EPOCH;
}

// ---- Months: stepping keeps the day of month, clamped to the target month's length; a date on
// its month's last day stays on month ends (Jan 31 -> Feb 29 -> Mar 31).

function daysInUtcMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

function monthIndex(t: number): number {
  const date = new Date(t);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/**
 * The day of month a monthly grid keeps (31: month ends), from a series' points: the largest day
 * any point has, or 31 when every point is its month's last day. Stepping from a point on a short
 * month's end (Feb 28) is ambiguous alone: the series says whether it means "the 28th" or "month end".
 */
export function monthAnchorDay(t: ArrayLike<number>): number {
  let largest = 1;
  let allMonthEnds = t.length > 0;
  for (let i = 0; i < t.length; i++) {
    const date = new Date(t[i]);
    const day = date.getUTCDate();
    if (day > largest) largest = day;
    if (day !== daysInUtcMonth(date.getUTCFullYear(), date.getUTCMonth())) allMonthEnds = false;
  }
  return allMonthEnds ? 31 : largest;
}

/** `from` plus `months` calendar months in UTC, on `anchorDay` (default: from's day, 31 at a month end). */
export function addUtcMonths(from: number, months: number, anchorDay?: number): number {
  const d = new Date(from);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const day = d.getUTCDate();
  const anchor = anchorDay ?? (day === daysInUtcMonth(year, month) ? 31 : day);
  // Date.UTC normalises a month outside 0..11 into the right year.
  const targetDay = Math.min(anchor, daysInUtcMonth(year, month + months));
  return Date.UTC(
    year,
    month + months,
    targetDay,
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

export interface StepOptions {
  /** Monthly units: the day of month the grid keeps (see monthAnchorDay). */
  monthAnchorDay?: number;
}

/** `t` moved by `n` steps of `frequency` (n may be negative). Irregular series have no step. */
export function addSteps(t: number, n: number, frequency: Frequency, options: StepOptions = {}): number {
  const { unit, multiple } = FREQUENCY_SPECS[frequency];
  if (unit === 'none') throw new Error('An irregular series has no step to add');
  if (unit === 'month') return addUtcMonths(t, n * multiple, options.monthAnchorDay);
  if (unit === 'business-day') {
    const day = utcDay(t);
    return t + (dayOfBusinessIndex(businessIndex(day) + n * multiple) - day) * DAY;
  }
  return t + n * (fixedStepMs(frequency) as number);
}

/** Whole steps of `frequency` from a to b, rounded (1 for 'irregular', which has no step). */
export function stepsBetween(a: number, b: number, frequency: Frequency): number {
  const { unit, multiple } = FREQUENCY_SPECS[frequency];
  switch (unit) {
    case 'none':
      return 1;
    case 'month':
      return Math.round((monthIndex(b) - monthIndex(a)) / multiple);
    case 'business-day':
      return Math.round((businessIndex(utcDay(b)) - businessIndex(utcDay(a))) / multiple);
    default:
      return Math.round((b - a) / (fixedStepMs(frequency) as number));
  }
}

/** Timestamps a regular series lacks between its first and last point (0 for 'irregular'). */
export function countGaps(t: ArrayLike<number>, frequency: Frequency): number {
  if (frequency === 'irregular') return 0;
  let missing = 0;
  for (let i = 1; i < t.length; i++) missing += Math.max(0, stepsBetween(t[i - 1], t[i], frequency) - 1);
  return missing;
}

/** The first timestamp a regular series lacks, or null when it has no gap. */
export function firstGap(t: ArrayLike<number>, frequency: Frequency): number | null {
  if (frequency === 'irregular') return null;
  for (let i = 1; i < t.length; i++) {
    if (stepsBetween(t[i - 1], t[i], frequency) > 1) {
      return addSteps(t[i - 1], 1, frequency, { monthAnchorDay: monthAnchorDay(t) });
    }
  }
  return null;
}

/**
 * The start of the period of `frequency` that contains `t`, for resampling: minute and hour
 * multiples are counted from midnight UTC (15min: :00, :15, :30, :45), days are UTC days, business
 * days too (a weekend's values go to the Friday before), weeks start on Monday, quarters in
 * January, April, July and October.
 */
export function periodStart(t: number, frequency: RegularFrequency): number {
  const { unit, multiple } = FREQUENCY_SPECS[frequency];
  switch (unit) {
    case 'minute':
    case 'hour':
    case 'day': {
      const step = fixedStepMs(frequency) as number;
      return Math.floor(t / step) * step;
    }
    case 'business-day': {
      const day = utcDay(t);
      const weekday = weekdayOf(t);
      return (day - Math.max(0, weekday - 4)) * DAY;
    }
    case 'week': {
      const day = utcDay(t);
      return (day - weekdayOf(t)) * DAY;
    }
    case 'month': {
      const date = new Date(t);
      const month = date.getUTCMonth();
      return Date.UTC(date.getUTCFullYear(), month - (month % multiple), 1);
    }
    case 'none':
      throw new Error('An irregular series has no period');
  }
}

/**
 * The `n` timestamps that follow the last of `t` (ascending). Calendar steps are taken from the
 * last point each time so clamping to short months does not drift; an irregular series steps by
 * its median spacing.
 */
export function nextTimestamps(t: readonly number[], frequency: Frequency, n: number): number[] {
  if (t.length === 0) throw new RangeError('Cannot extend an empty series with future timestamps.');
  const last = t[t.length - 1];
  const steps = Array.from({ length: n }, (_, i) => i + 1);
  if (frequency === 'irregular') {
    if (t.length < 2) throw new RangeError('An irregular series needs at least 2 points to infer its step.');
    const step = median(t.slice(1).map((ts, i) => ts - t[i]));
    return steps.map((k) => last + k * step);
  }
  const options: StepOptions = FREQUENCY_SPECS[frequency].unit === 'month' ? { monthAnchorDay: monthAnchorDay(t) } : {};
  return steps.map((k) => addSteps(last, k, frequency, options));
}
