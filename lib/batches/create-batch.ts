// Starting a batch: pick the dataset's series (all, or the ids given), resolve each series' config
// from the shared settings, store the batch with one run per series, and queue its flow. A series
// that cannot be trained with these settings (too short) gets a failed run that says why, and the
// others still train: one short series must not block a dataset of a hundred. The POST route and a
// dataset schedule's firing (worker/processors/scheduled-train.ts) both start batches here.
// Per-series LSTMs are on by default for up to 20 series; above, each series compares the classical
// models, the baselines and the batch's one shared global LSTM (an LSTM per series would cost 100x
// the time).
import { badRequest } from '@/lib/api/errors';
import { defaultPerSeriesLstm } from '@/lib/api/schemas/batches';
import { deleteBatchAsSystem, insertBatchAsSystem, type Batch, type NewBatchRun } from '@/lib/db/batches';
import type { Dataset } from '@/lib/db/datasets';
import { assertLongEnough, assertModelFitsData, resolveConfig, type ForecastConfigInput } from '@/lib/forecast/config';
import { ModelTooLargeError, SeriesTooShortError } from '@/lib/forecast/errors';
import type { Scope } from '@/lib/db/scope';
import { enqueueBatch } from '@/lib/queue/batch-flow';
import { covariateOf, covariateSeriesOf } from '@/lib/ingest/series-names';
import { checkCovariateSeries, covariateMismatch } from '@/lib/runs/covariates';
import { chunkRunIds } from './chunks';

export interface BatchRequest extends ForecastConfigInput {
  /** Absent: every series of the dataset. */
  seriesIds?: string[];
  /** Absent: on up to PER_SERIES_LSTM_MAX_SERIES series (defaultPerSeriesLstm). */
  perSeriesLstm?: boolean;
}

/**
 * The series to forecast: those asked for, or every series of the dataset but the covariates
 * (which are inputs, not targets: promotions are not forecast from the sales they explain; in a
 * long file, a covariate's column of every id). Naming a covariate as a target too is a 400.
 */
function selectSeries(dataset: Dataset, seriesIds: string[] | undefined, covariateIds: ReadonlySet<string>) {
  if (dataset.series.length === 0) throw badRequest(`Dataset ${dataset.id} has no series to forecast.`);
  if (!seriesIds) {
    const targets = dataset.series.filter((series) => !covariateIds.has(series.id));
    if (targets.length === 0) throw badRequest('Every series of the dataset is a covariate: none is left to forecast.');
    return targets;
  }
  const both = seriesIds.filter((id) => covariateIds.has(id));
  if (both.length > 0) {
    throw badRequest(
      `seriesIds: ${both.map((id) => `"${id}"`).join(', ')} ${both.length === 1 ? 'is a covariate' : 'are covariates'} ` +
        "of this batch (named in covariates, or in a long file the named covariate's column of another id); " +
        'a series is either forecast or a covariate.',
      { issues: [{ path: 'seriesIds', message: 'also a covariate' }] },
    );
  }
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

/**
 * Each selected series' run: its config, or why it cannot train. Stores nothing. Throws a 400 for a
 * dataset without series or ids not of it, InvalidConfigError (400) for settings no series could use,
 * and 400/404 for covariates that are not series of this dataset or a holiday calendar
 * date-holidays does not know. A series whose frequency differs from a covariate's gets a failed
 * run saying so; whether the known-future covariates cover each series' forecast is checked when its
 * run starts (the worker fails it with the missing dates), as a scheduled run's is.
 */
export async function planBatchRuns(
  scope: Scope,
  dataset: Dataset,
  // perSeriesLstm is the batch's, not a series config's (createBatch stores it).
  { seriesIds, perSeriesLstm, ...settings }: BatchRequest,
): Promise<NewBatchRun[]> {
  const covariates = await checkCovariateSeries(scope, dataset.id, {
    covariates: settings.covariates ?? [],
    holidays: settings.holidays ?? null,
  });
  // In a long file, a named covariate stands for its column of every id (covariateOf).
  const inputs = covariateSeriesOf(
    dataset.series,
    covariates.map((c) => c.series.id),
  );
  const byName = new Map(dataset.series.map((series) => [series.name, series]));
  return selectSeries(dataset, seriesIds, inputs).map((series) => {
    const own = covariates.map((c) => ({ ...c, series: covariateOf(series, c.series, byName) }));
    const config = {
      ...resolveConfig(settings, { frequency: series.frequency, points: series.points }),
      covariates: own.map((c) => ({ seriesId: c.series.id, knownFuture: c.knownFuture })),
    };
    const mismatch = covariateMismatch(series, own);
    if (mismatch) return { seriesId: series.id, config, error: mismatch };
    try {
      assertLongEnough(series.points, config);
      assertModelFitsData(series.points, config);
      return { seriesId: series.id, config };
    } catch (error) {
      if (!(error instanceof SeriesTooShortError || error instanceof ModelTooLargeError)) throw error;
      return { seriesId: series.id, config, error: error.message };
    }
  });
}

/** Throws as planBatchRuns. `scheduleId`: the dataset schedule starting it. */
export async function createBatch(
  scope: Scope,
  dataset: Dataset,
  request: BatchRequest,
  { scheduleId = null }: { scheduleId?: string | null } = {},
): Promise<Batch> {
  const { seriesIds, perSeriesLstm, ...settings } = request;
  const runs = await planBatchRuns(scope, dataset, { ...settings, seriesIds });
  const { batch, queuedRunIds } = await insertBatchAsSystem(dataset.id, settings, runs, {
    scheduleId,
    perSeriesLstm: perSeriesLstm ?? defaultPerSeriesLstm(runs.length),
  });
  try {
    await enqueueBatch(batch.id, chunkRunIds(queuedRunIds));
  } catch (error) {
    // A batch no worker will ever see would sit in `queued` forever: take it back.
    await deleteBatchAsSystem(batch.id);
    throw error;
  }
  return batch;
}
