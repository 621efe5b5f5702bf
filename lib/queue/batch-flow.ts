// A batch on the queue: a BullMQ flow, all on the training queue, so every worker process shares it.
// - The parent job (`batch`, job id = batch id) starts with one child: the batch's global LSTM
//   (`batch-global`), one network trained across all the series before any series' run.
// - The parent is a step job (BullMQ's "process step jobs" pattern): when the global job has ended it
//   runs its `fanout` step, which adds one child per chunk of series (`batch-chunk`, addBatchChunks)
//   and moves itself back to `waiting-children` (moveToWaitingChildren); when every chunk has ended
//   it runs again and stores the batch's outcome. So no series' run starts before the global model
//   is stored, and its chunks are still shared by every worker.
// A child that fails for good must not fail the batch (a failed global model leaves the runs
// without it, a failed chunk's runs say why they failed), so children carry
// `ignoreDependencyOnFailure`: the parent still runs once the others are done.
import { FlowProducer } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedisConnection } from './connection';
import { RedisUnavailableError } from './errors';
import type { BatchChunkJobData, BatchGlobalJobData, BatchJobData } from './jobs';
import { JOB_NAMES, TRAIN_QUEUE } from './names';
import { getTrainQueue, TRAIN_JOB_DEFAULTS } from './train-queue';

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

/** The job id of a batch's global LSTM. */
export function globalJobId(batchId: string): string {
  return `${batchId}-global`;
}

/**
 * Adds the flow of a batch: its parent job (job id = batch id), which carries the chunks of run ids
 * it will fan out, and its global-model child. Atomic in Redis (one MULTI): either the whole flow
 * is queued or none of it.
 */
export async function enqueueBatch(batchId: string, chunks: string[][]): Promise<void> {
  const { flows, redis } = producer();
  const parent: BatchJobData = { batchId, step: 'fanout', chunks };
  try {
    await within(flows.waitUntilReady(), CONNECT_TIMEOUT_MS);
    await flows.add({
      name: JOB_NAMES.batch,
      queueName: TRAIN_QUEUE,
      data: parent,
      opts: { ...TRAIN_JOB_DEFAULTS, jobId: batchId },
      children: [
        {
          name: JOB_NAMES.batchGlobal,
          queueName: TRAIN_QUEUE,
          data: { batchId } satisfies BatchGlobalJobData,
          opts: { ...TRAIN_JOB_DEFAULTS, jobId: globalJobId(batchId), ignoreDependencyOnFailure: true },
        },
      ],
    });
  } catch (error) {
    if (redis.status !== 'ready') throw new RedisUnavailableError(error);
    throw error;
  }
}

/**
 * The fan-out step of a batch's parent job (`parent`, active in the caller's worker): one child job
 * per chunk. Their job ids are fixed by the batch and chunk, so a retried step adds none twice.
 */
export async function addBatchChunks(
  parent: { id: string; queueQualifiedName: string },
  batchId: string,
  chunks: readonly string[][],
): Promise<void> {
  if (chunks.length === 0) return;
  await getTrainQueue().addBulk(
    chunks.map((runIds, index) => ({
      name: JOB_NAMES.batchChunk,
      data: { batchId, runIds } satisfies BatchChunkJobData,
      opts: {
        ...TRAIN_JOB_DEFAULTS,
        jobId: chunkJobId(batchId, index),
        parent: { id: parent.id, queue: parent.queueQualifiedName },
        ignoreDependencyOnFailure: true,
      },
    })),
  );
}

/** Closes the flow producer and its connection; for process shutdown and tests. */
export async function closeBatchFlows(): Promise<void> {
  const current = globalForFlows.horizonBatchFlows;
  globalForFlows.horizonBatchFlows = undefined;
  if (!current) return;
  await current.flows.close();
  current.redis.disconnect();
}
