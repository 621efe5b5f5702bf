// Filling the timestamps a regular series lacks, by the gap policy the user chose. Forecasting
// assumes evenly spaced points; a fill makes them so, at the price of made-up values.
import type { Frequency } from '@/lib/forecast/types';
import { addSteps, monthAnchorDay, stepsBetween } from '@/lib/forecast/time';
import type { GapPolicy } from './types';

export interface FilledSeries {
  t: number[];
  v: number[];
  /** Points inserted. */
  filled: number;
}

/**
 * The series with every missing step of `frequency` inserted: 'linear' interpolates between the
 * neighbours, 'ffill' repeats the last value, 'zero' puts 0 (counts, sales: nothing happened).
 * 'leave' and irregular series come back unchanged. Missing steps are counted from the previous
 * point, so a series with daylight-saving offsets keeps its own wall-clock grid.
 */
export function fillGaps(t: number[], v: number[], frequency: Frequency, policy: GapPolicy): FilledSeries {
  if (policy === 'leave' || frequency === 'irregular') return { t, v, filled: 0 };
  const outT: number[] = [];
  const outV: number[] = [];
  const options = { monthAnchorDay: monthAnchorDay(t) };
  for (let i = 0; i < t.length; i++) {
    if (i > 0) {
      const steps = stepsBetween(t[i - 1], t[i], frequency);
      for (let k = 1; k < steps; k++) {
        outT.push(addSteps(t[i - 1], k, frequency, options));
        outV.push(fillValue(policy, v[i - 1], v[i], k / steps));
      }
    }
    outT.push(t[i]);
    outV.push(v[i]);
  }
  return { t: outT, v: outV, filled: outT.length - t.length };
}

function fillValue(policy: Exclude<GapPolicy, 'leave'>, before: number, after: number, position: number): number {
  switch (policy) {
    case 'linear':
      return before + (after - before) * position;
    case 'ffill':
      return before;
    case 'zero':
      return 0;
  }
}
