// Pausing removes the schedule's job scheduler; resuming adds it back. Redis changes first: if it
// is unreachable nothing changes, and if the database write then fails, the worker's boot sync
// and the scheduled-train processor's paused check keep the two in line.
import { notFound } from '@/lib/api/errors';
import { setSchedulePausedFlagAsSystem, type Schedule } from '@/lib/db/schedules';
import { syncSchedule } from '@/lib/queue/schedulers';
import { withNextRun } from './get-schedule';
import { nextFiringAfterLast } from './next-firing';

export async function setSchedulePaused(schedule: Schedule, paused: boolean): Promise<Schedule> {
  // A resumed schedule keeps its cadence: no firing sooner than one interval after the last.
  await syncSchedule({ ...schedule, paused }, nextFiringAfterLast(schedule));
  const record = await setSchedulePausedFlagAsSystem(schedule.id, paused);
  if (!record) throw notFound('schedule', schedule.id);
  return withNextRun(record);
}
