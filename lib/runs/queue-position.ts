// A queued run as the API shows it: with its place in the training queue, so the run page can say
// "2nd in line" instead of only "waiting". Read from BullMQ on every request (nothing stored: the
// place changes whenever a run ahead starts or is cancelled).
import type { Run } from '@/lib/db/runs';
import { RedisUnavailableError } from '@/lib/queue/errors';
import { queuePosition } from '@/lib/queue/train-queue';

/** `run`, with `queuePosition` when it is queued (null when Redis cannot say); other runs unchanged. */
export async function withQueuePosition(run: Run): Promise<Run> {
  if (run.status !== 'queued') return run;
  try {
    return { ...run, queuePosition: await queuePosition(run.id) };
  } catch (error) {
    // The run itself is in PostgreSQL: show it without its place rather than fail the request.
    if (error instanceof RedisUnavailableError) return { ...run, queuePosition: null };
    throw error;
  }
}
