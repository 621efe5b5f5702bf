// Retraining schedules. Postgres holds what the user asked for; the BullMQ job scheduler that
// fires them lives in Redis (lib/queue/schedulers.ts) and is rebuilt from these rows at boot.
// A schedule belongs to the owner of its series' dataset: route-reachable reads take the caller's
// scope; the worker's reads (`AsSystem`) act for the owner.
import type { Schedule } from '@/lib/api/schemas/responses';
import type { Scope } from './scope';
import type { ForecastConfigInput } from '@/lib/forecast/config';
import { getPrisma } from './client';
import type { Prisma, Run as RunRow, Schedule as ScheduleRow } from './generated/prisma/client';
import { jsonValue } from './json';
import { ownedThroughSeries } from './ownership';
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
  /** The newest firing that created no run (the series was already training), and why. */
  lastSkip: { at: string; reason: string } | null;
}

/** The API's `Schedule` (lib/api/schemas/responses.ts); `nextRunAt` comes from the queue's job scheduler. */
export type { Schedule };

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
    lastSkip:
      row.lastSkippedAt && row.lastSkipReason
        ? { at: row.lastSkippedAt.toISOString(), reason: row.lastSkipReason }
        : null,
  };
}

export interface NewSchedule {
  seriesId: string;
  every: string | null;
  cron: string | null;
  config: ForecastConfigInput;
}

export async function insertScheduleAsSystem({ seriesId, every, cron, config }: NewSchedule): Promise<ScheduleRecord> {
  const row = await getPrisma().schedule.create({
    data: { seriesId, every, cron, config: jsonValue(config) },
    include: withRecentRuns,
  });
  return toRecord(row);
}

/** Null when there is no such schedule or it belongs to someone else. */
export async function getScheduleRecord(scope: Scope, id: string): Promise<ScheduleRecord | null> {
  const row = await getPrisma().schedule.findFirst({
    where: { id, ...ownedThroughSeries(scope) },
    include: withRecentRuns,
  });
  return row && toRecord(row);
}

/** System scope: any user's schedule, for the worker when a schedule fires. */
export async function getScheduleRecordAsSystem(id: string): Promise<ScheduleRecord | null> {
  const row = await getPrisma().schedule.findUnique({ where: { id }, include: withRecentRuns });
  return row && toRecord(row);
}

const newestFirst = [{ createdAt: 'desc' }, { id: 'desc' }] satisfies Prisma.ScheduleOrderByWithRelationInput[];

/** Newest first, optionally of one series. */
export async function listScheduleRecords(
  scope: Scope,
  { seriesId }: { seriesId?: string } = {},
): Promise<ScheduleRecord[]> {
  const rows = await getPrisma().schedule.findMany({
    where: { ...ownedThroughSeries(scope), ...(seriesId ? { seriesId } : {}) },
    orderBy: newestFirst,
    include: withRecentRuns,
  });
  return rows.map(toRecord);
}

/** System scope: every user's schedules, for rebuilding the queue's job schedulers at boot. */
export async function listAllScheduleRecordsAsSystem(): Promise<ScheduleRecord[]> {
  const rows = await getPrisma().schedule.findMany({ orderBy: newestFirst, include: withRecentRuns });
  return rows.map(toRecord);
}

/** Ids of the schedules that deleting this dataset removes (by cascade). */
export async function listScheduleIdsOfDatasetAsSystem(datasetId: string): Promise<string[]> {
  const rows = await getPrisma().schedule.findMany({ where: { series: { datasetId } }, select: { id: true } });
  return rows.map((row) => row.id);
}

export async function setSchedulePausedFlagAsSystem(id: string, paused: boolean): Promise<ScheduleRecord | null> {
  const { count } = await getPrisma().schedule.updateMany({ where: { id }, data: { paused } });
  return count === 1 ? getScheduleRecordAsSystem(id) : null;
}

/** Remembers that a firing of the schedule was skipped, and why (only the newest is kept). */
export async function recordScheduleSkipAsSystem(id: string, reason: string): Promise<void> {
  await getPrisma().schedule.updateMany({ where: { id }, data: { lastSkippedAt: new Date(), lastSkipReason: reason } });
}

export async function deleteScheduleRecordAsSystem(id: string): Promise<void> {
  await getPrisma().schedule.deleteMany({ where: { id } });
}
