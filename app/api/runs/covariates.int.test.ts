// Covariates and holiday calendars of runs, batches and schedules (issue 22): what the routes
// refuse and store, and what the worker does with them.
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectDb, getPool } from '@/lib/db/client';
import { loadCovariatesAsSystem } from '@/lib/db/covariates';
import { closeTrainQueue, getTrainQueue } from '@/lib/queue/train-queue';
import { callJson, csvForm, dailyCsv, signedInUser, type TestUser } from '@/test/api';
import { processScheduledTrain } from '@/worker/processors/scheduled-train';
import { processTrain } from '@/worker/processors/train';
import { processBatchGlobal } from '@/worker/processors/batch-global';
import { globalJobId } from '@/lib/queue/batch-flow';
import { POST as upload } from '../datasets/route';
import { POST as preview } from '../datasets/preview/route';
import { POST as append } from '../datasets/[id]/append/route';
import { POST as createBatch } from '../datasets/[id]/runs/route';
import { GET as getBatch } from '../batches/[id]/route';
import { POST as cancelBatch } from '../batches/[id]/cancel/route';
import { GET as holidays } from '../holidays/route';
import { POST as createSchedule } from '../schedules/route';
import { GET as getRun } from './[id]/route';
import { GET as listRuns, POST as createRun } from './route';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const iso = (day: number) => new Date(T0 + day * DAY).toISOString();
const HISTORY = 120;
const FUTURE = 14;
const TINY = { lookback: 14, epochs: 1, units: 4, backtestWindows: 1, transform: 'none' };

/** Days `from` to `to` (exclusive) of sales, then up to `future` where only promo and price go on. */
function salesCsv(from = 0, to = HISTORY, future = HISTORY + FUTURE): string {
  const lines = ['date,sales,promo,price'];
  for (let d = from; d < future; d++) {
    const promo = d % 9 < 2 ? 1 : 0;
    const price = 10 - (d % 5) * 0.25;
    const sales = d < to ? (80 + 30 * promo - 4 * price + 8 * Math.sin((2 * Math.PI * d) / 7)).toFixed(2) : '';
    lines.push(`${iso(d).slice(0, 10)},${sales},${promo},${price}`);
  }
  return `${lines.join('\n')}\n`;
}

let ids: { sales: string; promo: string; price: string };
let datasetId: string;
let otherDatasetSeries: string;

async function runCount(): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>('SELECT count(*)::int AS n FROM runs');
  return rows[0].n;
}

async function trainJob(runId: string): Promise<Job> {
  const job = await getTrainQueue().getJob(runId);
  if (!job) throw new Error(`No job for run ${runId}`);
  return job;
}

beforeAll(async () => {
  const { status, body } = await callJson(upload, { method: 'POST', body: csvForm(salesCsv(), 'store.csv') });
  expect(status).toBe(201);
  datasetId = body.dataset.id;
  const byName = Object.fromEntries(body.dataset.series.map((s: { name: string; id: string }) => [s.name, s.id]));
  ids = { sales: byName.sales, promo: byName.promo, price: byName.price };
  const other = await callJson(upload, { method: 'POST', body: csvForm(dailyCsv(150, 'visits'), 'other.csv') });
  otherDatasetSeries = other.body.dataset.series[0].id;
});

afterAll(async () => {
  await closeTrainQueue();
  await disconnectDb();
});

describe('future rows in an upload', () => {
  it('the preview says how many, and the import stores them as the covariates’ later points', async () => {
    const { status, body } = await callJson(preview, {
      method: 'POST',
      body: csvForm(salesCsv(), 'store.csv', { whole: 'true' }),
    });
    expect(status).toBe(200);
    expect(body.preview.futureRows).toMatchObject({
      rows: 14,
      targets: [{ name: 'sales' }],
      covariates: ['promo', 'price'],
    });
    expect(body.preview.futureRows.message).toMatch(/^14 future rows: used as known-future covariates/);
    const points = Object.fromEntries(
      body.preview.series.map((s: { name: string; points: number }) => [s.name, s.points]),
    );
    expect(points).toEqual({ sales: HISTORY, promo: HISTORY + FUTURE, price: HISTORY + FUTURE });

    const [promo] = await loadCovariatesAsSystem([{ seriesId: ids.promo, knownFuture: true }]);
    expect(promo).toMatchObject({ seriesId: ids.promo, name: 'promo', knownFuture: true });
    expect(promo.t).toHaveLength(HISTORY + FUTURE);
    expect(promo.t[promo.t.length - 1]).toBe(T0 + (HISTORY + FUTURE - 1) * DAY);
  });
});

