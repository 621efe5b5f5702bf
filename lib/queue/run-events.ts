// Change notices for runs, from BullMQ's event stream of the training queue. One QueueEvents
// connection per web process serves every subscriber (each SSE client would otherwise hold its
// own blocking Redis connection). A notice only says "this run may have changed": listeners
// re-read the run from Postgres, which stays the one source of truth.
import { QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedisConnection } from './connection';
import { TRAIN_QUEUE } from './names';

export type RunChangeListener = () => void;

interface Hub {
  events: QueueEvents;
  redis: Redis;
  listeners: Map<string, Set<RunChangeListener>>;
}

// Kept on globalThis so that Next's dev-mode module reloads reuse one connection.
const globalForEvents = globalThis as unknown as { horizonRunEvents?: Hub };

/** The queue events that mean a run's row may have changed (the job id of a run's job is the run id). */
const CHANGE_EVENTS = ['active', 'progress', 'completed', 'failed', 'removed'] as const;

function hub(): Hub {
  if (!globalForEvents.horizonRunEvents) {
    // Its own connection: QueueEvents blocks on XREAD, which would stall a shared one.
    const redis = createRedisConnection('worker');
    const events = new QueueEvents(TRAIN_QUEUE, { connection: redis });
    const listeners = new Map<string, Set<RunChangeListener>>();
    // Without a listener an 'error' event crashes the process; while Redis is down subscribers
    // still get their slow fallback re-reads, so one log line per distinct error is enough.
    let lastError = '';
    events.on('error', (error) => {
      if (error.message !== lastError) console.error(`Run events: ${error.message}`);
      lastError = error.message;
    });
    const notify = ({ jobId }: { jobId: string }) => {
      for (const listener of listeners.get(jobId) ?? []) listener();
    };
    for (const name of CHANGE_EVENTS) events.on(name, notify);
    globalForEvents.horizonRunEvents = { events, redis, listeners };
  }
  return globalForEvents.horizonRunEvents;
}

/** Calls `listener` whenever the queue reports on the run's job; returns the unsubscribe function. */
export function onRunChange(runId: string, listener: RunChangeListener): () => void {
  const { listeners } = hub();
  let forRun = listeners.get(runId);
  if (!forRun) listeners.set(runId, (forRun = new Set()));
  forRun.add(listener);
  return () => {
    forRun.delete(listener);
    if (forRun.size === 0 && listeners.get(runId) === forRun) listeners.delete(runId);
  };
}

/** Resolves once the event stream is connected; events before that are only caught by re-reads. */
export function runEventsReady(): Promise<void> {
  return hub().events.waitUntilReady();
}

/** Closes the shared connection; for process shutdown and tests. */
export async function closeRunEvents(): Promise<void> {
  const current = globalForEvents.horizonRunEvents;
  globalForEvents.horizonRunEvents = undefined;
  if (!current) return;
  await current.events.close();
  // BullMQ leaves a connection it was given open.
  current.redis.disconnect();
}

/** How many listeners watch a run in this process (0 once every stream of it has ended). */
export function runListenerCount(runId: string): number {
  return globalForEvents.horizonRunEvents?.listeners.get(runId)?.size ?? 0;
}
