// `npm run bench -- batch`: a batch over a dataset of related daily series (default 100 series x
// 1,000 points, horizon 14, default training settings: per-series LSTMs off above 20 series, so each
// series compares the classical models, the baselines and the batch's one global LSTM), trained by 1
// and then 2 worker processes on a throwaway PostgreSQL + Redis: wall time of each (their ratio shows
// the fan-out), each worker's peak RSS (the kernel's VmHWM, read just before it stops), the global
// LSTM's fit time (all its fits, from the batch) against per-series LSTMs (a sample of
// HORIZON_BENCH_BATCH_LSTM_SAMPLE series run in this process with their own LSTM and hybrid LSTM,
// extrapolated to every series), the global LSTM's mean MASE against the mean of each series'
// best classical model, and each model's mean fit time per series (where a run's time goes).
// Targets (issue 21): <= 10 minutes with one worker on 2 cores, <= 600 MB RSS per worker, global
// LSTM mean MASE <= mean best-classical MASE.
// Smaller: HORIZON_BENCH_BATCH_SERIES, HORIZON_BENCH_BATCH_POINTS, HORIZON_BENCH_BATCH_EPOCHS,
// HORIZON_BENCH_BATCH_WORKERS (e.g. "1" to skip the 2-worker batch).
import { randomUUID } from 'node:crypto';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccount } from '@/lib/auth/accounts';
import { scopeOf } from '@/lib/auth/scope';
import { batchView } from '@/lib/batches/batch-view';
import { createBatch } from '@/lib/batches/create-batch';
import { getBatchAsSystem } from '@/lib/db/batches';
import { disconnectDb, getPrisma } from '@/lib/db/client';
import { createDataset } from '@/lib/db/datasets';
import { applyMigrations } from '@/lib/db/migrate';
import { runForecast } from '@/lib/forecast';
import type { ParsedSeries } from '@/lib/ingest/types';
import { closeBatchFlows } from '@/lib/queue/batch-flow';
import { closeTrainQueue } from '@/lib/queue/train-queue';
import { startWorker } from '../services/app-processes';
import { freePort } from '../services/free-port';
import type { ManagedProcess } from '../services/managed-process';
import { startPostgres } from '../services/postgres';
import { startRedis } from '../services/redis';
import { megabytes, seconds, table } from './format';
import type { BenchSection } from './section';

const SERIES = Number(process.env.HORIZON_BENCH_BATCH_SERIES ?? 100);
const POINTS = Number(process.env.HORIZON_BENCH_BATCH_POINTS ?? 1000);
const EPOCHS = process.env.HORIZON_BENCH_BATCH_EPOCHS ? Number(process.env.HORIZON_BENCH_BATCH_EPOCHS) : undefined;
const LSTM_SAMPLE = Number(process.env.HORIZON_BENCH_BATCH_LSTM_SAMPLE ?? 2);
const WORKER_COUNTS = (process.env.HORIZON_BENCH_BATCH_WORKERS ?? '1,2').split(',').map(Number);
const HORIZON = 14;
const CLASSICAL = ['mstl', 'ets', 'autoArima', 'theta'] as const;
const DAY = 86_400_000;

/** Related daily series: a shared weekly and yearly pattern and trend, each with its own level, scale and noise. */
function relatedSeries(count: number, points: number): ParsedSeries[] {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const start = Date.UTC(2021, 0, 1);
  return Array.from({ length: count }, (_, k) => {
    const level = 50 + 200 * random();
    const scale = 0.5 + random();
    const t = Array.from({ length: points }, (_, i) => start + i * DAY);
    const v = t.map((_, i) => {
      const weekly = 10 * Math.sin((2 * Math.PI * i) / 7) + 4 * Math.cos((4 * Math.PI * i) / 7);
      const yearly = 15 * Math.sin((2 * Math.PI * i) / 365.25);
      return Number((level + scale * (weekly + yearly + 0.02 * i) + 3 * (random() - 0.5)).toFixed(3));
    });
    return {
      name: `s${String(k).padStart(3, '0')}`,
      frequency: 'daily',
      t,
      v,
      valueColumn: 'value',
      gaps: 0,
      filled: 0,
      duplicates: 0,
    } as ParsedSeries;
  });
}

