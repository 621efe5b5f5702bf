// The other series of a series' dataset, with their points, for the global LSTM (the worker's
// `train` job when the run's config asks for it). System scope: the worker acts for the run's
// owner, and a dataset's series all belong to that owner.
import type { RelatedSeries } from '@/lib/forecast/global';
import { getPrisma } from './client';
import { loadSeriesDataAsSystem } from './series';

/**
 * Up to `limit` sibling series with the same frequency as `seriesId` (the only ones the global
 * LSTM can pool), by name, with every point; empty when the series is alone in its dataset.
 * Siblings in `skip` (the run's covariates, which the engine leaves out of the pool) count against
 * `limit` but are not loaded: the worker has their points already.
 */
export async function loadRelatedSeriesAsSystem(
  seriesId: string,
  limit: number,
  skip: ReadonlySet<string> = new Set(),
): Promise<RelatedSeries[]> {
  const series = await getPrisma().series.findUnique({
    where: { id: seriesId },
    select: { datasetId: true, frequency: true },
  });
  if (!series) return [];
  const siblings = await getPrisma().series.findMany({
    where: { datasetId: series.datasetId, frequency: series.frequency, id: { not: seriesId } },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
    take: limit,
  });
  const related: RelatedSeries[] = [];
  for (const sibling of siblings) {
    if (skip.has(sibling.id)) continue;
    const data = await loadSeriesDataAsSystem(sibling.id);
    if (data) related.push({ name: sibling.name, ...data });
  }
  return related;
}
