// Cancelling: a queued run loses its job; a running one is marked and the worker stops after
// the epoch in progress (its shouldCancel reads the status). A finished run cannot be cancelled.
import { conflict } from '@/lib/api/errors';
import { getRunAsSystem, isFinished, markRunCancelledAsSystem, type Run } from '@/lib/db/runs';
import { removeQueuedRun } from '@/lib/queue/train-queue';

function alreadyFinished(run: Run): Error {
  return conflict(
    `Run ${run.id} has already ${run.status === 'cancelled' ? 'been cancelled' : run.status}; only queued or running runs can be cancelled.`,
  );
}

export async function cancelRun(run: Run): Promise<Run> {
  if (isFinished(run.status)) throw alreadyFinished(run);
  if (run.status === 'queued') await removeQueuedRun(run.id);
  const cancelled = await markRunCancelledAsSystem(run.id);
  if (cancelled) return cancelled;
  // It finished between our read and the update: report what it became.
  const current = await getRunAsSystem(run.id);
  throw alreadyFinished(current ?? run);
}
