// Schedules as the API shows them: the row from Postgres plus the next firing from Redis.
import type { Scope } from '@/lib/auth/scope';
import {
  getScheduleRecord,
  listScheduleRecords,
  toSchedule,
  type Schedule,
  type ScheduleRecord,
} from '@/lib/db/schedules';
import { nextRunAt } from '@/lib/queue/schedulers';

export async function withNextRun(record: ScheduleRecord): Promise<Schedule> {
  return toSchedule(record, record.paused ? null : await nextRunAt(record.id));
}

export async function getSchedule(scope: Scope, id: string): Promise<Schedule | null> {
  const record = await getScheduleRecord(scope, id);
  return record && withNextRun(record);
}

export async function listSchedules(
  scope: Scope,
  filter: { seriesId?: string; datasetId?: string } = {},
): Promise<Schedule[]> {
  return Promise.all((await listScheduleRecords(scope, filter)).map(withNextRun));
}
