// The batch routes in-process: validation, the flow a batch queues (a parent waiting for its global
// LSTM, then for one child per chunk), the processors run here on the real queue and database, and
// what the routes then serve. Worker processes, cancellation and faults: test/faults/batch.int.test.ts.
import { randomUUID } from 'node:crypto';
import { UnrecoverableError, WaitingChildrenError, Worker, type Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectDb, getPrisma } from '@/lib/db/client';
import { chunkJobId, closeBatchFlows, globalJobId } from '@/lib/queue/batch-flow';
import { createRedisConnection } from '@/lib/queue/connection';
import { TRAIN_QUEUE } from '@/lib/queue/names';
import { closeTrainQueue, getTrainQueue } from '@/lib/queue/train-queue';
import { call, callJson, csvForm, signedInUser } from '@/test/api';
import { processBatch, processBatchChunk } from '@/worker/processors/batch';
import { processBatchGlobal } from '@/worker/processors/batch-global';
import { POST as upload } from '../datasets/route';
import { POST as createBatch } from '../datasets/[id]/runs/route';
import { GET as listRuns } from '../runs/route';
import { GET as runPredictions } from '../runs/[id]/predictions/route';
import { POST as cancel } from './[id]/cancel/route';
import { GET as predictions } from './[id]/predictions/route';
import { GET as sparklines } from './[id]/sparklines/route';
import { GET as getBatch } from './[id]/route';

const TINY = { horizon: 7, lookback: 14, epochs: 2, units: 4, seed: 3 };

/** A wide file: three daily columns of 90 days. */
function wideCsv(): string {
  const rows = ['date,alpha,beta,gamma'];
  for (let day = 0; day < 90; day++) {
    const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
    const v = (k: number) =>
      (100 + 10 * k + day * 0.1 * k + (5 + k) * Math.sin((2 * Math.PI * (day + k)) / 7)).toFixed(2);
    rows.push(`${date},${v(0)},${v(1)},${v(2)}`);
  }
  return rows.join('\n') + '\n';
}

let datasetId: string;
let series: { id: string; name: string }[];

const PROCESSORS: Record<string, (job: Job, token?: string) => Promise<void>> = {
  batch: processBatch,
  'batch-global': processBatchGlobal,
  'batch-chunk': processBatchChunk,
};

// Takes jobs as a worker does, one at a time (BullMQ's manual processing: getNextJob with a lock
// token), so the step job can move itself to waiting-children.
let manual: Worker | undefined;

function manualWorker(): Worker {
  manual ??= new Worker(TRAIN_QUEUE, null, {
    connection: createRedisConnection('worker'),
    // A manually taken job's lock is not renewed: long enough for a run on a loaded machine.
    lockDuration: 600_000,
  });
  return manual;
}

/** Processes the next job of the queue, which must be a `name` job, as the worker process would. */
async function processNext(name: string): Promise<Job> {
  const token = randomUUID();
  const next = await manualWorker().getNextJob(token);
  if (!next) throw new Error(`No job to process; expected a ${name} job.`);
  expect(next.name).toBe(name);
  try {
    await PROCESSORS[next.name](next, token);
    await next.moveToCompleted(undefined, token, false);
  } catch (error) {
    if (!(error instanceof WaitingChildrenError)) throw error;
  }
  return next;
}

beforeAll(async () => {
  // processNext takes whatever job is next: start from an empty queue, not one holding what earlier
  // test files left (a dataset schedule's batches, retried runs). Files run one at a time.
  await getTrainQueue().obliterate({ force: true });
  const { status, body } = await callJson(upload, { method: 'POST', body: csvForm(wideCsv(), 'shops.csv') });
  expect(status).toBe(201);
  datasetId = body.dataset.id;
  series = body.dataset.series;
});

afterAll(async () => {
  await manual?.close();
  await closeBatchFlows();
  await closeTrainQueue();
  await disconnectDb();
});

