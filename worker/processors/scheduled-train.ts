// The `scheduled-train` job, fired by a schedule's job scheduler: create a run for the
// schedule's series with its config, on the data as it is now, and train it in this same job.
// A firing is skipped (and logged) when the schedule is gone or paused, or when the series
// already has a queued or running run: two trainings of one series would only compete.
import { UnrecoverableError, type Job } from 'bullmq';
import { findActiveRun } from '@/lib/db/runs';
import { getScheduleRecord } from '@/lib/db/schedules';
import { getSeries } from '@/lib/db/series';
import { InvalidConfigError, SeriesTooShortError } from '@/lib/forecast/errors';
import { scheduledTrainJobSchema } from '@/lib/queue/jobs';
import { removeScheduler } from '@/lib/queue/schedulers';
import { prepareRun } from '@/lib/runs/create-run';
import { log } from '../log';
import { parsePayload } from './payload';
import { trainRun } from './train';

export async function processScheduledTrain(job: Job): Promise<void> {
  const { scheduleId, runId } = parsePayload(scheduledTrainJobSchema, job);
  // A retried attempt trains the run the first attempt created.
  const id = runId ?? (await createScheduledRun(job, scheduleId));
  if (id) await trainRun(job, id);
}

async function createScheduledRun(job: Job, scheduleId: string): Promise<string | null> {
  const schedule = await getScheduleRecord(scheduleId);
  if (!schedule) {
    await removeScheduler(scheduleId);
    log(`Schedule ${scheduleId}: no longer exists; removed its scheduler.`);
    return null;
  }
  if (schedule.paused) {
    log(`Schedule ${scheduleId}: paused, skipping this firing.`);
    return null;
  }
  const active = await findActiveRun(schedule.seriesId);
  if (active) {
    log(`Schedule ${scheduleId}: skipping this firing, series ${schedule.seriesId} already has run ${active.id} ${active.status}.`);
    return null;
  }
  const series = await getSeries(schedule.seriesId);
  if (!series) return null; // deleted along with the schedule a moment ago

  try {
    const run = await prepareRun(series, schedule.config, schedule.id);
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
