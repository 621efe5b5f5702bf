import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectDb, getPrisma } from '@/lib/db/client';
import { markRunRunningAsSystem } from '@/lib/db/runs';
import { POOL_MARGIN } from '@/lib/forecast/champion';
import { predictionModelName } from '@/lib/forecast/compared-models';
import { runSchema } from '@/lib/api/schemas/responses';
import { closeTrainQueue, getTrainQueue } from '@/lib/queue/train-queue';
import { call, callJson, csvForm, dailyCsv, signedInUser } from '@/test/api';
import { processTrain } from '@/worker/processors/train';
import { POST as upload } from '../datasets/route';
import { POST as cancel } from './[id]/cancel/route';
import { GET as getForecast } from './[id]/forecast/route';
import { GET as getPredictions } from './[id]/predictions/route';
import { DELETE as deleteRun, GET as getRun, PATCH as patchRun } from './[id]/route';
import { GET as listRuns, POST as createRun } from './route';

// Tiny models: the point is the plumbing, not the forecast.
const TINY = { horizon: 7, lookback: 14, epochs: 2, units: 4 };
const MODELS = ['lstm', 'lstmHybrid', 'mstl', 'ets', 'autoArima', 'theta', 'naive', 'seasonalNaive', 'drift'];

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
    expect(queued.body.run).toMatchObject({
      id: runId,
      seriesId,
      status: 'queued',
      progress: 0,
      progressDetail: null,
      metrics: null,
      evaluation: null,
    });
    expect(queued.body.run.config).toMatchObject(TINY);

    await processTrain(job);

    const { body } = await callJson(getRun, { params: { id: runId } });
    const run = body.run;
    expect(run).toMatchObject({ status: 'succeeded', progress: 1, error: null, scheduleId: null });
    expect(['tensorflow', 'wasm', 'cpu']).toContain(run.backend);
    expect(Object.keys(run.metrics).sort()).toEqual([...MODELS].sort());
    for (const model of MODELS) {
      expect(run.metrics[model]).toEqual({
        mae: expect.any(Number),
        rmse: expect.any(Number),
        mape: expect.any(Number),
        mapeExcluded: 0,
        smape: expect.any(Number),
        mase: expect.any(Number),
        wape: expect.any(Number),
      });
    }
    expect(run.progressDetail).toBeNull();

    // The engine's evaluation: 120 points leave room for the default five backtest windows (and an
    // earlier one the champion is only chosen on).
    const { evaluation } = run;
    expect(evaluation.season).toEqual({ length: 7, source: 'frequency' });
    expect(evaluation.backtest.requestedWindows).toBe(5);
    expect(evaluation.backtest.windows).toHaveLength(5);
    expect(evaluation.champion.nested.selectionWindows).toBe(1);
    expect(evaluation.champion.nested.windows.map((w: { start: string }) => w.start)).toEqual(
      evaluation.backtest.windows.map((w: { start: string }) => w.start),
    );
    expect(evaluation.champion.testMase).toEqual(expect.any(Number));
    // Beside it, one model picked the same way per window, without averaging.
    expect(evaluation.champion.nested.singlePick).toEqual({
      mase: expect.any(Number),
      models: evaluation.champion.nested.windows.map(() => expect.any(String)),
    });
    // And seasonal naive on the same windows: with the earlier window only chosen on, every
    // leaderboard window is scored, so it is the leaderboard's seasonal naive.
    expect(evaluation.champion.nested.reference.model).toBe('seasonalNaive');
    expect(evaluation.champion.nested.reference.mase).toBeCloseTo(run.metrics.seasonalNaive.mase, 10);
    expect(evaluation.champion.coverage['80'].byStep).toHaveLength(7);
    expect(evaluation.backtest.note).toBeNull();
    expect(evaluation.backtest.windows.at(-1)).toMatchObject({
      start: '2024-04-23T00:00:00.000Z',
      end: '2024-04-29T00:00:00.000Z',
      points: 7,
    });
    for (const model of MODELS) {
      expect(evaluation.backtest.windows[0].metrics[model].mae).toEqual(expect.any(Number));
      expect(evaluation.backtest.byStep[model]).toHaveLength(7);
      expect(evaluation.coverage[model]['80']).toEqual({
        share: expect.toBeOneOf([null, expect.any(Number)]),
        points: expect.any(Number),
        byStep: expect.any(Array),
      });
      expect(Object.keys(evaluation.intervalScores[model]).sort()).toEqual(['msis', 'wql']);
    }
    expect(evaluation.skill).toBeCloseTo(1 - run.metrics.lstm.mase / run.metrics.seasonalNaive.mase, 10);
    // The champion: named with its reason, the models within 20% of the best; fit times for all.
    const { champion } = evaluation;
    expect([...MODELS, 'ensemble']).toContain(champion.model);
    expect(champion.reason).toMatch(/lowest MASE/);
    const bestSingle = Math.min(...MODELS.map((m) => run.metrics[m].mase));
    expect([...champion.members].sort()).toEqual(
      MODELS.filter((m) => run.metrics[m].mase <= bestSingle * (1 + POOL_MARGIN)).sort(),
    );
    expect(['lstm', 'lstmHybrid']).toContain(champion.lstmFamily.model);
    expect(Object.keys(evaluation.fitMs).sort()).toEqual([...MODELS].sort());
    expect(MODELS).toContain(evaluation.verdict.bestModel);
    expect(evaluation.verdict.summary).toMatch(/MASE/);
    expect(evaluation.verdict.beatsSeasonalNaive).toBe(run.metrics.lstm.mase < run.metrics.seasonalNaive.mase);
    // How the LSTM's inputs were prepared: the transform chosen on validation (and why), calendar features.
    expect(evaluation.lstmPreprocessing).toMatchObject({
      transform: expect.toBeOneOf(['none', 'log', 'difference', 'seasonalDifference']),
      transformReason: expect.stringMatching(/^(none|log|difference|seasonalDifference): /),
      calendarFeatures: ['dayOfWeek', 'monthOfYear'],
      // The hyperparameter search (on by default) may pick the second layer.
      layers: evaluation.search?.chosen?.layers ?? 1,
    });
    // The search (on by default) chooses the transform with the other settings, trying it per trial;
    // without one, the transform contest tries each on the first window's validation split.
    expect(evaluation.lstmPreprocessing.transformTrials.map((t: { transform: string }) => t.transform)).toEqual(
      evaluation.search ? [] : ['none', 'log', 'difference', 'seasonalDifference'],
    );
    if (evaluation.search) expect(evaluation.search.trials.length).toBeGreaterThan(0);
    expect(run.history.length).toBeGreaterThan(0);
    expect(run.history[0]).toMatchObject({ epoch: 1, loss: expect.any(Number) });
    expect(run.summary).toMatchObject({ points: 120, testEnd: '2024-04-29T00:00:00.000Z' });
    expect(run.durationMs).toBeGreaterThan(0);
    expect(Date.parse(run.startedAt)).toBeLessThanOrEqual(Date.parse(run.finishedAt));

    // JSON predictions (the champion's by default): the test window with actuals, then the future without.
    const championRows = await callJson(getPredictions, { params: { id: runId } });
    expect(championRows.body.model).toBe(champion.model);
    // The name the run page shows: an ensemble names its members, in JSON as in CSV.
    expect(championRows.body.modelName).toBe(predictionModelName(champion.model, champion.members));
    expect(championRows.body.predictions).toHaveLength(14);
    const json = await callJson(getPredictions, { path: '/?model=lstm', params: { id: runId } });
    expect(json.body.runId).toBe(runId);
    expect(json.body.seriesId).toBe(seriesId);
    const rows = json.body.predictions;
    expect(rows.filter((row: { segment: string }) => row.segment === 'test')).toHaveLength(7);
    expect(rows.filter((row: { segment: string }) => row.segment === 'future')).toHaveLength(7);
    expect(json.body.model).toBe('lstm');
    expect(json.body.modelName).toBe('LSTM');
    expect(rows[0]).toEqual({
      timestamp: '2024-04-23T00:00:00.000Z',
      forecast: expect.any(Number),
      actual: expect.any(Number),
      lo80: null,
      hi80: null,
      lo95: null,
      hi95: null,
      p10: null,
      p50: null,
      p90: null,
      segment: 'test',
    });
    expect(rows[7]).toMatchObject({
      timestamp: '2024-04-30T00:00:00.000Z',
      forecast: expect.any(Number),
      actual: null,
      segment: 'future',
    });
    // The series is written with 2 decimals: forecasts and bounds come with at most 2 + 2.
    const decimals = (value: number) => (String(value).split('.')[1] ?? '').length;
    for (const row of rows) {
      for (const value of [row.forecast, row.lo80, row.hi80, row.lo95, row.hi95, row.p10, row.p50, row.p90])
        if (value !== null) expect(decimals(value)).toBeLessThanOrEqual(4);
    }
    expect(rows.some((row: { forecast: number }) => decimals(row.forecast) > 2)).toBe(true);
    const jsonResponse = await call(getPredictions, { path: '/?model=lstm', params: { id: runId } });
    expect(jsonResponse.headers.get('content-disposition')).toBe(
      `attachment; filename="${seriesName}-lstm-run-${runId}-predictions.json"`,
    );
    // Five windows give each future step errors to calibrate the 80% band on. Signed bounds
    // need not straddle the forecast, but they nest, P10/P90 are the 80% bounds and P50 lies between.
    const bounded = rows.filter((row: { lo80: number | null }) => row.lo80 !== null);
    expect(bounded.length).toBeGreaterThan(0);
    for (const row of bounded) {
      expect(row.lo80).toBeLessThanOrEqual(row.hi80);
      if (row.lo95 !== null) expect(row.lo95).toBeLessThanOrEqual(row.lo80);
      expect([row.p10, row.p90]).toEqual([row.lo80, row.hi80]);
      expect(row.p50).toBeGreaterThanOrEqual(row.p10);
      expect(row.p50).toBeLessThanOrEqual(row.p90);
    }

    // Every model has its own rows; an unknown model is a 400.
    for (const model of MODELS.filter((m) => m !== 'lstm')) {
      const baseline = await callJson(getPredictions, { path: `/?model=${model}`, params: { id: runId } });
      expect(baseline.body.model).toBe(model);
      expect(baseline.body.predictions.map((row: { timestamp: string }) => row.timestamp)).toEqual(
        rows.map((row: { timestamp: string }) => row.timestamp),
      );
      expect(baseline.body.predictions.slice(0, 7).map((row: { actual: number }) => row.actual)).toEqual(
        rows.slice(0, 7).map((row: { actual: number }) => row.actual),
      );
    }
    // Naive repeats the last value before each origin: flat over the test window and the future.
    const naiveRows = (await callJson(getPredictions, { path: '/?model=naive', params: { id: runId } })).body
      .predictions;
    expect(new Set(naiveRows.slice(7).map((row: { forecast: number }) => row.forecast)).size).toBe(1);
    expect((await callJson(getPredictions, { path: '/?model=arima', params: { id: runId } })).status).toBe(400);

    // CSV download of the same rows.
    const csvResponse = await call(getPredictions, { path: '/?format=csv&model=lstm', params: { id: runId } });
    expect(csvResponse.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csvResponse.headers.get('content-disposition')).toBe(
      `attachment; filename="${seriesName}-lstm-run-${runId}-predictions.csv"`,
    );
    const lines = (await csvResponse.text()).trim().split('\n');
    expect(lines[0]).toBe('timestamp,forecast,actual,lo80,hi80,lo95,hi95,segment,model,modelName,series,p10,p50,p90');
    const cells = lines.slice(1).map((line) => line.split(','));
    expect(cells).toHaveLength(14);
    expect(cells.filter(([, , actual]) => actual === '')).toHaveLength(7);
    expect(cells.filter(([, , actual]) => actual !== '' && Number.isFinite(Number(actual)))).toHaveLength(7);
    expect(cells.map(([timestamp]) => timestamp)).toEqual(rows.map((row: { timestamp: string }) => row.timestamp));
    const cell = (value: number | null) => (value === null ? '' : String(value));
    expect(cells.map((line) => line.slice(3, 7))).toEqual(
      rows.map((row: { lo80: number | null; hi80: number | null; lo95: number | null; hi95: number | null }) =>
        [row.lo80, row.hi80, row.lo95, row.hi95].map(cell),
      ),
    );
    expect(cells.every((line) => line.slice(7, 11).join(',') === `${line[7]},lstm,LSTM,${seriesName}`)).toBe(true);
    expect(cells.map((line) => line.slice(11))).toEqual(
      rows.map((row: { p10: number | null; p50: number | null; p90: number | null }) =>
        [row.p10, row.p50, row.p90].map(cell),
      ),
    );

    const driftCsv = await call(getPredictions, { path: '/?format=csv&model=drift', params: { id: runId } });
    expect(driftCsv.headers.get('content-disposition')).toBe(
      `attachment; filename="${seriesName}-drift-run-${runId}-predictions.csv"`,
    );
    expect((await driftCsv.text()).split('\n')[1]).toMatch(/,test,drift,Drift,/);
    const championCsv = (
      await (await call(getPredictions, { path: '/?format=csv', params: { id: runId } })).text()
    ).split('\n')[1];
    expect(championCsv).toContain(`,test,${champion.model},${predictionModelName(champion.model, champion.members)},`);

    // Chart data: every model side by side, with the future's interval bands.
    const forecast = await callJson(getForecast, { params: { id: runId } });
    expect(forecast.body.forecast.test).toHaveLength(7);
    expect(forecast.body.forecast.future).toHaveLength(7);
    expect(forecast.body.forecast.test[0]).toEqual({
      t: '2024-04-23T00:00:00.000Z',
      actual: rows[0].actual,
      lstm: expect.closeTo(rows[0].forecast, 3),
      naive: expect.any(Number),
      lstmHybrid: expect.any(Number),
      mstl: expect.any(Number),
      ets: expect.any(Number),
      autoArima: expect.any(Number),
      theta: expect.any(Number),
      seasonalNaive: expect.any(Number),
      drift: expect.any(Number),
      // The champion's average is served beside its members only when it is the champion.
      ...(champion.model === 'ensemble' ? { ensemble: expect.any(Number) } : {}),
    });
    // The chart draws the champion from here: the same numbers as its predictions (which are
    // rounded to the series' 2 decimals plus 2).
    expect(forecast.body.forecast.test[0][champion.model]).toBeCloseTo(championRows.body.predictions[0].forecast, 3);
    const championLo80 = championRows.body.predictions[7].lo80;
    if (championLo80 === null) expect(forecast.body.forecast.future[0].intervals[champion.model].lo80).toBeNull();
    else expect(forecast.body.forecast.future[0].intervals[champion.model].lo80).toBeCloseTo(championLo80, 3);
    const firstFuture = forecast.body.forecast.future[0];
    expect(firstFuture).toMatchObject({
      t: rows[7].timestamp,
      lstm: expect.closeTo(rows[7].forecast, 3),
      drift: expect.any(Number),
    });
    const near = (value: number | null) => (value === null ? null : expect.closeTo(value, 3));
    expect(firstFuture.intervals.lstm).toEqual({
      lo80: near(rows[7].lo80),
      hi80: near(rows[7].hi80),
      lo95: near(rows[7].lo95),
      hi95: near(rows[7].hi95),
    });
    expect(Object.keys(firstFuture.intervals).sort()).toEqual(
      [...MODELS, ...(champion.model === 'ensemble' ? ['ensemble'] : [])].sort(),
    );

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
    expect(body.run.config).toMatchObject({
      epochs: 1,
      units: 32,
      horizon: expect.any(Number),
      lookback: expect.any(Number),
    });
    await callJson(cancel, { method: 'POST', params: { id: runId } });
  });
});