async function vmHwm(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/** Evaluations of the batch's succeeded runs: metrics and per-model fit times. */
async function succeededRuns(batchId: string) {
  const runs = await getPrisma().run.findMany({
    where: { batchId, status: 'succeeded' },
    select: { metrics: true, evaluation: true },
  });
  return runs.map((run) => ({
    metrics: (run.metrics ?? {}) as Record<string, { mase?: number } | undefined>,
    fitMs: ((run.evaluation ?? {}) as { fitMs?: Record<string, number | null> }).fitMs ?? {},
  }));
}

/** Mean MASE of the global LSTM and of each series' best classical model, over the series with both. */
function globalVsClassical(runs: Awaited<ReturnType<typeof succeededRuns>>): string[][] {
  const pairs = runs.flatMap(({ metrics }) => {
    const global = metrics.lstmGlobal?.mase;
    const classical = CLASSICAL.map((m) => metrics[m]?.mase).filter((x): x is number => Number.isFinite(x));
    return global !== undefined && Number.isFinite(global) && classical.length > 0
      ? [[global, Math.min(...classical)]]
      : [];
  });
  const mean = (k: number) => pairs.reduce((sum, pair) => sum + pair[k], 0) / pairs.length;
  const wins = pairs.filter(([global, classical]) => global <= classical).length;
  return [
    [`global LSTM (${pairs.length} series)`, mean(0).toFixed(3)],
    ['best classical model of each series', mean(1).toFixed(3)],
    ['series where the global LSTM is at least as good', `${wins}/${pairs.length}`],
  ];
}

/** Where a run's time goes: each model's mean fit time per series (all its backtest fits and the future fit). */
function fitTimes(runs: Awaited<ReturnType<typeof succeededRuns>>): string[][] {
  const totals = new Map<string, number>();
  for (const { fitMs } of runs) {
    for (const [model, ms] of Object.entries(fitMs)) {
      if (typeof ms === 'number' && Number.isFinite(ms)) totals.set(model, (totals.get(model) ?? 0) + ms);
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1]).map(([model, ms]) => [model, seconds(ms / Math.max(1, runs.length))]);
}

async function waitForBatch(batchId: string): Promise<void> {
  for (;;) {
    const batch = await getBatchAsSystem(batchId);
    if (batch && !['queued', 'running'].includes(batch.status)) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export const batch: BenchSection = {
  name: 'batch',
  description: `a batch of ${SERIES} daily series x ${POINTS} points, horizon ${HORIZON}: 1 vs 2 workers, peak RSS, global vs per-series LSTM fit`,
  async run() {
    const dir = await mkdtemp(join(tmpdir(), 'horizon-bench-batch-'));
    const postgres = await startPostgres({ dataDir: join(dir, 'postgres'), port: await freePort() });
    const redis = await startRedis({ dir: join(dir, 'redis'), port: await freePort() });
    const workers: ManagedProcess[] = [];
    try {
      await applyMigrations(postgres.url);
      await disconnectDb();
      process.env.DATABASE_URL = postgres.url;
      process.env.REDIS_URL = redis.url;
      const { user } = await createAccount({ email: `bench-${randomUUID()}@horizon.test`, password: randomUUID() });
      const series = relatedSeries(SERIES, POINTS);
      const dataset = await createDataset(scopeOf(user), { name: 'bench batch', fileName: null, series });
      const settings = { horizon: HORIZON, ...(EPOCHS ? { epochs: EPOCHS } : {}) };

      const rows: string[][] = [];
      let firstMs = 0;
      let globalMs = Number.NaN;
      let globalInfo = '';
      let accuracy: string[][] = [];
      let perModel: string[][] = [];
      for (const count of WORKER_COUNTS) {
        const started = workers.length;
        for (let i = 0; i < count; i++) {
          workers.push(
            startWorker({
              env: { DATABASE_URL: postgres.url, REDIS_URL: redis.url, HORIZON_WORKER_NAME: `bench-${count}-${i}` },
              onLine: () => undefined,
            }),
          );
        }
        const mine = workers.slice(started);
        const t0 = performance.now();
        const created = await createBatch(scopeOf(user), dataset, settings);
        await waitForBatch(created.id);
        const wallMs = performance.now() - t0;
        const peaks = await Promise.all(mine.map((worker) => vmHwm(worker.pid)));
        await Promise.all(mine.map((worker) => worker.stop()));
        const view = await batchView((await getBatchAsSystem(created.id))!);
        if (rows.length === 0) {
          firstMs = wallMs;
          const global = view.globalLstm;
          globalMs = global?.fitMs ?? Number.NaN;
          globalInfo = `${global?.series ?? '?'} series, ${global?.fits ?? '?'} fits, ${global?.status ?? 'none'}`;
          const runs = await succeededRuns(created.id);
          accuracy = globalVsClassical(runs);
          perModel = fitTimes(runs);
          console.error(`  ${accuracy.map((row) => row.join(': ')).join('; ')}`);
          console.error(`  mean fit time per series: ${perModel.map((row) => row.join(' ')).join(', ')}`);
        }
        rows.push([
          `${count} worker${count === 1 ? '' : 's'}`,
          seconds(wallMs),
          rows.length === 0 ? '1.00' : (firstMs / wallMs).toFixed(2),
          `${view.summary.succeeded}/${view.summary.series}`,
          view.perSeriesLstm ? 'on' : 'off',
          peaks.map((peak) => (peak === null ? 'n/a' : megabytes(peak))).join(', '),
        ]);
        // As it goes (stderr): a long batch on a loaded machine should not show nothing until the end.
        console.error(`  ${rows.at(-1)!.join(' | ')}; global LSTM: ${globalInfo}, ${seconds(globalMs)}`);
      }

      // Per-series LSTMs (the plain and the hybrid one) on a sample of the series, in this process,
      // with the batch's settings: their fit time, extrapolated to every series.
      const sample = series.slice(0, Math.max(1, Math.min(LSTM_SAMPLE, SERIES)));
      let sampleLstmMs = 0;
      for (const one of sample) {
        const result = await runForecast({ t: one.t, v: one.v, frequency: 'daily' }, settings);
        sampleLstmMs += (result.models.lstm?.fitMs ?? 0) + (result.models.lstmHybrid?.fitMs ?? 0);
      }
      const perSeriesLstmMs = (sampleLstmMs / sample.length) * SERIES;

      return [
        table(['Batch', 'wall', 'speed-up', 'series ok', 'per-series LSTMs', 'peak RSS per worker'], rows),
        '',
        table(
          ['LSTM fit (backtest fits + refit)', 'time'],
          [
            [`one global LSTM for the batch (${globalInfo})`, seconds(globalMs)],
            [
              `${SERIES} per-series LSTM + hybrid LSTM (${sample.length} run here, x ${(SERIES / sample.length).toFixed(1)})`,
              seconds(perSeriesLstmMs),
            ],
          ],
        ),
        '',
        table(['Backtest MASE over the series (first batch)', 'mean'], accuracy),
        '',
        table(['Model (first batch)', 'mean fit time per series'], perModel),
      ].join('\n');
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
      await closeBatchFlows();
      await closeTrainQueue();
      await disconnectDb();
      await redis.stop();
      await postgres.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
