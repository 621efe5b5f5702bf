// Dataset schedules: a schedule that retrains a whole dataset (or a selection of its series) as one
// batch per firing, started the way POST /api/datasets/:id/runs starts one. The firing runs the
// worker's scheduled-train processor here, on the real queue and database; the batch's own
// training is covered by app/api/batches and test/faults/batch.int.test.ts.
import type { Job } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { batchSchema, scheduleSchema } from '@/lib/api/schemas/responses';
import { disconnectDb } from '@/lib/db/client';
import { closeBatchFlows } from '@/lib/queue/batch-flow';
import { closeTrainQueue, getTrainQueue } from '@/lib/queue/train-queue';
import { call, callJson, csvForm, signedInUser, type TestUser } from '@/test/api';
import { processScheduledTrain } from '@/worker/processors/scheduled-train';
import { POST as cancelBatch } from '../batches/[id]/cancel/route';
import { GET as getBatch } from '../batches/[id]/route';
import { POST as upload } from '../datasets/route';
import { POST as appendRows } from '../datasets/[id]/append/route';
import { DELETE as deleteDataset } from '../datasets/[id]/route';
import { POST as startBatch } from '../datasets/[id]/runs/route';
import { POST as cancelRun } from '../runs/[id]/cancel/route';
import { POST as createRun } from '../runs/route';
import { DELETE, GET as getSchedule, PATCH } from './[id]/route';
import { GET as listSchedules, POST as createSchedule } from './route';

const TINY = { horizon: 7, lookback: 14, epochs: 2, units: 4, seed: 3 };

/** A wide daily file of `columns` series, 90 days each. */
function wideCsv(columns: string[], days = 90): string {
  const rows = [`date,${columns.join(',')}`];
  for (let day = 0; day < days; day++) {
    const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
    rows.push(
      `${date},${columns.map((_, k) => (100 + 10 * k + 5 * Math.sin((2 * Math.PI * day) / 7)).toFixed(2)).join(',')}`,
    );
  }
  return rows.join('\n') + '\n';
}

async function uploadDataset(name: string, as?: TestUser) {
  const { status, body } = await callJson(upload, {
    method: 'POST',
    body: csvForm(wideCsv(['alpha', 'beta', 'gamma']), `${name}.csv`),
    as,
  });
  expect(status).toBe(201);
  return body.dataset as { id: string; series: { id: string; name: string }[] };
}

/** Another firing of the schedule, as its scheduler would add it (the job carries only the schedule id). */
async function anotherFiring(scheduleId: string): Promise<Job> {
  const job = await getTrainQueue().add('scheduled-train', { scheduleId }, { delay: 3_600_000 });
  cleanup.push(() => job.remove());
  return job;
}

/** The pending job of a schedule's scheduler (waiting or delayed). */
async function scheduledJob(scheduleId: string): Promise<Job> {
  const jobs = await getTrainQueue().getJobs(['waiting', 'delayed', 'prioritized']);
  const job = jobs.find(
    (j) => j.name === 'scheduled-train' && 'scheduleId' in j.data && j.data.scheduleId === scheduleId,
  );
  if (!job) throw new Error(`No pending job for schedule ${scheduleId}`);
  return job;
}

async function schedule(id: string) {
  const { status, body } = await callJson(getSchedule, { params: { id } });
  expect(status).toBe(200);
  return scheduleSchema.parse(body.schedule);
}

let dataset: Awaited<ReturnType<typeof uploadDataset>>;
const cleanup: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  dataset = await uploadDataset('shops');
});

afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

afterAll(async () => {
  await closeBatchFlows();
  await closeTrainQueue();
  await disconnectDb();
});

