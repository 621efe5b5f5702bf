// The demo dataset: generated daily sales of a few stores, stored like an upload, so that a new
// install has something to forecast. `npm start` loads it into an empty database;
// `npm run db:seed-demo` loads it into DATABASE_URL unless it is there already.
import { pathToFileURL } from 'node:url';
import { disconnectDb } from '@/lib/db/client';
import { createDataset, listDatasets } from '@/lib/db/datasets';
import { makeStoreSalesCsv } from '@/lib/demo/store-sales';
import { parseCsv } from '@/lib/ingest';

export const DEMO_DATASET_NAME = 'Demo: store sales';

/** Stores the demo dataset unless one of that name exists. Returns whether it stored it. */
export async function seedDemo(): Promise<boolean> {
  const existing = await listDatasets();
  if (existing.some((dataset) => dataset.name === DEMO_DATASET_NAME)) return false;
  const parsed = await parseCsv(makeStoreSalesCsv());
  if (!parsed.ok) {
    throw new Error(`The generated demo CSV does not import: ${parsed.problems.map((p) => p.message).join('; ')}`);
  }
  await createDataset({ name: DEMO_DATASET_NAME, fileName: 'store-sales.csv', series: parsed.series });
  return true;
}

/** First start: the demo only goes into a database without any dataset. */
export async function seedDemoIfEmpty(): Promise<boolean> {
  if ((await listDatasets()).length > 0) return false;
  return seedDemo();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log((await seedDemo()) ? `Loaded "${DEMO_DATASET_NAME}".` : `"${DEMO_DATASET_NAME}" is already there.`);
  } finally {
    await disconnectDb();
  }
}
