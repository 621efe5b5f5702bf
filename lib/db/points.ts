// Bulk load of observations with COPY, the fastest way into PostgreSQL (about 20x Prisma's
// createMany), on the caller's client so it joins the caller's transaction; and paged reads for
// downloads that must not hold a whole dataset in memory.
//
// COPY uses PostgreSQL's binary format: no timestamp text to format here or to parse on the
// server, which for a million points is most of the cost of the text format.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { getPool } from './client';

export interface PointsToCopy {
  seriesId: string;
  /** Epoch milliseconds. */
  t: ArrayLike<number>;
  v: ArrayLike<number>;
}

/** Bytes per COPY write: large enough that stream overhead per write does not matter. */
const CHUNK_BYTES = 256 * 1024;
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Binary timestamps count microseconds from 2000-01-01T00:00:00Z. */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_32 = 2 ** 32;

/** The binary COPY stream of (series_id, t, v) rows: header, one tuple per point, trailer. */
function* binaryRows(series: PointsToCopy[]): Generator<Buffer> {
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  SIGNATURE.copy(chunk, 0);
  let at = chunk.writeInt32BE(0, chunk.writeInt32BE(0, SIGNATURE.length)); // flags, header extension
  for (const { seriesId, t, v } of series) {
    const id = Buffer.from(seriesId, 'utf8');
    const rowBytes = 2 + 4 + id.length + 4 + 8 + 4 + 8;
    for (let i = 0; i < t.length; i++) {
      if (at + rowBytes > chunk.length) {
        yield chunk.subarray(0, at);
        chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, rowBytes));
        at = 0;
      }
      at = chunk.writeInt16BE(3, at);
      at = chunk.writeInt32BE(id.length, at);
      at += id.copy(chunk, at);
      // int64 microseconds as two 32-bit halves: exact, and no BigInt per row.
      const micros = (t[i] - PG_EPOCH_MS) * 1000;
      const high = Math.floor(micros / TWO_32);
      at = chunk.writeInt32BE(8, at);
      at = chunk.writeInt32BE(high, at);
      at = chunk.writeUInt32BE(micros - high * TWO_32, at);
      at = chunk.writeInt32BE(8, at);
      at = chunk.writeDoubleBE(v[i], at);
    }
  }
  if (at + 2 > chunk.length) {
    yield chunk.subarray(0, at);
    chunk = Buffer.allocUnsafe(2);
    at = 0;
  }
  at = chunk.writeInt16BE(-1, at);
  yield chunk.subarray(0, at);
}

export interface CopyOptions {
  /** `points` (default), or a staging table with the same three columns and types. A trusted name, never user input. */
  table?: string;
  /**
   * Every series id was inserted by the caller's own transaction, so the per-row foreign-key
   * check of points → series cannot fail. It is then skipped where the role may (a superuser, as
   * with the bundled PostgreSQL): that check is about two thirds of the time of a large COPY.
   */
  seriesCreatedInTransaction?: boolean;
}

/** Inserts every point of `series` on the caller's client; returns the number of rows copied. */
export async function copyPoints(client: pg.PoolClient, series: PointsToCopy[], options: CopyOptions = {}): Promise<number> {
  const skipChecks = options.seriesCreatedInTransaction === true && (await isSuperuser(client));
  // SET LOCAL ends with the transaction at the latest; it is reset right after the COPY.
  if (skipChecks) await client.query('SET LOCAL session_replication_role = replica');
  const copy = client.query(copyFrom(`COPY ${options.table ?? 'points'} (series_id, t, v) FROM STDIN (FORMAT binary)`));
  await pipeline(Readable.from(binaryRows(series), { objectMode: false }), copy);
  if (skipChecks) await client.query('SET LOCAL session_replication_role = DEFAULT');
  return copy.rowCount;
}

async function isSuperuser(client: pg.PoolClient): Promise<boolean> {
  const { rows } = await client.query<{ is_superuser: string }>('SHOW is_superuser');
  return rows[0]?.is_superuser === 'on';
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
