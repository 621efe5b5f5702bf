// GET /api/batches/:id: the batch with its progress (batchProgress), its global LSTM, its summary
// (stored when it ended, computed from the runs while it is in progress) and one row per series.
import type { Batch, BatchSeriesRow } from '@/lib/api/schemas/responses';
import {
  listBatchRunsAsSystem,
  type Batch as StoredBatch,
  type BatchGlobalLstm,
  type BatchRunRow,
} from '@/lib/db/batches';
import { isFinished } from '@/lib/db/runs';
import { honestScore } from '@/lib/forecast/selection/honest-score';
import { MAX_CHUNKS } from './chunks';
import { summarizeBatch } from './summary';

export type { BatchSeriesRow };

/** GET /api/batches/:id's `batch`: the response schema's type. */
export type BatchView = Batch;

const finiteOrNull = (x: number | null | undefined): number | null =>
  typeof x === 'number' && Number.isFinite(x) ? x : null;

/**
 * One series of the batch. Its champion's score is the honest one where the run has it: its MASE
 * on the backtest windows it was not chosen on, against seasonal naive's on those windows (as the
 * run page's headline states it); else, on older runs and runs of one backtest window, its backtest
 * MASE, which was won on the windows it is measured on (`nested: false`).
 */
export function seriesRow(run: BatchRunRow): BatchSeriesRow {
  const champion = run.status === 'succeeded' ? (run.evaluation?.champion ?? null) : null;
  const honest = honestScore(champion);
  const mase = honest ? honest.mase : finiteOrNull(champion?.metrics.mase);
  const naive = honest ? honest.reference : finiteOrNull(run.metrics?.seasonalNaive?.mase);
  return {
    seriesId: run.seriesId,
    name: run.name,
    runId: run.runId,
    status: run.status,
    champion: champion?.model ?? null,
    championMembers: champion?.members ?? [],
    mase,
    skill: mase !== null && naive !== null && naive > 0 ? 1 - mase / naive : null,
    nested: honest !== null,
    error: run.error,
  };
}

/**
 * The batch's progress: the sum of its jobs' — its global LSTM's (weighing as one chunk of series,
 * lib/batches/chunks.ts) and its runs' (every series weighs the same, a finished one counts as done).
 */
export function batchProgress(
  runs: readonly Pick<BatchRunRow, 'status' | 'progress'>[],
  global: Pick<BatchGlobalLstm, 'status' | 'progress'> | null = null,
): number {
  if (runs.length === 0) return 1;
  const done = runs.reduce((sum, run) => sum + (isFinished(run.status) ? 1 : run.progress), 0);
  if (!global) return done / runs.length;
  const weight = runs.length / Math.min(runs.length, MAX_CHUNKS);
  const globalDone = isFinished(global.status) ? 1 : global.progress;
  return (done + weight * globalDone) / (runs.length + weight);
}

function globalView(global: BatchGlobalLstm | null): BatchView['globalLstm'] {
  return (
    global && {
      status: global.status,
      progress: isFinished(global.status) ? 1 : global.progress,
      error: global.error,
      series: global.info?.series ?? null,
      fits: global.info?.fits ?? null,
      fitMs: global.info?.fitMs ?? null,
      inputs: global.info?.inputs ?? [],
    }
  );
}

export async function batchView(batch: StoredBatch): Promise<BatchView> {
  const runs = await listBatchRunsAsSystem(batch.id);
  return {
    id: batch.id,
    datasetId: batch.datasetId,
    status: batch.status,
    progress: batchProgress(runs, batch.globalLstm),
    config: batch.config,
    perSeriesLstm: batch.perSeriesLstm,
    globalLstm: globalView(batch.globalLstm),
    summary: batch.summary ?? summarizeBatch(runs),
    error: batch.error,
    createdAt: batch.createdAt,
    startedAt: batch.startedAt,
    finishedAt: batch.finishedAt,
    scheduleId: batch.scheduleId,
    series: runs.map(seriesRow),
  };
}
