// A batch on the queue: a BullMQ flow with one parent job (`batch`) and one child job per chunk of
// series (`batch-chunk`), all on the training queue, so every worker process shares the chunks.
// The parent waits in `waiting-children` until every chunk has ended; it then stores the batch's
// outcome. A chunk that fails for good must not fail the batch (its runs say why they failed), so
// children carry `ignoreDependencyOnFailure`: the parent still runs once the others are done.
import { FlowProducer } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedisConnection } from './connection';
import { RedisUnavailableError } from './errors';
import type { BatchChunkJobData, BatchJobData } from './jobs';
import { JOB_NAMES, TRAIN_QUEUE } from './names';
import { TRAIN_JOB_DEFAULTS } from './train-queue';

interface Producer {
  flows: FlowProducer;
  redis: Redis;
}

const globalForFlows = globalThis as unknown as { horizonBatchFlows?: Producer };

function producer(): Producer {
  if (!globalForFlows.horizonBatchFlows) {
    const redis = createRedisConnection('producer');
    const flows = new FlowProducer({ connection: redis });
    let lastError = '';
    flows.on('error', (error) => {
      if (error.message !== lastError) console.error(`Batch flows: ${error.message}`);
      lastError = error.message;
    });
    redis.on('ready', () => (lastError = ''));
    globalForFlows.horizonBatchFlows = { flows, redis };
  }
  return globalForFlows.horizonBatchFlows;
}

const CONNECT_TIMEOUT_MS = 3_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no connection within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The job id of a batch's chunk: the batch id and the chunk's number, so it is found without a lookup. */
export function chunkJobId(batchId: string, index: number): string {
  return `${batchId}-chunk-${index}`;
}

/**
 * Adds the flow of a batch: its parent job (job id = batch id) and one child per chunk of run ids.
 * Atomic in Redis (one MULTI): either the whole flow is queued or none of it.
 */
export async function enqueueBatch(batchId: string, chunks: string[][]): Promise<void> {
  const { flows, redis } = producer();
  const parent: BatchJobData = { batchId };
  try {
    await within(flows.waitUntilReady(), CONNECT_TIMEOUT_MS);
    await flows.add({
      name: JOB_NAMES.batch,
      queueName: TRAIN_QUEUE,
      data: parent,
      opts: { ...TRAIN_JOB_DEFAULTS, jobId: batchId },
      children: chunks.map((runIds, index) => ({
        name: JOB_NAMES.batchChunk,
        queueName: TRAIN_QUEUE,
        data: { batchId, runIds } satisfies BatchChunkJobData,
        opts: { ...TRAIN_JOB_DEFAULTS, jobId: chunkJobId(batchId, index), ignoreDependencyOnFailure: true },
      })),
    });
  } catch (error) {
    if (redis.status !== 'ready') throw new RedisUnavailableError(error);
    throw error;
  }
}

/** Closes the flow producer and its connection; for process shutdown and tests. */
export async function closeBatchFlows(): Promise<void> {
  const current = globalForFlows.horizonBatchFlows;
  globalForFlows.horizonBatchFlows = undefined;
  if (!current) return;
  await current.flows.close();
  current.redis.disconnect();
}
