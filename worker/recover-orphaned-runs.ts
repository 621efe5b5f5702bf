// Run by every worker at boot: a queued or running run that no job in Redis will ever train is an
// orphan, left by a Redis that lost its data (no append-only file) or by a job that ended while
// PostgreSQL was unreachable. Orphans go back in the queue, or are failed with the reason their
// job gave. Runs younger than a minute are left alone: they may be between their insert and
// their enqueue.
import { listActiveRunsAsSystem, markRunFailedAsSystem, markRunRetryingAsSystem, type Run } from '@/lib/db/runs';
import { enqueueRun, getTrainQueue } from '@/lib/queue/train-queue';
import { log } from './log';

const GRACE_MS = 60_000;

/** Runs some live job will train: `train` jobs and scheduled firings carry the run id, batch chunks their run ids. */
async function runIdsWithLiveJobs(): Promise<Set<string>> {
  const jobs = await getTrainQueue().getJobs(['active', 'wait', 'delayed', 'prioritized', 'waiting-children']);
  const ids = new Set<string>();
  for (const job of jobs) {
    if (job?.data && 'runId' in job.data && typeof job.data.runId === 'string') ids.add(job.data.runId);
    // A batch's chunk job trains several runs (lib/queue/batch-flow.ts).
    if (job?.data && 'runIds' in job.data && Array.isArray(job.data.runIds))
      for (const id of job.data.runIds) ids.add(id);
  }
  return ids;
}

async function recover(run: Run): Promise<string> {
  const job = await getTrainQueue().getJob(run.id);
  const state = job ? await job.getState() : 'missing';
  if (job && state === 'failed') {
    await markRunFailedAsSystem(run.id, job.failedReason || 'Its training job failed.');
    return 'failed, as its job did';
  }
  if (job && state === 'completed') {
    await markRunFailedAsSystem(run.id, 'Its training job ended without storing a result.');
    return 'failed: its job ended without a result';
  }
  if (run.status === 'running')
    await markRunRetryingAsSystem(run.id, 'Its training job was lost (Redis lost its data). Back in the queue.');
  await enqueueRun(run.id);
  return 'back in the queue';
}

/** Returns how many orphaned runs were recovered. */
export async function recoverOrphanedRuns(): Promise<number> {
  const candidates = await listActiveRunsAsSystem(new Date(Date.now() - GRACE_MS));
  if (candidates.length === 0) return 0;
  const live = await runIdsWithLiveJobs();
  const orphans = candidates.filter((run) => !live.has(run.id));
  for (const run of orphans) log(`Run ${run.id}: ${run.status} without a job to train it; ${await recover(run)}.`);
  return orphans.length;
}
