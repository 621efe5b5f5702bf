// Schedules with real workers: a restart never fires a schedule again (the worker re-syncs every
// scheduler at boot with upsertJobScheduler, which keeps the pending next firing), and a firing
// never starts a second training of a series that is already training: it is skipped and says so.
import type { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { POST as cancelRoute } from '@/app/api/runs/[id]/cancel/route';
import { DELETE as deleteScheduleRoute, GET as getScheduleRoute } from '@/app/api/schedules/[id]/route';
import { POST as createScheduleRoute } from '@/app/api/schedules/route';
import { getRunAsSystem } from '@/lib/db/runs';
import { createRedisConnection } from '@/lib/queue/connection';
import { getTrainQueue } from '@/lib/queue/train-queue';
import {
  api,
  attemptsOf,
  FAST_STALL_ENV,
  isFinishedRun,
  LONG_TRAINING,
  runCountOf,
  useFaultServices,
  uploadSeries,
  waitFor,
  waitForRun,
} from './harness';

const services = useFaultServices();

async function createSchedule(seriesId: string, every: string): Promise<string> {
  const { status, body } = await api(createScheduleRoute, {
    method: 'POST',
    body: { seriesId, every, config: LONG_TRAINING },
  });
  if (status !== 201) throw new Error(`Creating a schedule failed: ${status} ${JSON.stringify(body)}`);
  return body.schedule.id;
}

async function scheduleOf(id: string) {
  return (await api(getScheduleRoute, { params: { id } })).body.schedule;
}

/** The scheduled-train jobs of a scheduler that are not its single pending (delayed) next firing. */
async function firingsOutsideTheNextOne(scheduleId: string): Promise<Job[]> {
  const jobs = await getTrainQueue().getJobs(['wait', 'active', 'prioritized']);
  return jobs.filter(
    (job) => job.repeatJobKey === scheduleId || ('scheduleId' in job.data && job.data.scheduleId === scheduleId),
  );
}

describe('a schedule across worker restarts', () => {
  it('makes no extra run when its worker is killed mid-training and another boots and re-syncs', async () => {
    const seriesId = await uploadSeries('every-6h');
    const first = await services().startWorker('sched-first', FAST_STALL_ENV);
    const scheduleId = await createSchedule(seriesId, '6h');

    // An `every` schedule fires at once: its run trains on the first worker.
    const runId = await waitFor(
      'the first firing to create a run',
      async () => (await scheduleOf(scheduleId)).runs[0]?.id as string | undefined,
    );
    await waitForRun(runId, 'training with progress', (run) => run.status === 'running' && run.progress > 0);
    const next = (await getTrainQueue().getJobScheduler(scheduleId))?.next;
    expect(next).toBeGreaterThan(Date.now() + 5 * 3_600_000);

    first.process.kill();
    expect((await first.exited).signal).toBe('SIGKILL');
    const second = await services().startWorker('sched-second', FAST_STALL_ENV);
    expect(second.lines.some((line) => line.includes('Schedules synced: 1 active'))).toBe(true);
    const run = await waitForRun(runId, 'finished', isFinishedRun, 240_000);
    expect(run.status).toBe('succeeded');
    expect(await attemptsOf(runId)).toBe(2);

    // A clean restart re-syncs once more.
    await second.process.stop();
    const third = await services().startWorker('sched-third', FAST_STALL_ENV);
    expect(third.lines.some((line) => line.includes('Schedules synced: 1 active'))).toBe(true);

    // Nothing can fire before the next slot: no firing waiting or running, the slot unchanged.
    expect(await firingsOutsideTheNextOne(scheduleId)).toEqual([]);
    expect((await getTrainQueue().getJobScheduler(scheduleId))?.next).toBe(next);
    expect((await scheduleOf(scheduleId)).runs.map((r: { id: string }) => r.id)).toEqual([runId]);
    expect(await runCountOf(seriesId)).toBe(1);

    expect((await api(deleteScheduleRoute, { method: 'DELETE', params: { id: scheduleId } })).status).toBe(204);
    await third.process.stop();
  });

  it('rebuilds a scheduler that Redis lost so that it keeps its cadence instead of firing again', async () => {
    const seriesId = await uploadSeries('redis-wiped');
    const worker = await services().startWorker('before-wipe', FAST_STALL_ENV);
    const scheduleId = await createSchedule(seriesId, '6h');
    const runId = await waitFor(
      'the first firing to create a run',
      async () => (await scheduleOf(scheduleId)).runs[0]?.id as string | undefined,
    );
    await api(cancelRoute, { method: 'POST', params: { id: runId } }); // the firing is what counts here
    await worker.process.stop();

    // A Redis without persistence, restarted: every job and scheduler is gone.
    const redis = createRedisConnection('worker');
    await redis.flushall();
    redis.disconnect();
    expect(await getTrainQueue().getJobScheduler(scheduleId)).toBeUndefined();

    const rebooted = await services().startWorker('after-wipe', FAST_STALL_ENV);
    expect(rebooted.lines.some((line) => line.includes('Schedules synced: 1 active'))).toBe(true);
    const firstRun = await getRunAsSystem(runId);
    const next = (await getTrainQueue().getJobScheduler(scheduleId))?.next;
    expect(next).toBe(Date.parse(firstRun!.createdAt) + 6 * 3_600_000);
    expect(await firingsOutsideTheNextOne(scheduleId)).toEqual([]);
    expect(await runCountOf(seriesId)).toBe(1);

    await api(deleteScheduleRoute, { method: 'DELETE', params: { id: scheduleId } });
    await rebooted.process.stop();
  });
});

describe('two schedules of one series', () => {
  it('never train at once: the firing that finds a training running is skipped, and the API says so', async () => {
    const seriesId = await uploadSeries('two-schedules');
    // Two jobs at a time, so the second firing is taken while the first run trains.
    const worker = await services().startWorker('sched-overlap', {
      ...FAST_STALL_ENV,
      HORIZON_WORKER_CONCURRENCY: '2',
    });
    const firstId = await createSchedule(seriesId, '6h');
    const runId = await waitFor(
      'the first firing to create a run',
      async () => (await scheduleOf(firstId)).runs[0]?.id as string | undefined,
    );
    await waitForRun(runId, 'running', (run) => run.status === 'running');

    const secondId = await createSchedule(seriesId, '12h');
    const skipped = await waitFor('the second firing to be skipped', async () => {
      const schedule = await scheduleOf(secondId);
      return schedule.lastSkip ? schedule : undefined;
    });
    expect(skipped.lastSkip.reason).toBe(`Skipped: a training of this series was already running (run ${runId}).`);
    expect(skipped.runs).toEqual([]);
    await worker.waitForLine(
      new RegExp(`Schedule ${secondId}: Skipped: a training of this series was already running`),
    );
    expect(await runCountOf(seriesId)).toBe(1);
    expect((await scheduleOf(firstId)).lastSkip).toBeNull();

    await api(cancelRoute, { method: 'POST', params: { id: runId } });
    await waitForRun(runId, 'cancelled', (run) => run.status === 'cancelled');
    expect((await getRunAsSystem(runId))?.status).toBe('cancelled');
    for (const id of [firstId, secondId]) await api(deleteScheduleRoute, { method: 'DELETE', params: { id } });
    await worker.process.stop();
  });
});
