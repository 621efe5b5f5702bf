// The demo dataset: generated daily sales of a few stores, stored like an upload and owned by the
// demo account (lib/demo/demo-account.ts), so that a new install has something to forecast.
// `npm start` loads it into an empty database; `npm run db:seed-demo` loads it into the database
// `npm start` uses unless the demo account has it already.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Scope } from '@/lib/auth/scope';
import { createDataset, hasAnyDatasetAsSystem, listDatasets } from '@/lib/db/datasets';
import { ensureDemoAccount } from '@/lib/demo/demo-account';
import { makeStoreSalesCsv } from '@/lib/demo/store-sales';
import { parseCsv } from '@/lib/ingest';
import { withHorizonDatabase } from './services/horizon-database';

export const DEMO_DATASET_NAME = 'Demo: store sales';

/** Where the demo account's credentials are kept (beside the embedded database, never committed). */
export const DEMO_CREDENTIALS_FILE = join(process.cwd(), '.horizon', 'demo-account.json');

/** Stores the demo dataset for `scope` unless it has one of that name. Returns whether it stored it. */
export async function seedDemo(scope: Scope): Promise<boolean> {
  const existing = await listDatasets(scope);
  if (existing.some((dataset) => dataset.name === DEMO_DATASET_NAME)) return false;
  const parsed = await parseCsv(makeStoreSalesCsv());
  if (!parsed.ok) {
    throw new Error(`The generated demo CSV does not import: ${parsed.problems.map((p) => p.message).join('; ')}`);
  }
  await createDataset(scope, { name: DEMO_DATASET_NAME, fileName: 'store-sales.csv', series: parsed.series });
  return true;
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
    return `${stored ? `Loaded "${DEMO_DATASET_NAME}"` : `"${DEMO_DATASET_NAME}" is already there`} for ${demo.email} (password: ${demo.password}).`;
  });
  console.log(message);
}
