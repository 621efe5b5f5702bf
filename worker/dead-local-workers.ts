// A worker that dies (SIGKILL, the out-of-memory killer, a crash) keeps its job's lock until the
// lock expires (HORIZON_WORKER_LOCK_MS, 5 minutes); then BullMQ's stalled-job check hands the job
// to another worker. Across machines that is the only safe rule: nobody can tell a dead worker
// from a slow one. On the worker's own machine we can: a job taken by a worker with this host and
// this worker's label (HORIZON_WORKER_NAME), whose process no longer exists, will never be renewed.
//
// So at boot (the supervisor restarting the worker) and every few seconds after, such jobs have
// their lock released and are marked for BullMQ's stalled check, which is then run: the job goes
// back to the queue through BullMQ's own script, counted as an interruption exactly as a lock
// expiry would be (maxStalledCount still fails a job that keeps killing its workers).
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { log } from './log';
import { parseWorkerName, type WorkerIdentity } from './identity';

/**
 * Atomically: only if the job is still active and still taken by the dead worker, drop its lock
 * and put it in the set BullMQ's stalled check moves back to the queue (allowing that check now).
 * KEYS: job hash, its lock, active list, stalled set, stalled-check key. ARGV: job id, worker name.
 */
const RELEASE_SCRIPT = `
if redis.call('HGET', KEYS[1], 'pb') ~= ARGV[2] then return 0 end
if not redis.call('LPOS', KEYS[3], ARGV[1]) then return 0 end
redis.call('DEL', KEYS[2])
redis.call('SADD', KEYS[4], ARGV[1])
redis.call('DEL', KEYS[5])
return 1`;

function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'; // EPERM: alive, someone else's
  }
}

/** A dead worker of this machine with our label: its jobs are ours to take back. */
export function isDeadPredecessor(name: string | undefined, self: WorkerIdentity): boolean {
  const other = name ? parseWorkerName(name) : null;
  return (
    !!other &&
    other.host === self.host &&
    other.label === self.label &&
    other.pid !== self.pid &&
    processGone(other.pid)
  );
}

/**
 * Releases the jobs of dead predecessors; returns their ids. The caller runs the stalled check
 * (worker.run() does at start; startStalledCheckTimer() does it at once afterwards).
 */
export async function releaseJobsOfDeadLocalWorkers(
  worker: Worker,
  client: Redis,
  self: WorkerIdentity,
): Promise<string[]> {
  const activeIds = await client.lrange(worker.keys.active, 0, -1);
  const released: string[] = [];
  for (const jobId of activeIds) {
    const jobKey = worker.toKey(jobId);
    const takenBy = (await client.hget(jobKey, 'pb')) ?? undefined;
    if (!isDeadPredecessor(takenBy, self)) continue;
    const keys = [jobKey, `${jobKey}:lock`, worker.keys.active, worker.keys.stalled, worker.keys['stalled-check']];
    if ((await client.eval(RELEASE_SCRIPT, keys.length, ...keys, jobId, takenBy!)) === 1) {
      log(
        `Job ${jobId}: its worker ${takenBy} on this machine is gone; back in the queue now instead of when its lock expires.`,
      );
      released.push(jobId);
    }
  }
  return released;
}
