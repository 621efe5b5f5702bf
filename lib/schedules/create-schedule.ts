// A new schedule: checked now (config and series length) rather than at every firing, stored,
// then registered with the queue. If that fails (Redis unreachable) the row is taken back.
// A series schedule creates a run per firing; a dataset schedule a batch of its series, checked
// here the way POST /api/datasets/:id/runs checks a batch (lib/batches/create-batch.ts).
import { unprocessable } from '@/lib/api/errors';
import { planBatchRuns } from '@/lib/batches/create-batch';
import type { Dataset } from '@/lib/db/datasets';
import {
  deleteScheduleRecordAsSystem,
  insertScheduleAsSystem,
  listScheduleRecords,
  type Schedule,
  type ScheduleTarget,
} from '@/lib/db/schedules';
import type { Series } from '@/lib/db/series';
import type { ForecastConfigInput } from '@/lib/forecast/config';
import { syncSchedule } from '@/lib/queue/schedulers';
import type { Scope } from '@/lib/db/scope';
import { checkRunCovariates } from '@/lib/runs/covariates';
import { runConfigFor } from '@/lib/runs/run-config';
import { assertNotDuplicate } from './duplicate-schedule';
import { withNextRun } from './get-schedule';

export interface ScheduleInput {
  /** Exactly one of `every` and `cron` (the route checks with hasExactlyOneTiming). */
  every?: string;
  cron?: string;
  config?: ForecastConfigInput;
}

async function storeAndSync(target: ScheduleTarget, { every, cron, config = {} }: ScheduleInput): Promise<Schedule> {
  const record = await insertScheduleAsSystem({ target, every: every ?? null, cron: cron ?? null, config });
  try {
    await syncSchedule(record);
  } catch (error) {
    await deleteScheduleRecordAsSystem(record.id);
    throw error;
  }
  return withNextRun(record);
}

/**
 * Its covariates are checked as a run's (400, 404, 422); each firing checks their coverage again.
 * 409 when the series already has an identical schedule (duplicate-schedule.ts).
 */
export async function createSchedule(scope: Scope, series: Series, input: ScheduleInput): Promise<Schedule> {
  const config = input.config ?? {};
  await checkRunCovariates(scope, series, runConfigFor(series, config), 'config.');
  assertNotDuplicate(series, await listScheduleRecords(scope, { seriesId: series.id }), { ...input, config });
  return storeAndSync({ seriesId: series.id }, input);
}

/**
 * Retrains the dataset's series (all of them at each firing, or `seriesIds`) as one batch per
 * firing. 400 for ids not of the dataset, settings no series could use or covariates not of it
 * (checked as a batch's); 422 when no selected
 * series is long enough for the settings (each firing would only fail); 409 when the dataset already
 * has an identical schedule over the same series (duplicate-schedule.ts).
 */
export async function createDatasetSchedule(
  scope: Scope,
  dataset: Dataset,
  { seriesIds, ...input }: ScheduleInput & { seriesIds?: string[] },
): Promise<Schedule> {
  const runs = await planBatchRuns(scope, dataset, { ...input.config, seriesIds });
  const failing = runs.flatMap((run) => ('error' in run ? [run.error] : []));
  if (failing.length === runs.length) {
    throw unprocessable('series_too_short', `No selected series can be trained with these settings: ${failing[0]}`, {
      series: runs.length,
    });
  }
  const first = dataset.series.find((series) => series.id === runs[0].seriesId)!;
  assertNotDuplicate(
    first,
    await listScheduleRecords(scope, { datasetId: dataset.id }),
    { ...input, config: input.config ?? {}, seriesIds },
    'dataset',
  );
  const selection = seriesIds && [...new Set(seriesIds)];
  return storeAndSync({ datasetId: dataset.id, seriesIds: selection ?? null }, input);
}
