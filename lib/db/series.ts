// Series: metadata through Prisma; points through the raw pool, where a million rows read as
// arrays instead of objects.
import type { Point, Series } from '@/lib/api/schemas/responses';
import type { Scope } from './scope';
import type { Frequency, SeriesData } from '@/lib/forecast/types';
import { getPool, getPrisma } from './client';
import { readRollupBlocksAsSystem, ROLLUP_LEVELS } from './point-rollups';
import { bucketCandidates, downsamplePoints, type TimePoint } from './points-downsample';
import type { Series as SeriesRow } from './generated/prisma/client';

/** The `Series` shape of the API. */
export type { Series };

/** A chart point (lib/api/schemas/responses.ts). */
export type { Point };

export interface PointsQuery {
  from?: Date;
  to?: Date;
  /**
   * At most this many points come back (at least 3): every point of a range that has no more,
   * else a downsampled shape keeping the first, last, lowest and highest point.
   */
  max: number;
}

export function toSeries(row: SeriesRow): Series {
  return {
    id: row.id,
    datasetId: row.datasetId,
    name: row.name,
    frequency: row.frequency as Frequency,
    points: row.pointCount,
    start: row.start?.toISOString() ?? null,
    end: row.end?.toISOString() ?? null,
    timeOffset: row.timeOffset,
    timeZone: row.timeZone,
  };
}

/** A series row's columns under the names Prisma gives them, for raw queries that end in toSeries. */
export const SERIES_COLUMNS = `s.id, s.dataset_id AS "datasetId", s.name, s.frequency, s.point_count AS "pointCount",
  s.start, s."end", s.time_offset AS "timeOffset", s.time_zone AS "timeZone", s.created_at AS "createdAt"`;

/**
 * Null when there is no such series or it belongs to someone else. Raw SQL on the pool: every
 * series page and chart asks for it, and Prisma's query pipeline costs more CPU than the query.
 */
export async function getSeries(scope: Scope, id: string): Promise<Series | null> {
  const { rows } = await getPool().query<SeriesRow>({
    name: 'owned-series',
    text: `SELECT ${SERIES_COLUMNS} FROM series s JOIN datasets d ON d.id = s.dataset_id WHERE s.id = $1 AND d.user_id = $2`,
    values: [id, scope.userId],
  });
  return rows[0] ? toSeries(rows[0]) : null;
}

/**
 * The version of the series' points, or null when there is no such series or it belongs to
 * someone else: one indexed lookup, the access check of the points API. It is the series row's
 * xmin, the id of the transaction that last wrote the row. Every writer of points writes the row
 * in the same transaction (a new dataset inserts it; an append recomputes its count and range),
 * so new points always come with a new version, and cached answers of the old one stop matching.
 */
export async function getPointsVersion(scope: Scope, id: string): Promise<string | null> {
  const { rows } = await getPool().query<{ version: string }>({
    // Named (prepared once per pool connection) like the other per-request lookups.
    name: 'owned-series-points-version',
    text: `SELECT s.xmin::text AS version
             FROM series s JOIN datasets d ON d.id = s.dataset_id
            WHERE s.id = $1 AND d.user_id = $2`,
    values: [id, scope.userId],
  });
  return rows[0]?.version ?? null;
}

/**
 * System scope, for the worker, which acts for the owner of the run or schedule it was given:
 * reads any user's series. Routes use getSeries.
 */
export async function getSeriesAsSystem(id: string): Promise<Series | null> {
  const row = await getPrisma().series.findUnique({ where: { id } });
  return row && toSeries(row);
}

/**
 * Points with from ≤ t ≤ to (an undefined end is open), oldest first, at most `limit`. Epoch
 * milliseconds come from date_part (float8), several times faster than extract (numeric).
 */
