// The two job kinds of a batch (lib/queue/batch-flow.ts):
// - `batch-chunk` trains its runs one after the other through the single-run code path
//   (trainRun), so each series gets exactly what a single run would. A series that fails for good
//   (too short, constant, invalid) is failed on its run and the chunk moves on. Any other error
//   of a run is rethrown once the chunk's other runs have had their turn, so BullMQ retries the
//   chunk; the retry skips the runs that already finished. A worker killed mid-chunk loses only
//   that chunk: BullMQ's stalled check hands it to another worker, which skips the finished runs.
// - `batch` (the parent) runs once every chunk has ended, failed ones included
//   (ignoreDependencyOnFailure): runs a failed chunk left unfinished are failed with its reason,
//   then the batch ends with its summary.
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import {
  failUnfinishedBatchRunsAsSystem,
  finishBatchAsSystem,
  getBatchAsSystem,
  listBatchRunsAsSystem,
  markBatchRunningAsSystem,
  storeBatchSummaryAsSystem,
} from '@/lib/db/batches';
import { summarizeBatch } from '@/lib/batches/summary';
import { batchChunkJobSchema, batchJobSchema } from '@/lib/queue/jobs';
import { log } from '../log';
import { parsePayload } from './payload';
import { trainRun } from './train';

export async function processBatchChunk(job: Job, token?: string): Promise<void> {
  const { batchId, runIds } = parsePayload(batchChunkJobSchema, job);
  if (await markBatchRunningAsSystem(batchId)) log(`Batch ${batchId}: started.`);
  log(`Batch ${batchId}: chunk ${job.id} (${runIds.length} series).`);
  let retryable: unknown = null;
  for (const runId of runIds) {
    try {
      await trainRun(job, runId, token);
    } catch (error) {
      // Shutting down: the job is already back in the queue; stop here.
      if (error instanceof DelayedError) throw error;
      // Failed for good: trainRun stored the reason on the run. The batch goes on.
      if (error instanceof UnrecoverableError) continue;
      retryable ??= error;
    }
  }
  if (retryable) throw retryable;
}

export async function processBatch(job: Job): Promise<void> {
  const { batchId } = parsePayload(batchJobSchema, job);
  const batch = await getBatchAsSystem(batchId);
  if (!batch) return log(`Batch ${batchId}: no longer exists.`);
  const failures = Object.values(await job.getIgnoredChildrenFailures());
  if (failures.length > 0) {
    const failed = await failUnfinishedBatchRunsAsSystem(batchId, `Its chunk of the batch failed: ${failures[0]}`);
    log(`Batch ${batchId}: ${failures.length} chunk(s) failed; ${failed} unfinished run(s) failed with them.`);
  }
  const runs = await listBatchRunsAsSystem(batchId);
  const summary = summarizeBatch(runs);
  if (batch.status === 'cancelled') {
    await storeBatchSummaryAsSystem(batchId, summary);
    return log(`Batch ${batchId}: cancelled; ${summary.succeeded} of ${summary.series} series had finished.`);
  }
  // Runs a chunk skipped (e.g. a run cancelled on its own) are done; a batch fails only when no series succeeded.
  const status = summary.succeeded > 0 || summary.series === 0 ? 'succeeded' : 'failed';
  const error = status === 'failed' ? 'No series could be forecast: see each series for why.' : null;
  await finishBatchAsSystem(batchId, status, summary, error);
  log(
    `Batch ${batchId}: ${status}: ${summary.succeeded} of ${summary.series} series succeeded, ${summary.failed} failed.`,
  );
}
