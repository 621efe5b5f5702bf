// createDatasetWhileReading's contract, with a reader that feeds the sink by hand: the early
// points are kept exactly when the reader says they match, under the series it maps them to.
import { describe, expect, it } from 'vitest';
import type { NewDataset } from '@/lib/db/datasets';
import type { ParsedSeries } from '@/lib/ingest/types';
import { defaultUser, storedRowCounts } from '@/test/api';
import { getPool } from './client';
import { createDatasetWhileReading } from './datasets';

const T0 = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;

function series(name: string, values: number[]): ParsedSeries {
  return {
    name,
    frequency: 'hourly',
    t: values.map((_, i) => T0 + i * HOUR),
    v: values,
    valueColumn: 'v',
    gaps: 0,
    filled: 0,
    duplicates: 0,
  };
}

async function storedValues(datasetId: string): Promise<Record<string, number[]>> {
  const { rows } = await getPool().query<{ name: string; values: number[] }>(
    `SELECT s.name, array_agg(p.v ORDER BY p.t) AS values
       FROM series s JOIN points p ON p.series_key = s.key WHERE s.dataset_id = $1 GROUP BY s.name`,
    [datasetId],
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.values]));
}

const dataset = (...members: ParsedSeries[]): NewDataset => ({ name: 'hand-fed', fileName: null, series: members });

describe('createDatasetWhileReading', () => {
  it('keeps the early points under the series the match maps them to, and drops the unused keys', async () => {
    const { scope } = await defaultUser();
    const before = await storedRowCounts();
    const created = await createDatasetWhileReading(scope, async (sink) => {
      expect(sink).not.toBeNull();
      for (let i = 0; i < 5; i++) {
        sink!.point(0, T0 + i * HOUR, 10 + i);
        sink!.point(1, T0 + i * HOUR, 20 + i);
        sink!.point(2, T0 + i * HOUR, 99);
      }
      await sink!.ready();
      // Series "a" is key 1 and "b" key 0: stored from the sink, so under the keys' points.
      return {
        dataset: dataset(series('a', [20, 21, 22, 23, 24]), series('b', [10, 11, 12, 13, 14])),
        early: { keys: [1, 0], unused: [2] },
      };
    });
    expect(await storedValues(created.id)).toEqual({ a: [20, 21, 22, 23, 24], b: [10, 11, 12, 13, 14] });
    const after = await storedRowCounts();
    expect(after.points - before.points).toBe(10);
    expect(created.series.map((s) => [s.name, s.points])).toEqual([
      ['a', 5],
      ['b', 5],
    ]);
  });

  it('stores the dataset itself when the early points do not match, none of them left behind', async () => {
    const { scope } = await defaultUser();
    const before = await storedRowCounts();
    const created = await createDatasetWhileReading(scope, async (sink) => {
      for (let i = 0; i < 5; i++) sink!.point(0, T0 + i * HOUR, -1);
      return { dataset: dataset(series('a', [1, 2, 3, 4, 5])), early: null };
    });
    expect(await storedValues(created.id)).toEqual({ a: [1, 2, 3, 4, 5] });
    expect((await storedRowCounts()).points - before.points).toBe(5);
  });

  it('stores nothing when the reader throws after feeding the sink', async () => {
    const { scope } = await defaultUser();
    const before = await storedRowCounts();
    await expect(
      createDatasetWhileReading(scope, async (sink) => {
        for (let i = 0; i < 100_000; i++) sink!.point(0, T0 + i * HOUR, i);
        await sink!.ready();
        throw new Error('the file was cut off');
      }),
    ).rejects.toThrow('the file was cut off');
    expect(await storedRowCounts()).toEqual(before);
  });
});
