// `npm run bench -- batch`: a batch over a dataset of related daily series (default 100 series x
// 1,000 points, horizon 14, default training settings), trained by 1 and then 2 worker processes
// on a throwaway PostgreSQL + Redis: wall time of each (their ratio shows the fan-out), each
// worker's peak RSS (the kernel's VmHWM, read just before it stops), and the LSTM fit time of
// the per-series LSTMs (sum over the batch's runs) against one global LSTM trained across every
// series (a single run with globalLstm, in this process). Targets (issue 21): <= 10 minutes with
// one worker on 2 cores, <= 600 MB RSS per worker.
// Smaller: HORIZON_BENCH_BATCH_SERIES, HORIZON_BENCH_BATCH_POINTS, HORIZON_BENCH_BATCH_EPOCHS.
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
const HORIZON = 14;
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
      let perSeriesLstmMs = 0;
      let oneWorkerMs = 0;
      for (const count of [1, 2]) {
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
        if (count === 1) {
          oneWorkerMs = wallMs;
          const runs = await getPrisma().run.findMany({ where: { batchId: created.id }, select: { evaluation: true } });
          perSeriesLstmMs = runs.reduce(
            (sum, run) => sum + ((run.evaluation as { fitMs?: { lstm?: number } } | null)?.fitMs?.lstm ?? 0),
            0,
          );
        }
        rows.push([
          `${count} worker${count === 1 ? '' : 's'}`,
          seconds(wallMs),
          count === 1 ? '1.00' : (oneWorkerMs / wallMs).toFixed(2),
          `${view.summary.succeeded}/${view.summary.series}`,
          peaks.map((peak) => (peak === null ? 'n/a' : megabytes(peak))).join(', '),
        ]);
      }

      // One global LSTM across every series: a single run whose related series are all the others.
      const [target, ...others] = series;
      const global = await runForecast(
        { t: target.t, v: target.v, frequency: 'daily' },
        { ...settings, globalLstm: true },
        {},
        {
          related: others.map((s) => ({ name: s.name, t: s.t, v: s.v, frequency: s.frequency })),
        },
      );
      const globalMs = global.models.lstmGlobal?.fitMs ?? Number.NaN;
      const scores = global.models.lstmGlobal
        ? `MASE ${global.models.lstmGlobal.metrics.mase.toFixed(3)} on ${target.name}`
        : 'not trained';

      return [
        table(['Batch', 'wall', 'speed-up', 'series ok', 'peak RSS per worker'], rows),
        '',
        table(
          ['LSTM fit (backtest windows + refit)', 'time'],
          [
            [`${SERIES} per-series LSTMs (sum over the 1-worker batch)`, seconds(perSeriesLstmMs)],
            [`one global LSTM across ${global.globalLstm?.series ?? '?'} series (${scores})`, seconds(globalMs)],
          ],
        ),
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
