// The `batch-global` job: a batch's one global LSTM (lib/forecast/global/shared-global.ts), trained
// across all its series before any series' run starts (the batch's flow, lib/queue/batch-flow.ts),
// its forecasts stored for every series' run to score (batchRunContext). Status rules as for a run:
// - the batch cancelled → stop after the current epoch, nothing stored;
// - the worker shutting down → stop after the current epoch, back in the queue (no attempt used up);
// - the worker dying → BullMQ hands the stalled job to another worker, which starts over;
// - anything else → retried while attempts remain; on the last, the parent's fan-out step records
//   the failure and the series' runs go on without the global LSTM (and say so).
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import {
  failBatchGlobalAsSystem,
  getBatchGlobalForecastsAsSystem,
  getBatchGlobalStateAsSystem,
  listBatchGlobalRunsAsSystem,
  setBatchGlobalProgressAsSystem,
  startBatchGlobalAsSystem,
  storeBatchGlobalAsSystem,
} from '@/lib/db/batch-global';
import { getBatchAsSystem, markBatchRunningAsSystem } from '@/lib/db/batches';
import { loadCovariatesAsSystem } from '@/lib/db/covariates';
import { loadSeriesDataAsSystem } from '@/lib/db/series';
import {
  CancelledError,
  CovariateFutureMissingError,
  covariateBlock,
  globalLstmFailedNote,
  initBackend,
  NOT_IN_GLOBAL_LSTM,
  selectSharedSeries,
  ownSettings,
  trainSharedGlobal,
  type RunContext,
  type SharedCandidate,
  type SharedSelection,
} from '@/lib/forecast';
import { batchGlobalJobSchema } from '@/lib/queue/jobs';
import { forecastTimestamps } from '@/lib/runs/covariates';
import { MAX_TRAINING_INTERRUPTIONS } from '@/lib/queue/train-queue';
import { log } from '../log';
import { stopRequested } from '../stopping';
import { parsePayload } from './payload';

/** Progress is written at most this often (every epoch would be a write per epoch). */
const PROGRESS_INTERVAL_MS = 1_000;

/**
 * The series the global model learns from (selectSharedSeries: those long enough for an LSTM that
 * share the most common frequency, horizon and lookback), and how many of the batch's were left out.
 */
async function globalInputs(batchId: string): Promise<(SharedSelection & { leftOut: number }) | string> {
  const runs = await listBatchGlobalRunsAsSystem(batchId);
  // Each run's covariates (in a long file, its own id's: lib/batches), each series loaded once,
  // with the batch's holidays read at the series' own steps.
  const choices = new Map(runs.flatMap((run) => run.config.covariates).map((c) => [c.seriesId, c]));
  const covariateSeries = await loadCovariatesAsSystem([...choices.values()]);
  const candidates: SharedCandidate[] = [];
  let uncovered = 0;
  for (const run of runs) {
    const data = await loadSeriesDataAsSystem(run.seriesId);
    if (!data) continue;
    try {
      const block =
        data.frequency === 'irregular'
          ? undefined
          : covariateBlock(data, forecastTimestamps(data, run.config.horizon), run.config, covariateSeries);
      candidates.push({ ...data, key: run.runId, config: run.config, ...(block && { covariates: block }) });
    } catch (error) {
      // A known-future covariate misses this series' forecast steps: its own run fails saying so.
      if (!(error instanceof CovariateFutureMissingError)) throw error;
      uncovered++;
    }
  }
  const selection = selectSharedSeries(candidates);
  if (!selection) {
    return candidates.length === 0 && uncovered > 0
      ? "The known-future covariates cover none of the series' forecast steps."
      : 'No series of the batch is long enough for an LSTM.';
  }
  return { ...selection, leftOut: runs.length - selection.series.length };
}

