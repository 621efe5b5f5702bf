import { UnrecoverableError, type Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectDb, getPrisma } from '@/lib/db/client';
import { closeTrainQueue, getTrainQueue } from '@/lib/queue/train-queue';
import { call, callJson, csvForm, dailyCsv } from '@/test/api';
import { processScheduledTrain } from '@/worker/processors/scheduled-train';
import { POST as upload } from '../datasets/route';
import { DELETE as deleteDataset } from '../datasets/[id]/route';
import { GET as getRun } from '../runs/[id]/route';
import { POST as createRun } from '../runs/route';
import { POST as cancel } from '../runs/[id]/cancel/route';
import { DELETE, GET as getSchedule, PATCH } from './[id]/route';
import { GET as listSchedules, POST as createSchedule } from './route';

const TINY = { horizon: 7, lookback: 14, epochs: 2, units: 4 };

async function uploadSeries(name: string): Promise<{ datasetId: string; seriesId: string }> {
  const { body } = await callJson(upload, { method: 'POST', body: csvForm(dailyCsv(100), `${name}.csv`) });
  return { datasetId: body.dataset.id, seriesId: body.dataset.series[0].id };
}

/** The pending job of a schedule's scheduler (waiting or delayed). */
async function scheduledJob(scheduleId: string): Promise<Job | undefined> {
  const jobs = await getTrainQueue().getJobs(['waiting', 'delayed', 'prioritized']);
  return jobs.find(
    (job) => job.name === 'scheduled-train' && 'scheduleId' in job.data && job.data.scheduleId === scheduleId,
  );
}

let seriesId: string;

beforeAll(async () => {
  ({ seriesId } = await uploadSeries('scheduled'));
});

afterAll(async () => {
  await closeTrainQueue();
  await disconnectDb();
});

