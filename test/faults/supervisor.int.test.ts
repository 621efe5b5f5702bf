// The processes of `npm start` under its Supervisor, killed as the out-of-memory killer would:
// the dead one is started again, the others carry on (this process, playing the web app, keeps
// answering /api/health), and a run whose worker died is taken up again by the restarted worker
// of the same machine within seconds — not when its 5-minute lock expires.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { getPrisma } from '@/lib/db/client';
import { getRunAsSystem } from '@/lib/db/runs';
import {
  api,
  attemptsOf,
  isFinishedRun,
  LONG_TRAINING,
  signIn,
  startRun,
  startSupervisedServices,
  TINY_TRAINING,
  uploadSeries,
  waitFor,
  waitForRun,
  type SupervisedServices,
} from './harness';

let services: SupervisedServices;

beforeAll(async () => {
  // Default lock (5 minutes) and stalled-check interval (30 s): what a user's machine has.
  services = await startSupervisedServices('supervised');
  await signIn();
});

afterAll(async () => {
  await services?.close();
});

const lines = (pattern: RegExp) => services.workerLines.filter((line) => pattern.test(line));

describe('the worker killed in the middle of training', () => {
  it('is restarted, and its run resumes on attempt 2 within seconds while the rest stays up', async () => {
    const seriesId = await uploadSeries('supervised-kill');
    const runId = await startRun(seriesId, LONG_TRAINING);
    await waitForRun(runId, 'training with progress', (run) => run.status === 'running' && run.progress > 0);
    const [workerPid, postgresPid, redisPid] = [
      services.pidOf('the worker'),
      services.pidOf('PostgreSQL'),
      services.pidOf('Redis'),
    ];

    process.kill(workerPid, 'SIGKILL');
    const killedAt = Date.now();

    // The web (this process) answers while the worker is down and while it comes back.
    const { status, body } = await api(health);
    expect(status).toBe(200);
    expect(body).toMatchObject({ db: 'ok', redis: 'ok' });

    await waitFor('a new worker process', async () => services.pidOf('the worker') !== workerPid, 30_000);
    expect(services.supervisorLines.join('\n')).toMatch(
      /The worker stopped unexpectedly \(signal SIGKILL\)\. Restarting it in 1 s/,
    );
    await waitFor('the new worker to connect', async () => (await api(health)).body.workers === 1, 60_000);

    // Attempt 2 starts well before the lock of attempt 1 would have expired (5 minutes).
    await waitFor('attempt 2 to start', async () => (await attemptsOf(runId)) === 2, 60_000);
    const { startedAt } = await getPrisma().run.findUniqueOrThrow({
      where: { id: runId },
      select: { startedAt: true },
    });
    expect(startedAt!.getTime() - killedAt).toBeLessThan(45_000);
    const retrying = await getRunAsSystem(runId);
    expect(retrying?.error).toBe(
      'The worker stopped in the middle of attempt 1 (it was killed or crashed); retrying, attempt 2 of 3.',
    );
    expect(lines(new RegExp(`Job ${runId}: its worker supervised@.* on this machine is gone`))).toHaveLength(1);

    const run = await waitForRun(runId, 'finished', isFinishedRun, 240_000);
    expect(run.status).toBe('succeeded');
    expect(run.error).toBeNull();
    expect(await attemptsOf(runId)).toBe(2);
    expect(Date.now() - killedAt).toBeLessThan(300_000);
    // Only the worker was restarted.
    expect([services.pidOf('PostgreSQL'), services.pidOf('Redis')]).toEqual([postgresPid, redisPid]);
  });
});

describe('the embedded Redis killed', () => {
  it('is restarted: health is back to ok within 30 s and the same worker trains again', async () => {
    const [workerPid, redisPid] = [services.pidOf('the worker'), services.pidOf('Redis')];
    process.kill(redisPid, 'SIGKILL');
    const killedAt = Date.now();

    await waitFor(
      'Redis to be restarted',
      async () => services.supervisorLines.some((line) => /^Redis is running again/.test(line)),
      30_000,
    );
    expect(services.supervisorLines.join('\n')).toMatch(
      /Redis stopped unexpectedly \(signal SIGKILL\)\. Restarting it in 1 s/,
    );
    expect(services.pidOf('Redis')).not.toBe(redisPid);
    // Without restarting anything else: the web's (this process's) connections come back by themselves.
    await waitFor(
      'health to be ok with the worker connected',
      async () => {
        const { status, body } = await api(health);
        return status === 200 && body.redis === 'ok' && body.workers === 1;
      },
      30_000,
    );
    expect(Date.now() - killedAt).toBeLessThan(30_000);

    // The worker reconnected by itself: no restart, and it takes the next run.
    const seriesId = await uploadSeries('after-redis-kill', 120);
    const runId = await startRun(seriesId, TINY_TRAINING);
    expect((await waitForRun(runId, 'finished', isFinishedRun, 120_000)).status).toBe('succeeded');
    expect(services.pidOf('the worker')).toBe(workerPid);
  });
});
