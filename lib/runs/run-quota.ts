// Fair use of the shared workers: one user may have at most HORIZON_MAX_QUEUED_RUNS runs waiting
// (default 20); a new run past that answers 429 until some of them have started or finished. A
// batch counts as its queued runs: it is refused while the user is at the cap, and once accepted each
// of its series waits as a run. A dataset schedule's firing at the cap is skipped (start-scheduled-batch.ts).
import { tooManyRequests } from '@/lib/api/errors';
import type { Scope } from '@/lib/auth/scope';
import { countQueuedRuns } from '@/lib/db/runs';

/** Seconds a client is told to wait: about how long a small run takes to start. */
const RETRY_AFTER_SECONDS = 60;

export function maxQueuedRuns(): number {
  const value = Number(process.env.HORIZON_MAX_QUEUED_RUNS);
  return process.env.HORIZON_MAX_QUEUED_RUNS !== undefined && Number.isInteger(value) && value > 0 ? value : 20;
}

/** The user's queued runs and the cap when they are at it (a new run or batch must wait); null below it. */
export async function queuedRunsAtQuota(scope: Scope): Promise<{ queued: number; max: number } | null> {
  const max = maxQueuedRuns();
  const queued = await countQueuedRuns(scope);
  return queued >= max ? { queued, max } : null;
}

/** 429 when the user already has the most queued runs allowed. */
export async function checkRunQuota(scope: Scope): Promise<void> {
  const full = await queuedRunsAtQuota(scope);
  if (full) {
    throw tooManyRequests(
      `You already have ${full.queued} runs waiting for a worker, the most allowed per user (HORIZON_MAX_QUEUED_RUNS is ${full.max}). ` +
        'Wait for some to start or finish, or cancel some, then try again.',
      RETRY_AFTER_SECONDS,
    );
  }
}
