// Block summaries of a series' points (table point_rollups): the first, last, lowest and highest
// of every 64 consecutive points, and of every 256, 1024 and 4096. A chart of any range reads at
// most a couple of thousand of these instead of scanning up to millions of rows. Every writer of points rebuilds the
// summaries of the series it touched, in its own transaction: a new dataset COPYs them from its
// points in memory (copyPointRollups), an append recomputes them in SQL from the merged points.
import type pg from 'pg';
import { BinaryCopyWriter, copyBinary, FIELD_BYTES, textFieldBytes } from './binary-copy';
import { getPool } from './client';
import type { PointsToCopy } from './points';
import type { BucketSummary, TimePoint } from './points-downsample';
import { rollupBlocks } from './rollup-blocks';

/** Points per block, coarsest first: each level groups four blocks of the next finer one. */
export const ROLLUP_LEVELS = [4096, 1024, 256, 64] as const;
export type RollupLevel = (typeof ROLLUP_LEVELS)[number];
const FINEST = ROLLUP_LEVELS[ROLLUP_LEVELS.length - 1];

/**
 * Recomputes the summaries of `seriesIds` from their points: the finest level from the points (one
 * ordered pass over each series' primary-key range), each coarser one from the level below.
 * Arrays compare element by element, so min(ARRAY[epoch, v]) is a block's first point and
 * min(ARRAY[v, epoch]) its lowest.
 */
export async function rebuildPointRollups(client: pg.PoolClient, seriesIds: readonly string[]): Promise<void> {
  if (seriesIds.length === 0) return;
  const ids = [...seriesIds];
  await client.query('DELETE FROM point_rollups WHERE series_id = ANY($1::text[])', [ids]);
  await client.query(
    `INSERT INTO point_rollups (series_id, level, t_first, v_first, t_last, v_last, t_low, v_low, t_high, v_high)
     SELECT series_id, $2,
            to_timestamp(first[1]), first[2], to_timestamp(last[1]), last[2],
            to_timestamp(low[2]), low[1], to_timestamp(high[2]), high[1]
       FROM (SELECT series_id, min(ARRAY[e, v]) AS first, max(ARRAY[e, v]) AS last,
                    min(ARRAY[v, e]) AS low, max(ARRAY[v, e]) AS high
               FROM (SELECT s.id AS series_id, date_part('epoch', p.t) AS e, p.v,
                            (row_number() OVER (PARTITION BY s.id ORDER BY p.t) - 1) / $2 AS block
                       FROM points p JOIN series s ON s.key = p.series_key
                      WHERE s.id = ANY($1::text[])) AS p
              GROUP BY series_id, block) AS b`,
    [ids, FINEST],
  );
  const coarser = [...ROLLUP_LEVELS].reverse().slice(1);
  for (const level of coarser) {
    await client.query(
      `INSERT INTO point_rollups (series_id, level, t_first, v_first, t_last, v_last, t_low, v_low, t_high, v_high)
       SELECT series_id, $2,
              to_timestamp(first[1]), first[2], to_timestamp(last[1]), last[2],
              to_timestamp(low[2]), low[1], to_timestamp(high[2]), high[1]
         FROM (SELECT series_id,
                      min(ARRAY[date_part('epoch', t_first), v_first]) AS first,
                      max(ARRAY[date_part('epoch', t_last), v_last]) AS last,
                      min(ARRAY[v_low, date_part('epoch', t_low)]) AS low,
                      max(ARRAY[v_high, date_part('epoch', t_high)]) AS high
                 FROM (SELECT *, (row_number() OVER (PARTITION BY series_id ORDER BY t_first) - 1) / 4 AS block
                         FROM point_rollups
                        WHERE series_id = ANY($1::text[]) AND level = $3) AS r
                GROUP BY series_id, block) AS b`,
      [ids, level, level / 4],
    );
  }
}

const ROLLUP_COLUMNS =
  'point_rollups (series_id, level, t_first, v_first, t_last, v_last, t_low, v_low, t_high, v_high)';

function* binaryRollups(series: readonly PointsToCopy[]): Generator<Buffer> {
  const out = new BinaryCopyWriter();
  for (const { seriesId, t, v } of series) {
    const id = Buffer.from(seriesId, 'utf8');
    const fieldBytes = textFieldBytes(id) + FIELD_BYTES.int4 + 4 * (FIELD_BYTES.timestamptz + FIELD_BYTES.float8);
    for (const level of ROLLUP_LEVELS) {
      for (const block of rollupBlocks(v, level)) {
        const full = out.row(10, fieldBytes);
        if (full) yield full;
        out.text(id);
        out.int4(level);
        for (const at of [block.first, block.last, block.low, block.high]) {
          out.timestamptz(t[at]);
          out.float8(v[at]);
        }
      }
    }
  }
  yield* out.end();
}

/**
 * Writes the summaries of series that have no stored points besides `series`' own (a new
 * dataset), from the points in memory: the same rows rebuildPointRollups would compute, without
 * reading the points back. `t` must be ascending.
 */
export async function copyPointRollups(client: pg.PoolClient, series: readonly PointsToCopy[]): Promise<void> {
  await copyBinary(client, ROLLUP_COLUMNS, binaryRollups(series));
}

/** Points written at once above which the tables' planner statistics are refreshed right away. */
export const ANALYZE_AFTER_POINTS = 100_000;

/**
 * After a bulk load, once it is committed: refreshes the planner statistics of points and
 * point_rollups. Until autovacuum gets to it (a minute or more), PostgreSQL plans chart queries
 * on a freshly loaded million points as if the tables were nearly empty, and zoomed charts of
 * the new series take 170 ms instead of 40 (measured by `npm run bench -- points`). ANALYZE reads
 * a fixed-size sample, a fraction of a second whatever the table's size.
 *
 * Started, not awaited: the rows are stored and readable already, the statistics only steer
 * plans, and the answer to an upload need not wait the 0.3-0.8 s they take. A failure costs
 * chart speed until autovacuum runs, never the write.
 */
export function analyzeAfterBulkLoad(pointsWritten: number): void {
  if (pointsWritten < ANALYZE_AFTER_POINTS) return;
  getPool()
    .query('ANALYZE points, point_rollups')
    .catch((error: Error) => {
      console.warn(
        `ANALYZE after a bulk load failed (charts of it may be slow until autovacuum runs): ${error.message}`,
      );
    });
}

/**
 * The blocks of one level that lie wholly inside [from, to], oldest first: an index range scan on
 * the (series_id, level, t_first) primary key. Blocks cut by either end are left out; the caller
 * reads the few points beside them itself.
 */
export async function readRollupBlocksAsSystem(
  seriesId: string,
  level: RollupLevel,
  from: Date,
  to: Date,
): Promise<BucketSummary[]> {
  const { rows } = await getPool().query<number[]>({
    text: `SELECT round(date_part('epoch', t_first) * 1000), v_first,
                  round(date_part('epoch', t_last) * 1000), v_last,
                  round(date_part('epoch', t_low) * 1000), v_low,
                  round(date_part('epoch', t_high) * 1000), v_high
             FROM point_rollups
            WHERE series_id = $1 AND level = $2 AND t_first >= $3 AND t_first <= $4 AND t_last <= $4
            ORDER BY t_first`,
    values: [seriesId, level, from, to],
    rowMode: 'array',
  });
  const point = (row: number[], at: number): TimePoint => [row[at], row[at + 1]];
  return rows.map((row) => ({ first: point(row, 0), last: point(row, 2), low: point(row, 4), high: point(row, 6) }));
}
