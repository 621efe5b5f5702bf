// Cancelling through the API, with a real worker process training: the worker stops at the next
// epoch boundary (its shouldCancel reads the run's status after every epoch) and the run stays
// `cancelled`; a queued run's job is taken out of the queue before any worker sees it.
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as cancelRoute } from '@/app/api/runs/[id]/cancel/route';
import { getRunAsSystem } from '@/lib/db/runs';
import { getTrainQueue } from '@/lib/queue/train-queue';
import {
  api,
  FAST_STALL_ENV,
  isFinishedRun,
  LONG_TRAINING,
  useFaultServices,
  startRun,
  TINY_TRAINING,
  uploadSeries,
  waitFor,
  waitForRun,
} from './harness';

const services = useFaultServices();
let seriesId: string;

beforeAll(async () => {
  seriesId = await uploadSeries('cancelled');
});

describe('cancelling a run', () => {
  it('takes a queued run out of the queue: no worker ever trains it', async () => {
    const runId = await startRun(seriesId, TINY_TRAINING);
    expect(await getTrainQueue().getJobState(runId)).toBe('waiting');

    const { status, body } = await api(cancelRoute, { method: 'POST', params: { id: runId } });
    expect(status).toBe(200);
    expect(body.run.status).toBe('cancelled');
    expect(await getTrainQueue().getJob(runId)).toBeUndefined();

    // A worker that starts now finds nothing of it; it trains the next run and never this one.
    const worker = await services().startWorker('after-cancel', FAST_STALL_ENV);
    const nextId = await startRun(seriesId, TINY_TRAINING);
    expect((await waitForRun(nextId, 'finished', isFinishedRun)).status).toBe('succeeded');
    expect(worker.lines.filter((line) => line.includes(runId))).toEqual([]);
    expect((await getRunAsSystem(runId))?.status).toBe('cancelled');
    await worker.process.stop();
  });

  it('stops a worker in the middle of training at the next epoch boundary', async () => {
    const worker = await services().startWorker('cancel-running', FAST_STALL_ENV);
    // Long enough that training to the end would take minutes.
    const runId = await startRun(seriesId, { ...LONG_TRAINING, epochs: 400, patience: 100 });
    await waitForRun(runId, 'training with progress', (run) => run.status === 'running' && run.progress > 0);

    const { status, body } = await api(cancelRoute, { method: 'POST', params: { id: runId } });
    expect(status).toBe(200);
    expect(body.run.status).toBe('cancelled');

    // The engine's CancelledError (thrown only at an epoch boundary) ended the job, not a finished training.
    await worker.waitForLine(new RegExp(`Run ${runId}: cancelled during training`));
    expect(worker.lines.some((line) => line.includes(`Run ${runId}: succeeded`))).toBe(false);
    await waitForJobState(runId, 'completed');
    const run = await getRunAsSystem(runId);
    expect(run).toMatchObject({ status: 'cancelled', metrics: null, evaluation: null });
    expect(run?.finishedAt).not.toBeNull();

    // Cancelling again is a conflict, and the worker is free for the next run.
    expect((await api(cancelRoute, { method: 'POST', params: { id: runId } })).status).toBe(409);
    const nextId = await startRun(seriesId, TINY_TRAINING);
    expect((await waitForRun(nextId, 'finished', isFinishedRun)).status).toBe('succeeded');
    await worker.process.stop();
  });
});

function waitForJobState(jobId: string, state: string): Promise<boolean> {
  return waitFor(`job ${jobId} to be ${state}`, async () => (await getTrainQueue().getJobState(jobId)) === state);
}