describe("a run's name", () => {
  it('is set at creation (trimmed), shown in the run and the list, renamed and cleared by PATCH', async () => {
    const runId = await startRun({ ...TINY, name: '  before the price change  ' });
    const created = await callJson(getRun, { params: { id: runId } });
    expect(runSchema.parse(created.body.run).name).toBe('before the price change');
    const list = await callJson(listRuns, { path: `/?seriesId=${seriesId}` });
    expect(list.body.runs.find((run: { id: string }) => run.id === runId).name).toBe('before the price change');

    const renamed = await callJson(patchRun, { method: 'PATCH', params: { id: runId }, body: { name: 'after' } });
    expect(renamed.status).toBe(200);
    expect(runSchema.parse(renamed.body.run)).toMatchObject({ id: runId, name: 'after' });
    const cleared = await callJson(patchRun, { method: 'PATCH', params: { id: runId }, body: { name: '   ' } });
    expect(cleared.body.run.name).toBeNull();
    expect((await callJson(getRun, { params: { id: runId } })).body.run.name).toBeNull();
    expect((await callJson(patchRun, { method: 'PATCH', params: { id: runId }, body: { name: null } })).status).toBe(
      200,
    );

    // Unnamed runs read null; too long, a wrong type or an unknown field is a 400 that stores nothing.
    expect((await callJson(getRun, { params: { id: await startRun(TINY) } })).body.run.name).toBeNull();
    const tooLong = await callJson(createRun, { method: 'POST', body: { seriesId, name: 'x'.repeat(101) } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toMatch(/name/);
    const badPatch = await callJson(patchRun, { method: 'PATCH', params: { id: runId }, body: { name: 5 } });
    expect(badPatch.status).toBe(400);
    const extra = await callJson(patchRun, {
      method: 'PATCH',
      params: { id: runId },
      body: { name: 'a', status: 'x' },
    });
    expect(extra.status).toBe(400);
    expect((await callJson(getRun, { params: { id: runId } })).body.run.name).toBeNull();
    const missing = await callJson(patchRun, { method: 'PATCH', params: { id: 'nope' }, body: { name: 'a' } });
    expect(missing.status).toBe(404);
  });

  it('cannot be changed from another site (CSRF) or by another user', async () => {
    const runId = await startRun(TINY);
    const crossSite = await call(patchRun, {
      method: 'PATCH',
      params: { id: runId },
      body: { name: 'evil' },
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
    const other = await signedInUser('stranger');
    const foreign = await callJson(patchRun, {
      method: 'PATCH',
      params: { id: runId },
      body: { name: 'x' },
      as: other,
    });
    expect(foreign.status).toBe(404);
    expect((await callJson(getRun, { params: { id: runId } })).body.run.name).toBeNull();
  });
});

describe("a dataset's runs", () => {
  it('lists the runs of every series of one dataset and no other, 404 for a dataset not the caller’s', async () => {
    // Two series: north, and south one above it.
    const csv = dailyCsv(60, 'north')
      .split('\n')
      .map((line, i) => (line === '' ? line : `${line},${i === 0 ? 'south' : Number(line.split(',')[1]) + 1}`))
      .join('\n');
    const { body } = await callJson(upload, { method: 'POST', body: csvForm(csv, 'two.csv') });
    const datasetId = body.dataset.id;
    const [north, south] = body.dataset.series.map((s: { id: string }) => s.id);
    const ids: string[] = [];
    for (const id of [north, south, north]) {
      const created = await callJson(createRun, { method: 'POST', body: { seriesId: id, name: `on ${id}` } });
      expect(created.status).toBe(202);
      ids.push(created.body.run.id);
    }
    const listed = await callJson(listRuns, { path: `/?datasetId=${datasetId}` });
    expect(listed.status).toBe(200);
    // Newest first; the other dataset's runs (the `sales` series above) are not among them.
    expect(listed.body.runs.map((run: { id: string }) => run.id)).toEqual([...ids].reverse());
    expect(new Set(listed.body.runs.map((run: { seriesId: string }) => run.seriesId))).toEqual(new Set([north, south]));
    expect(listed.body.runs[0].name).toBe(`on ${north}`);

    expect((await callJson(listRuns, { path: '/?datasetId=nope' })).status).toBe(404);
    const other = await signedInUser('dataset-runs-stranger');
    expect((await callJson(listRuns, { path: `/?datasetId=${datasetId}`, as: other })).status).toBe(404);
  });
});

describe('the models a run compares', () => {
  it('trains only the picked models, seasonal naive always, and keeps the choice in its config', async () => {
    const runId = await startRun({ ...TINY, models: ['naive', 'ets'] });
    const queued = await callJson(getRun, { params: { id: runId } });
    expect(queued.body.run.config.models).toEqual(['ets', 'naive', 'seasonalNaive']);
    await processTrain(await trainJob(runId));
    const { body } = await callJson(getRun, { params: { id: runId } });
    const run = runSchema.parse(body.run);
    expect(run.status).toBe('succeeded');
    expect(Object.keys(run.metrics!).sort()).toEqual(['ets', 'naive', 'seasonalNaive']);
    expect(Object.keys(run.evaluation!.coverage).sort()).toEqual(['ets', 'naive', 'seasonalNaive']);
    expect(run.history).toEqual([]);
    expect(run.evaluation!.verdict.summary).toMatch(/left out of this run/);
    // A left-out model has no predictions to download.
    const forecast = await callJson(getForecast, { params: { id: runId } });
    expect(forecast.body.forecast.future[0].lstm).toBeUndefined();
    expect(forecast.body.forecast.future[0].drift).toBeUndefined();
    expect(forecast.body.forecast.test[0].mstl).toBeUndefined();
    expect(forecast.body.forecast.future[0].ets).toEqual(expect.any(Number));
  });

  it('refuses an unknown model or a repeated one with a 400', async () => {
    for (const models of [['prophet'], ['naive', 'naive'], []]) {
      const { status, body } = await callJson(createRun, { method: 'POST', body: { seriesId, models } });
      expect(status).toBe(400);
      expect(body.error.message).toMatch(/models/);
    }
  });
});

describe('queue position', () => {
  it('says where a queued run waits, oldest first, and moves it up when a run ahead leaves', async () => {
    const first = await startRun(TINY);
    const second = await startRun(TINY);
    const position = async (id: string) => (await callJson(getRun, { params: { id } })).body.run.queuePosition;
    const ahead = await position(first);
    expect(ahead).toBeGreaterThanOrEqual(1);
    expect(await position(second)).toBe(ahead + 1);

    await callJson(cancel, { method: 'POST', params: { id: first } });
    expect(await position(second)).toBe(ahead);
    // Only queued runs have a place.
    expect(await position(first)).toBeUndefined();
    await callJson(cancel, { method: 'POST', params: { id: second } });
  });
});

describe('a series too short for the LSTMs', () => {
  it('gets a succeeded run of the classical models and baselines, with a note saying why there is no LSTM', async () => {
    const uploaded = await callJson(upload, { method: 'POST', body: csvForm(dailyCsv(15, 'tiny'), 'tiny.csv') });
    expect(uploaded.status).toBe(201);
    const shortId = uploaded.body.dataset.series[0].id;
    // Horizon 3 + lookback 2 needs 17 points for the LSTMs' training windows; the series has 15.
    const created = await callJson(createRun, {
      method: 'POST',
      body: { seriesId: shortId, horizon: 3, lookback: 2, epochs: 2, units: 4 },
    });
    expect(created.status).toBe(202);
    const runId = created.body.run.id;
    await processTrain(await trainJob(runId));

    const { body } = await callJson(getRun, { params: { id: runId } });
    expect(body.run).toMatchObject({ status: 'succeeded', error: null });
    expect(Object.keys(body.run.metrics).sort()).toEqual([
      'autoArima',
      'drift',
      'ets',
      'mstl',
      'naive',
      'seasonalNaive',
      'theta',
    ]);
    expect(body.run.evaluation.lstmSkipped).toMatch(
      /^The LSTMs were not trained: lookback 2 \+ horizon 3 needs at least 17 points .*this series has 15\. The classical models and baselines were compared instead\./,
    );
    expect(body.run.evaluation.champion.lstmFamily).toBeUndefined();
    expect(body.run.evaluation.verdict.summary).toMatch(/^No LSTM was trained/);
    expect(body.run.history).toEqual([]);

    // The champion's forecast is served as for any run.
    const forecast = await callJson(getForecast, { params: { id: runId } });
    expect(forecast.status).toBe(200);
    const predictions = await call(getPredictions, { params: { id: runId }, path: '/?format=json' });
    expect(predictions.status).toBe(200);
    const rows = ((await predictions.json()) as { predictions: { segment: string }[] }).predictions;
    expect(rows.filter((row) => row.segment === 'future')).toHaveLength(3);
  });
});

describe('the CSV download of a series named like a formula', () => {
  it('neutralises the name but keeps negative numbers as numbers', async () => {
    const name = '=SUM(1+1)';
    const values = Array.from({ length: 120 }, (_, i) => {
      const date = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      return `${date},${(-5 + 3 * Math.sin((2 * Math.PI * i) / 7) - i * 0.05).toFixed(2)}`;
    });
    const uploaded = await callJson(upload, {
      method: 'POST',
      body: csvForm([`date,${name}`, ...values].join('\n') + '\n', 'formula.csv'),
    });
    expect(uploaded.status).toBe(201);
    const series = uploaded.body.dataset.series[0];
    expect(series.name).toBe(name);

    const created = await callJson(createRun, { method: 'POST', body: { seriesId: series.id, ...TINY } });
    const runId = created.body.run.id;
    await processTrain(await trainJob(runId));

    const response = await call(getPredictions, { path: '/?format=csv&model=lstm', params: { id: runId } });
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="SUM-1-1-lstm-run-${runId}-predictions.csv"`,
    );
    const lines = (await response.text()).trim().split('\n').slice(1);
    expect(lines).toHaveLength(14);
    for (const line of lines) {
      // The quantiles P10/P50/P90 come after the series name.
      expect(line).toMatch(/,lstm,LSTM,"'=SUM\(1\+1\)",[^,]*,[^,]*,[^,]*$/);
      const [, forecast, actual] = line.split(',');
      expect(forecast).toMatch(/^-?\d/);
      expect(Number.isFinite(Number(forecast))).toBe(true);
      if (actual !== '') expect(Number(actual)).toBeLessThan(0);
    }
    expect(lines.some((line) => line.split(',')[2].startsWith('-'))).toBe(true);
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
    // Without the hyperparameter search, which would otherwise report the first progress.
    const runId = await startRun({ ...TINY, epochs: 300, patience: 100, validationSplit: 0, search: 'off' });
    const job = await trainJob(runId);
    const training = processTrain(job);

    // Cancel once training has reported progress.
    for (;;) {
      const { body } = await callJson(getRun, { params: { id: runId } });
      if (body.run.status === 'running' && body.run.progress > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // The first fit of the backtest, with the full epoch budget.
    const live = (await callJson(getRun, { params: { id: runId } })).body.run;
    // Five scored windows and the earlier one the champion is only chosen on.
    expect(live.progressDetail).toEqual({
      phase: 'backtest',
      epoch: expect.any(Number),
      epochs: 300,
      window: 1,
      windows: 6,
      // What the time estimate multiplies: epochs still planned, and the measured time per epoch
      // (null until two epochs of one fit have ended).
      remainingEpochs: expect.any(Number),
      epochMs: live.progressDetail.epoch >= 2 ? expect.any(Number) : null,
    });
    expect(live.progressDetail.epoch).toBeGreaterThanOrEqual(1);
    // Two LSTMs, each with this fit's remaining epochs and five more fine-tunes (and the refit) to come.
    expect(live.progressDetail.remainingEpochs).toBeGreaterThan(2 * (300 - live.progressDetail.epoch));
    // The loss curve starts with that first fit's first epoch, not only with the scoring fit.
    expect(live.history[0]).toMatchObject({ epoch: 1, loss: expect.any(Number) });
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
    expect(await markRunRunningAsSystem(runId, 1)).toBe(true);
    const { body } = await callJson(cancel, { method: 'POST', params: { id: runId } });
    expect(body.run.status).toBe('cancelled');
  });
});

describe('failures', () => {
  it('fails a run whose series became too short without retrying', async () => {
    // Stored config asks for more points than the series has (as if points were removed): a
    // horizon no model can test, not just a lookback too long for the LSTMs.
    const runId = await startRun(TINY);
    await getPrisma().run.update({ where: { id: runId }, data: { config: { ...TINY, horizon: 200 } } });

    await expect(processTrain(await trainJob(runId))).rejects.toThrow(/needs at least/);
    const { body } = await callJson(getRun, { params: { id: runId } });
    expect(body.run.status).toBe('failed');
    expect(body.run.error).toMatch(/This series has 120 points/);
  });
});

describe('validation and missing runs', () => {
  it('answers 422 series_too_short with the minimum length', async () => {
    // A horizon of 120 leaves nothing to fit on; a lookback too long only skips the LSTMs.
    const { status, body } = await callJson(createRun, {
      method: 'POST',
      body: { seriesId, lookback: 100, horizon: 120 },
    });
    expect(status).toBe(422);
    expect(body.error.code).toBe('series_too_short');
    expect(body.error.message).toMatch(/This series has 120 points; horizon 120 needs at least 128/);
    expect(body.error.details).toEqual({ points: 120, minimum: 128 });
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

    for (const [handler, method] of [
      [getRun, 'GET'],
      [deleteRun, 'DELETE'],
      [cancel, 'POST'],
      [getPredictions, 'GET'],
      [getForecast, 'GET'],
    ] as const) {
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
