'use client';
// Data hooks of the pages, all built on useResource; the live run is in use-run.ts.
import * as api from './api';
import { listHolidayCountries, type HolidayCountry } from './covariates';
import { isActive } from './run-status';
import type { Dataset, ForecastConfig, Health, Point, Run, RunForecast, Schedule, Series } from './types';
import { useResource, type Resource } from './use-resource';

export function useDatasets(): Resource<Dataset[]> {
  return useResource('datasets', (signal) => api.listDatasets(signal));
}

/** Pass null as id to wait (e.g. until the series naming the dataset has loaded). */
export function useDataset(id: string | null): Resource<Dataset> {
  return useResource(id === null ? null : `dataset:${id}`, (signal) => api.getDataset(id as string, signal));
}

/** Pass null as id to wait (e.g. until the run naming the series has loaded). */
export function useSeries(id: string | null): Resource<{ series: Series; defaultConfig: ForecastConfig | null }> {
  return useResource(id === null ? null : `series:${id}`, (signal) => api.getSeries(id as string, signal));
}

/** Points of a series; pass null as id to wait (e.g. until the needed range is known). */
export function useSeriesPoints(id: string | null, query: api.PointsQuery = {}): Resource<Point[]> {
  const key = id === null ? null : `points:${id}:${query.from ?? ''}:${query.to ?? ''}:${query.max ?? ''}`;
  return useResource(key, (signal) => api.getSeriesPoints(id as string, query, signal));
}

const ACTIVE_RUNS_POLL_MS = 1500;
const IDLE_POLL_MS = 10_000;

/**
 * Runs of one series (or all runs), newest first. Refreshes quickly while one is in progress and
 * slowly otherwise, so runs started by a schedule appear without a reload.
 */
export function useRuns(seriesId?: string): Resource<Run[]> {
  return useResource(`runs:${seriesId ?? '*'}`, (signal) => api.listRuns(seriesId, signal), {
    refreshInterval: (runs) => (runs?.some((run) => isActive(run.status)) ? ACTIVE_RUNS_POLL_MS : IDLE_POLL_MS),
  });
}

/** Chart data of a finished run; pass enabled=false until the run has succeeded. */
export function useRunForecast(id: string, enabled: boolean): Resource<RunForecast> {
  return useResource(enabled ? `forecast:${id}` : null, (signal) => api.getRunForecast(id, signal));
}

export function useSchedules(owner: api.ScheduleOwner): Resource<Schedule[]> {
  const key =
    owner === null
      ? 'schedules:*'
      : 'seriesId' in owner
        ? `schedules:${owner.seriesId}`
        : `schedules:dataset:${owner.datasetId}`;
  return useResource(key, (signal) => api.listSchedules(owner, signal), {
    refreshInterval: () => IDLE_POLL_MS,
  });
}

export interface ComparedRun {
  id: string;
  run?: Run;
  /** Null for runs that have not succeeded (they have no forecast). */
  forecast?: RunForecast | null;
  /** Why this run could not be loaded; the others are still compared. */
  error?: unknown;
}

/** Several runs with their forecasts, loaded together; one missing run does not fail the rest. */
export function useComparison(ids: readonly string[]): Resource<ComparedRun[]> {
  return useResource(`compare:${ids.join(',')}`, (signal) =>
    Promise.all(
      ids.map(async (id): Promise<ComparedRun> => {
        try {
          const run = await api.getRun(id, signal);
          const forecast = run.status === 'succeeded' ? await api.getRunForecast(id, signal) : null;
          return { id, run, forecast };
        } catch (error) {
          if (signal.aborted) throw error;
          return { id, error };
        }
      }),
    ),
  );
}

const HEALTH_POLL_MS = 15_000;

export function useHealth(): Resource<Health> {
  return useResource('health', (signal) => api.getHealth(signal), { refreshInterval: () => HEALTH_POLL_MS });
}

/** date-holidays' countries and regions, for the holiday calendar selects (static: loaded once). */
export function useHolidayCountries(): Resource<HolidayCountry[]> {
  return useResource('holiday-countries', (signal) => listHolidayCountries(signal));
}
