// Covariates and holiday calendars in the forms (issue 22): which series of the dataset can be a
// covariate, the default use of each, and whether the known future covers the forecast — told
// before submitting, from the series' ranges (the server checks every timestamp and answers 422).
import { FREQUENCY_SPECS, nextTimestamps } from '@/lib/forecast/time';
import { covariateOf, covariateSeriesOf } from '@/lib/ingest/series-names';
import { request } from './api';
import { formatSeriesTime } from './format';
import type { ForecastConfig, Series } from './types';
import type { HolidayCountry } from '@/lib/api/schemas/holidays';

export type { HolidayCountry };
export type CovariateChoice = ForecastConfig['covariates'][number];

/** What the covariate part of a form holds. */
export interface CovariateValues {
  covariates: CovariateChoice[];
  /** 'US', 'DE-BY', or null for no calendar. */
  holidays: string | null;
}

export const NO_COVARIATES: CovariateValues = { covariates: [], holidays: null };

export async function listHolidayCountries(signal?: AbortSignal): Promise<HolidayCountry[]> {
  return (await request<{ countries: HolidayCountry[] }>('/api/holidays', { signal })).countries;
}

/** The series of the dataset a run on `target` could use: the others with its frequency, by name. */
export function covariateCandidates(target: Series | null, series: readonly Series[]): Series[] {
  return series
    .filter((s) => s.id !== target?.id && (target === null || s.frequency === target.frequency))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Known future by default when the candidate goes on after the target ends (future rows), past-only otherwise. */
export function defaultKnownFuture(candidate: Series, target: Series | null): boolean {
  if (!target?.end || !candidate.end) return false;
  return Date.parse(candidate.end) > Date.parse(target.end);
}

/** The request fields: left out when nothing is chosen, so the server defaults apply. */
export function covariateFields(values: CovariateValues): Partial<CovariateValues> {
  return {
    ...(values.covariates.length > 0 && { covariates: values.covariates }),
    ...(values.holidays && { holidays: values.holidays }),
  };
}

/** A country (and region) code split for the two selects, and joined back. */
export function splitCalendar(code: string | null): { country: string; region: string } {
  const [country = '', region = ''] = (code ?? '').split('-');
  return { country, region };
}

export function joinCalendar(country: string, region: string): string | null {
  if (!country) return null;
  return region ? `${country}-${region}` : country;
}

export interface CoverageCheck {
  /** True when every known-future covariate reaches the last forecast step. */
  covered: boolean;
  message: string;
}

/**
 * Whether the known-future covariates reach the last of the `horizon` steps after `target` ends;
 * null when there is nothing to check (no known-future covariate, an empty or irregular series).
 * From the ranges only: a covariate with a hole inside its future part passes here and is refused
 * by the server, which checks every timestamp.
 */
export function checkCoverage(
  target: Series,
  horizon: number,
  covariates: readonly CovariateChoice[],
  series: readonly Series[],
): CoverageCheck | null {
  const knownFuture = covariates
    .filter((c) => c.knownFuture)
    .map((c) => series.find((s) => s.id === c.seriesId))
    .filter((s): s is Series => s !== undefined);
  if (knownFuture.length === 0 || !target.end || target.frequency === 'irregular' || !(horizon >= 1)) return null;
  const steps = nextTimestamps([Date.parse(target.end)], target.frequency, horizon);
  const last = steps[steps.length - 1];
  const show = (time: number | string) =>
    formatSeriesTime(new Date(time).toISOString(), target.frequency, target.timeOffset ?? null);
  const short = knownFuture.filter((s) => !s.end || Date.parse(s.end) < last);
  if (short.length === 0) {
    return {
      covered: true,
      message: `The known future covers the ${horizon}-step forecast (to ${show(last)}).`,
    };
  }
  const reach = Math.min(...short.map((s) => (s.end ? steps.filter((step) => step <= Date.parse(s.end!)).length : 0)));
  const names = short.map((s) => `“${s.name}” ends ${s.end ? show(s.end) : 'with no values'}`).join(', ');
  const fix =
    reach > 0
      ? `Shorten the horizon to ${reach}, use ${short.length === 1 ? 'it' : 'them'} as past-only, or append the future values.`
      : `Use ${short.length === 1 ? 'it' : 'them'} as past-only, or append the future values.`;
  return {
    covered: false,
    message: `The future is not covered: ${names}, but the ${horizon}-step forecast runs to ${show(last)}. ${fix}`,
  };
}

/** What `target` reads in a batch with these covariates: in a long file, its own id's column of each. */
export function targetCovariates(
  target: Series,
  covariates: readonly CovariateChoice[],
  series: readonly Series[],
): CovariateChoice[] {
  const byName = new Map(series.map((s) => [s.name, s]));
  return covariates.map((c) => {
    const named = series.find((s) => s.id === c.seriesId);
    return named ? { ...c, seriesId: covariateOf(target, named, byName).id } : c;
  });
}

/** The series a batch with these covariates forecasts: all but the covariates (in a long file, their column of every id). */
export function batchTargets<S extends { id: string; name: string }>(
  series: readonly S[],
  covariates: readonly CovariateChoice[],
): S[] {
  const inputs = covariateSeriesOf(
    series,
    covariates.map((c) => c.seriesId),
  );
  return series.filter((s) => !inputs.has(s.id));
}

/**
 * A batch's coverage: each series it forecasts (the dataset's series but the covariates) with the
 * given horizon, or its frequency's default when blank; null when there is nothing to check.
 */
export function checkBatchCoverage(
  series: readonly Series[],
  horizon: number | null,
  covariates: readonly CovariateChoice[],
): CoverageCheck | null {
  const targets = batchTargets(series, covariates).filter((s) => s.frequency !== 'irregular');
  const checks = targets
    .map((target) => ({
      target,
      check: checkCoverage(
        target,
        horizon ?? FREQUENCY_SPECS[target.frequency].horizon,
        // Each series' own covariates (in a long file, its own id's column), as the server picks them.
        targetCovariates(target, covariates, series),
        series,
      ),
    }))
    .filter((c): c is { target: Series; check: CoverageCheck } => c.check !== null);
  if (checks.length === 0) return null;
  const failing = checks.filter((c) => !c.check.covered);
  if (failing.length === 0) {
    return { covered: true, message: `The known future covers the forecast of every series (${checks.length}).` };
  }
  const first = failing[0];
  return {
    covered: false,
    message:
      `${failing.length} of ${checks.length} series would fail, e.g. “${first.target.name}”: ` +
      first.check.message.replace(/^The future is not covered: /, ''),
  };
}
