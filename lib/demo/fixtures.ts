// The demo CSVs checked in under e2e/fixtures/, as generator options. store-sales.test.ts fails
// when a file no longer matches its generator; `npx tsx lib/demo/write-fixtures.ts` rewrites them.
import type { StoreSalesOptions } from './store-sales';

export const DEMO_FIXTURES: Record<string, StoreSalesOptions> = {
  /** Three years of all three stores: the dataset of the demo and the benchmarks. */
  'store-sales.csv': {},
  /** About four months of two stores, for fast end-to-end tests. */
  'small-sales.csv': { days: 120, stores: ['store_north', 'store_south'] },
  /** Four months of one store with its promotions and price, and 14 future rows (issue 22's e2e test). */
  'promo-sales.csv': { days: 120, stores: ['store_north'], promotions: true },
};

export const DEMO_FIXTURE_DIR = 'e2e/fixtures';
