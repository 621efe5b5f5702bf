// Schedules in Redis: one BullMQ job scheduler per schedule row, keyed by the schedule id.
// Upserting is idempotent, so syncing at every boot (or after every change) is safe.
import { CRON_TIMEZONE, parseInterval } from './timing';
import { JOB_NAMES } from './names';
import { withQueue } from './train-queue';

export interface SchedulerSource {
  id: string;
  every: string | null;
  cron: string | null;
  paused: boolean;
}

type RepeatOptions = { every: number; startDate?: Date } | { pattern: string; tz: string };

function repeatOptions({ id, every, cron }: SchedulerSource, firstFiringAt: Date | undefined): RepeatOptions {
  if (every !== null) {
    const ms = parseInterval(every);
    if (ms === null) throw new Error(`Schedule ${id} has an invalid interval "${every}".`);
    // BullMQ uses startDate only when it creates the scheduler; an existing one keeps its next slot.
    return firstFiringAt && firstFiringAt.getTime() > Date.now()
      ? { every: ms, startDate: firstFiringAt }
      : { every: ms };
  }
  if (cron !== null) return { pattern: cron, tz: CRON_TIMEZONE };
  throw new Error(`Schedule ${id} has neither an interval nor a cron expression.`);
}

/**
 * Makes Redis match the schedule: a scheduler while active, none while paused. A new `every`
 * scheduler fires at once, or at `firstFiringAt` when that is given and still ahead.
 */
export async function syncSchedule(schedule: SchedulerSource, firstFiringAt?: Date): Promise<void> {
  if (schedule.paused) {
    await removeScheduler(schedule.id);
    return;
  }
  const repeat = repeatOptions(schedule, firstFiringAt);
  await withQueue((queue) =>
    queue.upsertJobScheduler(schedule.id, repeat, {
      name: JOB_NAMES.scheduledTrain,
      data: { scheduleId: schedule.id },
    }),
  );
}

export async function removeScheduler(scheduleId: string): Promise<void> {
  await withQueue((queue) => queue.removeJobScheduler(scheduleId));
}

/** When the scheduler fires next; null when there is none (paused or deleted). */
export async function nextRunAt(scheduleId: string): Promise<Date | null> {
  const scheduler = await withQueue((queue) => queue.getJobScheduler(scheduleId));
  return scheduler?.next ? new Date(scheduler.next) : null;
}

export async function listSchedulerIds(): Promise<string[]> {
  const schedulers = await withQueue((queue) => queue.getJobSchedulers(0, -1));
  return schedulers.map((scheduler) => scheduler.id ?? scheduler.key);
}