describe('POST /api/runs with covariates', () => {
  it('stores known-future and past-only covariates and the holiday calendar in the config', async () => {
    const covariates = [
      { seriesId: ids.promo, knownFuture: true },
      { seriesId: ids.price, knownFuture: false },
    ];
    const created = await callJson(createRun, {
      method: 'POST',
      body: { seriesId: ids.sales, horizon: 14, ...TINY, covariates, holidays: 'US' },
    });
    expect(created.status).toBe(202);
    const { body } = await callJson(getRun, { params: { id: created.body.run.id } });
    expect(body.run.config).toMatchObject({ horizon: 14, covariates, holidays: 'US' });
    const listed = await callJson(listRuns, { path: `/api/runs?seriesId=${ids.sales}` });
    expect(listed.body.runs[0].config.covariates).toEqual(covariates);
  });

  it('refuses with 422 and the missing dates when the known future does not cover the horizon', async () => {
    const before = await runCount();
    const { status, body } = await callJson(createRun, {
      method: 'POST',
      body: { seriesId: ids.sales, horizon: 20, covariates: [{ seriesId: ids.promo, knownFuture: true }] },
    });
    expect(status).toBe(422);
    expect(body.error.code).toBe('future_not_covered');
    const missing = [134, 135, 136, 137, 138, 139].map(iso);
    expect(body.error.details).toEqual({
      target: ids.sales,
      steps: Array.from({ length: 20 }, (_, k) => iso(HISTORY + k)),
      missing: [{ seriesId: ids.promo, name: 'promo', dates: missing }],
    });
    expect(body.error.message).toContain('"promo" has no value at 2024-05-14, 2024-05-15');
    expect(await runCount()).toBe(before);

    // The same covariate as past-only needs no future values.
    const pastOnly = await callJson(createRun, {
      method: 'POST',
      body: { seriesId: ids.sales, horizon: 20, covariates: [{ seriesId: ids.promo, knownFuture: false }] },
    });
    expect(pastOnly.status).toBe(202);
  });

  it('monthly series: the forecast steps keep the month end, as the forecast computes them', async () => {
    // 40 month ends of sales, then 3 more of a planned price.
    const monthEnd = (k: number) => new Date(Date.UTC(2020, k + 1, 0)).toISOString().slice(0, 10);
    const lines = ['month,sales,price'];
    for (let k = 0; k < 43; k++) lines.push(`${monthEnd(k)},${k < 40 ? 100 + (k % 12) * 5 : ''},${9 + (k % 3)}`);
    const { body } = await callJson(upload, { method: 'POST', body: csvForm(`${lines.join('\n')}\n`, 'monthly.csv') });
    const byName = Object.fromEntries(body.dataset.series.map((s: { name: string; id: string }) => [s.name, s.id]));
    const covariates = [{ seriesId: byName.price, knownFuture: true }];
    const covered = await callJson(createRun, {
      method: 'POST',
      body: { seriesId: byName.sales, horizon: 3, covariates },
    });
    expect(covered.status).toBe(202);
    const beyond = await callJson(createRun, {
      method: 'POST',
      body: { seriesId: byName.sales, horizon: 4, covariates },
    });
    expect(beyond.status).toBe(422);
    expect(beyond.body.error.details.missing[0].dates).toEqual([`${monthEnd(43)}T00:00:00.000Z`]);
  });

  it('refuses covariates that are not series of the dataset, the target itself, or unknown calendars', async () => {
    const before = await runCount();
    const post = (body: Record<string, unknown>, as?: TestUser) =>
      callJson(createRun, { method: 'POST', body: { seriesId: ids.sales, horizon: 7, ...body }, as });

    const cross = await post({ covariates: [{ seriesId: otherDatasetSeries, knownFuture: false }] });
    expect(cross.status).toBe(400);
    expect(cross.body.error.message).toMatch(/^covariates\.0\.seriesId: series "visits" .* belongs to another dataset/);

    const self = await post({ covariates: [{ seriesId: ids.sales, knownFuture: false }] });
    expect(self.status).toBe(400);
    expect(self.body.error.message).toContain('cannot be its own covariate');

    const twice = await post({
      covariates: [
        { seriesId: ids.promo, knownFuture: false },
        { seriesId: ids.promo, knownFuture: true },
      ],
    });
    expect(twice.status).toBe(400);

    const unknownCountry = await post({ holidays: 'XX' });
    expect(unknownCountry.status).toBe(400);
    expect(unknownCountry.body.error.message).toContain('"XX" is not a country');
    const unknownRegion = await post({ holidays: 'DE-ZZ' });
    expect(unknownRegion.status).toBe(400);
    expect(unknownRegion.body.error.message).toContain('BY');
    const malformed = await post({ holidays: 'usa' });
    expect(malformed.status).toBe(400);

    // Another user's series is not found, as any of their things are; and they cannot name ours.
    const stranger = await signedInUser('stranger');
    const theirs = await callJson(upload, {
      method: 'POST',
      body: csvForm(dailyCsv(150, 'theirs'), 'theirs.csv'),
      as: stranger,
    });
    const foreign = await post({ covariates: [{ seriesId: theirs.body.dataset.series[0].id, knownFuture: false }] });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toContain('covariates.0.seriesId');
    const reverse = await callJson(createRun, {
      method: 'POST',
      body: {
        seriesId: theirs.body.dataset.series[0].id,
        covariates: [{ seriesId: ids.promo, knownFuture: false }],
      },
      as: stranger,
    });
    expect(reverse.status).toBe(404);
    expect(await runCount()).toBe(before);
  });

  it('a regional calendar is accepted, and GET /api/holidays lists countries with their regions', async () => {
    const created = await callJson(createRun, {
      method: 'POST',
      body: { seriesId: ids.sales, horizon: 7, holidays: 'DE-BY' },
    });
    expect(created.status).toBe(202);
    const { status, body } = await callJson(holidays);
    expect(status).toBe(200);
    const germany = body.countries.find((c: { code: string }) => c.code === 'DE');
    expect(germany.name).toBe('Germany');
    expect(germany.regions).toContainEqual({ code: 'BY', name: 'Bayern' });
    expect(body.countries.length).toBeGreaterThan(100);
  });
});

