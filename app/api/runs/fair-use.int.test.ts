// Fair use of the shared workers, through the route handlers on real PostgreSQL and Redis: one
// user may have at most HORIZON_MAX_QUEUED_RUNS runs waiting (429 with Retry-After past that,
// nothing stored or queued), and other users are not held up by it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { disconnectDb, getPrisma } from '@/lib/db/client';
import { closeBatchFlows } from '@/lib/queue/batch-flow';
import { closeTrainQueue, getTrainQueue } from '@/lib/queue/train-queue';
import { callJson, csvForm, dailyCsv, signedInUser, type TestUser } from '@/test/api';
import { processTrain } from '@/worker/processors/train';
import { POST as upload } from '../datasets/route';
import { POST as createBatch } from '../datasets/[id]/runs/route';
import { POST as cancel } from './[id]/cancel/route';
import { GET as getRun } from './[id]/route';
import { POST as createRun } from './route';

const TINY = { horizon: 7, lookback: 14, epochs: 1 };

async function seriesOf(as: TestUser): Promise<string> {
  const { status, body } = await callJson(upload, { method: 'POST', body: csvForm(dailyCsv(90)), as });
  expect(status).toBe(201);
  return body.dataset.series[0].id;
}

let busy: TestUser;
let other: TestUser;

beforeAll(async () => {
  [busy, other] = [await signedInUser('busy'), await signedInUser('other')];
});

afterEach(() => {
  delete process.env.HORIZON_MAX_QUEUED_RUNS;
  delete process.env.HORIZON_RUN_TIME_LIMIT_MINUTES;
});

afterAll(async () => {
  await closeBatchFlows();
  await closeTrainQueue();
  await disconnectDb();
});

describe('queued runs per user', () => {
  it('answers 429 past the cap, stores nothing, and leaves other users alone', async () => {
    process.env.HORIZON_MAX_QUEUED_RUNS = '3';
    const seriesId = await seriesOf(busy);
    const runIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { status, body } = await callJson(createRun, { method: 'POST', body: { seriesId, ...TINY }, as: busy });
      expect(status).toBe(202);
      runIds.push(body.run.id);
    }
    const runsBefore = await getPrisma().run.count();
    const jobsBefore = await getTrainQueue().getJobCountByTypes('waiting', 'prioritized', 'delayed');

    const refused = await callJson(createRun, { method: 'POST', body: { seriesId, ...TINY }, as: busy });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('too_many_requests');
    expect(refused.body.error.message).toMatch(/3 runs waiting for a worker.*HORIZON_MAX_QUEUED_RUNS/);
    expect(Number(refused.body.error.details.retryAfterSeconds)).toBeGreaterThan(0);
    expect(await getPrisma().run.count()).toBe(runsBefore);
    expect(await getTrainQueue().getJobCountByTypes('waiting', 'prioritized', 'delayed')).toBe(jobsBefore);

    // Another user's runs are not counted against this one.
    const elsewhere = await callJson(createRun, {
      method: 'POST',
      body: { seriesId: await seriesOf(other), ...TINY },
      as: other,
    });
    expect(elsewhere.status).toBe(202);

    // A cancelled run frees its place.
    expect((await callJson(cancel, { method: 'POST', params: { id: runIds[0] }, as: busy })).status).toBe(200);
    expect((await callJson(createRun, { method: 'POST', body: { seriesId, ...TINY }, as: busy })).status).toBe(202);
  });
});

