// A run whose worker died in the middle of training (SIGKILL, out of memory) must not sit at a
// frozen percentage: once BullMQ's stalled check has put its job back in the queue, the run row
// goes back to `queued` with a note saying what happened, and the next attempt keeps the note
// while it trains (processors/train.ts). The run page shows it (components/runs/retry-notice.tsx).
import type { Job } from 'bullmq';
import { markRunInterruptedAsSystem } from '@/lib/db/runs';
import { getTrainQueue, MAX_TRAINING_INTERRUPTIONS, TRAIN_ATTEMPTS } from '@/lib/queue/train-queue';
import { logError } from './log';

/** "The worker stopped in the middle of attempt 1 (…); retrying, attempt 2 of 3." */
export function interruptionNote(attempt: number): string {
  const next = attempt + 1;
  const retry = next <= TRAIN_ATTEMPTS ? `attempt ${next} of ${TRAIN_ATTEMPTS}` : `attempt ${next}`;
  return `The worker stopped in the middle of attempt ${attempt} (it was killed or crashed); retrying, ${retry}.`;
}

/**
 * Why attempt `attempt` (> 1) of a run still marked `running` is needed: its previous attempt ended
 * without a word on the run — its worker died, or it failed while PostgreSQL was unreachable (so
 * its failure could not be stored). BullMQ counts the two apart: stalls and failed attempts.
 */
export function previousAttemptNote(job: Job, attempt: number): string {
  if (job.attemptsMade > 0 && job.stalledCounter === 0) {
    return `Attempt ${attempt - 1} of ${TRAIN_ATTEMPTS} failed: ${job.failedReason || 'no reason given.'} Retrying.`;
  }
  return interruptionNote(attempt - 1);
}

/** For the job BullMQ just moved back to the queue as stalled. */
export async function recordInterruption(jobId: string): Promise<void> {
  try {
    const job = await getTrainQueue().getJob(jobId);
    const runId: unknown = job?.data && 'runId' in job.data ? job.data.runId : undefined;
    // A batch's chunk names several runs; the one it was training is the one still running at this attempt.
    const chunkRunIds: unknown = job?.data && 'runIds' in job.data ? job.data.runIds : undefined;
    const runIds =
      typeof runId === 'string'
        ? [runId]
        : Array.isArray(chunkRunIds)
          ? chunkRunIds.filter((id) => typeof id === 'string')
          : [];
    if (!job || runIds.length === 0) return; // a scheduled firing that had not created its run yet
    if (job.stalledCounter > MAX_TRAINING_INTERRUPTIONS) return; // failed instead (final-failure.ts)
    // Taken again already? Then the attempt that stopped is the one before.
    const interrupted = (await job.getState()) === 'active' ? job.attemptsStarted - 1 : job.attemptsStarted;
    for (const id of runIds) await markRunInterruptedAsSystem(id, interrupted, interruptionNote(interrupted));
  } catch (error) {
    logError(`Job ${jobId}: could not record on its run that its worker stopped:`, error);
  }
}
