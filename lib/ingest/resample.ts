// Putting a series on a chosen frequency: each point stands for the period (15 minutes, hour, UTC
// day, business day, Monday-based week, month, quarter, year; see periodStart in lib/forecast/time)
// that starts at its timestamp, with the values falling into that period aggregated.
import { periodStart, type RegularFrequency } from '@/lib/forecast/time';
import type { Aggregation } from './types';

export { periodStart };

/** One point per period that has values; `t` must be ascending. */
export function resample(
  t: readonly number[],
  v: readonly number[],
  frequency: RegularFrequency,
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
