// A dataset schedule's firing (run by the worker's scheduled-train job): a batch of the dataset's
// series on the data as it is now, started as POST /api/datasets/:id/runs starts one
// (lib/batches/create-batch.ts). The firing is skipped, and the reason stored with the schedule
// (`lastSkip`), when the schedule's previous batch is still queued or running (two batches of one
// dataset would only compete), when the owner is at the queued-runs cap (lib/runs/run-quota.ts),
// or when the batch cannot start at all (its selected series are gone).
import { ApiError } from '@/lib/api/errors';
import { createBatch } from '@/lib/batches/create-batch';
import { getActiveBatchOfScheduleAsSystem, type Batch } from '@/lib/db/batches';
import { getDataset } from '@/lib/db/datasets';
import { getScheduleOwnerAsSystem, recordScheduleSkipAsSystem, type ScheduleRecord } from '@/lib/db/schedules';
import { InvalidConfigError } from '@/lib/forecast/errors';
import { queuedRunsAtQuota } from '@/lib/runs/run-quota';

export type ScheduledBatchOutcome = { batch: Batch } | { skipped: string } | { gone: true };

function activeReason(active: Batch): string {
  const what = active.status === 'running' ? 'was still running' : 'was still waiting in the queue';
  return `Skipped: the previous batch of this schedule ${what} (batch ${active.id}).`;
}

async function skip(scheduleId: string, reason: string): Promise<ScheduledBatchOutcome> {
  await recordScheduleSkipAsSystem(scheduleId, reason);
  return { skipped: reason };
}

export async function startScheduledBatch(schedule: ScheduleRecord): Promise<ScheduledBatchOutcome> {
  if (schedule.datasetId === null) throw new Error(`Schedule ${schedule.id} retrains a series, not a dataset.`);
  const active = await getActiveBatchOfScheduleAsSystem(schedule.id);
  if (active) return skip(schedule.id, activeReason(active));

  const owner = await getScheduleOwnerAsSystem(schedule.id);
  const dataset = owner && (await getDataset(owner, schedule.datasetId));
  if (!owner || !dataset) return { gone: true }; // deleted a moment ago, the schedule with it

  const full = await queuedRunsAtQuota(owner);
  if (full) {
    return skip(
      schedule.id,
      `Skipped: ${full.queued} of your runs were already waiting for a worker, the most allowed per user ` +
        `(HORIZON_MAX_QUEUED_RUNS is ${full.max}).`,
    );
  }
  try {
    const batch = await createBatch(
      owner,
      dataset,
      { ...schedule.config, ...(schedule.seriesIds && { seriesIds: schedule.seriesIds }) },
      { scheduleId: schedule.id },
    );
    return { batch };
  } catch (error) {
    // The request's own faults (series or covariates no longer in the dataset, settings no series can use): every
    // later firing would fail the same way, so say so on the schedule. Redis down: the job retries.
    if ((error instanceof ApiError && error.status < 500) || error instanceof InvalidConfigError) {
      return skip(schedule.id, `Skipped: the batch could not start: ${error.message}`);
    }
    throw error;
  }
}
