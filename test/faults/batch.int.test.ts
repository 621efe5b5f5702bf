// Batches (a forecast of every series of a dataset, lib/batches) on real worker processes, Redis
// and PostgreSQL: one global LSTM is trained per batch and scored by every series; the chunks of
// one batch are shared by two workers and give the same numbers as one worker; a series too short
// is failed on its row without failing the batch; cancelling stops its runs; a worker SIGKILLed
// mid-chunk loses only that chunk, which another worker finishes; a worker SIGKILLed while training
// the global LSTM loses only that job, which another worker trains again; another user's batch is 404.
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it, vi } from 'vitest';
import { POST as upload } from '@/app/api/datasets/route';
import { POST as createBatchRoute } from '@/app/api/datasets/[id]/runs/route';
import { GET as getBatchRoute } from '@/app/api/batches/[id]/route';
import { POST as cancelBatchRoute } from '@/app/api/batches/[id]/cancel/route';
import { GET as batchPredictionsRoute } from '@/app/api/batches/[id]/predictions/route';
import { getPrisma } from '@/lib/db/client';
import { getRunAsSystem } from '@/lib/db/runs';
import { getTrainQueue } from '@/lib/queue/train-queue';
import { csvForm } from '@/test/api';
import {
  api,
  attemptsOf,
  FAST_STALL_ENV,
  linesMatching,
  LONG_TRAINING,
  signIn,
  TINY_TRAINING,
  trainerOf,
  useFaultServices,
  waitFor,
  waitForLineIn,
  type WorkerProcess,
} from './harness';

const services = useFaultServices();

// Each batch trains its global LSTM, then every series: minutes on a loaded 2-core machine. A hang
// detector, not a speed target.
vi.setConfig({ testTimeout: 600_000 });

/**
 * Long layout, one row per store and day: `stores` stores of 120 days, and `short` that starts 112
 * days late: 8 points, too few for even the classical models with horizon 7 (a series too short
 * for just the LSTMs would succeed without them).
 */
function longCsv(stores: string[], short?: string): string {
  const rows: string[] = [];
  for (let day = 0; day < 120; day++) {
    const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
    stores.forEach((store, k) => {
      const value = 100 + 20 * k + day * (0.2 + 0.1 * k) + (8 + k) * Math.sin((2 * Math.PI * (day + k)) / 7);
      rows.push(`${date},${store},${value.toFixed(2)}`);
    });
    if (short && day >= 112) rows.push(`${date},${short},${(50 + day).toFixed(2)}`);
  }
  return ['date,store,sales', ...rows].join('\n') + '\n';
}

async function uploadLong(
  name: string,
  stores: string[],
  short?: string,
): Promise<{ datasetId: string; series: { id: string; name: string }[] }> {
  const { status, body } = await api(upload, {
    method: 'POST',
    body: csvForm(longCsv(stores, short), `${name}.csv`, { idColumns: 'store' }),
  });
  if (status !== 201) throw new Error(`Upload failed: ${status} ${JSON.stringify(body)}`);
  return { datasetId: body.dataset.id, series: body.dataset.series };
}

async function startBatch(datasetId: string, settings: Record<string, unknown>): Promise<string> {
  const { status, body } = await api(createBatchRoute, { method: 'POST', body: settings, params: { id: datasetId } });
  expect(status, JSON.stringify(body)).toBe(202);
  expect(body.batch.status).toBe('queued');
  return body.batch.id;
}

async function getBatch(batchId: string) {
  const { status, body } = await api(getBatchRoute, { params: { id: batchId } });
  expect(status).toBe(200);
  return body.batch;
}

/** Waits for the batch to end and for its parent job to have stored the summary. */
async function waitForBatch(batchId: string, timeoutMs = 300_000) {
  return waitFor(
    `batch ${batchId} to finish`,
    async () => {
      const batch = await getBatch(batchId);
      const parentDone = (await getTrainQueue().getJobState(batchId)) === 'completed';
      return batch.status !== 'queued' && batch.status !== 'running' && parentDone ? batch : undefined;
    },
    timeoutMs,
  );
}