async function readPointRange(seriesId: string, from?: Date, to?: Date, limit?: number): Promise<TimePoint[]> {
  const { rows } = await getPool().query<TimePoint>({
    text: `SELECT round(date_part('epoch', t) * 1000), v
             FROM points
            WHERE series_key = (SELECT key FROM series WHERE id = $1)
              AND ($2::timestamptz IS NULL OR t >= $2)
              AND ($3::timestamptz IS NULL OR t <= $3)
            ORDER BY t
            LIMIT $4`,
    values: [seriesId, from ?? null, to ?? null, limit ?? null],
    rowMode: 'array',
  });
  return rows;
}

/**
 * First and last timestamp of [from, to] that hold a point: two index lookups. Spelled as ORDER
 * BY … LIMIT 1 because min(t)/max(t) over a range was planned as an aggregate over every point in
 * it right after a bulk load (300k rows read for one zoomed chart: 130 ms instead of 1 ms).
 */
async function readExtent(seriesId: string, from?: Date, to?: Date): Promise<{ first: Date; last: Date } | null> {
  const inRange = `series_key = (SELECT key FROM series WHERE id = $1) AND ($2::timestamptz IS NULL OR t >= $2) AND ($3::timestamptz IS NULL OR t <= $3)`;
  const { rows } = await getPool().query<{ first: Date | null; last: Date | null }>(
    `SELECT (SELECT t FROM points WHERE ${inRange} ORDER BY t LIMIT 1) AS first,
            (SELECT t FROM points WHERE ${inRange} ORDER BY t DESC LIMIT 1) AS last`,
    [seriesId, from ?? null, to ?? null],
  );
  const { first, last } = rows[0] ?? {};
  return first && last ? { first, last } : null;
}

/**
 * What LTTB chooses from for a range too long to send whole: the block summaries that lie inside
 * it (the coarsest level that still gives enough) plus the points beside them at either end; for
 * a range shorter than max / 4 blocks of 64 (some 30,000 points for a 2000-point chart), its points.
 */
async function longRangeCandidates(seriesId: string, first: Date, last: Date, max: number): Promise<TimePoint[]> {
  for (const level of ROLLUP_LEVELS) {
    const blocks = await readRollupBlocksAsSystem(seriesId, level, first, last);
    // A block gives up to four points: a quarter of `max` blocks already offer `max` to choose from.
    if (blocks.length > 0 && blocks.length >= max / 4) {
      const [before, after] = await Promise.all([
        readPointRange(seriesId, first, new Date(blocks[0].first[0] - 1)),
        readPointRange(seriesId, new Date(blocks[blocks.length - 1].last[0] + 1), last),
      ]);
      return [...before, ...bucketCandidates(blocks), ...after];
    }
  }
  return readPointRange(seriesId, first, last);
}

/**
 * Points for charts: the whole range or [from, to], at most `max` of them. A range that fits is
 * read as is. A long one (a million points, say) is read as the stored summaries of its blocks
 * of points (point-rollups.ts), a few thousand rows whatever its length, and LTTB picks `max` of
 * those in memory, keeping the peaks and dips that every-nth sampling would drop.
 */
export async function getPointsAsSystem(seriesId: string, { from, to, max }: PointsQuery): Promise<Point[]> {
  let points = await readPointRange(seriesId, from, to, max + 1);
  if (points.length > max) {
    const extent = await readExtent(seriesId, from, to);
    points = extent ? downsamplePoints(await longRangeCandidates(seriesId, extent.first, extent.last, max), max) : [];
  }
  return points.map(([time, value]) => ({ t: new Date(time).toISOString(), v: value }));
}

/** The whole series as the engine takes it, or null when the series does not exist. System scope (worker). */
export async function loadSeriesDataAsSystem(id: string): Promise<SeriesData | null> {
  const series = await getPrisma().series.findUnique({ where: { id }, select: { frequency: true, timeZone: true } });
  if (!series) return null;
  const rows = await readPointRange(id);
  const t = new Array<number>(rows.length);
  const v = new Array<number>(rows.length);
  rows.forEach(([time, value], i) => {
    t[i] = time;
    v[i] = value;
  });
  return { t, v, frequency: series.frequency as Frequency, ...(series.timeZone && { timeZone: series.timeZone }) };
}
