// The points route on a long series (200,000 minutely points): exact answers for ranges that fit,
// downsampled ones that keep the extremes for ranges that do not — through each path getPointsAsSystem
// takes (stored block summaries of 1024, 256 and 64 points, the range's own points) — and
// summaries that follow appended points.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendPointsAsSystem } from '@/lib/db/append-points';
import { getPool } from '@/lib/db/client';
import { createDataset, deleteDataset } from '@/lib/db/datasets';
import type { ParsedSeries } from '@/lib/ingest/types';
import { callJson, defaultUser } from '@/test/api';
import { GET } from './route';

const POINTS = 200_000;
const START = Date.UTC(2024, 0, 1);
const MINUTE = 60_000;
const SPIKE = 123_457;
const DIP = 77_777;

const timeAt = (i: number) => START + i * MINUTE;
const valueAt = (i: number) => (i === SPIKE ? 1000 : i === DIP ? -1000 : 10 * Math.sin(i / 500) + (i % 7) / 10);
const iso = (i: number) => new Date(timeAt(i)).toISOString();

function minutelySeries(name: string, length: number, value: (i: number) => number): ParsedSeries {
  const t = Array.from({ length }, (_, i) => timeAt(i));
  return {
    name,
    frequency: 'minutely',
    t,
    v: t.map((_, i) => value(i)),
    valueColumn: name,
    gaps: 0,
    filled: 0,
    duplicates: 0,
  };
}

interface Point {
  t: string;
  v: number;
}

async function points(seriesId: string, query: string): Promise<Point[]> {
  const { status, body } = await callJson<{ points: Point[] }>(GET, { path: `/?${query}`, params: { id: seriesId } });
  expect(status).toBe(200);
  return body.points;
}

function expectTimeOrderWithin(chart: Point[], from: number, to: number) {
  const times = chart.map((p) => Date.parse(p.t));
  times.forEach((t, i) => {
    expect(t).toBeGreaterThanOrEqual(from);
    expect(t).toBeLessThanOrEqual(to);
    if (i > 0) expect(t).toBeGreaterThan(times[i - 1]);
  });
}

describe('GET /api/series/:id/points on a 200,000-point series', () => {
  let datasetId: string;
  let seriesId: string;

  beforeAll(async () => {
    const { scope } = await defaultUser();
    const dataset = await createDataset(scope, {
      name: 'long sensor',
      fileName: null,
      series: [minutelySeries('sensor', POINTS, valueAt)],
    });
    datasetId = dataset.id;
    seriesId = dataset.series[0].id;
  });

  afterAll(async () => {
    const { scope } = await defaultUser();
    await deleteDataset(scope, datasetId);
  });

  it('returns at most max points of the whole range, with its ends and its extremes', async () => {
    const chart = await points(seriesId, 'max=2000');
    expect(chart.length).toBeLessThanOrEqual(2000);
    expect(chart.length).toBeGreaterThan(1500);
    expect(chart[0]).toEqual({ t: iso(0), v: valueAt(0) });
    expect(chart.at(-1)).toEqual({ t: iso(POINTS - 1), v: valueAt(POINTS - 1) });
    expect(chart).toContainEqual({ t: iso(SPIKE), v: 1000 });
    expect(chart).toContainEqual({ t: iso(DIP), v: -1000 });
    expectTimeOrderWithin(chart, timeAt(0), timeAt(POINTS - 1));
    // Every point returned is a stored point, at its own time.
    for (const p of chart) {
      const i = (Date.parse(p.t) - START) / MINUTE;
      expect(p.v).toBeCloseTo(valueAt(i), 10);
    }
  });

  it('returns every point, exactly, of a range that fits in max', async () => {
    const chart = await points(seriesId, `from=${iso(150_000)}&to=${iso(151_499)}&max=2000`);
    expect(chart).toEqual(Array.from({ length: 1500 }, (_, k) => ({ t: iso(150_000 + k), v: valueAt(150_000 + k) })));
  });

  // Whole series (200,000 points) to 2000: blocks of 256. To 500 (append test): blocks of 1024.
  // 60,000 points: too few blocks of 256 or more for 2000 points, enough blocks of 64.
  // 20,000 points: too few blocks of either, so the range's points are read and downsampled.
  // Odd bounds cut blocks at both ends; the points beside them must still be there.
  for (const [label, from, to] of [
    ['blocks of 64', 70_013, 130_029],
    ["the range's own points", 70_001, 90_003],
  ] as const) {
    it(`keeps a zoomed range's ends and extremes (${label})`, async () => {
      const chart = await points(seriesId, `from=${iso(from)}&to=${iso(to)}&max=2000`);
      expect(chart.length).toBeLessThanOrEqual(2000);
      expect(chart.length).toBeGreaterThan(1000);
      expect(chart[0]).toEqual({ t: iso(from), v: valueAt(from) });
      expect(chart.at(-1)).toEqual({ t: iso(to), v: valueAt(to) });
      expect(chart).toContainEqual({ t: iso(DIP), v: -1000 });
      if (SPIKE <= to) expect(chart).toContainEqual({ t: iso(SPIKE), v: 1000 });
      expectTimeOrderWithin(chart, timeAt(from), timeAt(to));
    });
  }

  it('follows appended points: a new extreme shows in the whole-range chart', async () => {
    const replaced = 42_424;
    await appendPointsAsSystem(
      datasetId,
      [minutelySeries('sensor', replaced + 1, (i) => (i === replaced ? 5000 : valueAt(i)))],
      'replace',
    );
    const chart = await points(seriesId, 'max=500');
    expect(chart.length).toBeLessThanOrEqual(500);
    expect(chart).toContainEqual({ t: iso(replaced), v: 5000 });
    expect(chart).toContainEqual({ t: iso(DIP), v: -1000 });
  });

  it('leaves no block summaries behind when the dataset is deleted', async () => {
    const { scope } = await defaultUser();
    const other = await createDataset(scope, {
      name: 'short-lived',
      fileName: null,
      series: [minutelySeries('s', 5000, valueAt)],
    });
    const count = async () =>
      (
        await getPool().query<{ n: number }>('SELECT count(*)::int AS n FROM point_rollups WHERE series_id = $1', [
          other.series[0].id,
        ])
      ).rows[0].n;
    // 79 blocks of 64, then each level a quarter of the one below, rounded up: 20, 5, 2.
    expect(await count()).toBe(79 + 20 + 5 + 2);
    await deleteDataset(scope, other.id);
    expect(await count()).toBe(0);
  });
});
