// Scaling out: worker processes share the training queue through Redis; each job goes to one of
// them, and /api/health counts the processes connected.
import { describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import {
  api,
  isFinishedRun,
  linesMatching,
  useFaultServices,
  startRun,
  TINY_TRAINING,
  uploadSeries,
  waitFor,
  waitForRun,
} from './harness';

const services = useFaultServices();

describe('two worker processes', () => {
  it('both take jobs from the queue, each run trained once, and health counts them', async () => {
    expect((await api(health)).body.workers).toBe(0);
    const workers = [await services().startWorker('pair-a'), await services().startWorker('pair-b')];
    expect((await api(health)).body).toEqual({ db: 'ok', redis: 'ok', workers: 2 });

    const seriesIds = await Promise.all(
      ['one', 'two', 'three', 'four'].map((name) => uploadSeries(`pair-${name}`, 120)),
    );
    const runIds = await Promise.all(seriesIds.map((seriesId) => startRun(seriesId, TINY_TRAINING)));
    for (const runId of runIds) {
      expect((await waitForRun(runId, 'finished', isFinishedRun, 240_000)).status).toBe('succeeded');
      expect(linesMatching(workers, new RegExp(`Run ${runId}: training`))).toHaveLength(1);
    }
    // With one job at a time each (the default concurrency), four jobs queued together cannot all go to one.
    for (const worker of workers) {
      expect(worker.lines.filter((line) => / training \(attempt 1\)/.test(line)).length).toBeGreaterThan(0);
    }

    await workers[0].process.stop();
    expect((await api(health)).body.workers).toBe(1);
    // A worker that dies is not counted either: its Redis connection closes with the process.
    workers[1].process.kill();
    await workers[1].exited;
    await waitFor('health to count no worker', async () => (await api(health)).body.workers === 0);
  });
});
