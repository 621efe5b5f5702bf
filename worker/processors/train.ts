// The `train` job: train one stored run and store its result. Status rules:
// - cancelled (or deleted) before or during training → stop after the current epoch, stay cancelled;
// - bad input (series too short, invalid config) → failed at once, no retry;
// - anything else → retried while attempts remain (run back to `queued`), failed on the last;
// - the worker shutting down (SIGTERM) → stop after the current epoch, run back to `queued`, job
//   back in the queue without using up an attempt;
// - the worker dying (SIGKILL) → BullMQ hands the stalled job to another worker (or to the next
//   worker of the same machine), which starts over; the run says so meanwhile (interruption.ts);
// - past the run time limit (lib/runs/run-time-limit.ts) → stop after the current epoch, failed
//   with that reason, no retry.
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import {
  completeRunAsSystem,
  getRunAsSystem,
  getRunStatusAsSystem,
  isFinished,
  markRunCancelledAsSystem,
  markRunFailedAsSystem,
  markRunRetryingAsSystem,
  tryStartRunAsSystem,
} from '@/lib/db/runs';
import { loadCovariatesAsSystem } from '@/lib/db/covariates';
import { loadRelatedSeriesAsSystem } from '@/lib/db/related-series';
import { getSeriesAsSystem, loadSeriesDataAsSystem } from '@/lib/db/series';
import { CancelledError, ForecastError, MAX_RELATED_SERIES, runForecast } from '@/lib/forecast';
import type { CovariateSeries, ForecastConfig, SeriesData } from '@/lib/forecast/types';
import { trainJobSchema } from '@/lib/queue/jobs';
import { coverageGaps, coverageMessage, forecastTimestamps } from '@/lib/runs/covariates';
import { runTimeLimitMessage, runTimeLimitMs } from '@/lib/runs/run-time-limit';
import { maxRunningRuns, RUNNING_CAP_RETRY_MS, runningCapNote } from '@/lib/runs/running-cap';
import { MAX_TRAINING_INTERRUPTIONS } from '@/lib/queue/train-queue';
import { previousAttemptNote } from '../interruption';
import { log } from '../log';
import { RunProgress, runProgressWriter } from '../run-progress';
import { stopRequested } from '../stopping';
import { batchRunContext } from './batch-global';
import { parsePayload } from './payload';

export async function processTrain(job: Job, token?: string): Promise<void> {
  const { runId } = parsePayload(trainJobSchema, job);
  await trainRun(job, runId, token);
}

/** Trains run `runId` inside `job` (a `train` or a `scheduled-train` job). */
export async function trainRun(job: Job, runId: string, token?: string): Promise<void> {
  const run = await getRunAsSystem(runId);
  if (!run) return log(`Run ${runId}: no longer exists, nothing to train.`);
  if (isFinished(run.status)) return log(`Run ${runId}: already ${run.status}, skipping.`);
  // BullMQ fails a stalled `train` job itself; a scheduled firing (a repeatable job) it never fails.
  if (job.stalledCounter > MAX_TRAINING_INTERRUPTIONS) {
    const message = `Training was interrupted ${job.stalledCounter} times: the worker stopped in the middle of it. Not retried again.`;
    await markRunFailedAsSystem(runId, message);
    throw new UnrecoverableError(message);
  }
  // Every start counts, whatever ended the one before (an error, a dead worker, a shutdown),
  // except the times the job was only held back at its owner's running cap.
  const heldBack = heldBackCount(job);
  const attempt = Math.max(1, (job.attemptsStarted || job.attemptsMade + 1) - heldBack);
  // Why this attempt is needed: a queued retry already carries its reason (a failure, a shutdown,
  // a dead worker); a run still `running` lost its previous attempt without a word.
  const note = attempt === 1 ? null : run.status === 'running' ? previousAttemptNote(job, attempt) : run.error;
  const maxRunning = maxRunningRuns();
  const start = await tryStartRunAsSystem(runId, attempt, note, maxRunning, (running) =>
    runningCapNote(running, maxRunning),
  );
  if (!start.started) {
    if (!start.heldBack) return log(`Run ${runId}: cancelled before it started.`);
    await holdBack(job, runId, token, heldBack);
  }
  log(`Run ${runId}: training (attempt ${attempt}).`);

  const progress = new RunProgress(runProgressWriter(job, runId));
  const limitMs = runTimeLimitMs();
  const deadline = Date.now() + limitMs;
  let timedOut = false;
  try {
    const data = await loadSeriesDataAsSystem(run.seriesId);
    if (!data) throw new UnrecoverableError(`The series of run ${runId} no longer exists.`);
    const covariates = await loadRunCovariates(run.seriesId, run.config, data);
    // A batch's run scores the batch's one global LSTM (trained before it) and may skip its own LSTMs.
    const batch = run.batchId ? await batchRunContext(run.batchId, runId) : {};
    // Otherwise the global LSTM learns from the dataset's other series; only loaded when the run asks for it,
    // and not the covariates again (the engine leaves them out of the pool).
    const related =
      run.config.globalLstm && !batch.sharedGlobal
        ? await loadRelatedSeriesAsSystem(run.seriesId, MAX_RELATED_SERIES, new Set(covariates.map((c) => c.seriesId)))
        : [];
    const result = await runForecast(
      data,
      run.config,
      {
        onProgress: (update) => progress.report(update),
        // The status is read from the database, so a cancel from any web process reaches this worker.
        shouldCancel: async () => {
          if (Date.now() > deadline) timedOut = true;
          return timedOut || stopRequested() || (await getRunStatusAsSystem(runId)) !== 'running';
        },
      },
      { related, covariates, ...batch },
    );
    await progress.flush();
    if (await completeRunAsSystem(runId, result)) {
      log(`Run ${runId}: succeeded in ${result.durationMs} ms on ${result.backend}.`);
    } else {
      log(`Run ${runId}: stopped being running before its result was stored (cancelled); result discarded.`);
    }
  } catch (error) {
    if (error instanceof CancelledError && timedOut && (await getRunStatusAsSystem(runId)) === 'running') {
      const message = runTimeLimitMessage(limitMs);
      await markRunFailedAsSystem(runId, message);
      log(`Run ${runId}: stopped at the run time limit.`);
      throw new UnrecoverableError(message);
    }
    await recordFailure(job, runId, error, token);
  }
}

