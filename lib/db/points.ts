// Bulk load of observations with COPY, the fastest way into PostgreSQL (about 20x Prisma's
// createMany), on the caller's client so it joins the caller's transaction; and paged reads for
// downloads that must not hold a whole dataset in memory.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { getPool } from './client';

export interface PointsToCopy {
  seriesId: string;
  /** Epoch milliseconds. */
  t: number[];
  v: number[];
}

// Lines are sent in chunks: one write per point would make the stream overhead dominate.
const LINES_PER_CHUNK = 5_000;

/** COPY text format: tab-separated, one row per line. Ids, ISO timestamps and numbers need no escaping. */
function* copyLines(series: PointsToCopy[]): Generator<string> {
  let chunk = '';
  let lines = 0;
  for (const { seriesId, t, v } of series) {
    for (let i = 0; i < t.length; i++) {
      chunk += `${seriesId}\t${new Date(t[i]).toISOString()}\t${v[i]}\n`;
      if (++lines === LINES_PER_CHUNK) {
        yield chunk;
        chunk = '';
        lines = 0;
      }
    }
  }
  if (chunk) yield chunk;
}

/**
 * Inserts every point of `series`; returns the number of rows copied. `table` is a trusted name
 * (ours, never user input): `points`, or a staging table with the same three columns.
 */
export async function copyPoints(client: pg.PoolClient, series: PointsToCopy[], table = 'points'): Promise<number> {
  const copy = client.query(copyFrom(`COPY ${table} (series_id, t, v) FROM STDIN`));
  await pipeline(Readable.from(copyLines(series)), copy);
  return copy.rowCount;
}

/**
 * Up to `limit` points of one series after `after` (exclusive; null: from the start), oldest first.
 * Keyset paging on the (series_id, t) primary key: each page is an index range scan, however deep.
 */
export async function pointsPage(seriesId: string, after: Date | null, limit: number): Promise<{ t: Date; v: number }[]> {
  const { rows } = await getPool().query<{ t: Date; v: number }>(
    `SELECT t, v FROM points
      WHERE series_id = $1 AND ($2::timestamptz IS NULL OR t > $2)
      ORDER BY t LIMIT $3`,
    [seriesId, after, limit],
  );
  return rows;
}
