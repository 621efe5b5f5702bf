// The `scheduled-train` job, fired by a schedule's job scheduler: create a run for the
// schedule's series with its config, on the data as it is now, and train it in this same job.
// A firing is skipped (and logged) when the schedule is gone or paused, or when the series
// already has a queued or running run: two trainings of one series would only compete. That skip
// is stored with the schedule (`lastSkip` in the API), so the user sees why no run appeared.
import { UnrecoverableError, type Job } from 'bullmq';
import { insertRunUnlessActiveAsSystem, type Run } from '@/lib/db/runs';
import { getScheduleRecordAsSystem, recordScheduleSkipAsSystem } from '@/lib/db/schedules';
import { getSeriesAsSystem } from '@/lib/db/series';
import { InvalidConfigError, SeriesTooShortError } from '@/lib/forecast/errors';
import { scheduledTrainJobSchema } from '@/lib/queue/jobs';
import { removeScheduler } from '@/lib/queue/schedulers';
import { runConfigFor } from '@/lib/runs/run-config';
import { log } from '../log';
import { parsePayload } from './payload';
import { trainRun } from './train';

export async function processScheduledTrain(job: Job, token?: string): Promise<void> {
  const { scheduleId, runId } = parsePayload(scheduledTrainJobSchema, job);
  // A retried attempt trains the run the first attempt created.
  const id = runId ?? (await createScheduledRun(job, scheduleId));
  if (id) await trainRun(job, id, token);
}

async function createScheduledRun(job: Job, scheduleId: string): Promise<string | null> {
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
  const series = await getSeriesAsSystem(schedule.seriesId);
  if (!series) return null; // deleted along with the schedule a moment ago

  try {
    const config = runConfigFor(series, schedule.config);
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
      throw new UnrecoverableError(`Schedule ${scheduleId} cannot start a run: ${error.message}`);
    }
    throw error;
  }
}

function skipReason(active: Run): string {
  const what = active.status === 'running' ? 'was already running' : 'was already waiting in the queue';
  return `Skipped: a training of this series ${what} (run ${active.id}).`;
}
