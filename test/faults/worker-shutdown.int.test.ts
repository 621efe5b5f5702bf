// SIGTERM to a worker (a deploy, `docker stop`, Ctrl-C): the training in progress stops after its
// epoch, the run goes back to `queued` with its job back in the queue, and the process exits 0.
// The next worker trains the run from the start.
import { describe, expect, it } from 'vitest';
import { getRunAsSystem } from '@/lib/db/runs';
import { getTrainQueue } from '@/lib/queue/train-queue';
import {
  attemptsOf,
  FAST_STALL_ENV,
  isFinishedRun,
  linesMatching,
  LONG_TRAINING,
  runCountOf,
  useFaultServices,
  startRun,
  uploadSeries,
  waitForLineIn,
  waitForRun,
} from './harness';

const services = useFaultServices();

describe('SIGTERM to a worker', () => {
  it('exits at once with code 0 when idle', async () => {
    const worker = await services().startWorker('idle');
    expect(await worker.process.stop()).toEqual({ code: 0, signal: null });
  });

  it('requeues the training in progress, exits 0, and the next worker trains the run once', async () => {
    const seriesId = await uploadSeries('sigterm');
    const first = await services().startWorker('term-first', FAST_STALL_ENV);
    const runId = await startRun(seriesId, LONG_TRAINING);
    await waitForRun(runId, 'training with progress', (run) => run.status === 'running' && run.progress > 0);

    // stop() sends SIGTERM (SIGKILL only after a 20 s grace, which would show as a signal here).
    expect(await first.process.stop()).toEqual({ code: 0, signal: null });
    expect(first.lines.some((line) => line.includes(`Run ${runId}: stopped for shutdown, back in the queue`))).toBe(
      true,
    );
    const requeued = await getRunAsSystem(runId);
    expect(requeued).toMatchObject({ status: 'queued', error: expect.stringMatching(/worker was shutting down/) });
    expect(['waiting', 'delayed']).toContain(await getTrainQueue().getJobState(runId));

    const second = await services().startWorker('term-second', FAST_STALL_ENV);
    const run = await waitForRun(runId, 'finished', isFinishedRun, 240_000);
    expect(run).toMatchObject({ status: 'succeeded', error: null });
    expect(await attemptsOf(runId)).toBe(2);
    await waitForLineIn([second], new RegExp(`Run ${runId}: succeeded`));
    expect(linesMatching([first, second], new RegExp(`Run ${runId}: succeeded`))).toHaveLength(1);
    expect(await runCountOf(seriesId)).toBe(1);
    await second.process.stop();
  });
});
