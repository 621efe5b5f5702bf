// The block summaries a new dataset COPYs from memory (copyPointRollups) are row for row the ones
// the SQL rebuild computes from the stored points: on a parsed file with gaps, merged duplicate
// timestamps, millisecond times, repeated values (ties for lowest and highest) and a partial last
// block at every level; and on values PostgreSQL orders specially (NaN, ±Infinity, -0).
import { describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db/client';
import { createDataset } from '@/lib/db/datasets';
import { ROLLUP_LEVELS, rebuildPointRollups } from '@/lib/db/point-rollups';
import { parseCsv } from '@/lib/ingest';
import type { ParsedSeries } from '@/lib/ingest/types';
import { defaultUser } from '@/test/api';

/** Two full 4096-blocks and a partial third one, so every level ends with a short block. */
const POINTS = 2 * 4096 + 777;
const START = Date.UTC(2024, 0, 1);
const MINUTE = 60_000;

/** Minutely rows with every 10th minute missing, every 97th repeated, and values that tie often. */
function messyCsv(): string {
  const lines = ['time,sensor,value'];
  for (let i = 0, written = 0; written < POINTS; i++) {
    if (i % 10 === 9) continue;
    const time = new Date(START + i * MINUTE + (i % 1000)).toISOString();
    for (const sensor of ['a', 'b']) {
      const value = ((i * 7919 + (sensor === 'a' ? 0 : 3)) % 13) - 6;
      lines.push(`${time},${sensor},${value}`);
      if (i % 97 === 0) lines.push(`${time},${sensor},${value + 0.5}`);
    }
    written++;
  }
  return `${lines.join('\n')}\n`;
}

type RollupRow = (string | number)[];

/** Times as epoch ms, values as PostgreSQL prints them (so NaN, -0 and Infinity compare too). */
const ROLLUPS_OF = `
  SELECT series_id, level,
         (extract(epoch FROM t_first) * 1000)::float8, v_first::text,
         (extract(epoch FROM t_last) * 1000)::float8, v_last::text,
         (extract(epoch FROM t_low) * 1000)::float8, v_low::text,
         (extract(epoch FROM t_high) * 1000)::float8, v_high::text
    FROM point_rollups WHERE series_id = ANY($1::text[])
   ORDER BY series_id, level, t_first`;

async function storedRollups(seriesIds: string[]): Promise<RollupRow[]> {
  const { rows } = await getPool().query<RollupRow>({
    text: ROLLUPS_OF,
    values: [seriesIds],
    rowMode: 'array',
  });
  return rows;
}

/** What the SQL rebuild makes of the same stored points; rolled back, so it changes nothing. */
async function rebuiltInSql(seriesIds: string[]): Promise<RollupRow[]> {
  const client = await getPool().connect();
  try {
    await client.query('BEGIN');
    await rebuildPointRollups(client, seriesIds);
    const { rows } = await client.query<RollupRow>({
      text: ROLLUPS_OF,
      values: [seriesIds],
      rowMode: 'array',
    });
    return rows;
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

async function storeAndCompare(series: ParsedSeries[]): Promise<RollupRow[]> {
  const { scope } = await defaultUser();
  const dataset = await createDataset(scope, { name: 'rollups', fileName: null, series });
  const ids = dataset.series.map((s) => s.id);
  const copied = await storedRollups(ids);
  expect(copied).toEqual(await rebuiltInSql(ids));
  return copied;
}

describe('point rollups copied from memory', () => {
  it('equal the SQL rebuild on a parsed file with gaps, merged duplicates and partial blocks', async () => {
    const parsed = await parseCsv(messyCsv(), { duplicatePolicy: 'mean' });
    expect(parsed.ok).toBe(true);
    expect(parsed.series.map((s) => s.t.length)).toEqual([POINTS, POINTS]);
    expect(parsed.series.every((s) => s.gaps > 0 && s.duplicates > 0)).toBe(true);

    const rows = await storeAndCompare(parsed.series);
    for (const level of ROLLUP_LEVELS) {
      expect(rows.filter((row) => row[1] === level)).toHaveLength(2 * Math.ceil(POINTS / level));
    }
  });

  it('rank NaN above every number and keep the earliest low and the latest high, as PostgreSQL does', async () => {
    const values = [3, NaN, -Infinity, -0, 0, Infinity, NaN, -Infinity, 5];
    const v = Array.from({ length: 200 }, (_, i) => values[i % values.length]);
    const t = v.map((_, i) => START + i * MINUTE);
    const series: ParsedSeries = {
      name: 'odd',
      frequency: 'minutely',
      t,
      v,
      valueColumn: 'odd',
      gaps: 0,
      filled: 0,
      duplicates: 0,
    };

    const rows = await storeAndCompare([series]);
    const firstBlock = rows.find((row) => row[1] === 64)!;
    expect(firstBlock.slice(6)).toEqual([START + 2 * MINUTE, '-Infinity', START + 60 * MINUTE, 'NaN']);
  });
});
