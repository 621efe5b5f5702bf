// The `scheduled-train` job, fired by a schedule's job scheduler: create a run for the
// schedule's series with its config, on the data as it is now, and train it in this same job.
// A firing is skipped (and logged) when the schedule is gone or paused, or when the series
// already has a queued or running run: two trainings of one series would only compete. That skip
// is stored with the schedule (`lastSkip` in the API), so the user sees why no run appeared; so is
// a firing whose run cannot start (the series too short for the schedule's settings).
// A dataset schedule's firing starts a batch instead (lib/schedules/start-scheduled-batch.ts),
// whose flow the workers then share; this job ends once the batch is queued.
import { UnrecoverableError, type Job } from 'bullmq';
import { insertRunUnlessActiveAsSystem, type Run } from '@/lib/db/runs';
import { getScheduleRecordAsSystem, recordScheduleSkipAsSystem, type ScheduleRecord } from '@/lib/db/schedules';
import { getSeriesAsSystem } from '@/lib/db/series';
import { InvalidConfigError, SeriesTooShortError } from '@/lib/forecast/errors';
import { scheduledTrainJobSchema } from '@/lib/queue/jobs';
import { removeScheduler } from '@/lib/queue/schedulers';
import { runConfigFor } from '@/lib/runs/run-config';
import { startScheduledBatch } from '@/lib/schedules/start-scheduled-batch';
import { log } from '../log';
import { parsePayload } from './payload';
import { trainRun } from './train';

export async function processScheduledTrain(job: Job, token?: string): Promise<void> {
  const { scheduleId, runId, batchId } = parsePayload(scheduledTrainJobSchema, job);
  // A retried attempt trains the run the first attempt created; a batch's flow trains itself.
  if (batchId) return;
  const id = runId ?? (await fire(job, scheduleId));
  if (id) await trainRun(job, id, token);
}

/** The run to train in this job, if the firing created one. */
async function fire(job: Job, scheduleId: string): Promise<string | null> {
  const schedule = await getScheduleRecordAsSystem(scheduleId);
  if (!schedule) {
    await removeScheduler(scheduleId);
    log(`Schedule ${scheduleId}: no longer exists; removed its scheduler.`);
    return null;
  }
  if (schedule.paused) {
    log(`Schedule ${scheduleId}: paused, skipping this firing.`);
    return null;
  }
  if (schedule.datasetId !== null) {
    const outcome = await startScheduledBatch(schedule);
    if ('batch' in outcome) {
      await job.updateData({ scheduleId, batchId: outcome.batch.id });
      log(`Schedule ${scheduleId}: started batch ${outcome.batch.id} of dataset ${schedule.datasetId}.`);
    } else if ('skipped' in outcome) {
      log(`Schedule ${scheduleId}: ${outcome.skipped}`);
    }
    return null;
  }
  return schedule.seriesId === null ? null : createScheduledRun(job, schedule.id, schedule.seriesId, schedule.config);
}

async function createScheduledRun(
  job: Job,
  scheduleId: string,
  seriesId: string,
  scheduleConfig: ScheduleRecord['config'],
): Promise<string | null> {
  const series = await getSeriesAsSystem(seriesId);
  if (!series) return null; // deleted along with the schedule a moment ago

  try {
    const config = runConfigFor(series, scheduleConfig);
    const outcome = await insertRunUnlessActiveAsSystem({ seriesId: series.id, config, scheduleId });
    if ('active' in outcome) {
      const reason = skipReason(outcome.active);
      await recordScheduleSkipAsSystem(scheduleId, reason);
      log(`Schedule ${scheduleId}: ${reason}`);
      return null;
    }
    const run = outcome.inserted;
    await job.updateData({ scheduleId, runId: run.id });
    log(`Schedule ${scheduleId}: created run ${run.id} for series ${series.id}.`);
    return run.id;
  } catch (error) {
    if (error instanceof SeriesTooShortError || error instanceof InvalidConfigError) {
      // Every later firing would fail the same way until the data or the settings change: say so
      // on the schedule, as a dataset schedule does.
      const reason = `Skipped: the run could not start: ${error.message}`;
      await recordScheduleSkipAsSystem(scheduleId, reason);
      throw new UnrecoverableError(`Schedule ${scheduleId}: ${reason}`);
    }
    throw error;
  }
}

function skipReason(active: Run): string {
  const what = active.status === 'running' ? 'was already running' : 'was already waiting in the queue';
  return `Skipped: a training of this series ${what} (run ${active.id}).`;
}
