// The training queue, as producers (API routes, schedule sync) see it. Job defaults live here
// and nowhere else. Every Redis call goes through withQueue(), so an unreachable Redis surfaces
// as one RedisUnavailableError (503 in the API) instead of a hang or a driver message.
import { Queue, type DefaultJobOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedisConnection } from './connection';
import { RedisUnavailableError } from './errors';
import type { TrainQueueJobData } from './jobs';
import { JOB_NAMES, TRAIN_QUEUE } from './names';

// Job names are plain strings here because BullMQ types scheduler ids with the same parameter.
export type TrainQueue = Queue<TrainQueueJobData, void, string>;

/** Tries per run: a failed attempt (Redis blip, database restart) gets two more. */
export const TRAIN_ATTEMPTS = 3;

/**
 * How often a run's training may be cut off by its worker dying (SIGKILL, crash, out of memory)
 * and start over on another worker. One more interruption fails the run: a series that kills
 * every worker that trains it must not take the whole fleet down in turn.
 */
export const MAX_TRAINING_INTERRUPTIONS = TRAIN_ATTEMPTS - 1;

export const TRAIN_JOB_DEFAULTS: DefaultJobOptions = {
  // Bad input fails at once (the processor throws UnrecoverableError).
  attempts: TRAIN_ATTEMPTS,
  backoff: { type: 'exponential', delay: 10_000 },
  // Run history lives in Postgres; Redis keeps only enough to debug recent jobs.
  removeOnComplete: { count: 100 },
  removeOnFail: { count: 1000 },
};

/** How long a request waits for a Redis connection that is not up yet. */
const CONNECT_TIMEOUT_MS = 3_000;

interface Producer {
  queue: TrainQueue;
  redis: Redis;
}

// Kept on globalThis so that Next's dev-mode module reloads reuse one queue and connection.
const globalForQueue = globalThis as unknown as { horizonTrainQueue?: Producer };

function producer(): Producer {
  if (!globalForQueue.horizonTrainQueue) {
    const redis = createRedisConnection('producer');
    const queue: TrainQueue = new Queue(TRAIN_QUEUE, { connection: redis, defaultJobOptions: TRAIN_JOB_DEFAULTS });
    // A listener is required (an unhandled 'error' event crashes the process). While Redis is
    // down the same error repeats on every reconnect attempt: log it once per outage.
    let lastError = '';
    queue.on('error', (error) => {
      if (error.message !== lastError) console.error(`Training queue: ${error.message}`);
      lastError = error.message;
    });
    redis.on('ready', () => (lastError = ''));
    globalForQueue.horizonTrainQueue = { queue, redis };
  }
  return globalForQueue.horizonTrainQueue;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no connection within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs `action` on the queue once connected; Redis being down becomes RedisUnavailableError. */
export async function withQueue<T>(action: (queue: TrainQueue) => Promise<T>): Promise<T> {
  const { queue, redis } = producer();
  try {
    await within(queue.waitUntilReady(), CONNECT_TIMEOUT_MS);
    return await action(queue);
  } catch (error) {
    if (redis.status !== 'ready') throw new RedisUnavailableError(error);
    throw error;
  }
}

/** The queue itself, for tests and tools; application code uses withQueue(). */
export function getTrainQueue(): TrainQueue {
  return producer().queue;
}

/** The job id is the run id, so a queued run's job can be found and removed without a lookup table. */
export async function enqueueRun(runId: string): Promise<void> {
  await withQueue((queue) => queue.add(JOB_NAMES.train, { runId }, { jobId: runId }));
}

/** Removes the job of a run that has not started. An active job is left alone (it is locked). */
export async function removeQueuedRun(runId: string): Promise<void> {
  await withQueue((queue) => queue.remove(runId));
}

/**
 * 1-based place of a run's job among the jobs waiting for a worker, oldest first (BullMQ's wait
 * list, in the order workers take them); null when it is not waiting there (active, delayed for a
 * retry, finished or unknown). One LRANGE of the wait list: the per-user queued cap keeps it short.
 */
export async function queuePosition(runId: string): Promise<number | null> {
  return withQueue(async (queue) => {
    const waiting = await queue.getRanges(['waiting'], 0, -1, true);
    const index = waiting.indexOf(runId);
    return index < 0 ? null : index + 1;
  });
}

/** Worker processes connected to the training queue (BullMQ names their Redis connections). */
export function countWorkers(): Promise<number> {
  return withQueue((queue) => queue.getWorkersCount());
}

export async function pingRedis(): Promise<void> {
  await withQueue(() => producer().redis.ping());
}

/** Closes the queue and its connection; for process shutdown and tests. */
export async function closeTrainQueue(): Promise<void> {
  const current = globalForQueue.horizonTrainQueue;
  globalForQueue.horizonTrainQueue = undefined;
  if (!current) return;
  await current.queue.close();
  // BullMQ leaves a connection it was given open.
  current.redis.disconnect();
}
