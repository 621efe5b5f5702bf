// Run by the worker at boot: Redis gets exactly the job schedulers of the active schedules in
// Postgres, e.g. after Redis lost its data or a schedule was deleted while Redis was down.
// Upserting an unchanged scheduler keeps its pending job, so a restart does not fire extra runs
// (test/faults/schedules.int.test.ts). A scheduler Redis lost is rebuilt to continue its cadence
// from the last firing: a worker booting against a Redis without persistence would otherwise start
// a second run minutes after the last one.
import { listAllScheduleRecordsAsSystem } from '@/lib/db/schedules';
import { listSchedulerIds, removeScheduler, syncSchedule } from '@/lib/queue/schedulers';
import { nextFiringAfterLast } from './next-firing';

export async function syncAllSchedules(): Promise<{ active: number; removed: number }> {
  const schedules = await listAllScheduleRecordsAsSystem();
  for (const schedule of schedules) await syncSchedule(schedule, nextFiringAfterLast(schedule));
  const known = new Set(schedules.map((schedule) => schedule.id));
  const orphans = (await listSchedulerIds()).filter((id) => !known.has(id));
  for (const id of orphans) await removeScheduler(id);
  return { active: schedules.filter((schedule) => !schedule.paused).length, removed: orphans.length };
}
