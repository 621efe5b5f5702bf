// The demo dataset: generated daily sales of a few stores, stored like an upload and owned by the
// demo account (lib/demo/demo-account.ts), so that a new install has something to forecast. It has
// the chain's promotions and price beside the stores, with 14 future rows of them, and one queued
// demo run that uses them as known-future covariates with the US holiday calendar, so the first
// start shows what covariates do.
// `npm start` loads it into an empty database; `npm run db:seed-demo` loads it into the database
// `npm start` uses unless the demo account has it already.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Scope } from '@/lib/auth/scope';
import { createDataset, hasAnyDatasetAsSystem, listDatasets, type Dataset } from '@/lib/db/datasets';
import { ensureDemoAccount } from '@/lib/demo/demo-account';
import { makeStoreSalesCsv } from '@/lib/demo/store-sales';
import { parseCsv } from '@/lib/ingest';
import { closeTrainQueue } from '@/lib/queue/train-queue';
import { createRun } from '@/lib/runs/create-run';
import { withHorizonDatabase } from './services/horizon-database';

export const DEMO_DATASET_NAME = 'Demo: store sales';

/** Where the demo account's credentials are kept (beside the embedded database, never committed). */
export const DEMO_CREDENTIALS_FILE = join(process.cwd(), '.horizon', 'demo-account.json');

/**
 * Stores the demo dataset for `scope` unless it has one of that name, and queues its demo run when
 * REDIS_URL is set (npm start sets it; `npm run db:seed-demo` alone has no queue). Returns whether
 * it stored the dataset.
 */
export async function seedDemo(scope: Scope): Promise<boolean> {
  const existing = await listDatasets(scope);
  if (existing.some((dataset) => dataset.name === DEMO_DATASET_NAME)) return false;
  const parsed = await parseCsv(makeStoreSalesCsv({ promotions: true }));
  if (!parsed.ok) {
    throw new Error(`The generated demo CSV does not import: ${parsed.problems.map((p) => p.message).join('; ')}`);
  }
  const dataset = await createDataset(scope, {
    name: DEMO_DATASET_NAME,
    fileName: 'store-sales.csv',
    series: parsed.series,
  });
  if (process.env.REDIS_URL) {
    try {
      await createDemoRun(scope, dataset);
    } finally {
      await closeTrainQueue();
    }
  }
  return true;
}

/** The series of the demo run, and its known-future covariates. */
export const DEMO_RUN_SERIES = 'store_north';
const DEMO_COVARIATES = ['promotion', 'price'];

/**
 * One run on the first store with the promotions and price as known-future covariates, the US
 * holidays, and a horizon of the 14 future rows (queued; the worker trains it once it starts).
 */
async function createDemoRun(scope: Scope, dataset: Dataset): Promise<void> {
  const byName = new Map(dataset.series.map((series) => [series.name, series]));
  const target = byName.get(DEMO_RUN_SERIES);
  if (!target) throw new Error(`The demo dataset has no series "${DEMO_RUN_SERIES}".`);
  const covariates = DEMO_COVARIATES.map((name) => ({ seriesId: byName.get(name)!.id, knownFuture: true }));
  await createRun(scope, target, { horizon: 14, covariates, holidays: 'US' });
}

/** First start: the demo only goes into a database without any dataset (anyone's). */
export async function seedDemoIfEmpty(scope: Scope): Promise<boolean> {
  if (await hasAnyDatasetAsSystem()) return false;
  return seedDemo(scope);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const message = await withHorizonDatabase(async () => {
    const demo = await ensureDemoAccount(DEMO_CREDENTIALS_FILE);
    const stored = await seedDemo({ userId: demo.user.id });
    const run = stored && !process.env.REDIS_URL ? ' (without its demo run: set REDIS_URL to queue it)' : '';
    return `${stored ? `Loaded "${DEMO_DATASET_NAME}"${run}` : `"${DEMO_DATASET_NAME}" is already there`} for ${demo.email} (password: ${demo.password}).`;
  });
  console.log(message);
}
