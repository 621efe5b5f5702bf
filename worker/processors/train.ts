// The `train` job: train one stored run and store its result. Status rules:
// - cancelled (or deleted) before or during training → stop after the current epoch, stay cancelled;
// - bad input (series too short, invalid config) → failed at once, no retry;
// - anything else → retried while attempts remain (run back to `queued`), failed on the last.
import { UnrecoverableError, type Job } from 'bullmq';
import {
  completeRun,
  getRun,
  getRunStatus,
  isFinished,
  markRunCancelled,
  markRunFailed,
  markRunRetrying,
  markRunRunning,
} from '@/lib/db/runs';
import { loadSeriesData } from '@/lib/db/series';
import { CancelledError, InvalidConfigError, runForecast, SeriesTooShortError } from '@/lib/forecast';
import { trainJobSchema } from '@/lib/queue/jobs';
import { log } from '../log';
import { RunProgress } from '../run-progress';
import { parsePayload } from './payload';

export async function processTrain(job: Job): Promise<void> {
  const { runId } = parsePayload(trainJobSchema, job);
  await trainRun(job, runId);
}

/** Trains run `runId` inside `job` (a `train` or a `scheduled-train` job). */
export async function trainRun(job: Job, runId: string): Promise<void> {
  const run = await getRun(runId);
  if (!run) return log(`Run ${runId}: no longer exists, nothing to train.`);
  if (isFinished(run.status)) return log(`Run ${runId}: already ${run.status}, skipping.`);
  const attempt = job.attemptsMade + 1;
  if (!(await markRunRunning(runId, attempt))) return log(`Run ${runId}: cancelled before it started.`);
  log(`Run ${runId}: training (attempt ${attempt}).`);

  const progress = new RunProgress(job, runId);
  try {
    const data = await loadSeriesData(run.seriesId);
    if (!data) throw new UnrecoverableError(`The series of run ${runId} no longer exists.`);
    const result = await runForecast(data, run.config, {
      onProgress: (update) => progress.report(update),
      // Read from the database, so a cancel from any web process reaches this worker.
      shouldCancel: async () => (await getRunStatus(runId)) !== 'running',
    });
    await progress.flush();
    if (await completeRun(runId, result)) {
      log(`Run ${runId}: succeeded in ${result.durationMs} ms on ${result.backend}.`);
    } else {
      log(`Run ${runId}: stopped being running before its result was stored (cancelled); result discarded.`);
    }
  } catch (error) {
    await recordFailure(job, runId, error);
  }
}

function isBadInput(error: unknown): boolean {
  return error instanceof SeriesTooShortError || error instanceof InvalidConfigError || error instanceof UnrecoverableError;
}

async function recordFailure(job: Job, runId: string, error: unknown): Promise<void> {
  if (error instanceof CancelledError) {
    await markRunCancelled(runId);
    return log(`Run ${runId}: cancelled during training.`);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (isBadInput(error)) {
    await markRunFailed(runId, message);
    throw error instanceof UnrecoverableError ? error : new UnrecoverableError(message);
  }
  const attempts = job.opts.attempts ?? 1;
  const attempt = job.attemptsMade + 1;
  if (attempt >= attempts) {
    await markRunFailed(runId, message);
  } else {
    await markRunRetrying(runId, `Attempt ${attempt} of ${attempts} failed: ${message} Retrying.`);
  }
  throw error;
}
