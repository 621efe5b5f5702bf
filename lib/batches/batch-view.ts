// GET /api/batches/:id: the batch with its progress (the mean of its runs' progress: every series
// weighs the same, a finished one counts as done), its summary (stored when it ended, computed
// from the runs while it is in progress) and one row per series.
import { listBatchRuns, type Batch, type BatchRunRow } from '@/lib/db/batches';
import { isFinished, type RunStatus } from '@/lib/db/runs';
import type { PredictionModel } from '@/lib/forecast/types';
import { summarizeBatch, type BatchSummary } from './summary';

export interface BatchSeriesRow {
  seriesId: string;
  name: string;
  runId: string;
  status: RunStatus;
  /** The run's recommended model once it succeeded. */
  champion: PredictionModel | null;
  /** The champion's backtest MASE. */
  mase: number | null;
  /** 1 - MASE(champion) / MASE(seasonal naive): above 0, better than repeating last season. */
  skill: number | null;
  /** Why the series failed (too short, constant...), or null. */
  error: string | null;
}

export interface BatchView {
  id: string;
  datasetId: string;
  status: RunStatus;
  progress: number;
  config: Batch['config'];
  summary: BatchSummary;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  series: BatchSeriesRow[];
}

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

export async function batchView(batch: Batch): Promise<BatchView> {
  const runs = await listBatchRuns(batch.id);
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
    series: runs.map(seriesRow),
  };
}