describe('model size bounded by the data', () => {
  it('answers 422 model_too_large for 512 units x 2 layers x batch 4096 on a 90-point series, storing nothing', async () => {
    const seriesId = await seriesOf(other);
    const runsBefore = await getPrisma().run.count();
    const refused = await callJson(createRun, {
      method: 'POST',
      body: { seriesId, ...TINY, units: 512, layers: 2, batchSize: 4096 },
      as: other,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('model_too_large');
    // 90 points, lookback 14, horizon 7 held out: 63 training windows.
    expect(refused.body.error.message).toMatch(
      /batchSize: 4096 is more than the 63 training windows per epoch; use at most 63/,
    );
    expect(refused.body.error.message).toMatch(/units x layers: 512 x 2 = 1024 is more than the 64/);
    expect(refused.body.error.details.trainingWindows).toBe(63);
    expect(refused.body.error.details.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'batchSize',
      'units x layers',
    ]);
    expect(await getPrisma().run.count()).toBe(runsBefore);

    // Within the bounds, the same series trains.
    const accepted = await callJson(createRun, {
      method: 'POST',
      body: { seriesId, ...TINY, units: 32, layers: 2, batchSize: 63 },
      as: other,
    });
    expect(accepted.status).toBe(202);
  });
});

describe('batches under the queued-runs cap', () => {
  it('counts each queued run of a batch, and refuses a batch with 429 while the user is at the cap', async () => {
    process.env.HORIZON_MAX_QUEUED_RUNS = '3';
    const batcher = await signedInUser('batcher');
    const rows = ['date,a,b,c,d'];
    for (let day = 0; day < 90; day++) {
      const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
      rows.push(
        [date, 1, 2, 3, 4]
          .map((k, i) => (i === 0 ? k : (100 * Number(k) + day + 5 * Math.sin(day)).toFixed(2)))
          .join(','),
      );
    }
    const uploaded = await callJson(upload, {
      method: 'POST',
      body: csvForm(rows.join('\n') + '\n', 'four.csv'),
      as: batcher,
    });
    expect(uploaded.status).toBe(201);
    const datasetId: string = uploaded.body.dataset.id;
    const seriesId: string = uploaded.body.dataset.series[0].id;

    // Below the cap, a batch is accepted whatever its size (4 series here, cap 3) ...
    const first = await callJson(createBatch, { method: 'POST', params: { id: datasetId }, body: TINY, as: batcher });
    expect(first.status).toBe(202);
    // ... and its four queued runs count: no single run, and no other batch, until some start.
    const single = await callJson(createRun, { method: 'POST', body: { seriesId, ...TINY }, as: batcher });
    expect(single.status).toBe(429);
    expect(single.body.error.message).toMatch(/4 runs waiting for a worker/);
    const batchesBefore = await getPrisma().batch.count();
    const runsBefore = await getPrisma().run.count();
    const second = await callJson(createBatch, { method: 'POST', params: { id: datasetId }, body: TINY, as: batcher });
    expect(second.status).toBe(429);
    expect(second.body.error.code).toBe('too_many_requests');
    expect(second.body.error.message).toMatch(/HORIZON_MAX_QUEUED_RUNS is 3/);
    expect(await getPrisma().batch.count()).toBe(batchesBefore);
    expect(await getPrisma().run.count()).toBe(runsBefore);

    // Another user's batch is not held up by it.
    const elsewhere = await callJson(upload, { method: 'POST', body: csvForm(dailyCsv(90)), as: other });
    const theirs = await callJson(createBatch, {
      method: 'POST',
      params: { id: elsewhere.body.dataset.id },
      body: TINY,
      as: other,
    });
    expect(theirs.status).toBe(202);
  });
});

describe('the run time limit', () => {
  it('fails a run that trains past it, with that reason, and frees the worker (the job ends)', async () => {
    // 2 seconds: far less than 300 epochs take.
    process.env.HORIZON_RUN_TIME_LIMIT_MINUTES = String(2 / 60);
    const seriesId = await seriesOf(other);
    const created = await callJson(createRun, {
      method: 'POST',
      body: { seriesId, ...TINY, units: 4, epochs: 300, patience: 100, validationSplit: 0 },
      as: other,
    });
    expect(created.status).toBe(202);
    const runId: string = created.body.run.id;
    const job = (await getTrainQueue().getJob(runId))!;
    const started = performance.now();
    await expect(processTrain(job)).rejects.toThrow(/run time limit/);
    // Stopped after an epoch, not after 300 of them.
    expect(performance.now() - started).toBeLessThan(60_000);
    const { body } = await callJson(getRun, { params: { id: runId }, as: other });
    expect(body.run.status).toBe('failed');
    expect(body.run.error).toMatch(/longer than the run time limit of 2 seconds.*HORIZON_RUN_TIME_LIMIT_MINUTES/);
    expect(body.run.metrics).toBeNull();
  });
});