/** What must not depend on which worker trained a series: every model's metrics and the champion. */
async function resultsByName(batchId: string): Promise<Record<string, unknown>> {
  const runs = await getPrisma().run.findMany({
    where: { batchId },
    select: { metrics: true, evaluation: true, series: { select: { name: true } } },
  });
  return Object.fromEntries(
    runs.map((run) => [
      run.series.name,
      {
        metrics: run.metrics,
        champion: (run.evaluation as { champion?: { model: string } } | null)?.champion?.model ?? null,
      },
    ]),
  );
}

let firstBatch: { batchId: string; datasetId: string } | undefined;

describe('a batch over a long-layout dataset', () => {
  it('is shared by two workers, reports the too-short series on its row, and matches one worker for a fixed seed', async () => {
    const { datasetId, series } = await uploadLong('stores', ['north', 'south', 'east', 'west'], 'tiny');
    expect(series.map((s) => s.name).sort()).toEqual(['east', 'north', 'south', 'tiny', 'west']);
    const workers = [await services().startWorker('batch-a'), await services().startWorker('batch-b')];
    const settings = { ...TINY_TRAINING, seed: 11 };

    const batchId = await startBatch(datasetId, settings);
    const batch = await waitForBatch(batchId);
    firstBatch = { batchId, datasetId };
    expect(batch.status).toBe('succeeded');
    expect(batch.progress).toBe(1);
    const rows: {
      name: string;
      status: string;
      runId: string;
      champion: string | null;
      mase: number | null;
      skill: number | null;
      error: string | null;
    }[] = batch.series;
    expect(rows.map((row) => row.name)).toEqual(['east', 'north', 'south', 'tiny', 'west']);
    for (const row of rows.filter((r) => r.name !== 'tiny')) {
      expect(row.status).toBe('succeeded');
      expect(row.champion).toEqual(expect.any(String));
      expect(row.mase).toEqual(expect.any(Number));
      expect(row.skill).toEqual(expect.any(Number));
      expect((await getRunAsSystem(row.runId))?.batchId).toBe(batchId);
    }
    const tiny = rows.find((row) => row.name === 'tiny')!;
    expect(tiny).toMatchObject({ status: 'failed', champion: null, mase: null });
    expect(tiny.error).toMatch(/has 8 points/);

    // The summary aggregates the four series that succeeded.
    expect(batch.summary).toMatchObject({ series: 5, succeeded: 4, failed: 1, cancelled: 0 });
    expect(batch.summary.models.seasonalNaive.series).toBe(4);
    expect(batch.summary.models.lstm.meanMase).toBeGreaterThan(0);
    expect(batch.summary.models.ets.wape).toBeGreaterThan(0);
    expect(batch.summary.lstmBeatsSeasonalNaive.series).toBe(4);
    expect(Object.values(batch.summary.champions as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(4);
    // Each of the 4 champions counts every model it is or averages, each model at most once per series.
    const inChampion = Object.values(batch.summary.inChampion as Record<string, number>);
    expect(inChampion.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(4);
    expect(Math.max(...inChampion)).toBeLessThanOrEqual(4);

    // ONE global LSTM for the whole batch: one job trained it, across the four series long
    // enough, and every series' leaderboard scores it (beside its own LSTMs: 5 series <= 20).
    expect(linesMatching(workers, new RegExp(`Batch ${batchId}: training its global LSTM`))).toHaveLength(1);
    expect(linesMatching(workers, new RegExp(`Batch ${batchId}: global LSTM trained on 4 series`))).toHaveLength(1);
    expect(await getPrisma().batchGlobalForecast.count({ where: { batchId } })).toBe(4);
    expect(batch.perSeriesLstm).toBe(true);
    expect(batch.globalLstm).toMatchObject({ status: 'succeeded', series: 4, fits: expect.any(Number) });
    for (const row of rows.filter((r) => r.name !== 'tiny')) {
      const run = await getPrisma().run.findUniqueOrThrow({ where: { id: row.runId }, select: { metrics: true } });
      const metrics = run.metrics as Record<string, { mase: number }>;
      expect(Object.keys(metrics)).toEqual(expect.arrayContaining(['lstm', 'lstmHybrid', 'lstmGlobal', 'ets']));
      expect(Number.isFinite(metrics.lstmGlobal.mase)).toBe(true);
    }
    expect(batch.summary.models.lstmGlobal.series).toBe(4);

    // Four chunks of one series each: with one job at a time per worker, both took some.
    const chunkLines = workers.map(
      (worker) => worker.lines.filter((line) => line.includes(`Batch ${batchId}: chunk`)).length,
    );
    expect(chunkLines.reduce((a, b) => a + b, 0)).toBe(4);
    for (const count of chunkLines) expect(count).toBeGreaterThan(0);
    await waitForLineIn(workers, new RegExp(`Batch ${batchId}: succeeded`));
    expect(linesMatching(workers, new RegExp(`Batch ${batchId}: succeeded`))).toHaveLength(1);

    // The same batch on one worker gives the same numbers.
    await workers[1].process.stop();
    const again = await startBatch(datasetId, settings);
    expect((await waitForBatch(again)).status).toBe('succeeded');
    expect(await resultsByName(again)).toEqual(await resultsByName(batchId));
    await workers[0].process.stop();
  });

  it('downloads every series in one long table: CSV, JSON and Parquet', async () => {
    const { batchId } = firstBatch!;
    const csvResponse = await batchPredictionsRoute(await authorized(`?format=csv`), {
      params: Promise.resolve({ id: batchId }),
    });
    expect(csvResponse.status).toBe(200);
    expect(csvResponse.headers.get('content-disposition')).toMatch(/\.csv"$/);
    const lines = (await csvResponse.text()).trim().split('\n');
    expect(lines[0]).toMatch(/^series,timestamp,forecast,actual,lo80,hi80,lo95,hi95,/);
    // Four series x (7 test + 7 future) rows.
    expect(lines).toHaveLength(1 + 4 * 14);
    expect(new Set(lines.slice(1).map((line) => line.split(',')[0]))).toEqual(
      new Set(['east', 'north', 'south', 'west']),
    );

    const { status, body } = await api(batchPredictionsRoute, { params: { id: batchId } });
    expect(status).toBe(200);
    expect(body.predictions).toHaveLength(4 * 14);

    const parquetResponse = await batchPredictionsRoute(await authorized(`?format=parquet`), {
      params: Promise.resolve({ id: batchId }),
    });
    expect(parquetResponse.headers.get('content-type')).toBe('application/vnd.apache.parquet');
    const table = await parquetReadObjects({ file: await parquetResponse.arrayBuffer() });
    expect(table).toHaveLength(4 * 14);
    expect(table.map((row) => row.forecast)).toEqual(body.predictions.map((row: { forecast: number }) => row.forecast));
  });

  it('cancels its runs in progress and queued; the batch stays cancelled', async () => {
    const { datasetId } = await uploadLong('cancel', ['a', 'b', 'c']);
    const worker = await services().startWorker('batch-cancel');
    const batchId = await startBatch(datasetId, LONG_TRAINING);
    await waitFor('a series of the batch to be training', async () =>
      (await getBatch(batchId)).series.some((row: { status: string }) => row.status === 'running'),
    );

    const { status, body } = await api(cancelBatchRoute, { method: 'POST', params: { id: batchId } });
    expect(status).toBe(200);
    expect(body.batch).toEqual({ id: batchId, status: 'cancelled' });
    const batch = await waitForBatch(batchId);
    expect(batch.status).toBe('cancelled');
    expect(batch.series.map((row: { status: string }) => row.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(batch.summary).toMatchObject({ series: 3, cancelled: 3 });
    await waitForLineIn([worker], / cancelled during training\./);
    expect((await api(cancelBatchRoute, { method: 'POST', params: { id: batchId } })).status).toBe(409);
    await worker.process.stop();
  });

  it('finishes when a worker is SIGKILLed mid-chunk: only that chunk is trained again', async () => {
    const { datasetId } = await uploadLong('killed', ['p', 'q']);
    const workers: WorkerProcess[] = [
      await services().startWorker('batch-kill-a', FAST_STALL_ENV),
      await services().startWorker('batch-kill-b', FAST_STALL_ENV),
    ];
    const batchId = await startBatch(datasetId, LONG_TRAINING);
    const runIds: string[] = (await getBatch(batchId)).series.map((row: { runId: string }) => row.runId);

    const victim = await waitFor('a run of the batch to be training with progress', async () => {
      for (const runId of runIds) {
        const run = await getRunAsSystem(runId);
        const trainer = run?.status === 'running' && run.progress > 0 ? trainerOf(workers, runId, 1) : undefined;
        if (trainer) return { runId, trainer };
      }
      return undefined;
    });
    victim.trainer.process.kill();
    expect((await victim.trainer.exited).signal).toBe('SIGKILL');

    const batch = await waitForBatch(batchId);
    expect(batch.status).toBe('succeeded');
    expect(batch.series.map((row: { status: string }) => row.status)).toEqual(['succeeded', 'succeeded']);
    // The killed series trained twice; the other chunk's series once.
    expect(await attemptsOf(victim.runId)).toBe(2);
    const other = runIds.find((id) => id !== victim.runId)!;
    expect(await attemptsOf(other)).toBe(1);
    expect(linesMatching(workers, new RegExp(`Run ${other}: training`))).toHaveLength(1);
    for (const worker of workers) if (worker !== victim.trainer) await worker.process.stop();
  });

  it("retries the global LSTM's job when its worker is SIGKILLed; the series then score the one model it stored", async () => {
    const { datasetId } = await uploadLong('global-killed', ['k1', 'k2', 'k3']);
    const workers: WorkerProcess[] = [
      await services().startWorker('global-kill-a', FAST_STALL_ENV),
      await services().startWorker('global-kill-b', FAST_STALL_ENV),
    ];
    const batchId = await startBatch(datasetId, { ...LONG_TRAINING, perSeriesLstm: false });
    const started = new RegExp(`Batch ${batchId}: training its global LSTM \\(attempt 1\\)`);
    const victim = await waitFor('the global LSTM to be training with progress', async () => {
      const trainer = workers.find((worker) => worker.lines.some((line) => started.test(line)));
      return trainer && (await getBatch(batchId)).globalLstm.progress > 0 ? trainer : undefined;
    });
    victim.process.kill();
    expect((await victim.exited).signal).toBe('SIGKILL');

    const batch = await waitForBatch(batchId);
    expect(batch.status).toBe('succeeded');
    expect(batch.perSeriesLstm).toBe(false);
    expect(batch.globalLstm).toMatchObject({ status: 'succeeded', series: 3 });
    // The other worker trained it again from the start, and stored it once.
    const survivor = workers.find((worker) => worker !== victim)!;
    expect(
      linesMatching([survivor], new RegExp(`Batch ${batchId}: training its global LSTM \\(attempt 2\\)`)),
    ).toHaveLength(1);
    expect(linesMatching(workers, new RegExp(`Batch ${batchId}: global LSTM trained on 3 series`))).toHaveLength(1);
    expect(await getPrisma().batchGlobalForecast.count({ where: { batchId } })).toBe(3);
    // Per-series LSTMs off: each series compared the classical models, the baselines and the global LSTM.
    for (const row of batch.series) {
      const run = await getPrisma().run.findUniqueOrThrow({ where: { id: row.runId }, select: { metrics: true } });
      const models = Object.keys(run.metrics as object);
      expect(models).toContain('lstmGlobal');
      expect(models).not.toContain('lstm');
      expect(models).not.toContain('lstmHybrid');
    }
    await survivor.process.stop();
  });

  it('is 404 for another user: read, predictions, cancel, and starting one on their dataset', async () => {
    const { batchId, datasetId } = firstBatch!;
    await signIn(`batch-other-${Date.now()}@example.test`);
    expect((await api(getBatchRoute, { params: { id: batchId } })).status).toBe(404);
    expect((await api(batchPredictionsRoute, { params: { id: batchId } })).status).toBe(404);
    expect((await api(cancelBatchRoute, { method: 'POST', params: { id: batchId } })).status).toBe(404);
    expect((await api(createBatchRoute, { method: 'POST', body: {}, params: { id: datasetId } })).status).toBe(404);
  });
});

/** A GET request with the signed-in account's token, for the download routes (api() parses JSON). */
async function authorized(search: string): Promise<Request> {
  let header = '';
  await api(async (request) => {
    header = request.headers.get('authorization') ?? '';
    return Response.json({});
  });
  return new Request(`http://horizon.test/${search}`, { headers: { authorization: header } });
}
