import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/ingest';
import { DEMO_FIXTURE_DIR, DEMO_FIXTURES } from './fixtures';
import { makeStoreSalesCsv } from './store-sales';

const ROOT = join(import.meta.dirname, '../..');

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

describe('makeStoreSalesCsv', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(makeStoreSalesCsv({ seed: 7, days: 60 })).toBe(makeStoreSalesCsv({ seed: 7, days: 60 }));
    expect(makeStoreSalesCsv({ seed: 7, days: 60 })).not.toBe(makeStoreSalesCsv({ seed: 8, days: 60 }));
  });

  it('writes three years of daily sales ending 2026-10-31 by default', async () => {
    const csv = makeStoreSalesCsv();
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('date,store_north,store_south,store_online');
    expect(lines[1].startsWith('2023-11-01,')).toBe(true);
    expect(lines.at(-1)?.startsWith('2026-10-31,')).toBe(true);

    const file = await parseCsv(csv);
    expect(file.problems).toEqual([]);
    expect(file.ok).toBe(true);
    expect(file.series.map((s) => [s.name, s.frequency, s.t.length])).toEqual([
      ['store_north', 'daily', 1096],
      ['store_south', 'daily', 1096],
      ['store_online', 'daily', 1096],
    ]);
  });

  it('has positive values, a rising trend and weekly and yearly seasonality', async () => {
    const file = await parseCsv(makeStoreSalesCsv());
    for (const series of file.series) {
      expect(Math.min(...series.v)).toBeGreaterThan(0);
      const firstYear = mean(series.v.slice(0, 365));
      const lastYear = mean(series.v.slice(-365));
      expect(lastYear).toBeGreaterThan(firstYear);
    }
    const north = file.series[0];
    const byWeekday = (day: number) => mean(north.v.filter((_, i) => new Date(north.t[i]).getUTCDay() === day));
    expect(byWeekday(6)).toBeGreaterThan(1.3 * byWeekday(1)); // Saturdays beat Mondays
    const byMonth = (month: number) => mean(north.v.filter((_, i) => new Date(north.t[i]).getUTCMonth() === month));
    expect(byMonth(11)).toBeGreaterThan(1.2 * byMonth(5)); // December beats June
  });

  it('honours start, days and stores', async () => {
    const csv = makeStoreSalesCsv({ start: '2025-02-27', days: 3, stores: ['store_online'] });
    expect(
      csv
        .trimEnd()
        .split('\n')
        .map((line) => line.split(',')[0]),
    ).toEqual(['date', '2025-02-27', '2025-02-28', '2025-03-01']);
    expect(() => makeStoreSalesCsv({ start: '2025-02-30' })).toThrow(/start must be a date/);
    expect(() => makeStoreSalesCsv({ days: 0 })).toThrow(/days must be a positive integer/);
  });

  it.each(Object.entries(DEMO_FIXTURES))('%s matches its generator', (file, options) => {
    const onDisk = readFileSync(join(ROOT, DEMO_FIXTURE_DIR, file), 'utf8');
    // When this fails, regenerate with: npx tsx lib/demo/write-fixtures.ts
    expect(onDisk).toBe(makeStoreSalesCsv(options));
  });

  it('with promotions: promotion and price columns that drive the sales, US holidays, and 14 future rows', async () => {
    const csv = makeStoreSalesCsv({ promotions: true });
    expect(csv.slice(0, csv.indexOf('\n'))).toBe('date,store_north,store_south,store_online,promotion,price');
    // The stores' own noise is drawn as without promotions: only the drivers change the values.
    const plain = makeStoreSalesCsv().trimEnd().split('\n');
    const lines = csv.trimEnd().split('\n');
    expect(lines).toHaveLength(plain.length + 14);
    expect(lines.at(-1)).toMatch(/^2026-11-14,,,,[01],\d+\.\d\d$/);

    const file = await parseCsv(csv);
    expect(file.ok).toBe(true);
    expect(file.futureRows).toMatchObject({ rows: 14, covariates: ['promotion', 'price'], targetCount: 3 });
    const [north, , online, promotion, price] = file.series;
    expect(promotion.t).toHaveLength(1096 + 14);
    const at = (series: typeof north, t: number) => series.v[series.t.indexOf(t)];
    // Against the same day without promotions, a promotion day sells more, a cut price too.
    const plainNorth = (await parseCsv(makeStoreSalesCsv())).series[0];
    const ratios = (pick: (t: number) => boolean) =>
      mean(north.t.filter(pick).map((t) => at(north, t) / at(plainNorth, t)));
    expect(ratios((t) => at(promotion, t) === 1)).toBeGreaterThan(1.4);
    expect(ratios((t) => at(promotion, t) === 0 && at(price, t) < 10)).toBeGreaterThan(1.05);
    // Christmas Day: the walk-in store is closed, the online shop open.
    const christmas = Date.UTC(2025, 11, 25);
    expect(at(north, christmas) / at(plainNorth, christmas)).toBeLessThan(0.3);
    expect(at(online, christmas)).toBeGreaterThan(0.3 * at((await parseCsv(makeStoreSalesCsv())).series[2], christmas));
  });

  it('the small fixture has two stores and about four months', async () => {
    const file = await parseCsv(makeStoreSalesCsv(DEMO_FIXTURES['small-sales.csv']));
    expect(file.ok).toBe(true);
    expect(file.valueColumns).toEqual(['store_north', 'store_south']);
    expect(file.series[0].t).toHaveLength(120);
  });
});