describe('schedules', () => {
  it('creates a scheduler, trains on firing, pauses, resumes and deletes', async () => {
    const created = await callJson(createSchedule, { method: 'POST', body: { seriesId, every: '5m', config: TINY } });
    expect(created.status).toBe(201);
    const schedule = created.body.schedule;
    expect(schedule).toEqual({
      id: expect.any(String),
      seriesId,
      datasetId: null,
      seriesIds: null,
      every: '5m',
      cron: null,
      config: TINY,
      paused: false,
      createdAt: expect.any(String),
      nextRunAt: expect.any(String),
      runs: [],
      batches: [],
      lastSkip: null,
    });

    const job = await scheduledJob(schedule.id);
    expect(job).toBeDefined();
    expect((await getTrainQueue().getJobScheduler(schedule.id))?.every).toBe(300_000);

    // The firing creates a run for the series with the schedule's config and trains it.
    await processScheduledTrain(job!);
    const fetched = await callJson(getSchedule, { params: { id: schedule.id } });
    expect(fetched.body.schedule.runs).toEqual([
      { id: expect.any(String), status: 'succeeded', createdAt: expect.any(String) },
    ]);
    const run = (await callJson(getRun, { params: { id: fetched.body.schedule.runs[0].id } })).body.run;
    expect(run).toMatchObject({ seriesId, scheduleId: schedule.id, status: 'succeeded' });
    expect(run.config).toMatchObject(TINY);

    const paused = await callJson(PATCH, { method: 'PATCH', params: { id: schedule.id }, body: { paused: true } });
    expect(paused.status).toBe(200);
    expect(paused.body.schedule).toMatchObject({ paused: true, nextRunAt: null });
    expect(await getTrainQueue().getJobScheduler(schedule.id)).toBeUndefined();

    const resumed = await callJson(PATCH, { method: 'PATCH', params: { id: schedule.id }, body: { paused: false } });
    expect(resumed.body.schedule).toMatchObject({ paused: false, nextRunAt: expect.any(String) });
    expect(await getTrainQueue().getJobScheduler(schedule.id)).toBeDefined();

    const listed = await callJson(listSchedules, { path: `/?seriesId=${seriesId}` });
    expect(listed.body.schedules.map((s: { id: string }) => s.id)).toEqual([schedule.id]);

    expect((await call(DELETE, { method: 'DELETE', params: { id: schedule.id } })).status).toBe(204);
    expect(await getTrainQueue().getJobScheduler(schedule.id)).toBeUndefined();
    expect((await call(getSchedule, { params: { id: schedule.id } })).status).toBe(404);
    // The run it made stays, unlinked.
    expect((await callJson(getRun, { params: { id: run.id } })).body.run.scheduleId).toBeNull();
  });

  it('skips a firing while the series has a queued run, and a firing of a paused schedule', async () => {
    const created = await callJson(createSchedule, {
      method: 'POST',
      body: { seriesId, cron: '0 3 * * *', config: TINY },
    });
    const schedule = created.body.schedule;
    expect(schedule).toMatchObject({ every: null, cron: '0 3 * * *' });
    expect(new Date(schedule.nextRunAt).toISOString()).toMatch(/T03:00:00\.000Z$/);
    const job = (await scheduledJob(schedule.id))!;

    const queued = await callJson(createRun, { method: 'POST', body: { seriesId, ...TINY } });
    await processScheduledTrain(job);
    const skipped = (await callJson(getSchedule, { params: { id: schedule.id } })).body.schedule;
    expect(skipped.runs).toEqual([]);
    expect(skipped.lastSkip).toEqual({
      at: expect.any(String),
      reason: `Skipped: a training of this series was already waiting in the queue (run ${queued.body.run.id}).`,
    });
    await callJson(cancel, { method: 'POST', params: { id: queued.body.run.id } });

    await callJson(PATCH, { method: 'PATCH', params: { id: schedule.id }, body: { paused: true } });
    await processScheduledTrain(job);
    expect((await callJson(getSchedule, { params: { id: schedule.id } })).body.schedule.runs).toEqual([]);
    await call(DELETE, { method: 'DELETE', params: { id: schedule.id } });
  });

  it('says on the schedule why a firing could not start a run', async () => {
    const created = await callJson(createSchedule, { method: 'POST', body: { seriesId, every: '1d', config: TINY } });
    const scheduleId = created.body.schedule.id;
    const job = (await scheduledJob(scheduleId))!;
    // Settings the series cannot serve (stored as they are: the route would refuse them).
    await getPrisma().schedule.update({ where: { id: scheduleId }, data: { config: { ...TINY, batchSize: 4096 } } });
    await expect(processScheduledTrain(job)).rejects.toThrow(UnrecoverableError);
    const { schedule } = (await callJson(getSchedule, { params: { id: scheduleId } })).body;
    expect(schedule.runs).toEqual([]);
    expect(schedule.lastSkip.reason).toMatch(
      /^Skipped: the run could not start: The model is too large for this series: batchSize: 4096/,
    );
    await call(DELETE, { method: 'DELETE', params: { id: scheduleId } });
  });

  it('resumes an every schedule one interval after its last firing, not at once', async () => {
    const created = await callJson(createSchedule, { method: 'POST', body: { seriesId, every: '6h', config: TINY } });
    const scheduleId = created.body.schedule.id;
    const job = (await scheduledJob(scheduleId))!;
    // A firing that is skipped is still a firing.
    const queued = await callJson(createRun, { method: 'POST', body: { seriesId, ...TINY } });
    await processScheduledTrain(job);
    await callJson(cancel, { method: 'POST', params: { id: queued.body.run.id } });
    const { lastSkip } = (await callJson(getSchedule, { params: { id: scheduleId } })).body.schedule;

    await callJson(PATCH, { method: 'PATCH', params: { id: scheduleId }, body: { paused: true } });
    const resumed = await callJson(PATCH, { method: 'PATCH', params: { id: scheduleId }, body: { paused: false } });
    expect(Date.parse(resumed.body.schedule.nextRunAt)).toBe(Date.parse(lastSkip.at) + 6 * 3_600_000);
    await call(DELETE, { method: 'DELETE', params: { id: scheduleId } });
  });

  it('removes the schedulers of a deleted dataset', async () => {
    const other = await uploadSeries('doomed');
    const { body } = await callJson(createSchedule, {
      method: 'POST',
      body: { seriesId: other.seriesId, every: '1d' },
    });
    expect(await getTrainQueue().getJobScheduler(body.schedule.id)).toBeDefined();

    await call(deleteDataset, { method: 'DELETE', params: { id: other.datasetId } });
    expect(await getTrainQueue().getJobScheduler(body.schedule.id)).toBeUndefined();
    expect((await call(getSchedule, { params: { id: body.schedule.id } })).status).toBe(404);
  });

  it('refuses an identical schedule of the same series with a 409 naming the existing one', async () => {
    const { seriesId: own } = await uploadSeries('duplicates');
    const first = await callJson(createSchedule, {
      method: 'POST',
      body: { seriesId: own, every: '1d', config: TINY },
    });
    expect(first.status).toBe(201);
    const id = first.body.schedule.id;
    // The same interval written differently, the same config in another order: identical.
    const twin = await callJson(createSchedule, {
      method: 'POST',
      body: { seriesId: own, every: '24h', config: { units: 4, epochs: 2, lookback: 14, horizon: 7 } },
    });
    expect(twin.status).toBe(409);
    expect(twin.body.error.code).toBe('conflict');
    expect(twin.body.error.message).toMatch(
      new RegExp(`already has a schedule every 1d with the same settings \\(schedule ${id}\\)`),
    );
    // Cron expressions that fire at the same moments are the same timing; a paused twin says to resume it.
    const cron = await callJson(createSchedule, { method: 'POST', body: { seriesId: own, cron: '0 3 * * *' } });
    expect(cron.status).toBe(201);
    await callJson(PATCH, { method: 'PATCH', params: { id: cron.body.schedule.id }, body: { paused: true } });
    const cronTwin = await callJson(createSchedule, { method: 'POST', body: { seriesId: own, cron: '0 3 * * 0-6' } });
    expect(cronTwin.status).toBe(409);
    expect(cronTwin.body.error.message).toMatch(/a paused schedule cron "0 3 \* \* \*".*Resume that one/);

    // Other timing, other settings or another series: allowed.
    for (const body of [
      { seriesId: own, every: '12h', config: TINY },
      { seriesId: own, every: '1d', config: { ...TINY, epochs: 3 } },
      { seriesId: own, cron: '0 4 * * *' },
      { seriesId, every: '1d', config: TINY },
    ]) {
      expect((await callJson(createSchedule, { method: 'POST', body })).status, JSON.stringify(body)).toBe(201);
    }
    const listed = await callJson(listSchedules, { path: `/?seriesId=${own}` });
    expect(listed.body.schedules).toHaveLength(5);
  });

  it('validates timing, config and series', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ seriesId }, 'every'],
      [{ seriesId, every: '1h', cron: '0 3 * * *' }, 'every'],
      [{ seriesId, every: '15 minutes' }, 'every'],
      [{ seriesId, every: '0m' }, 'every'],
      [{ seriesId, cron: 'every night' }, 'cron'],
      // More often than the minimum (5 minutes by default): one user's schedule must not occupy the workers.
      [{ seriesId, every: '1s' }, 'every'],
      [{ seriesId, every: '4m' }, 'every'],
      [{ seriesId, cron: '* * * * * *' }, 'cron'],
      [{ seriesId, cron: '* * * * *' }, 'cron'],
      [{ seriesId, cron: '0,1 3 * * *' }, 'cron'],
      [{ seriesId, every: '1h', config: { epochs: -1 } }, 'config.epochs'],
      [{ seriesId, every: '1h', colour: 'red' }, ''],
    ];
    for (const [body, path] of cases) {
      const response = await callJson(createSchedule, { method: 'POST', body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('validation_error');
      expect(response.body.error.details.issues.map((issue: { path: string }) => issue.path)).toContain(path);
    }

    // A horizon that leaves nothing to fit on (a lookback too long only skips the LSTMs).
    const tooShort = await callJson(createSchedule, {
      method: 'POST',
      body: { seriesId, every: '1h', config: { horizon: 95 } },
    });
    expect(tooShort.status).toBe(422);
    expect(tooShort.body.error.code).toBe('series_too_short');

    expect((await callJson(createSchedule, { method: 'POST', body: { seriesId: 'nope', every: '1h' } })).status).toBe(
      404,
    );
    expect((await callJson(listSchedules, { path: '/?seriesId=nope' })).status).toBe(404);
    const badPatch = await callJson(PATCH, { method: 'PATCH', params: { id: 'nope' }, body: { paused: 'yes' } });
    expect(badPatch.status).toBe(400);
    for (const [handler, method] of [
      [getSchedule, 'GET'],
      [DELETE, 'DELETE'],
    ] as const) {
      expect((await call(handler, { method, params: { id: 'nope' } })).status).toBe(404);
    }
    expect((await call(PATCH, { method: 'PATCH', params: { id: 'nope' }, body: { paused: true } })).status).toBe(404);
  });
});
