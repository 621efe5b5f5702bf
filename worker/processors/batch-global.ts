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
  inputLayout,
  initBackend,
  lstmFits,
  runOrigins,
  SharedGlobalTrainer,
  type ForecastConfig,
  type Frequency,
  type RunContext,
  type SharedSeries,
} from '@/lib/forecast';
import { batchGlobalJobSchema } from '@/lib/queue/jobs';
import { forecastTimestamps } from '@/lib/runs/covariates';
import { MAX_TRAINING_INTERRUPTIONS } from '@/lib/queue/train-queue';
import { log } from '../log';
import { stopRequested } from '../stopping';
import { parsePayload } from './payload';

/** A run's note when its series was not part of the global model. */
export const NOT_IN_GLOBAL_LSTM =
  "This series was not part of the batch's global LSTM: it is too short for an LSTM, its frequency, horizon, lookback or inputs differ from most of the batch's series, or its known-future covariates miss forecast steps.";

/** Progress is written at most this often (every epoch would be a write per epoch). */
const PROGRESS_INTERVAL_MS = 1_000;

interface GlobalInputs {
  series: SharedSeries[];
  config: ForecastConfig;
  frequency: Frequency;
  timeZone: string | null;
  /** Series of the batch left out (too short, or unlike most). */
  leftOut: number;
}

/**
 * The series the global model learns from: those long enough for an LSTM that share the most
 * common frequency, horizon and lookback (one network has one input shape and output length), in
 * series-name order (the one-hot ids follow it, so the same batch trains the same model).
 */
async function globalInputs(batchId: string): Promise<GlobalInputs | string> {
  const runs = await listBatchGlobalRunsAsSystem(batchId);
  const loaded = [];
  for (const run of runs) {
    const data = await loadSeriesDataAsSystem(run.seriesId);
    if (!data || data.frequency === 'irregular' || !lstmFits(data.v.length, run.config)) continue;
    loaded.push({ ...run, data, group: `${data.frequency}|${run.config.horizon}|${run.config.lookback}` });
  }
  if (loaded.length === 0) return 'No series of the batch is long enough for an LSTM.';
  const sizes = new Map<string, number>();
  for (const one of loaded) sizes.set(one.group, (sizes.get(one.group) ?? 0) + 1);
  const group = [...sizes].sort((a, b) => b[1] - a[1])[0][0];
  const grouped = loaded.filter((one) => one.group === group);
  // Each run's covariates (in a long file, its own id's: lib/batches) and the batch's holidays,
  // read at the series' steps; each covariate series loaded once.
  const choices = new Map(grouped.flatMap((one) => one.config.covariates).map((c) => [c.seriesId, c]));
  const covariateSeries = await loadCovariatesAsSystem([...choices.values()]);
  const withInputs = grouped.flatMap((one) => {
    try {
      const future = forecastTimestamps(one.data, one.config.horizon);
      const block = covariateBlock(one.data, future, one.config, covariateSeries);
      return [{ ...one, layout: inputLayout(block), ...(block && { covariates: block }) }];
    } catch (error) {
      // A known-future covariate misses this series' forecast steps: its own run fails saying so.
      if (error instanceof CovariateFutureMissingError) return [];
      throw error;
    }
  });
  if (withInputs.length === 0) return "The known-future covariates cover none of the series' forecast steps.";
  // One network has one set of input columns: the most common layout's series.
  const layouts = new Map<string, number>();
  for (const one of withInputs) layouts.set(one.layout, (layouts.get(one.layout) ?? 0) + 1);
  const layout = [...layouts].sort((a, b) => b[1] - a[1])[0][0];
  const chosen = withInputs.filter((one) => one.layout === layout);
  return {
    series: chosen.map(({ runId, data, config, covariates }) => ({
      key: runId,
      t: data.t,
      v: data.v,
      origins: runOrigins(data.v.length, config).origins,
      ...(covariates && { covariates }),
    })),
    config: chosen[0].config,
    frequency: chosen[0].data.frequency,
    timeZone: chosen[0].data.timeZone ?? null,
    leftOut: runs.length - chosen.length,
  };
}

export async function processBatchGlobal(job: Job, token?: string): Promise<void> {
  const { batchId } = parsePayload(batchGlobalJobSchema, job);
  if (!(await getBatchAsSystem(batchId))) return log(`Batch ${batchId}: no longer exists.`);
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
    const trainer = new SharedGlobalTrainer(inputs.series, inputs.config, {
      frequency: inputs.frequency,
      timeZone: inputs.timeZone,
      onProgress: async (fraction) => {
        if (Date.now() - lastWrite < PROGRESS_INTERVAL_MS) return;
        lastWrite = Date.now();
        await setBatchGlobalProgressAsSystem(batchId, fraction);
        await job.updateProgress(Math.round(fraction * 100));
      },
      shouldCancel: async () => stopRequested() || (await getBatchAsSystem(batchId))?.status !== 'running',
    });
    const { forecasts, info } = await trainer.train();
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
      ? `The batch's global LSTM failed, so this series was compared without it: ${state.error ?? 'no reason given'}`
      : `The batch's global LSTM was not trained (${state.status}), so this series was compared without it.`;
  return { perSeriesLstm, sharedGlobal: { note: why } };
}
