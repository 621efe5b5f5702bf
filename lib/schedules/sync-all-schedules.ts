// Run by the worker at boot: Redis gets exactly the job schedulers of the active schedules in
// Postgres, e.g. after Redis lost its data or a schedule was deleted while Redis was down.
// Upserting an unchanged scheduler keeps its pending job, so a restart does not fire extra runs.
import { listScheduleRecords } from '@/lib/db/schedules';
import { listSchedulerIds, removeScheduler, syncSchedule } from '@/lib/queue/schedulers';

export async function syncAllSchedules(): Promise<{ active: number; removed: number }> {
  const schedules = await listScheduleRecords();
  for (const schedule of schedules) await syncSchedule(schedule);
  const known = new Set(schedules.map((schedule) => schedule.id));
  const orphans = (await listSchedulerIds()).filter((id) => !known.has(id));
  for (const id of orphans) await removeScheduler(id);
  return { active: schedules.filter((schedule) => !schedule.paused).length, removed: orphans.length };
}
