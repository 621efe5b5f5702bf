// The training worker process (`npm run worker`): one BullMQ Worker on the training queue,
// dispatching jobs by name to worker/processors/*. Any number of these processes, on any number of
// machines, can share one Redis and one PostgreSQL (README, "Scaling out").
//
// Training runs in this process's main thread, not in a sandboxed processor. The engine calls
// model.fit once per epoch (at most 1024 windows, lib/forecast/config.ts) and awaits its progress
// and cancel callbacks, which are database I/O, between epochs: the event loop, and with it
// BullMQ's lock renewal (every lockMs / 2), runs at least once per epoch. Measured with default
// configs on 400- and 3,000-point series: the longest stall was under a second on an idle
// machine, a few seconds on a loaded one; the 5-minute lock leaves a wide margin. A sandboxed
// processor would add a second TensorFlow.js runtime and module loader per job for no gain here.
//
// Faults (tested in test/faults/): a job whose worker dies (SIGKILL, crash) loses its lock; another
// worker's stalled check (or this one's, restarted) puts it back in the queue and the run starts
// over, at most MAX_TRAINING_INTERRUPTIONS times. On the dead worker's own machine that happens
// within seconds (dead-local-workers.ts); elsewhere once its lock expires. SIGTERM stops training at the next epoch
// boundary, puts the job back in the queue, and exits. At boot, runs whose job Redis lost are
// queued again (recover-orphaned-runs.ts).
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { disconnectDb, getPool } from '@/lib/db/client';
import { initBackend } from '@/lib/forecast';
import { createRedisConnection } from '@/lib/queue/connection';
import { JOB_NAMES, TRAIN_QUEUE, type JobName } from '@/lib/queue/names';
import { closeTrainQueue, MAX_TRAINING_INTERRUPTIONS } from '@/lib/queue/train-queue';
import { syncAllSchedules } from '@/lib/schedules/sync-all-schedules';
import { releaseJobsOfDeadLocalWorkers } from './dead-local-workers';
import { recordFinalFailure } from './final-failure';
import { currentIdentity } from './identity';
import { recordInterruption } from './interruption';
import { log, logError } from './log';
import { processBatch, processBatchChunk } from './processors/batch';
import { processBatchGlobal } from './processors/batch-global';
import { processScheduledTrain } from './processors/scheduled-train';
import { processTrain } from './processors/train';
import { recoverOrphanedRuns } from './recover-orphaned-runs';
import { readWorkerSettings } from './settings';
import { requestStop } from './stopping';

/** How often a running worker looks for jobs of this machine's dead workers. */
const DEAD_WORKER_CHECK_MS = 5_000;

const processors: Record<JobName, (job: Job, token?: string) => Promise<void>> = {
  [JOB_NAMES.train]: processTrain,
  [JOB_NAMES.scheduledTrain]: processScheduledTrain,
  [JOB_NAMES.batch]: processBatch,
  [JOB_NAMES.batchChunk]: processBatchChunk,
  [JOB_NAMES.batchGlobal]: processBatchGlobal,
};

function processJob(job: Job, token?: string): Promise<void> {
  const processor = processors[job.name as JobName];
  if (!processor)
    throw new UnrecoverableError(`No processor for job "${job.name}" (known: ${Object.keys(processors).join(', ')}).`);
  return processor(job, token);
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
    throw new Error(
      `Cannot reach PostgreSQL at ${databaseLabel()}: ${error instanceof Error ? error.message : error}`,
      {
        cause: error,
      },
    );
  }
}

async function main(): Promise<void> {
  const settings = readWorkerSettings();
  await connectDatabase();
  log(`Connected to PostgreSQL at ${databaseLabel()}.`);
  const backend = await initBackend();
  log(`TensorFlow.js backend: ${backend}.`);

  const connection = createRedisConnection('worker');
  const worker = new Worker(TRAIN_QUEUE, processJob, {
    connection,
    // Jobs are taken once the schedules are synced: a training started during boot would compete
    // with the sync for the event loop and could starve its Redis calls.
    autorun: false,
    name: settings.name,
    concurrency: settings.concurrency,
    lockDuration: settings.lockMs,
    stalledInterval: settings.stalledIntervalMs,
    maxStalledCount: MAX_TRAINING_INTERRUPTIONS,
  });
  worker.on('failed', (job, error) => {
    if (!job) return logError(`A job failed: ${error.message}`);
    const retrying = job.finishedOn === undefined;
    logError(`Job ${job.id} (${job.name}) failed${retrying ? ', will retry' : ''}: ${error.message}`);
    void recordFinalFailure(job, error);
  });
  worker.on('stalled', (jobId) => {
    log(`Job ${jobId}: its worker stopped mid-job; back in the queue.`);
    void recordInterruption(jobId);
  });
  worker.on('error', (error) => logError('Worker error:', error));
  await worker.waitUntilReady();

  const schedules = await syncAllSchedules();
  log(`Schedules synced: ${schedules.active} active, ${schedules.removed} orphaned scheduler(s) removed.`);
  const orphans = await recoverOrphanedRuns();
  if (orphans > 0) log(`Recovered ${orphans} run(s) that had no job.`);
  // Jobs of this machine's dead workers: worker.run() below starts with the stalled check that
  // moves them back to the queue. Later deaths are looked for every few seconds.
  const self = currentIdentity();
  await releaseJobsOfDeadLocalWorkers(worker, connection, self);
  let lastReleaseError = '';
  const deadWorkerWatch = setInterval(() => {
    releaseJobsOfDeadLocalWorkers(worker, connection, self)
      .then(async (released) => {
        lastReleaseError = '';
        if (released.length > 0) await worker.startStalledCheckTimer();
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (message !== lastReleaseError) logError(`Looking for jobs of dead workers failed: ${message}`);
        lastReleaseError = message;
      });
  }, DEAD_WORKER_CHECK_MS);
  deadWorkerWatch.unref();

  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) {
      log(`${signal} again: exiting without waiting; the job in progress will be retried.`);
      process.exit(1);
    }
    closing = true;
    log(
      `${signal}: stopping the training in progress after its epoch, requeueing it, then exiting (send ${signal} again to stop now).`,
    );
    requestStop();
    clearInterval(deadWorkerWatch);
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

  // Only once the handlers are in place: a signal that arrives before its handler is installed
  // kills the process outright, which would drop a job just taken (and whoever waits for the
  // ready line may signal at once).
  worker.run().catch((error: unknown) => {
    logError('Worker stopped taking jobs:', error);
    process.exit(1);
  });
  log(
    `Worker ${settings.name} ready on queue "${TRAIN_QUEUE}" (concurrency ${settings.concurrency}, lock ${settings.lockMs} ms).`,
  );
}

main().catch((error: unknown) => {
  logError('Worker failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
