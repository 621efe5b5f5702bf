// Fair use while training: a worker with three slots (HORIZON_WORKER_CONCURRENCY=3) trains at most
// HORIZON_MAX_RUNNING_RUNS=2 runs of one user at once. The user's third job is put back to wait
// (no attempt used up) and stays `queued` with the reason, while another user's run takes the slot.
import { describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { getRunAsSystem, type Run } from '@/lib/db/runs';
import {
  attemptsOf,
  isFinishedRun,
  linesMatching,
  LONG_TRAINING,
  signIn,
  startRun,
  uploadSeries,
  useFaultServices,
  waitFor,
  waitForLineIn,
  waitForRun,
} from './harness';

const services = useFaultServices();

async function runsOf(ids: string[]): Promise<Run[]> {
  return Promise.all(ids.map(async (id) => (await getRunAsSystem(id))!));
}

describe('the per-user cap on running runs', () => {
  it("holds a user's third run while two of theirs train, and trains another user's run meanwhile", async () => {
    // The signed-in account (user A) queues three runs, then user B one; no worker is running yet,
    // so A's three jobs are first in the queue.
    const aSeries = await Promise.all(['a1', 'a2', 'a3'].map((name) => uploadSeries(`cap-${name}`, 120)));
    const aRuns: string[] = [];
    for (const seriesId of aSeries) aRuns.push(await startRun(seriesId, LONG_TRAINING));
    await signIn(`cap-b-${Date.now()}@example.test`);
    const bRun = await startRun(await uploadSeries('cap-b', 120), LONG_TRAINING);

    // Every status change of A's runs, sampled while the test runs: never three training at once.
    let mostRunning = 0;
    const sampler = setInterval(() => {
      void getPrisma()
        .run.count({ where: { id: { in: aRuns }, status: 'running' } })
        .then((running) => (mostRunning = Math.max(mostRunning, running)));
    }, 100);

    try {
      const worker = await services().startWorker('cap', {
        HORIZON_WORKER_CONCURRENCY: '3',
        HORIZON_MAX_RUNNING_RUNS: '2',
      });

      // B's run starts while two of A's are training and A's third waits, saying why.
      const held = await waitFor(
        "B training beside two of A, with A's third held back",
        async () => {
          const [b, a] = [await getRunAsSystem(bRun), await runsOf(aRuns)];
          const waiting = a.filter((run) => run.status === 'queued');
          const ok =
            b?.status === 'running' && a.filter((run) => run.status === 'running').length === 2 && waiting.length === 1;
          return ok && waiting[0].error?.includes('HORIZON_MAX_RUNNING_RUNS') ? waiting[0] : undefined;
        },
        180_000,
      );
      expect(held.error).toMatch(/you already have 2 runs training/);
      await waitForLineIn([worker], new RegExp(`Run ${held.id}: its owner is at the running cap`));
      expect(linesMatching([worker], new RegExp(`Run ${held.id}: its owner is at the running cap`))).toHaveLength(1);

      // Everyone finishes; the held run trained once, as its first attempt, its note gone.
      for (const runId of [...aRuns, bRun]) {
        expect((await waitForRun(runId, 'finished', isFinishedRun, 480_000)).status).toBe('succeeded');
      }
      expect(await attemptsOf(held.id)).toBe(1);
      expect((await getRunAsSystem(held.id))!.error).toBeNull();
      expect(linesMatching([worker], new RegExp(`Run ${held.id}: training \\(attempt 1\\)`))).toHaveLength(1);
      expect(mostRunning).toBe(2);
    } finally {
      clearInterval(sampler);
    }
  });
});
