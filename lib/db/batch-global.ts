// A batch's global LSTM (its `batch-global` job, worker/processors/batch-global.ts): its status,
// progress and what it trained on the batch row, and its forecasts, one row per series
// (batch_global_forecasts), which each series' run reads to score lstmGlobal without training it.
// Worker-side only: every function reads or writes by batch id alone.
import type { SharedForecasts, SharedGlobalInfo } from '@/lib/forecast/global';
import type { ForecastConfig } from '@/lib/forecast/types';
import { getPrisma } from './client';
import type { RunStatus } from './generated/prisma/client';
import { jsonValue } from './json';
import { ACTIVE_STATUSES } from './runs';

export interface BatchGlobalState {
  perSeriesLstm: boolean;
  /** Null for a batch from before batches had a global model. */
  status: RunStatus | null;
  error: string | null;
  info: SharedGlobalInfo | null;
}

export async function getBatchGlobalStateAsSystem(batchId: string): Promise<BatchGlobalState | null> {
  const row = await getPrisma().batch.findUnique({
    where: { id: batchId },
    select: { perSeriesLstm: true, globalStatus: true, globalError: true, globalInfo: true },
  });
  return (
    row && {
      perSeriesLstm: row.perSeriesLstm,
      status: row.globalStatus,
      error: row.globalError,
      info: row.globalInfo as unknown as SharedGlobalInfo | null,
    }
  );
}

/** The runs of a batch the global model forecasts: those still to train, with their series and config. */
export async function listBatchGlobalRunsAsSystem(
  batchId: string,
): Promise<{ runId: string; seriesId: string; config: ForecastConfig }[]> {
  const rows = await getPrisma().run.findMany({
    where: { batchId, status: { in: ACTIVE_STATUSES } },
    select: { id: true, seriesId: true, config: true },
    orderBy: { id: 'asc' },
  });
  return rows.map((row) => ({
    runId: row.id,
    seriesId: row.seriesId,
    config: row.config as unknown as ForecastConfig,
  }));
}

/** queued (or running again, on a retry) → running; false when the batch has ended or has no global model. */
export async function startBatchGlobalAsSystem(batchId: string): Promise<boolean> {
  const { count } = await getPrisma().batch.updateMany({
    where: { id: batchId, status: { in: ACTIVE_STATUSES }, globalStatus: { in: ACTIVE_STATUSES } },
    data: { globalStatus: 'running', globalProgress: 0, globalError: null },
  });
  return count === 1;
}

export async function setBatchGlobalProgressAsSystem(batchId: string, progress: number): Promise<void> {
  await getPrisma().batch.updateMany({
    where: { id: batchId, globalStatus: 'running' },
    data: { globalProgress: Math.max(0, Math.min(1, progress)) },
  });
}

/**
 * The global model's forecasts (by run id) and what it trained, in one transaction: the runs never
 * see a half-stored model. Replaces any rows of an earlier attempt.
 */
export async function storeBatchGlobalAsSystem(
  batchId: string,
  info: SharedGlobalInfo,
  forecasts: ReadonlyMap<string, SharedForecasts>,
): Promise<boolean> {
  return getPrisma().$transaction(async (tx) => {
    const { count } = await tx.batch.updateMany({
      where: { id: batchId, globalStatus: 'running' },
      data: { globalStatus: 'succeeded', globalProgress: 1, globalInfo: jsonValue(info), globalError: null },
    });
    if (count === 0) return false;
    await tx.batchGlobalForecast.deleteMany({ where: { batchId } });
    await tx.batchGlobalForecast.createMany({
      data: [...forecasts].map(([runId, stored]) => ({ batchId, runId, forecasts: jsonValue(stored) })),
    });
    return true;
  });
}

/** The global model will not be trained: the series' runs go on without it (and say why). */
export async function failBatchGlobalAsSystem(batchId: string, message: string): Promise<boolean> {
  const { count } = await getPrisma().batch.updateMany({
    where: { id: batchId, globalStatus: { in: ACTIVE_STATUSES } },
    data: { globalStatus: 'failed', globalError: message },
  });
  return count === 1;
}

/** The global model's forecasts for one run's series, or null when it has none for it. */
export async function getBatchGlobalForecastsAsSystem(batchId: string, runId: string): Promise<SharedForecasts | null> {
  const row = await getPrisma().batchGlobalForecast.findUnique({
    where: { batchId_runId: { batchId, runId } },
    select: { forecasts: true },
  });
  return (row?.forecasts as unknown as SharedForecasts | undefined) ?? null;
}
