// A new schedule: checked now (config and series length) rather than at every firing, stored,
// then registered with the queue. If that fails (Redis unreachable) the row is taken back.
import { deleteScheduleRecordAsSystem, insertScheduleAsSystem, type Schedule } from '@/lib/db/schedules';
import type { Series } from '@/lib/db/series';
import type { ForecastConfigInput } from '@/lib/forecast/config';
import { syncSchedule } from '@/lib/queue/schedulers';
import { runConfigFor } from '@/lib/runs/run-config';
import { withNextRun } from './get-schedule';

export interface ScheduleInput {
  /** Exactly one of `every` and `cron` (the route checks with hasExactlyOneTiming). */
  every?: string;
  cron?: string;
  config?: ForecastConfigInput;
}

export async function createSchedule(series: Series, { every, cron, config = {} }: ScheduleInput): Promise<Schedule> {
  runConfigFor(series, config);
  const record = await insertScheduleAsSystem({
    seriesId: series.id,
    every: every ?? null,
    cron: cron ?? null,
    config,
  });
  try {
    await syncSchedule(record);
  } catch (error) {
    await deleteScheduleRecordAsSystem(record.id);
    throw error;
  }
  return withNextRun(record);
}
