// A run with the global LSTM (`globalLstm: true`) on a 3-series dataset: the worker loads the two
// sibling series, and the run stores lstmGlobal's metrics, evaluation and predictions beside the
// other models. On a single-series dataset the option is ignored, and the run says why.
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectDb } from '@/lib/db/client';
import { createDataset } from '@/lib/db/datasets';
import { loadRelatedSeriesAsSystem } from '@/lib/db/related-series';
import type { ParsedSeries } from '@/lib/ingest/types';
import { closeTrainQueue, getTrainQueue } from '@/lib/queue/train-queue';
import { callJson, csvForm, dailyCsv, defaultUser } from '@/test/api';
import { processTrain } from '@/worker/processors/train';
import { POST as upload } from '../datasets/route';
import { GET as getForecast } from './[id]/forecast/route';
import { GET as getPredictions } from './[id]/predictions/route';
import { GET as getRun } from './[id]/route';
import { POST as createRun } from './route';

const TINY = { horizon: 7, lookback: 14, epochs: 2, units: 4, backtestWindows: 2 };

/** Three stores over the same 120 days, at very different scales. */
function threeStoresCsv(points: number): string {
  const rows = Array.from({ length: points }, (_, i) => {
    const date = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const week = Math.sin((2 * Math.PI * i) / 7);
    return [date, 100 + 10 * week + 0.2 * i, 5 + 1.5 * week, 2000 + 300 * week - i]
      .map((x) => (typeof x === 'number' ? x.toFixed(2) : x))
      .join(',');
  });
  return ['date,north,south,east', ...rows].join('\n') + '\n';
}

async function uploadSeries(csv: string, fileName: string): Promise<{ id: string; name: string }[]> {
  const { status, body } = await callJson(upload, { method: 'POST', body: csvForm(csv, fileName) });
  expect(status).toBe(201);
  return body.dataset.series;
}

async function trainRun(seriesId: string, config: Record<string, unknown>) {
  const created = await callJson(createRun, { method: 'POST', body: { seriesId, ...config } });
  expect(created.status).toBe(202);
  const runId: string = created.body.run.id;
  const job: Job | undefined = await getTrainQueue().getJob(runId);
  await processTrain(job!);
  const { body } = await callJson(getRun, { params: { id: runId } });
  return body.run;
}

let stores: { id: string; name: string }[];

beforeAll(async () => {
  stores = await uploadSeries(threeStoresCsv(120), 'stores.csv');
});

afterAll(async () => {
  await closeTrainQueue();
  await disconnectDb();
});

describe('loadRelatedSeriesAsSystem', () => {
  it('loads the other series of the dataset with the same frequency, by name, at most `limit`, with their points', async () => {
    const DAY = 86_400_000;
    const series = (name: string, frequency: ParsedSeries['frequency'], step: number): ParsedSeries => ({
      name,
      frequency,
      t: [0, 1, 2].map((i) => i * step),
      v: [1, 2, 3],
      valueColumn: name,
      gaps: 0,
      filled: 0,
      duplicates: 0,
    });
    const { scope } = await defaultUser();
    const dataset = await createDataset(scope, {
      name: 'mixed',
      fileName: null,
      series: [
        series('target', 'daily', DAY),
        series('c', 'daily', DAY),
        series('hourly', 'hourly', DAY / 24),
        series('a', 'daily', DAY),
        series('b', 'daily', DAY),
      ],
    });
    const target = dataset.series.find((s) => s.name === 'target')!;
    const related = await loadRelatedSeriesAsSystem(target.id, 2);
    expect(related.map((s) => s.name)).toEqual(['a', 'b']);
    expect(related[0]).toEqual({ name: 'a', frequency: 'daily', t: [0, DAY, 2 * DAY], v: [1, 2, 3] });
    expect((await loadRelatedSeriesAsSystem(target.id, 10)).map((s) => s.name)).toEqual(['a', 'b', 'c']);
    // A run's covariates are not loaded again, and still take their place in `limit`.
    const b = dataset.series.find((s) => s.name === 'b')!;
    expect((await loadRelatedSeriesAsSystem(target.id, 2, new Set([b.id]))).map((s) => s.name)).toEqual(['a']);
    const hourly = dataset.series.find((s) => s.name === 'hourly')!;
    expect(await loadRelatedSeriesAsSystem(hourly.id, 10)).toEqual([]);
  });
});

describe('a run with the global LSTM', () => {
  it("trains across the dataset's 3 series and stores lstmGlobal metrics, evaluation and predictions", async () => {
    const north = stores.find((s) => s.name === 'north')!;
    const run = await trainRun(north.id, { ...TINY, globalLstm: true });
    expect(run.status).toBe('succeeded');
    expect(run.config.globalLstm).toBe(true);
    expect(run.metrics.lstmGlobal).toEqual(
      expect.objectContaining({ mase: expect.any(Number), mae: expect.any(Number) }),
    );
    expect(run.evaluation.globalLstm).toEqual({
      trained: true,
      series: 3,
      related: ['east', 'south'],
      windows: [expect.any(Number), expect.any(Number), expect.any(Number)],
    });
    expect(run.evaluation.fitMs.lstmGlobal).toBeGreaterThan(0);
    expect(run.evaluation.backtest.windows).toHaveLength(2);
    for (const window of run.evaluation.backtest.windows) {
      expect(window.metrics.lstmGlobal.mase).toEqual(expect.any(Number));
      expect(window.forecasts.values.lstmGlobal).toHaveLength(7);
    }

    const { status, body } = await callJson(getPredictions, { path: `/?model=lstmGlobal`, params: { id: run.id } });
    expect(status).toBe(200);
    expect(body.model).toBe('lstmGlobal');
    const segments = body.predictions.map((p: { segment: string }) => p.segment);
    expect(segments.filter((s: string) => s === 'test')).toHaveLength(7);
    expect(segments.filter((s: string) => s === 'future')).toHaveLength(7);
    expect(body.predictions.every((p: { forecast: number }) => Number.isFinite(p.forecast))).toBe(true);

    const chart = await callJson(getForecast, { params: { id: run.id } });
    expect(chart.body.forecast.future).toHaveLength(7);
    expect(
      chart.body.forecast.future.every((p: { lstmGlobal: number | null }) => typeof p.lstmGlobal === 'number'),
    ).toBe(true);
  });

  it('is ignored on a single-series dataset, and the run says why', async () => {
    const [alone] = await uploadSeries(dailyCsv(120, 'kiosk'), 'kiosk.csv');
    const run = await trainRun(alone.id, { ...TINY, globalLstm: true });
    expect(run.status).toBe('succeeded');
    expect(run.metrics.lstmGlobal).toBeUndefined();
    expect(run.evaluation.globalLstm).toEqual({
      trained: false,
      series: 1,
      related: [],
      windows: [],
      note: 'The global LSTM was not trained: the dataset has no other series to learn from.',
    });
    const { body } = await callJson(getPredictions, { path: `/?model=lstmGlobal`, params: { id: run.id } });
    expect(body.predictions).toEqual([]);
  });

  it('is not trained unless asked for', async () => {
    const south = stores.find((s) => s.name === 'south')!;
    const run = await trainRun(south.id, { ...TINY, backtestWindows: 1 });
    expect(run.config.globalLstm).toBe(false);
    expect(run.metrics.lstmGlobal).toBeUndefined();
    expect(run.evaluation.globalLstm).toBeUndefined();
  });
});
