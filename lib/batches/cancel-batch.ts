// Cancelling a batch cancels every run of it still queued or running, in one transaction. A
// running run stops after its epoch (its worker reads the status); the chunks then skip their
// cancelled runs and end at once, and the parent job stores the summary of what did finish.
import { conflict } from '@/lib/api/errors';
import { getBatchAsSystem, markBatchCancelledAsSystem, type Batch } from '@/lib/db/batches';
import { isFinished } from '@/lib/db/runs';

function alreadyFinished(batch: Batch): Error {
  return conflict(
    `Batch ${batch.id} has already ${batch.status === 'cancelled' ? 'been cancelled' : batch.status}; only queued or running batches can be cancelled.`,
  );
}

export async function cancelBatch(batch: Batch): Promise<Batch> {
  if (isFinished(batch.status)) throw alreadyFinished(batch);
  const cancelled = await markBatchCancelledAsSystem(batch.id);
  const current = (await getBatchAsSystem(batch.id)) ?? batch;
  if (!cancelled) throw alreadyFinished(current);
  return current;
}
