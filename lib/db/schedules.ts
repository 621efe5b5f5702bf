// Retraining schedules. Postgres holds what the user asked for; the BullMQ job scheduler that
// fires them lives in Redis (lib/queue/schedulers.ts) and is rebuilt from these rows at boot.
import type { ForecastConfigInput } from '@/lib/forecast/config';
import { getPrisma } from './client';
import type { Prisma, Run as RunRow, Schedule as ScheduleRow } from './generated/prisma/client';
import { jsonValue } from './json';
import type { RunStatus } from './runs';

/** Runs listed with a schedule: newest first, at most this many. */
export const SCHEDULE_RUNS_SHOWN = 20;

export interface ScheduleRecord {
  id: string;
  seriesId: string;
  every: string | null;
  cron: string | null;
  /** Partial config applied to each run; the rest comes from the series' defaults at run time. */
  config: ForecastConfigInput;
  paused: boolean;
  createdAt: Date;
  runs: { id: string; status: RunStatus; createdAt: string }[];
}

/** The `Schedule` shape of docs/api.md; `nextRunAt` comes from the queue's job scheduler. */
export interface Schedule extends Omit<ScheduleRecord, 'createdAt'> {
  createdAt: string;
  nextRunAt: string | null;
}

export function toSchedule(record: ScheduleRecord, nextRunAt: Date | null): Schedule {
  return { ...record, createdAt: record.createdAt.toISOString(), nextRunAt: nextRunAt?.toISOString() ?? null };
}

const withRecentRuns = {
  runs: {
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: SCHEDULE_RUNS_SHOWN,
    select: { id: true, status: true, createdAt: true },
  },
} satisfies Prisma.ScheduleInclude;

function toRecord(row: ScheduleRow & { runs: Pick<RunRow, 'id' | 'status' | 'createdAt'>[] }): ScheduleRecord {
  return {
    id: row.id,
    seriesId: row.seriesId,
    every: row.every,
    cron: row.cron,
    config: row.config as ForecastConfigInput,
    paused: row.paused,
    createdAt: row.createdAt,
    runs: row.runs.map((run) => ({ id: run.id, status: run.status, createdAt: run.createdAt.toISOString() })),
  };
}

export interface NewSchedule {
  seriesId: string;
  every: string | null;
  cron: string | null;
  config: ForecastConfigInput;
}

export async function insertSchedule({ seriesId, every, cron, config }: NewSchedule): Promise<ScheduleRecord> {
  const row = await getPrisma().schedule.create({
    data: { seriesId, every, cron, config: jsonValue(config) },
    include: withRecentRuns,
  });
  return toRecord(row);
}

export async function getScheduleRecord(id: string): Promise<ScheduleRecord | null> {
  const row = await getPrisma().schedule.findUnique({ where: { id }, include: withRecentRuns });
  return row && toRecord(row);
}

/** Newest first, optionally of one series. */
export async function listScheduleRecords({ seriesId }: { seriesId?: string } = {}): Promise<ScheduleRecord[]> {
  const rows = await getPrisma().schedule.findMany({
    where: seriesId ? { seriesId } : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    include: withRecentRuns,
  });
  return rows.map(toRecord);
}

/** Ids of the schedules that deleting this dataset removes (by cascade). */
export async function listScheduleIdsOfDataset(datasetId: string): Promise<string[]> {
  const rows = await getPrisma().schedule.findMany({ where: { series: { datasetId } }, select: { id: true } });
  return rows.map((row) => row.id);
}

export async function setSchedulePausedFlag(id: string, paused: boolean): Promise<ScheduleRecord | null> {
  const { count } = await getPrisma().schedule.updateMany({ where: { id }, data: { paused } });
  return count === 1 ? getScheduleRecord(id) : null;
}

export async function deleteScheduleRecord(id: string): Promise<void> {
  await getPrisma().schedule.deleteMany({ where: { id } });
}
