// GET /api/batches/:id: the batch with its progress (the mean of its runs' progress: every series
// weighs the same, a finished one counts as done), its summary (stored when it ended, computed
// from the runs while it is in progress) and one row per series.
import type { Batch, BatchSeriesRow } from '@/lib/api/schemas/responses';
import { listBatchRunsAsSystem, type Batch as StoredBatch, type BatchRunRow } from '@/lib/db/batches';
import { isFinished } from '@/lib/db/runs';
import { summarizeBatch } from './summary';

export type { BatchSeriesRow };

/** GET /api/batches/:id's `batch`: the response schema's type. */
export type BatchView = Batch;

const finiteOrNull = (x: number | null | undefined): number | null =>
  typeof x === 'number' && Number.isFinite(x) ? x : null;

export function seriesRow(run: BatchRunRow): BatchSeriesRow {
  const champion = run.status === 'succeeded' ? (run.evaluation?.champion ?? null) : null;
  const mase = finiteOrNull(champion?.metrics.mase);
  const naive = finiteOrNull(run.metrics?.seasonalNaive?.mase);
  return {
    seriesId: run.seriesId,
    name: run.name,
    runId: run.runId,
    status: run.status,
    champion: champion?.model ?? null,
    mase,
    skill: mase !== null && naive !== null && naive > 0 ? 1 - mase / naive : null,
    error: run.error,
  };
}

export function batchProgress(runs: readonly Pick<BatchRunRow, 'status' | 'progress'>[]): number {
  if (runs.length === 0) return 1;
  return runs.reduce((sum, run) => sum + (isFinished(run.status) ? 1 : run.progress), 0) / runs.length;
}

export async function batchView(batch: StoredBatch): Promise<BatchView> {
  const runs = await listBatchRunsAsSystem(batch.id);
  return {
    id: batch.id,
    datasetId: batch.datasetId,
    status: batch.status,
    progress: batchProgress(runs),
    config: batch.config,
    summary: batch.summary ?? summarizeBatch(runs),
    error: batch.error,
    createdAt: batch.createdAt,
    startedAt: batch.startedAt,
    finishedAt: batch.finishedAt,
    scheduleId: batch.scheduleId,
    series: runs.map(seriesRow),
  };
}
