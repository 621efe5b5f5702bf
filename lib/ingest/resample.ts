// Putting a series on a chosen frequency: each point stands for the period (minute, hour, UTC day,
// Monday-based week, month, quarter, year) that starts at its timestamp, with the values falling
// into that period aggregated.
import type { Frequency } from '@/lib/forecast/types';
import type { Aggregation } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 1970-01-01 was a Thursday: day 0 is 3 days after a Monday. */
const DAYS_AFTER_MONDAY_AT_EPOCH = 3;

/** The start of the period of `frequency` that contains `t`. */
export function periodStart(t: number, frequency: Exclude<Frequency, 'irregular'>): number {
  switch (frequency) {
    case 'minutely':
      return Math.floor(t / MINUTE) * MINUTE;
    case 'hourly':
      return Math.floor(t / HOUR) * HOUR;
    case 'daily':
      return Math.floor(t / DAY) * DAY;
    case 'weekly': {
      const day = Math.floor(t / DAY);
      const sinceMonday = (((day + DAYS_AFTER_MONDAY_AT_EPOCH) % 7) + 7) % 7;
      return (day - sinceMonday) * DAY;
    }
    default: {
      const date = new Date(t);
      const month = date.getUTCMonth();
      if (frequency === 'monthly') return Date.UTC(date.getUTCFullYear(), month, 1);
      if (frequency === 'quarterly') return Date.UTC(date.getUTCFullYear(), month - (month % 3), 1);
      return Date.UTC(date.getUTCFullYear(), 0, 1);
    }
  }
}

/** One point per period that has values; `t` must be ascending. */
export function resample(
  t: readonly number[],
  v: readonly number[],
  frequency: Exclude<Frequency, 'irregular'>,
  aggregation: Aggregation,
): { t: number[]; v: number[] } {
  const outT: number[] = [];
  const outV: number[] = [];
  let i = 0;
  while (i < t.length) {
    const start = periodStart(t[i], frequency);
    let count = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    let last = NaN;
    for (; i < t.length && periodStart(t[i], frequency) === start; i++) {
      const value = v[i];
      count++;
      sum += value;
      if (value < min) min = value;
      if (value > max) max = value;
      last = value;
    }
    outT.push(start);
    outV.push(aggregate(aggregation, { count, sum, min, max, last }));
  }
  return { t: outT, v: outV };
}

function aggregate(
  aggregation: Aggregation,
  bucket: { count: number; sum: number; min: number; max: number; last: number },
): number {
  switch (aggregation) {
    case 'mean':
      return bucket.sum / bucket.count;
    case 'sum':
      return bucket.sum;
    case 'min':
      return bucket.min;
    case 'max':
      return bucket.max;
    case 'last':
      return bucket.last;
  }
}
