// The covariates and holiday calendar of a run, batch or schedule (issue 22), checked before
// anything is stored: covariates are other series of the target's dataset with its frequency, and
// known-future ones must have a value at every forecast timestamp (the `horizon` steps after the
// target's last value) — the engine has nothing to feed the forecast steps otherwise.
import { ApiError, badRequest, unprocessable } from '@/lib/api/errors';
import type { Scope } from '@/lib/db/scope';
import { timestampsWithPoints } from '@/lib/db/covariates';
import { getSeries, loadSeriesDataAsSystem, type Series } from '@/lib/db/series';
import { missingFuture } from '@/lib/forecast/covariates';
import { FREQUENCY_SPECS } from '@/lib/forecast/time';
import { nextTimestamps } from '@/lib/forecast/time-steps';
import type { CovariateSeries, ForecastConfig, SeriesData } from '@/lib/forecast/types';
import { assertKnownHolidayCalendar } from './holiday-calendars';

export type CovariateChoice = ForecastConfig['covariates'][number];

/** A covariate as checked: its series and how it is used. */
export interface CheckedCovariate {
  series: Series;
  knownFuture: boolean;
}

/** Known-future covariates that lack values at forecast timestamps. */
export interface CoverageGap {
  seriesId: string;
  name: string;
  /** ISO timestamps of the forecast steps it has no value at. */
  dates: string[];
}

/** Missing dates named in a message; details list them all. */
const DATES_IN_MESSAGE = 5;

/**
 * The covariates' series (in the scope) for a run on a series of dataset `datasetId`, in order.
 * 404 for a series that is not the user's (named by its index), 400 for one of another dataset or
 * a series named twice. The holiday calendar too: 400 unless date-holidays knows it.
 */
export async function checkCovariateSeries(
  scope: Scope,
  datasetId: string,
  config: Pick<ForecastConfig, 'covariates' | 'holidays'>,
  field = '',
): Promise<CheckedCovariate[]> {
  assertKnownHolidayCalendar(config.holidays, `${field}holidays`);
  const seen = new Set<string>();
  const checked: CheckedCovariate[] = [];
  for (const [index, { seriesId, knownFuture }] of config.covariates.entries()) {
    const path = `${field}covariates.${index}.seriesId`;
    if (seen.has(seriesId))
      throw badRequest(`${path}: series "${seriesId}" is named twice.`, issue(path, 'named twice'));
    seen.add(seriesId);
    const series = await getSeries(scope, seriesId);
    if (!series) throw new ApiError(404, 'not_found', `${path}: there is no series with id "${seriesId}".`);
    if (series.datasetId !== datasetId) {
      throw badRequest(
        `${path}: series "${series.name}" (${seriesId}) belongs to another dataset; a covariate must be a series of ` +
          `the same dataset as the series forecast (dataset ${datasetId}).`,
        issue(path, 'another dataset'),
      );
    }
    checked.push({ series, knownFuture });
  }
  return checked;
}

/**
 * Why `target` cannot use these covariates (null: it can): it is one of them, or a covariate has
 * another frequency, which would not line up step by step.
 */
export function covariateMismatch(target: Series, covariates: readonly CheckedCovariate[], field = ''): string | null {
  const self = covariates.findIndex((c) => c.series.id === target.id);
  if (self >= 0)
    return `${field}covariates.${self}.seriesId: "${target.name}" is the series forecast; it cannot be its own covariate.`;
  const other = covariates.findIndex((c) => c.series.frequency !== target.frequency);
  if (other >= 0) {
    const { name, frequency } = covariates[other].series;
    return (
      `${field}covariates.${other}.seriesId: "${name}" is ${frequency}, "${target.name}" is ${target.frequency}; ` +
      'a covariate needs the frequency of the series forecast.'
    );
  }
  return null;
}

/** The timestamps a run forecasts: as the engine computes them (lib/forecast/forecast.ts). */
export function forecastTimestamps(target: Pick<SeriesData, 't' | 'frequency'>, horizon: number): number[] {
  return nextTimestamps(target.t, target.frequency, horizon);
}

/**
 * The known-future covariates' missing forecast timestamps, from points already in memory (the
 * worker): the engine's own check (lib/forecast/covariates.ts), as the routes report it.
 */
