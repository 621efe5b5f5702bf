// Two schedules of one series (or one dataset, over the same series) that would start the same runs
// (batches) at the same times: refused, since the second would only ever skip (the series is
// already training) or train twice. Identical means the
// same timing — intervals of equal length ("1d" and "24h"), or cron expressions with the same
// firings — and the same config once defaulted for the series ({} and the defaults written out
// are the same). Paused schedules count: resuming one is the way to get it back.
import { CronExpressionParser } from 'cron-parser';
import { conflict } from '@/lib/api/errors';
import type { ScheduleRecord } from '@/lib/db/schedules';
import type { Series } from '@/lib/db/series';
import { CRON_TIMEZONE, parseInterval } from '@/lib/queue/timing';
import { resolveConfig, type ForecastConfigInput } from '@/lib/forecast/config';

/** Firings of two cron expressions compared: enough to tell apart any two that differ within a year or so. */
const CRON_FIRINGS_COMPARED = 60;

type Timing = { every?: string | null; cron?: string | null };

function cronFirings(expression: string, from: Date): number[] {
  return CronExpressionParser.parse(expression, { tz: CRON_TIMEZONE, currentDate: from })
    .take(CRON_FIRINGS_COMPARED)
    .map((date) => date.getTime());
}

/** Whether two timings fire at the same moments. */
export function sameTiming(a: Timing, b: Timing, from = new Date()): boolean {
  if (a.every && b.every) return parseInterval(a.every) === parseInterval(b.every);
  if (a.cron && b.cron) {
    if (a.cron.trim().split(/\s+/).join(' ') === b.cron.trim().split(/\s+/).join(' ')) return true;
    const [x, y] = [cronFirings(a.cron, from), cronFirings(b.cron, from)];
    return x.length === y.length && x.every((t, i) => t === y[i]);
  }
  return false;
}

function describe(timing: Timing): string {
  return timing.cron ? `cron "${timing.cron}"` : `every ${timing.every}`;
}

/** A dataset schedule's series: the ids it names, in order, or all of the dataset's (null). */
function selection(seriesIds: readonly string[] | null | undefined): string {
  return seriesIds ? JSON.stringify([...new Set(seriesIds)].sort()) : 'all';
}

/**
 * Throws a 409 naming the existing schedule when `existing` holds one identical to the new one.
 * `series`: the series a series schedule trains, or for a dataset schedule one of its series, which
 * both configs are defaulted for (the same input gives the same config).
 */
export function assertNotDuplicate(
  series: Pick<Series, 'frequency' | 'points'>,
  existing: readonly Pick<ScheduleRecord, 'id' | 'every' | 'cron' | 'config' | 'paused' | 'seriesIds'>[],
  candidate: Timing & { config: ForecastConfigInput; seriesIds?: readonly string[] | null },
  what: 'series' | 'dataset' = 'series',
): void {
  // Defaulted without the length check: a dataset schedule's series may be shorter than the settings.
  const defaulted = (config: ForecastConfigInput) =>
    JSON.stringify(resolveConfig(config, { frequency: series.frequency, points: series.points }));
  const config = defaulted(candidate.config);
  const twin = existing.find(
    (schedule) =>
      sameTiming(schedule, candidate) &&
      selection(schedule.seriesIds) === selection(candidate.seriesIds) &&
      defaulted(schedule.config) === config,
  );
  if (!twin) return;
  throw conflict(
    `This ${what} already has ${twin.paused ? 'a paused' : 'a'} schedule ${describe(twin)} with the same ` +
      `${what === 'dataset' ? 'series and ' : ''}settings (schedule ${twin.id}); a second one would only start the same ` +
      `${what === 'dataset' ? 'batches' : 'runs'} again. ` +
      (twin.paused ? 'Resume that one instead, ' : 'Keep that one, ') +
      'or change the timing or the settings.',
  );
}
