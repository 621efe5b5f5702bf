// The last checks on prepared series: too few points, constant values, and the gaps to report.
import { minimumSeriesPoints } from '@/lib/forecast/config';
import type { Frequency } from '@/lib/forecast/time';
import { MAX_FILLED_PER_POINT, type PreparedSeries } from './prepare-series';
import * as problem from './problems';
import type { ParsedSeries, ParseOptions, Problem } from './types';

const MIN_POINTS = 3;
/** Series with gaps get a warning each up to this many; beyond, one warning sums them up. */
const GAP_WARNINGS_NAMED = 5;

export interface CheckedSeries {
  series: ParsedSeries[];
  /** Series left out, with why. */
  skippedSeries: { name: string; reason: string }[];
}

/**
 * Too few points: an error in a wide file (remove the column), a skipped series in a long one (one
 * short id should not block the others). Constant series are skipped. Either becomes an error
 * when no series is left. Previews, which see only the head of a file, skip both checks.
 */
export function checkSeries(
  prepared: PreparedSeries[],
  long: boolean,
  options: ParseOptions,
  problems: Problem[],
): CheckedSeries {
  const kept: PreparedSeries[] = [];
  const skippedSeries: CheckedSeries['skippedSeries'] = [];
  const short: { name: string; points: number }[] = [];
  const constant: { name: string; value: number }[] = [];
  for (const p of prepared) {
    const { name } = p.series;
    if (p.points < MIN_POINTS && !options.partial) {
      if (long) {
        short.push({ name, points: p.points });
        skippedSeries.push({ name, reason: `${p.points} value${p.points === 1 ? '' : 's'}; at least 3 are needed` });
        continue;
      }
      problems.push(problem.tooFewPoints(name, p.points));
    } else if (p.constant && !options.partial) {
      const value = p.series.v[0];
      constant.push({ name, value });
      skippedSeries.push({ name, reason: `every value is ${value}: a constant cannot be forecast` });
      continue;
    }
    kept.push(p);
  }
  const nothingLeft = kept.length === 0;
  if (short.length > 0) problems.push(problem.tooFewPointsSkipped(short, nothingLeft));
  if (constant.length > 0) problems.push(problem.constantSeries(constant, nothingLeft));
  problems.push(...gapProblems(kept, options));
  if (!options.partial) problems.push(...shortProblems(kept));
  return { series: kept.map((p) => p.series), skippedSeries };
}

function gapProblems(prepared: readonly PreparedSeries[], options: ParseOptions): Problem[] {
  const policy = options.gapPolicy ?? 'leave';
  const withGaps = prepared.filter((p) => p.firstGap !== null && p.points >= MIN_POINTS);
  const found: Problem[] = [];
  for (const p of withGaps) {
    if (p.tooSparseToFill) {
      const { name, frequency, gaps } = p.series;
      found.push(problem.gapsTooLargeToFill(name, frequency, gaps, p.points, MAX_FILLED_PER_POINT));
    }
  }
  const reported = withGaps.filter((p) => !p.tooSparseToFill);
  if (reported.length > GAP_WARNINGS_NAMED) {
    const missing = reported.reduce((sum, p) => sum + p.series.gaps, 0);
    const counts = reported.every((p) => looksLikeCounts(p.series.v));
    found.push(problem.missingTimestampsSummary(reported.length, missing, policy !== 'leave', counts));
    return found;
  }
  for (const { series, firstGap } of reported) {
    found.push(
      policy === 'leave'
        ? problem.missingTimestamps(
            series.name,
            series.frequency,
            series.gaps,
            firstGap!,
            series.gaps / (series.gaps + series.t.length),
            looksLikeCounts(series.v),
          )
        : problem.filledTimestamps(series.name, series.frequency, series.gaps, firstGap!, policy),
    );
  }
  return found;
}

/** Whole numbers, none negative: what a count of events or sales looks like. */
export function looksLikeCounts(v: readonly number[]): boolean {
  return v.length > 0 && v.every((value) => value >= 0 && Number.isInteger(value));
}

/** One warning per frequency for the series too short for a default run (see minimumSeriesPoints). */
function shortProblems(prepared: readonly PreparedSeries[]): Problem[] {
  const minimum = new Map<Frequency, ReturnType<typeof minimumSeriesPoints>>();
  const minimumFor = (frequency: Frequency) => {
    if (!minimum.has(frequency)) minimum.set(frequency, minimumSeriesPoints(frequency));
    return minimum.get(frequency)!;
  };
  const byFrequency = new Map<Frequency, { name: string; points: number }[]>();
  for (const p of prepared) {
    const { frequency, name, t } = p.series;
    if (t.length >= minimumFor(frequency).points) continue;
    const list = byFrequency.get(frequency) ?? [];
    list.push({ name, points: t.length });
    byFrequency.set(frequency, list);
  }
  return [...byFrequency].map(([frequency, series]) =>
    problem.tooShortToForecast(series, frequency, minimumFor(frequency)),
  );
}
