// When BullMQ gives up on a job, its run must end `failed` with a reason someone can act on, even
// when the processor never got to say so: the job stalled too often (its workers kept dying), or
// the last attempt's failure could not be stored because PostgreSQL was down at that moment.
import type { Job } from 'bullmq';
import { markRunFailedAsSystem } from '@/lib/db/runs';
import { log, logError } from './log';

/** The run a training job is about; a scheduled firing knows it once it has created the run. */
function runIdOf(job: Job): string | undefined {
  const data: unknown = job.data;
  if (typeof data !== 'object' || data === null || !('runId' in data)) return undefined;
  return typeof data.runId === 'string' ? data.runId : undefined;
}

/** BullMQ's own reasons, in words that say what happened to the run. */
function reasonFor(job: Job, error: Error): string {
  if (error.message === 'job stalled more than allowable limit') {
    return (
      `Training was interrupted ${job.stalledCounter} times: the worker stopped in the middle of it ` +
      '(crashed, killed, or blocked too long to keep its lock). Not retried again.'
    );
  }
  return error.message;
}

const STORE_RETRY_MS = 2_000;
const STORE_GIVE_UP_MS = 10 * 60_000;

/**
 * Marks the run of a job that will not be retried as failed. A run that already ended (the
 * processor stored its failure, or it was cancelled) is left as it is. While PostgreSQL is
 * unreachable the write is retried, so a database outage does not leave the run `running`.
 */
export async function recordFinalFailure(job: Job, error: Error): Promise<void> {
  const runId = runIdOf(job);
  if (!runId || job.finishedOn === undefined) return; // no run yet, or BullMQ will retry the job
  const reason = reasonFor(job, error);
  const deadline = Date.now() + STORE_GIVE_UP_MS;
  for (;;) {
    try {
      if (await markRunFailedAsSystem(runId, reason)) log(`Run ${runId}: failed for good: ${reason}`);
      return;
    } catch (storeError) {
      if (Date.now() > deadline)
        return logError(`Run ${runId}: could not store its failure ("${reason}"):`, storeError);
      await new Promise((resolve) => setTimeout(resolve, STORE_RETRY_MS));
    }
  }
}