/**
 * The run's covariates (config order), checked as the routes check them when the run was asked
 * for: a scheduled or batch run checks here, on the data as it is now, that the known-future ones
 * still cover the forecast steps. Either failure is the run's input, not the worker's: no retry.
 */
async function loadRunCovariates(
  seriesId: string,
  config: ForecastConfig,
  data: SeriesData,
): Promise<CovariateSeries[]> {
  const covariates = await loadCovariatesAsSystem(config.covariates);
  if (covariates.length < config.covariates.length) {
    const found = new Set(covariates.map((c) => c.seriesId));
    const gone = config.covariates.filter((c) => !found.has(c.seriesId)).map((c) => `"${c.seriesId}"`);
    throw new UnrecoverableError(
      `The covariate series ${gone.join(', ')} no longer exist${gone.length === 1 ? 's' : ''}.`,
    );
  }
  if (covariates.some((c) => c.knownFuture) && data.t.length > 0) {
    const steps = forecastTimestamps(data, config.horizon);
    const gaps = coverageGaps(steps, covariates);
    if (gaps.length > 0) {
      const name = (await getSeriesAsSystem(seriesId))?.name ?? seriesId;
      throw new UnrecoverableError(coverageMessage(name, steps, gaps));
    }
  }
  return covariates;
}

/** What another attempt would only repeat: the engine's input errors (cancelling is handled before). */
function isBadInput(error: unknown): boolean {
  return error instanceof ForecastError || error instanceof UnrecoverableError;
}

/** Times this job was put back at its owner's running cap (kept in its data, see holdBack). */
function heldBackCount(job: Job): number {
  const count: unknown = (job.data as { heldBack?: unknown }).heldBack;
  return typeof count === 'number' && Number.isInteger(count) && count > 0 ? count : 0;
}

/**
 * The run's owner is at HORIZON_MAX_RUNNING_RUNS: the job waits RUNNING_CAP_RETRY_MS in BullMQ's
 * delayed set (BullMQ's documented manual delay: moveToDelayed + DelayedError, which uses up no
 * attempt) while this worker slot takes other jobs, other users' first. The run stays queued
 * with the reason tryStartRunAsSystem stored.
 */
async function holdBack(job: Job, runId: string, token: string | undefined, heldBack: number): Promise<never> {
  await job.updateData({ ...(job.data as object), heldBack: heldBack + 1 });
  await job.moveToDelayed(Date.now() + RUNNING_CAP_RETRY_MS, token);
  if (heldBack === 0) log(`Run ${runId}: its owner is at the running cap; waiting in the queue.`);
  throw new DelayedError();
}

/** Puts the job back in the queue (not as a failure: no attempt used up, no backoff). */
async function requeue(job: Job, runId: string, token: string | undefined): Promise<never> {
  await markRunRetryingAsSystem(
    runId,
    `Attempt ${job.attemptsStarted} stopped after an epoch: its worker was shutting down. Back in the queue.`,
  );
  await job.moveToDelayed(Date.now(), token);
  log(`Run ${runId}: stopped for shutdown, back in the queue.`);
  throw new DelayedError();
}

async function recordFailure(job: Job, runId: string, error: unknown, token: string | undefined): Promise<void> {
  if (error instanceof CancelledError) {
    if (stopRequested() && (await getRunStatusAsSystem(runId)) === 'running') await requeue(job, runId, token);
    await markRunCancelledAsSystem(runId);
    return log(`Run ${runId}: cancelled during training.`);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (isBadInput(error)) {
    await markRunFailedAsSystem(runId, message);
    throw error instanceof UnrecoverableError ? error : new UnrecoverableError(message);
  }
  const attempts = job.opts.attempts ?? 1;
  const attempt = job.attemptsMade + 1; // failed attempts: what BullMQ counts against `attempts`
  if (attempt >= attempts) {
    await markRunFailedAsSystem(runId, message);
  } else {
    await markRunRetryingAsSystem(runId, `Attempt ${attempt} of ${attempts} failed: ${message} Retrying.`);
  }
  throw error;
}
