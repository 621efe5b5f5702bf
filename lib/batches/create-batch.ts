// Starting a batch: pick the dataset's series (all, or the ids given), resolve each series' config
// from the shared settings, store the batch with one run per series, and queue its flow. A series
// that cannot be trained with these settings (too short) gets a failed run that says why, and the
// others still train: one short series must not block a dataset of a hundred.
import { badRequest } from '@/lib/api/errors';
import { deleteBatchAsSystem, insertBatchAsSystem, type Batch, type NewBatchRun } from '@/lib/db/batches';
import type { Dataset } from '@/lib/db/datasets';
import { assertLongEnough, assertModelFitsData, resolveConfig, type ForecastConfigInput } from '@/lib/forecast/config';
import { ModelTooLargeError, SeriesTooShortError } from '@/lib/forecast/errors';
import { enqueueBatch } from '@/lib/queue/batch-flow';
import { chunkRunIds } from './chunks';

export interface BatchRequest extends ForecastConfigInput {
  /** Absent: every series of the dataset. */
  seriesIds?: string[];
}

function selectSeries(dataset: Dataset, seriesIds: string[] | undefined) {
  if (dataset.series.length === 0) throw badRequest(`Dataset ${dataset.id} has no series to forecast.`);
  if (!seriesIds) return dataset.series;
  const byId = new Map(dataset.series.map((series) => [series.id, series]));
  const unknown = seriesIds.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw badRequest(
      `seriesIds: ${unknown.map((id) => `"${id}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a series of dataset ${dataset.id}.`,
      { unknown },
    );
  }
  return [...new Set(seriesIds)].map((id) => byId.get(id)!);
}

/** Throws InvalidConfigError (400) for settings no series could use. */
export async function createBatch(dataset: Dataset, { seriesIds, ...settings }: BatchRequest): Promise<Batch> {
  const runs: NewBatchRun[] = selectSeries(dataset, seriesIds).map((series) => {
    const config = resolveConfig(settings, { frequency: series.frequency, points: series.points });
    try {
      assertLongEnough(series.points, config);
      assertModelFitsData(series.points, config);
      return { seriesId: series.id, config };
    } catch (error) {
      if (!(error instanceof SeriesTooShortError || error instanceof ModelTooLargeError)) throw error;
      return { seriesId: series.id, config, error: error.message };
    }
  });
  const { batch, queuedRunIds } = await insertBatchAsSystem(dataset.id, settings, runs);
  try {
    await enqueueBatch(batch.id, chunkRunIds(queuedRunIds));
  } catch (error) {
    // A batch no worker will ever see would sit in `queued` forever: take it back.
    await deleteBatchAsSystem(batch.id);
    throw error;
  }
  return batch;
}