describe('dataset schedules', () => {
  it('fires a batch of the selected series with the schedule settings, and lists it', async () => {
    const [alpha, , gamma] = dataset.series;
    const created = await callJson(createSchedule, {
      method: 'POST',
      body: { datasetId: dataset.id, seriesIds: [gamma.id, alpha.id], every: '1d', config: TINY },
    });
    expect(created.status).toBe(201);
    const made = scheduleSchema.parse(created.body.schedule);
    expect(made).toMatchObject({
      seriesId: null,
      datasetId: dataset.id,
      seriesIds: [gamma.id, alpha.id],
      every: '1d',
      config: TINY,
      runs: [],
      batches: [],
      lastSkip: null,
      nextRunAt: expect.any(String),
    });
    cleanup.push(() => call(DELETE, { method: 'DELETE', params: { id: made.id } }));

    await processScheduledTrain(await scheduledJob(made.id));
    const fired = await schedule(made.id);
    expect(fired.batches).toEqual([{ id: expect.any(String), status: 'queued', createdAt: expect.any(String) }]);
    expect(fired.runs).toEqual([]);
    expect(fired.lastSkip).toBeNull();

    const batchId = fired.batches[0].id;
    cleanup.push(() => call(cancelBatch, { method: 'POST', params: { id: batchId } }));
    const batch = batchSchema.parse((await callJson(getBatch, { params: { id: batchId } })).body.batch);
    expect(batch).toMatchObject({ datasetId: dataset.id, scheduleId: made.id, status: 'queued', config: TINY });
    expect(batch.series.map((row) => row.name)).toEqual(['alpha', 'gamma']);
    // Its flow is on the queue as a batch started by hand would be.
    expect(await getTrainQueue().getJob(batchId)).toBeDefined();

    // A listing by dataset shows it, not the series' own schedules.
    const listed = await callJson(listSchedules, { path: `/?datasetId=${dataset.id}` });
    expect(listed.body.schedules.map((s: { id: string }) => s.id)).toEqual([made.id]);
  });

  it('retrains every series at each firing when no selection is given, appended ones too', async () => {
    const growing = await uploadDataset('growing');
    const created = await callJson(createSchedule, {
      method: 'POST',
      body: { datasetId: growing.id, cron: '0 3 * * *', config: TINY },
    });
    expect(created.status).toBe(201);
    expect(created.body.schedule).toMatchObject({ seriesIds: null, cron: '0 3 * * *' });
    const id = created.body.schedule.id;
    cleanup.push(() => call(DELETE, { method: 'DELETE', params: { id } }));
    // A series appended after the schedule was made is in its next batch.
    const appended = await callJson(appendRows, {
      method: 'POST',
      params: { id: growing.id },
      body: csvForm(wideCsv(['delta']), 'more.csv'),
    });
    expect(appended.status).toBe(200);

    await processScheduledTrain(await scheduledJob(id));
    const batchId = (await schedule(id)).batches[0].id;
    cleanup.push(() => call(cancelBatch, { method: 'POST', params: { id: batchId } }));
    const batch = (await callJson(getBatch, { params: { id: batchId } })).body.batch;
    expect(batch.series.map((row: { name: string }) => row.name)).toEqual(['alpha', 'beta', 'delta', 'gamma']);
  });

  it("skips a firing while the schedule's previous batch is still queued, and another batch is no reason", async () => {
    const created = await callJson(createSchedule, {
      method: 'POST',
      body: { datasetId: dataset.id, every: '6h', config: TINY },
    });
    const id = created.body.schedule.id;
    cleanup.push(() => call(DELETE, { method: 'DELETE', params: { id } }));
    // A batch started by hand does not block the schedule: only its own previous batch does.
    const manual = await callJson(startBatch, { method: 'POST', params: { id: dataset.id }, body: TINY });
    cleanup.push(() => call(cancelBatch, { method: 'POST', params: { id: manual.body.batch.id } }));

    await processScheduledTrain(await scheduledJob(id));
    const first = (await schedule(id)).batches[0].id;
    cleanup.push(() => call(cancelBatch, { method: 'POST', params: { id: first } }));

    // The scheduler fires again.
    await processScheduledTrain(await anotherFiring(id));
    const skipped = await schedule(id);
    expect(skipped.batches.map((b) => b.id)).toEqual([first]);
    expect(skipped.lastSkip).toEqual({
      at: expect.any(String),
      reason: `Skipped: the previous batch of this schedule was still waiting in the queue (batch ${first}).`,
    });

    // Once that batch has ended, the next firing starts a new one.
    await callJson(cancelBatch, { method: 'POST', params: { id: first } });
    await processScheduledTrain(await anotherFiring(id));
    const next = await schedule(id);
    expect(next.batches).toHaveLength(2);
    expect(next.batches[1].id).toBe(first);
    cleanup.push(() => call(cancelBatch, { method: 'POST', params: { id: next.batches[0].id } }));
  });

  it('skips a firing while the owner is at the queued-runs cap', async () => {
    const previous = process.env.HORIZON_MAX_QUEUED_RUNS;
    process.env.HORIZON_MAX_QUEUED_RUNS = '1';
    cleanup.push(async () => {
      if (previous === undefined) delete process.env.HORIZON_MAX_QUEUED_RUNS;
      else process.env.HORIZON_MAX_QUEUED_RUNS = previous;
    });
    const created = await callJson(createSchedule, { method: 'POST', body: { datasetId: dataset.id, every: '6h' } });
    const id = created.body.schedule.id;
    cleanup.push(() => call(DELETE, { method: 'DELETE', params: { id } }));
    const queued = await callJson(createRun, { method: 'POST', body: { seriesId: dataset.series[0].id, ...TINY } });
    expect(queued.status).toBe(202);

    await processScheduledTrain(await scheduledJob(id));
    const skipped = await schedule(id);
    expect(skipped.batches).toEqual([]);
    expect(skipped.lastSkip?.reason).toBe(
      'Skipped: 1 of your runs were already waiting for a worker, the most allowed per user (HORIZON_MAX_QUEUED_RUNS is 1).',
    );
    await call(cancelRun, { method: 'POST', params: { id: queued.body.run.id } });
  });

  it('validates the target: exactly one of seriesId and datasetId, a selection of its series, settings', async () => {
    const seriesId = dataset.series[0].id;
    const cases: [Record<string, unknown>, string][] = [
      [{ every: '1h' }, 'seriesId'],
      [{ seriesId, datasetId: dataset.id, every: '1h' }, 'seriesId'],
      [{ seriesId, seriesIds: [seriesId], every: '1h' }, 'seriesIds'],
      [{ datasetId: dataset.id, seriesIds: [], every: '1h' }, 'seriesIds'],
      [{ datasetId: dataset.id, seriesIds: ['bad id'], every: '1h' }, 'seriesIds.0'],
      [{ datasetId: dataset.id, every: '1m' }, 'every'],
      [{ datasetId: dataset.id, every: '1h', config: { epochs: 0 } }, 'config.epochs'],
    ];
    for (const [body, path] of cases) {
      const response = await callJson(createSchedule, { method: 'POST', body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.details.issues.map((issue: { path: string }) => issue.path)).toContain(path);
    }
    const unknown = await callJson(createSchedule, {
      method: 'POST',
      body: { datasetId: dataset.id, seriesIds: [seriesId, 'nope'], every: '1h' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('"nope" is not a series of dataset');
    // A horizon no series can train on: every firing would fail.
    const tooShort = await callJson(createSchedule, {
      method: 'POST',
      body: { datasetId: dataset.id, every: '1h', config: { horizon: 89 } },
    });
    expect(tooShort.status).toBe(422);
    expect(tooShort.body.error.code).toBe('series_too_short');
    expect((await callJson(listSchedules, { path: `/?datasetId=${dataset.id}` })).body.schedules).toEqual([]);
  });

  it('refuses an identical schedule of the same series of the dataset with a 409 naming the existing one', async () => {
    const [alpha, beta] = dataset.series;
    const body = { datasetId: dataset.id, seriesIds: [alpha.id, beta.id], every: '12h', config: { horizon: 7 } };
    const first = await callJson(createSchedule, { method: 'POST', body });
    expect(first.status).toBe(201);
    const id = first.body.schedule.id;
    cleanup.push(() => call(DELETE, { method: 'DELETE', params: { id } }));
    // The same selection in another order, the same interval written otherwise: the same batches.
    const twin = await callJson(createSchedule, {
      method: 'POST',
      body: { ...body, seriesIds: [beta.id, alpha.id], every: '720m' },
    });
    expect(twin.status).toBe(409);
    expect(twin.body.error.message).toMatch(
      new RegExp(
        `^This dataset already has a schedule every 12h with the same series and settings \\(schedule ${id}\\)`,
      ),
    );
    // Another selection, or other settings, is another schedule.
    for (const other of [
      { ...body, seriesIds: [alpha.id] },
      { ...body, config: { horizon: 5 } },
    ]) {
      const created = await callJson(createSchedule, { method: 'POST', body: other });
      expect(created.status).toBe(201);
      cleanup.push(() => call(DELETE, { method: 'DELETE', params: { id: created.body.schedule.id } }));
    }
  });

  it("is another user's to see: their dataset and its schedules are 404", async () => {
    const stranger = await signedInUser('stranger');
    const created = await callJson(createSchedule, { method: 'POST', body: { datasetId: dataset.id, every: '1d' } });
    const id = created.body.schedule.id;
    cleanup.push(() => call(DELETE, { method: 'DELETE', params: { id } }));

    const theirs = await callJson(createSchedule, {
      method: 'POST',
      body: { datasetId: dataset.id, every: '1d' },
      as: stranger,
    });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('not_found');
    expect((await call(listSchedules, { path: `/?datasetId=${dataset.id}`, as: stranger })).status).toBe(404);
    expect((await call(getSchedule, { params: { id }, as: stranger })).status).toBe(404);
    expect((await call(PATCH, { method: 'PATCH', params: { id }, body: { paused: true }, as: stranger })).status).toBe(
      404,
    );
    expect((await call(DELETE, { method: 'DELETE', params: { id }, as: stranger })).status).toBe(404);
    expect((await callJson(listSchedules, { as: stranger })).body.schedules).toEqual([]);
    // Still there for its owner.
    expect((await schedule(id)).paused).toBe(false);
  });

  it('goes with its dataset, scheduler included', async () => {
    const doomed = await uploadDataset('doomed');
    const { body } = await callJson(createSchedule, { method: 'POST', body: { datasetId: doomed.id, every: '1d' } });
    expect(await getTrainQueue().getJobScheduler(body.schedule.id)).toBeDefined();
    await call(deleteDataset, { method: 'DELETE', params: { id: doomed.id } });
    expect(await getTrainQueue().getJobScheduler(body.schedule.id)).toBeUndefined();
    expect((await call(getSchedule, { params: { id: body.schedule.id } })).status).toBe(404);
  });
});
