// Batches: a forecast of many series of one dataset at once (lib/batches). A batch owns one run
// per series (runs.batch_id); its status changes, like a run's, are single UPDATEs guarded by the
// statuses they may leave, so a finished batch is never overwritten by a late write.
//
// A batch belongs to its dataset's owner. Reads a route can reach take the caller's scope; the
// worker reads by id alone (`AsSystem`).
import type { Scope } from './scope';
import type { ForecastConfigInput } from '@/lib/forecast/config';
import type { ForecastConfig } from '@/lib/forecast/types';
// The stored summary's shape is owned by lib/batches (type only, nothing runs); it belongs in
// lib/api/schemas with a batch response schema.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import type { BatchSummary } from '@/lib/batches/summary';
import { getPrisma } from './client';
import { Prisma, type Batch as BatchRow, type RunStatus } from './generated/prisma/client';
import { jsonValue } from './json';
import type { RunEvaluation, RunMetrics } from './run-evaluation';
import { ACTIVE_STATUSES } from './runs';

export interface Batch {
  id: string;
  datasetId: string;
  status: RunStatus;
  /** The training settings given, applied to every series. */
  config: ForecastConfigInput;
  summary: BatchSummary | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** The dataset schedule that started it; null for a batch started by hand. */
  scheduleId: string | null;
}

function toBatch(row: BatchRow): Batch {
  return {
    id: row.id,
    datasetId: row.datasetId,
    status: row.status,
    config: row.config as ForecastConfigInput,
    summary: row.summary as unknown as BatchSummary | null,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    scheduleId: row.scheduleId,
  };
}

/** One series of a new batch: its full config, or why it cannot be trained (stored as a failed run). */
export type NewBatchRun =
  { seriesId: string; config: ForecastConfig } | { seriesId: string; config: ForecastConfig; error: string };

export interface InsertedBatch {
  batch: Batch;
  /** Ids of the runs a worker must train (queued), in the order given. */
  queuedRunIds: string[];
}

/** The batch and its runs in one transaction: a batch is never stored without its rows. */
export async function insertBatchAsSystem(
  datasetId: string,
  config: ForecastConfigInput,
  runs: NewBatchRun[],
  { scheduleId = null }: { scheduleId?: string | null } = {},
): Promise<InsertedBatch> {
  return getPrisma().$transaction(async (tx) => {
    const row = await tx.batch.create({ data: { datasetId, scheduleId, config: jsonValue(config) } });
    const queuedRunIds: string[] = [];
    const now = new Date();
    for (const run of runs) {
      const failed = 'error' in run;
      const created = await tx.run.create({
        data: {
          seriesId: run.seriesId,
          batchId: row.id,
          config: jsonValue(run.config),
          ...(failed ? { status: 'failed' as const, error: run.error, finishedAt: now } : {}),
        },
        select: { id: true },
      });
      if (!failed) queuedRunIds.push(created.id);
    }
    return { batch: toBatch(row), queuedRunIds };
  });
}

/** Null when there is no such batch or it belongs to someone else. */
export async function getBatch(scope: Scope, id: string): Promise<Batch | null> {
  const row = await getPrisma().batch.findFirst({ where: { id, dataset: { userId: scope.userId } } });
  return row && toBatch(row);
}

export async function getBatchAsSystem(id: string): Promise<Batch | null> {
  const row = await getPrisma().batch.findUnique({ where: { id } });
  return row && toBatch(row);
}

/** The schedule's newest batch while it is queued or running (a firing then skips); null otherwise. */
export async function getActiveBatchOfScheduleAsSystem(scheduleId: string): Promise<Batch | null> {
  const row = await getPrisma().batch.findFirst({
    where: { scheduleId, status: { in: ACTIVE_STATUSES } },
    orderBy: { createdAt: 'desc' },
  });
  return row && toBatch(row);
}

/** Deletes a batch and its runs (a batch whose flow could not be queued). */
export async function deleteBatchAsSystem(id: string): Promise<void> {
  await getPrisma().batch.deleteMany({ where: { id } });
}

/** One run of a batch with what the batch page shows of it. */
export interface BatchRunRow {
  runId: string;
  seriesId: string;
  name: string;
  status: RunStatus;
  progress: number;
  error: string | null;
  metrics: RunMetrics | null;
  evaluation: RunEvaluation | null;
  /** Steps the run forecasts (its resolved config's horizon). */
  horizon: number;
}

/** The batch's runs by series name. Reads metrics and evaluation, never model bytes. */
export async function listBatchRunsAsSystem(batchId: string): Promise<BatchRunRow[]> {
  const rows = await getPrisma().run.findMany({
    where: { batchId },
    select: {
      id: true,
      seriesId: true,
      status: true,
      progress: true,
      error: true,
      metrics: true,
      evaluation: true,
      config: true,
      series: { select: { name: true } },
    },
    orderBy: [{ series: { name: 'asc' } }, { id: 'asc' }],
  });
  return rows.map((row) => ({
    runId: row.id,
    seriesId: row.seriesId,
    name: row.series.name,
    status: row.status,
    progress: row.progress,
    error: row.error,
    metrics: row.metrics as unknown as RunMetrics | null,
    evaluation: row.evaluation as unknown as RunEvaluation | null,
    horizon: (row.config as unknown as Pick<ForecastConfig, 'horizon'>).horizon,
  }));
}

async function transition(id: string, from: RunStatus[], data: Prisma.BatchUpdateManyMutationInput): Promise<boolean> {
  const { count } = await getPrisma().batch.updateMany({ where: { id, status: { in: from } }, data });
  return count === 1;
}

/** queued → running when its first chunk starts. */
export function markBatchRunningAsSystem(id: string): Promise<boolean> {
  return transition(id, ['queued'], { status: 'running', startedAt: new Date() });
}

/** The end of a batch, with its aggregate scores; false when it had already ended (cancelled). */
export function finishBatchAsSystem(
  id: string,
  status: 'succeeded' | 'failed',
  summary: BatchSummary,
  error: string | null = null,
): Promise<boolean> {
  return transition(id, ACTIVE_STATUSES, { status, summary: jsonValue(summary), error, finishedAt: new Date() });
}

/** Stores the summary of a batch that has already ended (a cancelled one, once its chunks are done). */
export async function storeBatchSummaryAsSystem(id: string, summary: BatchSummary): Promise<void> {
  await getPrisma().batch.updateMany({ where: { id }, data: { summary: jsonValue(summary) } });
}

/**
 * Cancels the batch and every run of it still queued or running, in one transaction: a running
 * run stops after its epoch (its worker reads the status), a queued one is skipped by its chunk.
 * False when the batch had already ended.
 */
export async function markBatchCancelledAsSystem(id: string): Promise<boolean> {
  return getPrisma().$transaction(async (tx) => {
    const { count } = await tx.batch.updateMany({
      where: { id, status: { in: ACTIVE_STATUSES } },
      data: { status: 'cancelled', finishedAt: new Date() },
    });
    if (count === 0) return false;
    await tx.run.updateMany({
      where: { batchId: id, status: { in: ACTIVE_STATUSES } },
      data: { status: 'cancelled', finishedAt: new Date() },
    });
    return true;
  });
}

/** Fails the runs of a batch that nothing will train any more (their chunk failed for good). */
export async function failUnfinishedBatchRunsAsSystem(batchId: string, message: string): Promise<number> {
  const { count } = await getPrisma().run.updateMany({
    where: { batchId, status: { in: ACTIVE_STATUSES } },
    data: { status: 'failed', error: message, finishedAt: new Date() },
  });
  return count;
}
