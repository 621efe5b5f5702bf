// Fair use of the shared workers: one user may have at most HORIZON_MAX_QUEUED_RUNS runs waiting
// (default 20); a new run past that answers 429 until some of them have started or finished.
import { tooManyRequests } from '@/lib/api/errors';
import type { Scope } from '@/lib/auth/scope';
import { countQueuedRuns } from '@/lib/db/runs';

/** Seconds a client is told to wait: about how long a small run takes to start. */
const RETRY_AFTER_SECONDS = 60;

export function maxQueuedRuns(): number {
  const value = Number(process.env.HORIZON_MAX_QUEUED_RUNS);
  return process.env.HORIZON_MAX_QUEUED_RUNS !== undefined && Number.isInteger(value) && value > 0 ? value : 20;
}

/** 429 when the user already has the most queued runs allowed. */
export async function checkRunQuota(scope: Scope): Promise<void> {
  const max = maxQueuedRuns();
  const queued = await countQueuedRuns(scope);
  if (queued >= max) {
    throw tooManyRequests(
      `You already have ${queued} runs waiting for a worker, the most allowed per user (HORIZON_MAX_QUEUED_RUNS is ${max}). ` +
        'Wait for some to start or finish, or cancel some, then try again.',
      RETRY_AFTER_SECONDS,
    );
  }
}