export function coverageGaps(steps: readonly number[], covariates: readonly CovariateSeries[]): CoverageGap[] {
  return missingFuture(covariates, steps).map(({ seriesId, name, timestamps }) => ({
    seriesId,
    name,
    dates: timestamps.map(iso),
  }));
}

/** The same from the database (the routes), for a target the scope's user owns. */
export async function uncoveredForecastSteps(
  scope: Scope,
  target: Series,
  horizon: number,
  covariates: readonly CheckedCovariate[],
): Promise<{ steps: number[]; gaps: CoverageGap[] }> {
  const knownFuture = covariates.filter((c) => c.knownFuture);
  if (knownFuture.length === 0) return { steps: [], gaps: [] };
  const data = await stepsBasis(target);
  if (!data || data.t.length === 0) return { steps: [], gaps: [] };
  const steps = forecastTimestamps(data, horizon);
  const gaps: CoverageGap[] = [];
  for (const { series } of knownFuture) {
    const have = await timestampsWithPoints(scope, series.id, steps);
    const missing = steps.filter((step) => !have.has(step));
    if (missing.length > 0) gaps.push({ seriesId: series.id, name: series.name, dates: missing.map(iso) });
  }
  return { steps, gaps };
}

/**
 * What the forecast timestamps are computed from: steps of a fixed length (minutes to weeks,
 * business days) follow from the last timestamp alone; monthly steps keep the series' day of month
 * and irregular ones its median spacing, so those read every timestamp (as the engine does).
 */
async function stepsBasis(target: Series): Promise<Pick<SeriesData, 't' | 'frequency'> | null> {
  const { unit } = FREQUENCY_SPECS[target.frequency];
  if (unit !== 'month' && unit !== 'none' && target.end) {
    return { t: [Date.parse(target.end)], frequency: target.frequency };
  }
  return loadSeriesDataAsSystem(target.id);
}

/** Says which known-future values are missing and how to fix it. */
export function coverageMessage(targetName: string, steps: readonly number[], gaps: readonly CoverageGap[]): string {
  const described = gaps.map(({ name, dates }) => {
    const shown = dates.slice(0, DATES_IN_MESSAGE).map(shortDate).join(', ');
    const more = dates.length > DATES_IN_MESSAGE ? ` and ${dates.length - DATES_IN_MESSAGE} more` : '';
    return `"${name}" has no value at ${shown}${more}`;
  });
  return (
    `The known-future covariates do not cover the forecast: ${described.join('; ')}. The ${steps.length} ` +
    `forecast step${steps.length === 1 ? '' : 's'} of "${targetName}" run from ${shortDate(iso(steps[0]))} to ` +
    `${shortDate(iso(steps[steps.length - 1]))}. Append rows with those values, use the covariate as past-only, ` +
    'or shorten the horizon.'
  );
}

/** 422 future_not_covered when a known-future covariate lacks forecast timestamps. */
export async function assertFutureCovered(
  scope: Scope,
  target: Series,
  horizon: number,
  covariates: readonly CheckedCovariate[],
): Promise<void> {
  const { steps, gaps } = await uncoveredForecastSteps(scope, target, horizon, covariates);
  if (gaps.length === 0) return;
  throw unprocessable('future_not_covered', coverageMessage(target.name, steps, gaps), {
    target: target.id,
    steps: steps.map(iso),
    missing: gaps,
  });
}

/** Every check of a single run's (or schedule's) covariates and holiday calendar; 400, 404 or 422. */
export async function checkRunCovariates(
  scope: Scope,
  target: Series,
  config: ForecastConfig,
  field: '' | 'config.' = '',
): Promise<void> {
  const covariates = await checkCovariateSeries(scope, target.datasetId, config, field);
  const mismatch = covariateMismatch(target, covariates, field);
  if (mismatch) throw badRequest(mismatch, issue(mismatch.split(':')[0], mismatch));
  await assertFutureCovered(scope, target, config.horizon, covariates);
}

const iso = (time: number) => new Date(time).toISOString();
/** A date alone when the time is midnight UTC (daily and coarser series), else the full timestamp. */
const shortDate = (text: string) => (text.endsWith('T00:00:00.000Z') ? text.slice(0, 10) : text);
const issue = (path: string, message: string) => ({ issues: [{ path, message }] });
