// The training worker process (`npm run worker`): one BullMQ Worker on the training queue,
// dispatching jobs by name to worker/processors/*.
//
// Training runs in this process: TensorFlow.js yields to the event loop between batches, so lock
// renewal keeps running; the generous lock covers a slow batch on a large series without the job
// being declared stalled and trained twice.
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { disconnectDb, getPool } from '@/lib/db/client';
import { initBackend } from '@/lib/forecast';
import { createRedisConnection } from '@/lib/queue/connection';
import { JOB_NAMES, TRAIN_QUEUE, type JobName } from '@/lib/queue/names';
import { closeTrainQueue } from '@/lib/queue/train-queue';
import { syncAllSchedules } from '@/lib/schedules/sync-all-schedules';
import { log, logError } from './log';
import { processScheduledTrain } from './processors/scheduled-train';
import { processTrain } from './processors/train';

const LOCK_DURATION_MS = 5 * 60_000;

const processors: Record<JobName, (job: Job) => Promise<void>> = {
  [JOB_NAMES.train]: processTrain,
  [JOB_NAMES.scheduledTrain]: processScheduledTrain,
};

function processJob(job: Job): Promise<void> {
  const processor = processors[job.name as JobName];
  if (!processor) throw new UnrecoverableError(`No processor for job "${job.name}" (known: ${Object.keys(processors).join(', ')}).`);
  return processor(job);
}

function concurrency(): number {
  const text = process.env.HORIZON_WORKER_CONCURRENCY ?? '1';
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`HORIZON_WORKER_CONCURRENCY must be a whole number of at least 1, got "${text}".`);
  }
  return value;
}

/** host:port/database of DATABASE_URL, without the password, for messages. */
function databaseLabel(): string {
  try {
    const url = new URL(process.env.DATABASE_URL ?? '');
    return `${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** Fails fast: a worker that cannot store results must not take jobs. */
async function connectDatabase(): Promise<void> {
  try {
    await getPool().query('SELECT 1');
  } catch (error) {
    throw new Error(`Cannot reach PostgreSQL at ${databaseLabel()}: ${error instanceof Error ? error.message : error}`);
  }
}

async function main(): Promise<void> {
  await connectDatabase();
  log(`Connected to PostgreSQL at ${databaseLabel()}.`);
  const backend = await initBackend();
  log(`TensorFlow.js backend: ${backend}.`);

  const connection = createRedisConnection('worker');
  const worker = new Worker(TRAIN_QUEUE, processJob, {
    connection,
    concurrency: concurrency(),
    lockDuration: LOCK_DURATION_MS,
  });
  worker.on('failed', (job, error) => {
    const retrying = job && job.attemptsMade < (job.opts.attempts ?? 1) && !(error instanceof UnrecoverableError);
    logError(`Job ${job?.id} (${job?.name}) failed${retrying ? ', will retry' : ''}: ${error.message}`);
  });
  worker.on('error', (error) => logError('Worker error:', error));
  await worker.waitUntilReady();

  const schedules = await syncAllSchedules();
  log(`Schedules synced: ${schedules.active} active, ${schedules.removed} orphaned scheduler(s) removed.`);
  log(`Worker ready on queue "${TRAIN_QUEUE}" (concurrency ${worker.opts.concurrency}).`);

  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) {
      log(`${signal} again: exiting without waiting; the job in progress will be retried.`);
      process.exit(1);
    }
    closing = true;
    log(`${signal}: finishing the job in progress, then exiting (send ${signal} again to stop now).`);
    try {
      await worker.close();
      await closeTrainQueue();
      connection.disconnect();
      await disconnectDb();
      process.exit(0);
    } catch (error) {
      logError('Shutdown failed:', error);
      process.exit(1);
    }
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  logError('Worker failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
