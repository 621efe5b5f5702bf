// Starting a run: resolve and check its config, store it as `queued`, hand it to the worker.
import type { Scope } from '@/lib/auth/scope';
import type { ForecastConfigInput } from '@/lib/forecast/config';
import { deleteRunAsSystem as deleteRunRow, insertRunAsSystem, type Run } from '@/lib/db/runs';
import type { Series } from '@/lib/db/series';
import { enqueueRun } from '@/lib/queue/train-queue';
import { runConfigFor } from './run-config';
import { checkRunQuota } from './run-quota';

/** Stores a queued run without enqueueing it; the scheduled-train job trains it in place. */
export async function prepareRun(
  series: Series,
  partial: ForecastConfigInput,
  scheduleId: string | null = null,
): Promise<Run> {
  const config = runConfigFor(series, partial);
  return insertRunAsSystem({ seriesId: series.id, config, scheduleId });
}

/** A run the user asked for: 429 past their queued-run cap (run-quota.ts). */
export async function createRun(scope: Scope, series: Series, partial: ForecastConfigInput): Promise<Run> {
  await checkRunQuota(scope);
  const run = await prepareRun(series, partial);
  try {
    await enqueueRun(run.id);
  } catch (error) {
    // A run no worker will ever see would sit in `queued` forever: take it back.
    await deleteRunRow(run.id);
    throw error;
  }
  return run;
}