describe('the worker', () => {
  it('trains a tiny run with its covariates, and fails one whose known future was removed, saying why', async () => {
    const covariates = [{ seriesId: ids.promo, knownFuture: true }];
    const created = await callJson(createRun, {
      method: 'POST',
      body: { seriesId: ids.sales, horizon: 7, ...TINY, covariates, holidays: 'US' },
    });
    await processTrain(await trainJob(created.body.run.id));
    const done = (await callJson(getRun, { params: { id: created.body.run.id } })).body.run;
    expect(done.status).toBe('succeeded');
    expect(done.config.covariates).toEqual(covariates);

    // The data changed after the run was asked for: the worker checks again on what it loads.
    const queued = await callJson(createRun, {
      method: 'POST',
      body: { seriesId: ids.sales, horizon: 7, ...TINY, covariates },
    });
    await getPool().query(`DELETE FROM points WHERE series_key = (SELECT key FROM series WHERE id = $1) AND t >= $2`, [
      ids.promo,
      new Date(iso(HISTORY + 3)),
    ]);
    try {
      await expect(processTrain(await trainJob(queued.body.run.id))).rejects.toThrow(/do not cover the forecast/);
      const failed = (await callJson(getRun, { params: { id: queued.body.run.id } })).body.run;
      expect(failed.status).toBe('failed');
      expect(failed.error).toContain('"promo" has no value at 2024-05-03, 2024-05-04, 2024-05-05, 2024-05-06');
    } finally {
      await restorePromo();
    }
  });
});

