// Rewrites the demo CSVs under e2e/fixtures/ from the generator: `npx tsx lib/demo/write-fixtures.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_FIXTURE_DIR, DEMO_FIXTURES } from './fixtures';
import { makeStoreSalesCsv } from './store-sales';

mkdirSync(DEMO_FIXTURE_DIR, { recursive: true });
for (const [file, options] of Object.entries(DEMO_FIXTURES)) {
  const path = join(DEMO_FIXTURE_DIR, file);
  writeFileSync(path, makeStoreSalesCsv(options));
  console.log(`wrote ${path}`);
}
