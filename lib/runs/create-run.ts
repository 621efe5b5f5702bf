// Starting a run: resolve and check its config, store it as `queued`, hand it to the worker.
import type { Scope } from '@/lib/auth/scope';
import type { ForecastConfigInput } from '@/lib/forecast/config';
import { deleteRunAsSystem as deleteRunRow, insertRunAsSystem, type Run } from '@/lib/db/runs';
import type { Series } from '@/lib/db/series';
import { enqueueRun } from '@/lib/queue/train-queue';
import { checkRunCovariates } from './covariates';
import { runConfigFor } from './run-config';
import { checkRunQuota } from './run-quota';

/**
 * A run the user asked for: 429 past their queued-run cap (run-quota.ts); its covariates and
 * holiday calendar checked (covariates.ts: 400, 404, or 422 when the future is not covered).
 */
export async function createRun(scope: Scope, series: Series, partial: ForecastConfigInput): Promise<Run> {
  await checkRunQuota(scope);
  const config = runConfigFor(series, partial);
  await checkRunCovariates(scope, series, config);
  const run = await insertRunAsSystem({ seriesId: series.id, config, scheduleId: null });
  try {
    await enqueueRun(run.id);
  } catch (error) {
    // A run no worker will ever see would sit in `queued` forever: take it back.
    await deleteRunRow(run.id);
    throw error;
  }
  return run;
}
