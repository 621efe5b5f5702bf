// Covariates of a run (issue 22): other series of its dataset, read for the coverage check of the
// routes (scoped: another user's series has no points here) and loaded whole for the worker.
import type { CovariateSeries, ForecastConfig } from '@/lib/forecast/types';
import { getPool, getPrisma } from './client';
import type { Scope } from './scope';
import { loadSeriesDataAsSystem } from './series';

/**
 * Which of `times` (epoch ms) series `seriesId` has a point at; empty when the series is not the
 * scope's user's. One index probe per timestamp on the (series_key, t) key.
 */
export async function timestampsWithPoints(
  scope: Scope,
  seriesId: string,
  times: readonly number[],
): Promise<Set<number>> {
  if (times.length === 0) return new Set();
  const { rows } = await getPool().query<[number]>({
    text: `SELECT round(date_part('epoch', p.t) * 1000)
             FROM points p
            WHERE p.series_key = (SELECT s.key FROM series s JOIN datasets d ON d.id = s.dataset_id
                                   WHERE s.id = $1 AND d.user_id = $2)
              AND p.t = ANY($3::timestamptz[])`,
    values: [seriesId, scope.userId, times.map((time) => new Date(time))],
    rowMode: 'array',
  });
  return new Set(rows.map(([time]) => Number(time)));
}

/**
 * The covariates named in `covariates`, in that order, each with every point and its name. System
 * scope (the worker acts for the run's owner; the route checked that they are the owner's series).
 * A series that no longer exists is left out; the caller compares the lengths.
 */
export async function loadCovariatesAsSystem(covariates: ForecastConfig['covariates']): Promise<CovariateSeries[]> {
  if (covariates.length === 0) return [];
  const rows = await getPrisma().series.findMany({
    where: { id: { in: covariates.map((c) => c.seriesId) } },
    select: { id: true, name: true },
  });
  const names = new Map(rows.map((row) => [row.id, row.name]));
  const loaded: CovariateSeries[] = [];
  for (const { seriesId, knownFuture } of covariates) {
    const name = names.get(seriesId);
    const data = name === undefined ? null : await loadSeriesDataAsSystem(seriesId);
    if (name !== undefined && data) loaded.push({ seriesId, name, knownFuture, t: data.t, v: data.v });
  }
  return loaded;
}
