// Deleting a run also drops its queued job. A running job notices on its next epoch: its run is
// gone, which the worker treats like a cancel.
import { deleteRunAsSystem as deleteRunRow, type Run } from '@/lib/db/runs';
import { removeQueuedRun } from '@/lib/queue/train-queue';

export async function deleteRun(run: Run): Promise<void> {
  if (run.status === 'queued') await removeQueuedRun(run.id);
  await deleteRunRow(run.id);
}
