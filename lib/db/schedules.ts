// Retraining schedules. Postgres holds what the user asked for; the BullMQ job scheduler that
// fires them lives in Redis (lib/queue/schedulers.ts) and is rebuilt from these rows at boot.
// A schedule retrains one series (a run per firing) or a dataset (a batch per firing) and belongs
// to that dataset's owner: route-reachable reads take the caller's scope; the worker's reads
// (`AsSystem`) act for the owner.
import type { Schedule } from '@/lib/api/schemas/responses';
import type { Scope } from './scope';
import type { ForecastConfigInput } from '@/lib/forecast/config';
import { getPrisma } from './client';
import type { Batch as BatchRow, Prisma, Run as RunRow, Schedule as ScheduleRow } from './generated/prisma/client';
import { jsonValue } from './json';
import { ownedSchedule } from './ownership';
import type { RunStatus } from './runs';

/** Runs (or batches) listed with a schedule: newest first, at most this many. */
export const SCHEDULE_RUNS_SHOWN = 20;

/** What a schedule retrains: one series, or a dataset's series (all when `seriesIds` is null). */
export type ScheduleTarget = { seriesId: string } | { datasetId: string; seriesIds: string[] | null };

export interface ScheduleRecord {
  id: string;
  /** Set for a series schedule; null for a dataset schedule. */
  seriesId: string | null;
  /** Set for a dataset schedule; null for a series schedule. */
  datasetId: string | null;
  /** The dataset schedule's selection; null: every series of the dataset (and for series schedules). */
  seriesIds: string[] | null;
  every: string | null;
  cron: string | null;
  /** Partial config applied to each run; the rest comes from the series' defaults at run time. */
  config: ForecastConfigInput;
  paused: boolean;
  createdAt: Date;
  /** Runs a series schedule created; empty for a dataset schedule (its runs belong to its batches). */
  runs: { id: string; status: RunStatus; createdAt: string }[];
  /** Batches a dataset schedule created; empty for a series schedule. */
  batches: { id: string; status: RunStatus; createdAt: string }[];
  /** The newest firing that created no run or batch (still training, over the queue cap...), and why. */
  lastSkip: { at: string; reason: string } | null;
}

/** The API's `Schedule` (lib/api/schemas/responses.ts); `nextRunAt` comes from the queue's job scheduler. */
export type { Schedule };

export function toSchedule(record: ScheduleRecord, nextRunAt: Date | null): Schedule {
  return { ...record, createdAt: record.createdAt.toISOString(), nextRunAt: nextRunAt?.toISOString() ?? null };
}

const recent = {
  orderBy: [{ createdAt: 'desc' as const }, { id: 'desc' as const }],
  take: SCHEDULE_RUNS_SHOWN,
  select: { id: true, status: true, createdAt: true },
} as const satisfies Prisma.Schedule$runsArgs & Prisma.Schedule$batchesArgs;

const withRecentRuns = { runs: recent, batches: recent } satisfies Prisma.ScheduleInclude;

type Firing = Pick<RunRow | BatchRow, 'id' | 'status' | 'createdAt'>;

const toFiring = (row: Firing) => ({ id: row.id, status: row.status, createdAt: row.createdAt.toISOString() });

function toRecord(row: ScheduleRow & { runs: Firing[]; batches: Firing[] }): ScheduleRecord {
  return {
    id: row.id,
    seriesId: row.seriesId,
    datasetId: row.datasetId,
    seriesIds: row.datasetId !== null && row.seriesIds.length > 0 ? row.seriesIds : null,
    every: row.every,
    cron: row.cron,
    config: row.config as ForecastConfigInput,
    paused: row.paused,
    createdAt: row.createdAt,
    runs: row.runs.map(toFiring),
    batches: row.batches.map(toFiring),
    lastSkip:
      row.lastSkippedAt && row.lastSkipReason
        ? { at: row.lastSkippedAt.toISOString(), reason: row.lastSkipReason }
        : null,
  };
}

export interface NewSchedule {
  target: ScheduleTarget;
  every: string | null;
  cron: string | null;
  config: ForecastConfigInput;
}

export async function insertScheduleAsSystem({ target, every, cron, config }: NewSchedule): Promise<ScheduleRecord> {
  const targetColumns =
    'seriesId' in target
      ? { seriesId: target.seriesId }
      : { datasetId: target.datasetId, seriesIds: target.seriesIds ?? [] };
  const row = await getPrisma().schedule.create({
    data: { ...targetColumns, every, cron, config: jsonValue(config) },
    include: withRecentRuns,
  });
  return toRecord(row);
}

/** Null when there is no such schedule or it belongs to someone else. */
export async function getScheduleRecord(scope: Scope, id: string): Promise<ScheduleRecord | null> {
  const row = await getPrisma().schedule.findFirst({
    where: { id, ...ownedSchedule(scope) },
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

/** Newest first, optionally of one series, or the schedules of one dataset (not those of its series). */
export async function listScheduleRecords(
  scope: Scope,
  { seriesId, datasetId }: { seriesId?: string; datasetId?: string } = {},
): Promise<ScheduleRecord[]> {
  const rows = await getPrisma().schedule.findMany({
    where: { ...ownedSchedule(scope), ...(seriesId ? { seriesId } : {}), ...(datasetId ? { datasetId } : {}) },
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
  const rows = await getPrisma().schedule.findMany({
    where: { OR: [{ datasetId }, { series: { datasetId } }] },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

export async function setSchedulePausedFlagAsSystem(id: string, paused: boolean): Promise<ScheduleRecord | null> {
  const { count } = await getPrisma().schedule.updateMany({ where: { id }, data: { paused } });
  return count === 1 ? getScheduleRecordAsSystem(id) : null;
}

/** The owner of a schedule's series or dataset, for the worker's fair-use checks when it fires. */
export async function getScheduleOwnerAsSystem(id: string): Promise<Scope | null> {
  const row = await getPrisma().schedule.findUnique({
    where: { id },
    select: { dataset: { select: { userId: true } }, series: { select: { dataset: { select: { userId: true } } } } },
  });
  const userId = row?.dataset?.userId ?? row?.series?.dataset.userId;
  return userId ? { userId } : null;
}

/** Remembers that a firing of the schedule was skipped, and why (only the newest is kept). */
export async function recordScheduleSkipAsSystem(id: string, reason: string): Promise<void> {
  await getPrisma().schedule.updateMany({ where: { id }, data: { lastSkippedAt: new Date(), lastSkipReason: reason } });
}

export async function deleteScheduleRecordAsSystem(id: string): Promise<void> {
  await getPrisma().schedule.deleteMany({ where: { id } });
}
