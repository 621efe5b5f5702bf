// One series from its merged points to what is handed out: resampled if asked, its gaps counted
// and, by the gap policy, filled.
import type { Frequency } from '@/lib/forecast/types';
import { countGaps, firstGap } from './frequency';
import { fillGaps } from './gaps';
import { resample } from './resample';
import type { GapPolicy, ParsedSeries, ResampleOptions } from './types';

/**
 * A fill may add at most this many points per point present: beyond that the series would be
 * mostly made up, and a wrong date (1970 in a minutely series) would fill memory.
 */
export const MAX_FILLED_PER_POINT = 10;

export interface SeriesSettings {
  /** The file's frequency; the resample frequency replaces it. */
  frequency: Frequency;
  resample?: ResampleOptions;
  gapPolicy: GapPolicy;
}

export interface RawSeriesPoints {
  name: string;
  valueColumn: string;
  ids?: Record<string, string>;
  t: number[];
  v: number[];
  duplicates: number;
}

export interface PreparedSeries {
  series: ParsedSeries;
  /** Points before any gap was filled. */
  points: number;
  /** The first missing timestamp, null without gaps. */
  firstGap: number | null;
  /** Every value (before filling) is the same. */
  constant: boolean;
  /** The gap policy would have filled, but there were too many gaps. */
  tooSparseToFill: boolean;
}

export function prepareSeries(raw: RawSeriesPoints, settings: SeriesSettings): PreparedSeries {
  let { t, v } = raw;
  if (settings.resample) ({ t, v } = resample(t, v, settings.resample.frequency, settings.resample.aggregation));
  const frequency = settings.resample?.frequency ?? settings.frequency;
  const gaps = countGaps(t, frequency);
  const tooSparseToFill = settings.gapPolicy !== 'leave' && gaps > MAX_FILLED_PER_POINT * t.length;
  const filled = tooSparseToFill ? { t, v, filled: 0 } : fillGaps(t, v, frequency, settings.gapPolicy);
  return {
    series: {
      name: raw.name,
      frequency,
      t: filled.t,
      v: filled.v,
      valueColumn: raw.valueColumn,
      ...(raw.ids ? { ids: raw.ids } : {}),
      gaps,
      filled: filled.filled,
      duplicates: raw.duplicates,
    },
    points: t.length,
    firstGap: gaps > 0 ? firstGap(t, frequency) : null,
    constant: v.length > 0 && v.every((value) => value === v[0]),
    tooSparseToFill,
  };
}
