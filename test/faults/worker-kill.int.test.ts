// SIGKILL of a worker in the middle of training: BullMQ's stalled-job check hands the job to
// another worker (or to the same one, restarted), the run starts over and ends exactly once.
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
  trainerOf,
  uploadSeries,
  waitFor,
  waitForLineIn,
  waitForRun,
  type WorkerProcess,
} from './harness';

const services = useFaultServices();

/** Waits until the run trains attempt `attempt` and has stored progress, then SIGKILLs its worker. */
async function killTrainerMidRun(workers: WorkerProcess[], runId: string, attempt: number): Promise<WorkerProcess> {
  // The row of a killed attempt still says `running`: wait for this attempt's own progress, and
  // for its worker's log line, which can reach this process after the database shows progress.
  const trainer = await waitFor(
    `run ${runId} to train attempt ${attempt} with progress, logged by a worker`,
    async () => {
      const run = await getRunAsSystem(runId);
      const training = run?.status === 'running' && run.progress > 0 && (await attemptsOf(runId)) === attempt;
      return training && trainerOf(workers, runId, attempt);
    },
  );
  trainer.process.kill();
  expect((await trainer.exited).signal).toBe('SIGKILL');
  return trainer;
}

describe('a worker killed in the middle of training', () => {
  it('has its run finished by the other worker: succeeded once, two attempts, one run', async () => {
    const seriesId = await uploadSeries('killed-once');
    const workers = [
      await services().startWorker('kill-a', FAST_STALL_ENV),
      await services().startWorker('kill-b', FAST_STALL_ENV),
    ];
    const runId = await startRun(seriesId, LONG_TRAINING);

    const killed = await killTrainerMidRun(workers, runId, 1);
    const survivor = workers.find((worker) => worker !== killed)!;

    const run = await waitForRun(runId, 'finished', isFinishedRun, 240_000);
    expect(run.status).toBe('succeeded');
    expect(run.error).toBeNull();
    expect(await attemptsOf(runId)).toBe(2);
    expect(trainerOf([survivor], runId, 2)).toBe(survivor);
    await waitForLineIn(workers, new RegExp(`Run ${runId}: succeeded`));
    expect(linesMatching(workers, new RegExp(`Run ${runId}: succeeded`))).toHaveLength(1);
    expect(await runCountOf(seriesId)).toBe(1);
    expect(await getTrainQueue().getJobState(runId)).toBe('completed');
    await survivor.process.stop();
  });

  it('fails the run with a clear reason once every attempt was killed', async () => {
    const seriesId = await uploadSeries('killed-always');
    const runId = await startRun(seriesId, LONG_TRAINING);
    const workers: WorkerProcess[] = [];
    // One worker at a time, restarted after each kill: its startup stalled check recovers the job.
    for (let attempt = 1; attempt <= 3; attempt++) {
      workers.push(await services().startWorker(`killed-${attempt}`, FAST_STALL_ENV));
      await killTrainerMidRun(workers, runId, attempt);
    }
    const last = await services().startWorker('after-kills', FAST_STALL_ENV);
    workers.push(last);

    const run = await waitForRun(runId, 'finished', isFinishedRun, 120_000);
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/interrupted 3 times: the worker stopped in the middle of it/);
    expect(run.finishedAt).not.toBeNull();
    expect(await attemptsOf(runId)).toBe(3);
    expect(linesMatching(workers, new RegExp(`Run ${runId}: training \\(attempt 4\\)`))).toEqual([]);
    expect(await runCountOf(seriesId)).toBe(1);
    expect(await getTrainQueue().getJobState(runId)).toBe('failed');
    await last.process.stop();
  });
});