export async function processBatchGlobal(job: Job, token?: string): Promise<void> {
  const { batchId } = parsePayload(batchGlobalJobSchema, job);
  const batch = await getBatchAsSystem(batchId);
  if (!batch) return log(`Batch ${batchId}: no longer exists.`);
  if (job.stalledCounter > MAX_TRAINING_INTERRUPTIONS) {
    const message = `Training the global LSTM was interrupted ${job.stalledCounter} times: the worker stopped in the middle of it.`;
    await failBatchGlobalAsSystem(batchId, message);
    throw new UnrecoverableError(message);
  }
  if (await markBatchRunningAsSystem(batchId)) log(`Batch ${batchId}: started.`);
  if (!(await startBatchGlobalAsSystem(batchId)))
    return log(`Batch ${batchId}: ended; its global LSTM is not trained.`);
  const attempt = Math.max(1, job.attemptsStarted || job.attemptsMade + 1);
  log(`Batch ${batchId}: training its global LSTM (attempt ${attempt}).`);

  let lastWrite = 0;
  try {
    const inputs = await globalInputs(batchId);
    if (typeof inputs === 'string') {
      await failBatchGlobalAsSystem(batchId, inputs);
      return log(`Batch ${batchId}: no series for the global LSTM: ${inputs}`);
    }
    await initBackend();
    // On a thread of its own: the memory its training grows is freed when it ends.
    const { forecasts, info } = await trainSharedGlobal(inputs.series, inputs.config, {
      frequency: inputs.frequency,
      timeZone: inputs.timeZone,
      // Epochs and lookback the batch's settings leave open: the shared model's own.
      own: ownSettings(batch.config),
      onProgress: async (fraction) => {
        if (Date.now() - lastWrite < PROGRESS_INTERVAL_MS) return;
        lastWrite = Date.now();
        await setBatchGlobalProgressAsSystem(batchId, fraction);
        await job.updateProgress(Math.round(fraction * 100));
      },
      shouldCancel: async () => stopRequested() || (await getBatchAsSystem(batchId))?.status !== 'running',
    });
    if (await storeBatchGlobalAsSystem(batchId, info, forecasts)) {
      log(
        `Batch ${batchId}: global LSTM trained on ${info.series} series` +
          `${inputs.leftOut > 0 ? ` (${inputs.leftOut} left out)` : ''}: ${info.fits} fits in ${info.fitMs} ms.`,
      );
    }
  } catch (error) {
    if (error instanceof CancelledError) {
      if (stopRequested() && (await getBatchAsSystem(batchId))?.status === 'running') {
        // Back in the queue without using up an attempt, as a run's job does.
        await job.moveToDelayed(Date.now(), token);
        log(`Batch ${batchId}: global LSTM stopped for shutdown, back in the queue.`);
        throw new DelayedError();
      }
      return log(`Batch ${batchId}: global LSTM cancelled with the batch.`);
    }
    throw error;
  }
}

/**
 * What a run of batch `batchId` gets from the batch's global LSTM: its stored forecasts for the
 * run's series, or why there are none; and whether the run trains its own LSTMs. Empty for a batch
 * from before batches had a global model (its runs train as they always did).
 */
export async function batchRunContext(
  batchId: string,
  runId: string,
): Promise<Pick<RunContext, 'sharedGlobal' | 'perSeriesLstm'>> {
  const state = await getBatchGlobalStateAsSystem(batchId);
  if (!state?.status) return {};
  const perSeriesLstm = state.perSeriesLstm;
  if (state.status === 'succeeded') {
    const forecasts = await getBatchGlobalForecastsAsSystem(batchId, runId);
    return {
      perSeriesLstm,
      sharedGlobal: forecasts ? { forecasts, series: state.info?.series ?? 1 } : { note: NOT_IN_GLOBAL_LSTM },
    };
  }
  const why =
    state.status === 'failed'
      ? globalLstmFailedNote(state.error ?? 'no reason given')
      : `The batch's global LSTM was not trained (${state.status}), so this series was compared without it.`;
  return { perSeriesLstm, sharedGlobal: { note: why } };
}