describe('POST /api/datasets/:id/runs', () => {
  it('says what to fix: unknown series, a misspelt or out-of-range setting, an empty selection', async () => {
    const unknown = await callJson(createBatch, {
      method: 'POST',
      params: { id: datasetId },
      body: { seriesIds: [series[0].id, 'nope'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/"nope" is not a series of dataset/);
    const typo = await callJson(createBatch, { method: 'POST', params: { id: datasetId }, body: { horizn: 7 } });
    expect(typo.status).toBe(400);
    const range = await callJson(createBatch, { method: 'POST', params: { id: datasetId }, body: { horizon: 0 } });
    expect(range.status).toBe(400);
    expect(range.body.error.message).toMatch(/horizon/);
    const empty = await callJson(createBatch, { method: 'POST', params: { id: datasetId }, body: { seriesIds: [] } });
    expect(empty.status).toBe(400);
    const missing = await callJson(createBatch, { method: 'POST', params: { id: 'no-such-dataset' }, body: {} });
    expect(missing.status).toBe(404);
  });

  it('queues a flow, trains through the chunk processors and serves the batch, its runs and one long table', async () => {
    const created = await callJson(createBatch, {
      method: 'POST',
      params: { id: datasetId },
      body: { ...TINY, seriesIds: [series[2].id, series[0].id] },
    });
    expect(created.status).toBe(202);
    expect(created.body).toEqual({ batch: { id: expect.any(String), status: 'queued' } });
    const batchId: string = created.body.batch.id;

    // The flow: the parent waits for its global LSTM; no chunk exists yet.
    expect(await getTrainQueue().getJobState(batchId)).toBe('waiting-children');
    expect(await getTrainQueue().getJobState(globalJobId(batchId))).toBe('waiting');
    expect(await getTrainQueue().getJob(chunkJobId(batchId, 0))).toBeUndefined();
    const queued = await callJson(getBatch, { params: { id: batchId } });
    expect(queued.body.batch).toMatchObject({
      id: batchId,
      status: 'queued',
      progress: 0,
      perSeriesLstm: true,
      globalLstm: { status: 'queued', progress: 0, series: null },
    });
    expect(queued.body.batch.series.map((row: { name: string; status: string }) => [row.name, row.status])).toEqual([
      ['alpha', 'queued'],
      ['gamma', 'queued'],
    ]);
    // Sparklines before training: each series' newest values (four horizons: days 62..89, oldest
    // first), no forecast yet.
    const before = (await callJson(sparklines, { params: { id: batchId } })).body.sparklines;
    expect(before.map((line: { seriesId: string }) => line.seriesId)).toEqual([series[0].id, series[2].id]);
    for (const line of before) expect(line).toMatchObject({ model: null, forecast: [] });
    expect(before.map((line: { history: number[] }) => line.history.length)).toEqual([28, 28]);
    expect(before[0].history[0]).toBeCloseTo(100 + 5 * Math.sin((2 * Math.PI * 62) / 7), 2);
    expect(before[1].history.at(-1)).toBeCloseTo(120 + 89 * 0.2 + 7 * Math.sin((2 * Math.PI * 91) / 7), 2);

    // The global LSTM first, across both series.
    await processNext('batch-global');
    const global = await getPrisma().batchGlobalForecast.findMany({ where: { batchId } });
    expect(global).toHaveLength(2);
    const afterGlobal = (await callJson(getBatch, { params: { id: batchId } })).body.batch;
    expect(afterGlobal.globalLstm).toMatchObject({ status: 'succeeded', progress: 1, series: 2 });
    // Its job counts as one chunk of the three jobs' work: a third done.
    expect(afterGlobal.progress).toBeCloseTo(1 / 3, 10);

    // Then the parent's fan-out step adds the two chunks (one series each) and waits for them.
    await processNext('batch');
    expect(await getTrainQueue().getJobState(batchId)).toBe('waiting-children');
    for (const index of [0, 1]) {
      const chunk = await processNext('batch-chunk');
      expect(chunk.id).toBe(chunkJobId(batchId, index));
      expect(chunk.data.runIds).toHaveLength(1);
    }
    const running = await callJson(getBatch, { params: { id: batchId } });
    expect(running.body.batch.status).toBe('running');
    expect(running.body.batch.progress).toBe(1);

    await processNext('batch');
    const { status, body } = await callJson(getBatch, { params: { id: batchId } });
    expect(status).toBe(200);
    const batch = body.batch;
    expect(batch.status).toBe('succeeded');
    expect(batch.finishedAt).not.toBeNull();
    expect(batch.summary).toMatchObject({ series: 2, succeeded: 2, failed: 0 });
    for (const row of batch.series) {
      expect(row).toMatchObject({
        status: 'succeeded',
        champion: expect.any(String),
        mase: expect.any(Number),
        error: null,
      });
    }

    // Every run scored the one global LSTM beside its own models.
    const stored = await getPrisma().run.findMany({
      where: { batchId },
      select: { id: true, metrics: true, evaluation: true },
    });
    // Each row scores its champion on the windows it was not chosen on, against seasonal naive there.
    for (const row of batch.series) {
      const { champion } = stored.find((run) => run.id === row.runId)!.evaluation as {
        champion: { testMase: number; nested: { reference: { mase: number } } };
      };
      expect(row.nested).toBe(true);
      expect(row.mase).toBe(champion.testMase);
      const reference = champion.nested.reference.mase;
      if (reference > 0) expect(row.skill).toBeCloseTo(1 - champion.testMase / reference, 12);
      else expect(row.skill).toBeNull();
    }
    for (const run of stored) {
      expect((run.metrics as Record<string, { mase: number }>).lstmGlobal.mase).toEqual(expect.any(Number));
      expect((run.metrics as Record<string, unknown>).lstm).toBeDefined();
      expect((run.evaluation as { globalLstm?: unknown }).globalLstm).toMatchObject({ trained: true, series: 2 });
    }

    // Sparklines once trained: the champion's forecast of the horizon after the history.
    const after = (await callJson(sparklines, { params: { id: batchId } })).body.sparklines;
    for (const [i, line] of after.entries()) {
      expect(line.model).toBe(batch.series[i].champion);
      expect(line.forecast).toHaveLength(7);
      expect(line.forecast.every(Number.isFinite)).toBe(true);
      expect(line.history).toEqual(before[i].history);
    }

    // Each series' run is an ordinary run with the batch's id.
    const runs = await callJson(listRuns, { path: `/api/runs?seriesId=${series[0].id}` });
    expect(runs.body.runs[0]).toMatchObject({ batchId, status: 'succeeded' });

    const csv = await (await call(predictions, { path: '/?format=csv', params: { id: batchId } })).text();
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe(
      'series,timestamp,forecast,actual,lo80,hi80,lo95,hi95,segment,model,modelName,seriesId,runId,p10,p50,p90',
    );
    expect(lines).toHaveLength(1 + 2 * 14);

    // A single run's predictions as Parquet too.
    const parquet = await call(runPredictions, { path: '/?format=parquet', params: { id: batch.series[0].runId } });
    expect(parquet.status).toBe(200);
    expect(parquet.headers.get('content-disposition')).toMatch(/\.parquet"$/);
    expect(new TextDecoder().decode(new Uint8Array(await parquet.arrayBuffer()).slice(0, 4))).toBe('PAR1');

    // Finished: cancelling is a conflict.
    expect((await callJson(cancel, { method: 'POST', params: { id: batchId } })).status).toBe(409);
  });

  it('when the global LSTM fails for good, the series still complete without it and say why', async () => {
    const created = await callJson(createBatch, {
      method: 'POST',
      params: { id: datasetId },
      body: { ...TINY, seriesIds: [series[1].id], perSeriesLstm: false },
    });
    expect(created.status).toBe(202);
    const batchId: string = created.body.batch.id;

    // The global job fails without a retry (as on its last attempt).
    const token = randomUUID();
    const global = (await manualWorker().getNextJob(token))!;
    expect(global.id).toBe(globalJobId(batchId));
    await global.moveToFailed(new UnrecoverableError('Out of memory.'), token, false);

    await processNext('batch');
    const afterFanOut = (await callJson(getBatch, { params: { id: batchId } })).body.batch;
    expect(afterFanOut.perSeriesLstm).toBe(false);
    expect(afterFanOut.globalLstm).toMatchObject({ status: 'failed', error: 'Out of memory.' });
    await processNext('batch-chunk');
    await processNext('batch');

    const batch = (await callJson(getBatch, { params: { id: batchId } })).body.batch;
    expect(batch.status).toBe('succeeded');
    expect(batch.series[0].status).toBe('succeeded');
    const run = await getPrisma().run.findUniqueOrThrow({
      where: { id: batch.series[0].runId },
      select: { metrics: true, evaluation: true },
    });
    const models = Object.keys(run.metrics as object);
    expect(models).not.toContain('lstmGlobal');
    expect(models).not.toContain('lstm');
    expect(models).toContain('ets');
    expect((run.evaluation as { globalLstm?: unknown }).globalLstm).toMatchObject({
      trained: false,
      note: expect.stringMatching(/global LSTM failed.*Out of memory\./),
    });
    expect(await getPrisma().batchGlobalForecast.count({ where: { batchId } })).toBe(0);
  });

  it('trains its global LSTM with the batch covariates and holidays, and again without them: each run says what they did', async () => {
    const created = await callJson(createBatch, {
      method: 'POST',
      params: { id: datasetId },
      body: {
        ...TINY,
        seriesIds: [series[0].id, series[1].id],
        perSeriesLstm: false,
        covariates: [{ seriesId: series[2].id, knownFuture: false }],
        holidays: 'US',
      },
    });
    expect(created.status).toBe(202);
    const batchId: string = created.body.batch.id;

    await processNext('batch-global');
    const afterGlobal = (await callJson(getBatch, { params: { id: batchId } })).body.batch;
    expect(afterGlobal.globalLstm).toMatchObject({
      status: 'succeeded',
      series: 2,
      inputs: ['gamma', 'the US holiday calendar'],
    });
    expect(afterGlobal.globalLstm.fits % 2).toBe(0);
    const stored = await getPrisma().batchGlobalForecast.findMany({ where: { batchId } });
    expect(stored).toHaveLength(2);
    for (const row of stored) {
      const forecasts = row.forecasts as { future: number[]; withoutCovariates?: { future: number[] } };
      expect(forecasts.withoutCovariates!.future).toHaveLength(TINY.horizon);
      expect(forecasts.withoutCovariates!.future).not.toEqual(forecasts.future);
    }

    await processNext('batch');
    for (let chunk = 0; chunk < 2; chunk++) await processNext('batch-chunk');
    await processNext('batch');
    const batch = (await callJson(getBatch, { params: { id: batchId } })).body.batch;
    expect(batch.status).toBe('succeeded');
    const runs = await getPrisma().run.findMany({ where: { batchId }, select: { metrics: true, evaluation: true } });
    for (const run of runs) {
      expect(Object.keys(run.metrics as object)).toContain('lstmGlobal');
      expect((run.evaluation as { covariateEffect?: unknown }).covariateEffect).toMatchObject({
        model: 'lstmGlobal',
        covariates: ['gamma'],
        holidays: 'US',
      });
    }
  });

  it("is 404 for another user's dataset and batch", async () => {
    const other = await signedInUser('other');
    expect(
      (await callJson(createBatch, { method: 'POST', params: { id: datasetId }, body: {}, as: other })).status,
    ).toBe(404);
    const mine = await callJson(createBatch, {
      method: 'POST',
      params: { id: datasetId },
      body: { ...TINY, seriesIds: [series[1].id] },
    });
    const batchId = mine.body.batch.id;
    expect((await callJson(getBatch, { params: { id: batchId }, as: other })).status).toBe(404);
    expect((await callJson(predictions, { params: { id: batchId }, as: other })).status).toBe(404);
    expect((await callJson(sparklines, { params: { id: batchId }, as: other })).status).toBe(404);
    expect((await callJson(cancel, { method: 'POST', params: { id: batchId }, as: other })).status).toBe(404);
    // Its owner can cancel it while queued: the batch and its run are cancelled.
    const cancelled = await callJson(cancel, { method: 'POST', params: { id: batchId } });
    expect(cancelled.body).toEqual({ batch: { id: batchId, status: 'cancelled' } });
    expect((await callJson(getBatch, { params: { id: batchId } })).body.batch.series[0].status).toBe('cancelled');
  });
});
