import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectDb, getPrisma } from '@/lib/db/client';
import { markRunRunning } from '@/lib/db/runs';
import { closeTrainQueue, getTrainQueue } from '@/lib/queue/train-queue';
import { call, callJson, csvForm, dailyCsv } from '@/test/api';
import { processTrain } from '@/worker/processors/train';
import { POST as upload } from '../datasets/route';
import { POST as cancel } from './[id]/cancel/route';
import { GET as getForecast } from './[id]/forecast/route';
import { GET as getPredictions } from './[id]/predictions/route';
import { DELETE as deleteRun, GET as getRun } from './[id]/route';
import { GET as listRuns, POST as createRun } from './route';

// Tiny models: the point is the plumbing, not the forecast.
const TINY = { horizon: 7, lookback: 14, epochs: 2, units: 4 };

let seriesId: string;
let seriesName: string;

async function trainJob(runId: string): Promise<Job> {
  const job = await getTrainQueue().getJob(runId);
  if (!job) throw new Error(`No job for run ${runId}`);
  return job;
}

async function startRun(body: Record<string, unknown>): Promise<string> {
  const { status, body: created } = await callJson(createRun, { method: 'POST', body: { seriesId, ...body } });
  expect(status).toBe(202);
  return created.run.id;
}

beforeAll(async () => {
  const { body } = await callJson(upload, { method: 'POST', body: csvForm(dailyCsv(120, 'sales'), 'shop.csv') });
  seriesId = body.dataset.series[0].id;
  seriesName = body.dataset.series[0].name;
});

afterAll(async () => {
  await closeTrainQueue();
  await disconnectDb();
});