/** Puts back promo's future points removed above (from the same file). */
async function restorePromo(): Promise<void> {
  const values: [string, number][] = [];
  for (let d = HISTORY + 3; d < HISTORY + FUTURE; d++) values.push([iso(d), d % 9 < 2 ? 1 : 0]);
  await getPool().query(
    `INSERT INTO points (series_key, t, v)
     SELECT (SELECT key FROM series WHERE id = $1), unnest($2::timestamptz[]), unnest($3::float8[])`,
    [ids.promo, values.map(([t]) => t), values.map(([, v]) => v)],
  );
}

describe('batches and schedules with covariates', () => {
  it('a batch forecasts the other series, not its covariates; naming one as both is a 400', async () => {
    const covariates = [
      { seriesId: ids.promo, knownFuture: true },
      { seriesId: ids.price, knownFuture: true },
    ];
    const created = await callJson(createBatch, {
      method: 'POST',
      params: { id: datasetId },
      body: { horizon: 7, ...TINY, covariates, holidays: 'US' },
    });
    expect(created.status).toBe(202);
    const { body } = await callJson(getBatch, { params: { id: created.body.batch.id } });
    expect(body.batch.series.map((s: { seriesId: string }) => s.seriesId)).toEqual([ids.sales]);
    expect(body.batch.config).toMatchObject({ covariates, holidays: 'US' });

    const both = await callJson(createBatch, {
      method: 'POST',
      params: { id: datasetId },
      body: { seriesIds: [ids.sales, ids.promo], covariates },
    });
    expect(both.status).toBe(400);
    expect(both.body.error.message).toContain('is a covariate of this batch');

    const foreign = await callJson(createBatch, {
      method: 'POST',
      params: { id: datasetId },
      body: { covariates: [{ seriesId: otherDatasetSeries, knownFuture: false }] },
    });
    expect(foreign.status).toBe(400);
  });

  it("in a long file, each series of a batch reads its own id's column of the covariate named", async () => {
    const lines = ['store,date,sales,promo'];
    for (const [k, store] of ['north', 'south', 'west'].entries()) {
      for (let d = 0; d < HISTORY + FUTURE; d++) {
        const promo = store === 'west' ? '' : String((d + k) % 9 < 2 ? 1 : 0);
        const sales = d < HISTORY ? (50 + 20 * k + 25 * Number(promo || 0) + 5 * Math.sin(d)).toFixed(1) : '';
        if (sales || promo) lines.push(`${store},${iso(d).slice(0, 10)},${sales},${promo}`);
      }
    }
    const uploaded = await callJson(upload, { method: 'POST', body: csvForm(`${lines.join('\n')}\n`, 'stores.csv') });
    expect(uploaded.status).toBe(201);
    const byName = Object.fromEntries(
      uploaded.body.dataset.series.map((s: { name: string; id: string }) => [s.name, s.id]),
    );
    expect(Object.keys(byName).sort()).toEqual([
      'store=north / promo',
      'store=north / sales',
      'store=south / promo',
      'store=south / sales',
      'store=west / sales',
    ]);
    const covariates = [{ seriesId: byName['store=north / promo'], knownFuture: true }];
    const created = await callJson(createBatch, {
      method: 'POST',
      params: { id: uploaded.body.dataset.id },
      body: { horizon: 7, ...TINY, covariates },
    });
    expect(created.status).toBe(202);
    const { batch } = (await callJson(getBatch, { params: { id: created.body.batch.id } })).body;
    // Every store's sales are forecast; no store's promo is.
    expect(batch.series.map((s: { name: string }) => s.name)).toEqual([
      'store=north / sales',
      'store=south / sales',
      'store=west / sales',
    ]);
    const read = async (runId: string) =>
      (await callJson(getRun, { params: { id: runId } })).body.run.config.covariates;
    const [north, south, west] = batch.series as { runId: string }[];
    expect(await read(north.runId)).toEqual(covariates);
    expect(await read(south.runId)).toEqual([{ seriesId: byName['store=south / promo'], knownFuture: true }]);
    // West has no promo of its own: it reads the one named.
    expect(await read(west.runId)).toEqual(covariates);

    // Naming another store's promo as a target too is a 400.
    const both = await callJson(createBatch, {
      method: 'POST',
      params: { id: uploaded.body.dataset.id },
      body: { seriesIds: [byName['store=south / promo']], covariates },
    });
    expect(both.status).toBe(400);
    expect(both.body.error.message).toContain("the named covariate's column of another id");

    // The batch's global LSTM reads each store's own promo too.
    await processBatchGlobal((await getTrainQueue().getJob(globalJobId(batch.id)))!);
    const trained = (await callJson(getBatch, { params: { id: batch.id } })).body.batch;
    expect(trained.globalLstm).toMatchObject({ status: 'succeeded', series: 3, inputs: ["promo (each series' own)"] });
    await callJson(cancelBatch, { method: 'POST', params: { id: batch.id } });
  });

  it('a schedule is checked like a run, and its firing checks the coverage again', async () => {
    const covariates = [{ seriesId: ids.promo, knownFuture: true }];
    const uncovered = await callJson(createSchedule, {
      method: 'POST',
      body: { seriesId: ids.sales, every: '6h', config: { horizon: 30, covariates } },
    });
    expect(uncovered.status).toBe(422);
    expect(uncovered.body.error.code).toBe('future_not_covered');
    const unknown = await callJson(createSchedule, {
      method: 'POST',
      body: { seriesId: ids.sales, every: '6h', config: { holidays: 'XX' } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^config\.holidays:/);

    const created = await callJson(createSchedule, {
      method: 'POST',
      body: { seriesId: ids.sales, every: '6h', config: { horizon: 7, ...TINY, covariates, holidays: 'US' } },
    });
    expect(created.status).toBe(201);
    expect(created.body.schedule.config).toMatchObject({ covariates, holidays: 'US' });

    // A firing is skipped while the series has a queued run (the ones asked for above).
    await getPool().query(`UPDATE runs SET status = 'cancelled' WHERE series_id = $1 AND status = 'queued'`, [
      ids.sales,
    ]);
    const jobs = await getTrainQueue().getJobs(['waiting', 'delayed', 'prioritized']);
    const job = jobs.find(
      (j) => j.name === 'scheduled-train' && 'scheduleId' in j.data && j.data.scheduleId === created.body.schedule.id,
    );
    expect(job).toBeDefined();
    await getPool().query(`DELETE FROM points WHERE series_key = (SELECT key FROM series WHERE id = $1) AND t >= $2`, [
      ids.promo,
      new Date(iso(HISTORY + 3)),
    ]);
    try {
      await expect(processScheduledTrain(job!)).rejects.toThrow(/do not cover the forecast/);
      const runs = (await callJson(listRuns, { path: `/api/runs?seriesId=${ids.sales}` })).body.runs;
      const fired = runs.find((r: { scheduleId: string | null }) => r.scheduleId === created.body.schedule.id);
      expect(fired).toMatchObject({ status: 'failed' });
      expect(fired.error).toContain('"promo" has no value at 2024-05-03');
    } finally {
      await restorePromo();
    }
  });
});

describe('appending newer rows', () => {
  it('extends the target and its covariates: the known future moves on with the data', async () => {
    // Sales for the 14 days that were the future, and the next 14 days of promotions and prices.
    const more = salesCsv(HISTORY, HISTORY + FUTURE, HISTORY + 2 * FUTURE);
    const { status, body } = await callJson(append, {
      method: 'POST',
      params: { id: datasetId },
      body: csvForm(more, 'more.csv'),
    });
    expect(status).toBe(200);
    const ends = Object.fromEntries(body.dataset.series.map((s: { name: string; end: string }) => [s.name, s.end]));
    expect(ends).toEqual({
      sales: iso(HISTORY + FUTURE - 1),
      promo: iso(HISTORY + 2 * FUTURE - 1),
      price: iso(HISTORY + 2 * FUTURE - 1),
    });
    // The new sales end where the old known future did; the new future covers the next 14 steps.
    const covariates = [{ seriesId: ids.promo, knownFuture: true }];
    const covered = await callJson(createRun, {
      method: 'POST',
      body: { seriesId: ids.sales, horizon: 14, covariates },
    });
    expect(covered.status).toBe(202);
    const beyond = await callJson(createRun, {
      method: 'POST',
      body: { seriesId: ids.sales, horizon: 15, covariates },
    });
    expect(beyond.status).toBe(422);
    expect(beyond.body.error.details.missing[0].dates).toEqual([iso(HISTORY + 2 * FUTURE)]);
  });
});
