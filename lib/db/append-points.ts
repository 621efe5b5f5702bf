// Appending to a stored dataset in ONE transaction: series rows for new names, the new points
// COPY'd into a staging table, then merged into `points` with one INSERT ... ON CONFLICT, and the
// series' counts and ranges recomputed. A failure anywhere leaves the dataset as it was.
import type { AppendedSeries } from '@/lib/api/schemas/responses';
import type pg from 'pg';
import type { ParsedSeries } from '@/lib/ingest/types';
import { analyzeAfterBulkLoad, rebuildPointRollups } from './point-rollups';
import { copyPoints, reserveSeriesKeys } from './points';
import { timeOrderedId } from './time-ordered-id';
import { inTransaction } from './transaction';

/**
 * What a new value does to a stored value at the same timestamp: 'replace' (the new one wins),
 * 'sum' or 'mean' (of the two), or 'reject' (the whole append is refused).
 */
export type OverlapPolicy = 'replace' | 'sum' | 'mean' | 'reject';

export type { AppendedSeries };

/** Thrown (before anything is written) by the 'reject' policy when timestamps overlap. */
export class OverlapError extends Error {
  constructor(readonly overlaps: { name: string; count: number; first: string }[]) {
    super('The appended points overlap stored points.');
    this.name = 'OverlapError';
  }
}

/** Thrown when the dataset does not exist (e.g. deleted while the file was being read). */
export class DatasetGoneError extends Error {}

const MERGED_VALUE: Record<Exclude<OverlapPolicy, 'reject'>, string> = {
  replace: 'EXCLUDED.v',
  sum: 'points.v + EXCLUDED.v',
  mean: '(points.v + EXCLUDED.v) / 2',
};

async function seriesIdsByName(client: pg.PoolClient, datasetId: string, series: ParsedSeries[]) {
  // Locking the dataset row serializes appends to one dataset, so two of them cannot both create
  // the same series name.
  const dataset = await client.query('SELECT id FROM datasets WHERE id = $1 FOR UPDATE', [datasetId]);
  if (dataset.rowCount === 0) throw new DatasetGoneError(`There is no dataset with id "${datasetId}".`);
  const { rows } = await client.query<{ id: string; key: number; name: string }>(
    'SELECT id, key, name FROM series WHERE dataset_id = $1',
    [datasetId],
  );
  const existing = new Map(rows.map((row) => [row.name, { id: row.id, key: row.key }]));
  const fresh = series.filter((s) => !existing.has(s.name));
  const freshIds = fresh.map(() => timeOrderedId());
  const freshKeys = await reserveSeriesKeys(client, fresh.length);
  await client.query(
    `INSERT INTO series (id, key, dataset_id, name, frequency, time_offset, time_zone)
     SELECT id, key, $1, name, frequency, time_offset, time_zone
       FROM unnest($2::text[], $6::int[], $3::text[], $4::text[], $5::text[], $7::text[])
         AS s(id, key, name, frequency, time_offset, time_zone)`,
    [
      datasetId,
      freshIds,
      fresh.map((s) => s.name),
      fresh.map((s) => s.frequency),
      fresh.map((s) => s.timeOffset ?? null),
      freshKeys,
      fresh.map((s) => s.timeZone ?? null),
    ],
  );
  // A stored series keeps the offset it was shown in; one stored without any takes the file's.
  const known = series.filter((s) => existing.has(s.name) && s.timeOffset);
  if (known.length > 0) {
    await client.query(
      `UPDATE series s SET time_offset = u.time_offset
         FROM unnest($1::text[], $2::text[]) AS u(id, time_offset)
        WHERE s.id = u.id AND s.time_offset IS NULL`,
      [known.map((s) => existing.get(s.name)!.id), known.map((s) => s.timeOffset)],
    );
  }
  fresh.forEach((s, i) => existing.set(s.name, { id: freshIds[i], key: freshKeys[i] }));
  const stored = series.map((s) => existing.get(s.name)!);
  return { ids: stored.map((s) => s.id), keys: stored.map((s) => s.key), created: new Set(fresh.map((s) => s.name)) };
}

async function findOverlaps(client: pg.PoolClient, names: Map<number, string>) {
  const { rows } = await client.query<{ series_key: number; count: number; first: Date }>(
    `SELECT i.series_key, count(*)::int AS count, min(i.t) AS first
       FROM incoming i JOIN points p ON p.series_key = i.series_key AND p.t = i.t
      GROUP BY i.series_key`,
  );
  return rows.map((row) => ({
    name: names.get(row.series_key) ?? String(row.series_key),
    count: row.count,
    first: row.first.toISOString(),
  }));
}

export async function appendPointsAsSystem(
  datasetId: string,
  series: ParsedSeries[],
  overlap: OverlapPolicy,
): Promise<AppendedSeries[]> {
  const { ids, keys, created, merged } = await inTransaction(async (client) => {
    const { ids, keys, created } = await seriesIdsByName(client, datasetId, series);
    await client.query('CREATE TEMP TABLE incoming (series_key int, t timestamptz(3), v float8) ON COMMIT DROP');
    await copyPoints(
      client,
      series.map((s, i) => ({ seriesId: ids[i], seriesKey: keys[i], t: s.t, v: s.v })),
      { table: 'incoming' },
    );
    if (overlap === 'reject') {
      const overlaps = await findOverlaps(client, new Map(keys.map((key, i) => [key, series[i].name])));
      if (overlaps.length > 0) throw new OverlapError(overlaps);
    }
    // xmax = 0 marks a freshly inserted row; an updated one carries the updating transaction's id.
    const { rows: merged } = await client.query<{ series_key: number; added: number; overlapping: number }>(
      `WITH merged AS (
         INSERT INTO points (series_key, t, v)
         SELECT series_key, t, v FROM incoming
         ON CONFLICT (series_key, t) DO UPDATE SET v = ${MERGED_VALUE[overlap === 'reject' ? 'replace' : overlap]}
         RETURNING series_key, (xmax = 0) AS inserted
       )
       SELECT series_key, count(*) FILTER (WHERE inserted)::int AS added,
              count(*) FILTER (WHERE NOT inserted)::int AS overlapping
         FROM merged GROUP BY series_key`,
    );
    await client.query(
      `UPDATE series s SET point_count = r.n, start = r.first, "end" = r.last
         FROM (SELECT series_key, count(*)::int AS n, min(t) AS first, max(t) AS last
                 FROM points WHERE series_key = ANY($1::int[]) GROUP BY series_key) r
        WHERE s.key = r.series_key`,
      [keys],
    );
    await rebuildPointRollups(client, ids);
    return { ids, keys, created, merged };
  });
  analyzeAfterBulkLoad(series.reduce((sum, s) => sum + s.t.length, 0));
  const counts = new Map(merged.map((row) => [row.series_key, row]));
  return series.map((s, i) => ({
    seriesId: ids[i],
    name: s.name,
    created: created.has(s.name),
    added: counts.get(keys[i])?.added ?? 0,
    overlapping: counts.get(keys[i])?.overlapping ?? 0,
  }));
}
