// When a rebuilt `every` scheduler should fire first. A new BullMQ `every` scheduler fires at once;
// for a schedule that has fired before (a scheduler Redis lost, or a schedule resumed after a
// pause) that would start a run minutes after the last one. Continuing the cadence from the last
// firing instead keeps "every 6 hours" meaning that.
import type { ScheduleRecord } from '@/lib/db/schedules';
import { parseInterval } from '@/lib/queue/timing';

/** One interval after the newest firing (a run or batch it created, or a skipped firing); none for cron or a schedule that never fired. */
export function nextFiringAfterLast(
  schedule: Pick<ScheduleRecord, 'every' | 'runs' | 'lastSkip'> & Partial<Pick<ScheduleRecord, 'batches'>>,
): Date | undefined {
  const every = schedule.every === null ? null : parseInterval(schedule.every);
  const firings = [schedule.runs[0]?.createdAt, schedule.batches?.[0]?.createdAt, schedule.lastSkip?.at].filter(
    (at): at is string => at !== undefined,
  );
  if (every === null || firings.length === 0) return undefined;
  return new Date(Math.max(...firings.map((at) => Date.parse(at))) + every);
}
