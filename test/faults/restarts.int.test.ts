// Restarting the servers under a running installation. Redis keeps its data in an append-only
// file, so jobs waiting in the queue survive its restart. PostgreSQL restarting in the middle of
// a training makes that attempt fail; the worker's retry (after BullMQ's backoff) finds the
// database back and the run ends, never left `running`. Web (this process) and worker reconnect.
// A Redis that lost everything (no append-only file) loses jobs: the next worker to boot finds the
// runs they were for and queues them again.
import { describe, expect, it } from 'vitest';
import { GET as getRunRoute } from '@/app/api/runs/[id]/route';
import { getPrisma } from '@/lib/db/client';
import { markRunRunningAsSystem } from '@/lib/db/runs';
import { createRedisConnection } from '@/lib/queue/connection';
import { getTrainQueue } from '@/lib/queue/train-queue';
import {
  api,
  FAST_STALL_ENV,
  isFinishedRun,
  LONG_TRAINING,
  runCountOf,
  useFaultServices,
  startRun,
  TINY_TRAINING,
  uploadSeries,
  waitFor,
  waitForRun,
} from './harness';

const services = useFaultServices();

describe('restarting Redis', () => {
  it('loses none of the jobs waiting for a worker', async () => {
    const seriesId = await uploadSeries('redis-restart', 120);
    const runIds = [
      await startRun(seriesId, TINY_TRAINING),
      await startRun(seriesId, TINY_TRAINING),
      await startRun(seriesId, TINY_TRAINING),
    ];
    expect((await getTrainQueue().getJobCounts('wait')).wait).toBe(3);

    await services().restartRedis();

    // The web's producer connection comes back by itself.
    const counts = await waitFor('the queue to answer again', async () => getTrainQueue().getJobCounts('wait'));
    expect(counts.wait).toBe(3);
    expect((await getTrainQueue().getJobs(['wait'])).map((job) => job.id).sort()).toEqual([...runIds].sort());

    const worker = await services().startWorker('after-redis-restart', FAST_STALL_ENV);
    for (const runId of runIds)
      expect((await waitForRun(runId, 'finished', isFinishedRun, 240_000)).status).toBe('succeeded');
    await worker.process.stop();
  });
});

describe('a Redis that lost its data', () => {
  it('has the runs it held put back in the queue by the next worker that boots', async () => {
    const seriesId = await uploadSeries('redis-wiped', 120);
    const queuedId = await startRun(seriesId, TINY_TRAINING);
    const runningId = await startRun(seriesId, TINY_TRAINING);
    expect(await markRunRunningAsSystem(runningId, 1)).toBe(true); // as if its worker died with the data
    // Older than the grace period that protects runs between their insert and their enqueue.
    await getPrisma().run.updateMany({ where: { seriesId }, data: { createdAt: new Date(Date.now() - 5 * 60_000) } });

    const redis = createRedisConnection('worker');
    await redis.flushall();
    redis.disconnect();

    const worker = await services().startWorker('after-redis-wipe', FAST_STALL_ENV);
    expect(worker.lines.some((line) => line.includes('Recovered 2 run(s) that had no job'))).toBe(true);
    for (const runId of [queuedId, runningId]) {
      expect((await waitForRun(runId, 'finished', isFinishedRun, 240_000)).status).toBe('succeeded');
    }
    expect(await runCountOf(seriesId)).toBe(2);
    await worker.process.stop();
  });
});

describe('restarting PostgreSQL in the middle of a training', () => {
  it('ends the run (succeeded after a retry, or failed with a reason) and both processes carry on', async () => {
    const seriesId = await uploadSeries('postgres-restart');
    const worker = await services().startWorker('through-postgres-restart', FAST_STALL_ENV);
    const runId = await startRun(seriesId, LONG_TRAINING);
    await waitForRun(runId, 'training with progress', (run) => run.status === 'running' && run.progress > 0);

    await services().restartPostgres({ downMs: 2_000 });

    // waitForRun retries while the connections come back.
    const run = await waitForRun(runId, 'finished', isFinishedRun, 300_000);
    if (run.status === 'failed') expect(run.error).toMatch(/\w/);
    else expect(run.status).toBe('succeeded');
    expect(await runCountOf(seriesId)).toBe(1);

    // The worker survived the outage (no crash on a dropped connection) and keeps training.
    expect(worker.process.stopping).toBe(false);
    expect(worker.lines.some((line) => line.includes('Worker failed to start'))).toBe(false);
    const nextId = await startRun(seriesId, TINY_TRAINING);
    expect((await waitForRun(nextId, 'finished', isFinishedRun, 240_000)).status).toBe('succeeded');

    // And the web answers from the restarted database.
    const { status, body } = await api(getRunRoute, { params: { id: runId } });
    expect(status).toBe(200);
    expect(body.run.status).toBe(run.status);
    await worker.process.stop();
  });
});