describe('a run from request to predictions', () => {
  it('queues a run, trains it in the worker processor and serves its results', async () => {
    const created = await callJson(createRun, { method: 'POST', body: { seriesId, ...TINY } });
    expect(created.status).toBe(202);
    expect(created.body).toEqual({ run: { id: expect.any(String), status: 'queued' } });
    const runId = created.body.run.id;

    const job = await trainJob(runId);
    expect(job.name).toBe('train');
    expect(job.data).toEqual({ runId });
    expect(job.opts.attempts).toBe(3);

    const queued = await callJson(getRun, { params: { id: runId } });
    expect(queued.body.run).toMatchObject({ id: runId, seriesId, status: 'queued', progress: 0, metrics: null });
    expect(queued.body.run.config).toMatchObject(TINY);

    await processTrain(job);

    const { body } = await callJson(getRun, { params: { id: runId } });
    const run = body.run;
    expect(run).toMatchObject({ status: 'succeeded', progress: 1, error: null, scheduleId: null });
    expect(['tensorflow', 'wasm', 'cpu']).toContain(run.backend);
    for (const model of ['lstm', 'seasonalNaive']) {
      expect(run.metrics[model]).toEqual({ mae: expect.any(Number), rmse: expect.any(Number), mase: expect.any(Number) });
    }
    expect(run.history.length).toBeGreaterThan(0);
    expect(run.history[0]).toMatchObject({ epoch: 1, loss: expect.any(Number) });
    expect(run.summary).toMatchObject({ points: 120, testEnd: '2024-04-29T00:00:00.000Z' });
    expect(run.durationMs).toBeGreaterThan(0);
    expect(Date.parse(run.startedAt)).toBeLessThanOrEqual(Date.parse(run.finishedAt));

    // JSON predictions: the test window with actuals, then the future without.
    const json = await callJson(getPredictions, { params: { id: runId } });
    expect(json.body.runId).toBe(runId);
    expect(json.body.seriesId).toBe(seriesId);
    const rows = json.body.predictions;
    expect(rows.filter((row: { segment: string }) => row.segment === 'test')).toHaveLength(7);
    expect(rows.filter((row: { segment: string }) => row.segment === 'future')).toHaveLength(7);
    expect(rows[0]).toEqual({ timestamp: '2024-04-23T00:00:00.000Z', forecast: expect.any(Number), actual: expect.any(Number), segment: 'test' });
    expect(rows[7]).toEqual({ timestamp: '2024-04-30T00:00:00.000Z', forecast: expect.any(Number), actual: null, segment: 'future' });

    // CSV download of the same rows.
    const csvResponse = await call(getPredictions, { path: '/?format=csv', params: { id: runId } });
    expect(csvResponse.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csvResponse.headers.get('content-disposition')).toBe(
      `attachment; filename="${seriesName}-${runId}-predictions.csv"`,
    );
    const lines = (await csvResponse.text()).trim().split('\n');
    expect(lines[0]).toBe('timestamp,forecast,actual');
    const cells = lines.slice(1).map((line) => line.split(','));
    expect(cells).toHaveLength(14);
    expect(cells.filter(([, , actual]) => actual === '')).toHaveLength(7);
    expect(cells.filter(([, , actual]) => actual !== '' && Number.isFinite(Number(actual)))).toHaveLength(7);
    expect(cells.map(([timestamp]) => timestamp)).toEqual(rows.map((row: { timestamp: string }) => row.timestamp));

    // Chart data: both models side by side.
    const forecast = await callJson(getForecast, { params: { id: runId } });
    expect(forecast.body.forecast.test).toHaveLength(7);
    expect(forecast.body.forecast.future).toHaveLength(7);
    expect(forecast.body.forecast.test[0]).toEqual({
      t: '2024-04-23T00:00:00.000Z',
      actual: rows[0].actual,
      lstm: rows[0].forecast,
      seasonalNaive: expect.any(Number),
    });

    // A finished run cannot be cancelled.
    const late = await callJson(cancel, { method: 'POST', params: { id: runId } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('conflict');

    const listed = await callJson(listRuns, { path: `/?seriesId=${seriesId}` });
    expect(listed.body.runs.map((r: { id: string }) => r.id)).toContain(runId);
    expect(listed.body.runs.every((r: { seriesId: string }) => r.seriesId === seriesId)).toBe(true);
  });

  it('uses the series defaults for fields not given', async () => {
    const runId = await startRun({ epochs: 1 });
    const { body } = await callJson(getRun, { params: { id: runId } });
    expect(body.run.config).toMatchObject({ epochs: 1, units: 32, horizon: expect.any(Number), lookback: expect.any(Number) });
    await callJson(cancel, { method: 'POST', params: { id: runId } });
  });
});

describe('cancelling', () => {
  it('removes a queued run from the queue and marks it cancelled', async () => {
    const runId = await startRun(TINY);
    const job = await trainJob(runId);

    const { status, body } = await callJson(cancel, { method: 'POST', params: { id: runId } });
    expect(status).toBe(200);
    expect(body.run).toMatchObject({ id: runId, status: 'cancelled', finishedAt: expect.any(String) });
    expect(await getTrainQueue().getJob(runId)).toBeUndefined();

    // A job that was picked up anyway does nothing.
    await processTrain(job);
    expect((await callJson(getRun, { params: { id: runId } })).body.run.status).toBe('cancelled');

    const again = await callJson(cancel, { method: 'POST', params: { id: runId } });
    expect(again.status).toBe(409);
  });

  it('stops a running run after the epoch in progress', async () => {
    const runId = await startRun({ ...TINY, epochs: 300, patience: 100, validationSplit: 0 });
    const job = await trainJob(runId);
    const training = processTrain(job);

    // Cancel once training has reported progress.
    for (;;) {
      const { body } = await callJson(getRun, { params: { id: runId } });
      if (body.run.status === 'running' && body.run.progress > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const cancelled = await callJson(cancel, { method: 'POST', params: { id: runId } });
    expect(cancelled.body.run.status).toBe('cancelled');
    await training;

    const { body } = await callJson(getRun, { params: { id: runId } });
    expect(body.run.status).toBe('cancelled');
    expect(body.run.metrics).toBeNull();
    expect((await callJson(getPredictions, { params: { id: runId } })).body.predictions).toEqual([]);
  });

  it('marks a running run cancelled even before the worker sees it', async () => {
    const runId = await startRun(TINY);
    expect(await markRunRunning(runId, 1)).toBe(true);
    const { body } = await callJson(cancel, { method: 'POST', params: { id: runId } });
    expect(body.run.status).toBe('cancelled');
  });
});

describe('failures', () => {
  it('fails a run whose series became too short without retrying', async () => {
    // Stored config asks for more points than the series has (as if points were removed).
    const runId = await startRun(TINY);
    await getPrisma().run.update({ where: { id: runId }, data: { config: { ...TINY, lookback: 200 } } });

    await expect(processTrain(await trainJob(runId))).rejects.toThrow(/needs at least/);
    const { body } = await callJson(getRun, { params: { id: runId } });
    expect(body.run.status).toBe('failed');
    expect(body.run.error).toMatch(/This series has 120 points/);
  });
});

describe('validation and missing runs', () => {
  it('answers 422 series_too_short with the minimum length', async () => {
    const { status, body } = await callJson(createRun, { method: 'POST', body: { seriesId, lookback: 100, horizon: 30 } });
    expect(status).toBe(422);
    expect(body.error.code).toBe('series_too_short');
    expect(body.error.message).toMatch(/needs at least 169/);
  });

  it('answers 400 for invalid or unknown fields and a bad body', async () => {
    const bad = await callJson(createRun, { method: 'POST', body: { seriesId, epochs: 0, horizonn: 3 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_error');
    const paths = bad.body.error.details.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toContain('epochs');
    expect(bad.body.error.message).toMatch(/Unrecognized key: "horizonn"/);

    const noSeries = await callJson(createRun, { method: 'POST', body: {} });
    expect(noSeries.status).toBe(400);
    expect(noSeries.body.error.details.issues[0].path).toBe('seriesId');

    const notJson = await callJson(createRun, { method: 'POST', body: '{oops' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toMatch(/not valid JSON/);

    const badFormat = await callJson(getPredictions, { path: '/?format=xml', params: { id: 'x' } });
    expect(badFormat.status).toBe(400);
  });

  it('answers 404 for unknown runs and series', async () => {
    const unknownSeries = await callJson(createRun, { method: 'POST', body: { seriesId: 'nope' } });
    expect(unknownSeries.status).toBe(404);
    expect((await callJson(listRuns, { path: '/?seriesId=nope' })).status).toBe(404);

    for (const [handler, method] of [[getRun, 'GET'], [deleteRun, 'DELETE'], [cancel, 'POST'], [getPredictions, 'GET'], [getForecast, 'GET']] as const) {
      const { status, body } = await callJson(handler, { method, params: { id: 'nope' } });
      expect(status).toBe(404);
      expect(body.error.code).toBe('not_found');
    }
  });

  it('deletes a run and its queued job', async () => {
    const runId = await startRun(TINY);
    expect((await call(deleteRun, { method: 'DELETE', params: { id: runId } })).status).toBe(204);
    expect(await getTrainQueue().getJob(runId)).toBeUndefined();
    expect((await call(getRun, { params: { id: runId } })).status).toBe(404);
  });
});
