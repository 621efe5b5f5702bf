// Timestamps of the steps after a series ends. Calendar frequencies step in calendar units (UTC),
// so monthly data dated on month ends stays on month ends (Jan 31 → Feb 28/29 → Mar 31).
import { InvalidConfigError } from './errors';
import type { Frequency } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const FIXED_STEP_MS: Partial<Record<Frequency, number>> = {
  minutely: MINUTE,
  hourly: HOUR,
  daily: DAY, // UTC days have no DST jumps
  weekly: 7 * DAY,
};

const CALENDAR_STEP_MONTHS: Partial<Record<Frequency, number>> = {
  monthly: 1,
  quarterly: 3,
  yearly: 12,
};

function daysInUtcMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/**
 * `from` plus `months` calendar months, in UTC. The day of month is clamped to the target month's
 * length; a date on the last day of its month lands on the last day of the target month.
 */
export function addUtcMonths(from: number, months: number): number {
  const d = new Date(from);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const day = d.getUTCDate();
  const isMonthEnd = day === daysInUtcMonth(year, month);
  // Date.UTC normalises a month outside 0..11 into the right year.
  const targetDays = daysInUtcMonth(year, month + months);
  const targetDay = isMonthEnd ? targetDays : Math.min(day, targetDays);
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The `n` timestamps (epoch ms) that follow the last of `t`. */
export function nextTimestamps(t: number[], frequency: Frequency, n: number): number[] {
  if (t.length === 0) throw new InvalidConfigError('Cannot extend an empty series with future timestamps.');
  const last = t[t.length - 1];
  const steps = Array.from({ length: n }, (_, i) => i + 1);

  const months = CALENDAR_STEP_MONTHS[frequency];
  // Step from the last point each time (not from the previous step) so clamping doesn't drift.
  if (months !== undefined) return steps.map((k) => addUtcMonths(last, k * months));

  let step = FIXED_STEP_MS[frequency];
  if (step === undefined) {
    if (t.length < 2) throw new InvalidConfigError('An irregular series needs at least 2 points to infer its step.');
    step = median(t.slice(1).map((ts, i) => ts - t[i]));
  }
  const stepMs = step;
  return steps.map((k) => last + k * stepMs);
}
