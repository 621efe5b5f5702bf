// Datasets and their series. A new dataset is written in ONE transaction on a raw pg client —
// dataset row, series rows and every point through COPY (from an upload, the points while the
// file is still being read) — so a failure anywhere stores nothing.
// A dataset belongs to one user; every read takes the caller's scope and sees only their rows.
import type { Dataset } from '@/lib/api/schemas/responses';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Scope } from './scope';
import type { EarlyPointsMatch, EarlyPointsSink } from '@/lib/ingest/early-points';
import type { ParsedSeries } from '@/lib/ingest/types';
import { getPool, getPrisma } from './client';
import type { Dataset as DatasetRow, Series as SeriesRow } from './generated/prisma/client';
import { analyzeAfterBulkLoad, copyPointRollups } from './point-rollups';
import { PointCopyStream } from './point-copy';
import { copyPoints, reserveSeriesKeys, skipForeignKeyChecks, withSeriesCreatedInTransaction } from './points';
import { timeOrderedId } from './time-ordered-id';
import { inTransaction, withClient } from './transaction';
import { SERIES_COLUMNS, toSeries } from './series';

/** The `Dataset` shape of the API. */
export type { Dataset };

export interface NewDataset {
  name: string;
  fileName: string | null;
  series: ParsedSeries[];
}

function toDataset(row: DatasetRow & { series: SeriesRow[] }): Dataset {
  return {
    id: row.id,
    name: row.name,
    fileName: row.fileName,
    createdAt: row.createdAt.toISOString(),
    series: row.series.map(toSeries),
  };
}

const withSeries = { series: { orderBy: { name: 'asc' } } } as const;

function isoOrNull(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}

export async function createDataset(scope: Scope, dataset: NewDataset): Promise<Dataset> {
  const seriesIds = dataset.series.map(() => timeOrderedId());
  const datasetId = await inTransaction(async (client) => {
    // New keys are the largest yet: the points go to the end of the points index.
    const seriesKeys = await reserveSeriesKeys(client, dataset.series.length);
    const points = dataset.series.map((s, i) => ({ seriesId: seriesIds[i], seriesKey: seriesKeys[i], t: s.t, v: s.v }));
    const id = await insertDatasetRows(client, scope, dataset, seriesIds, seriesKeys);
    await withSeriesCreatedInTransaction(client, async () => {
      await copyPoints(client, points);
      // From the arrays in memory: computing them in SQL would read back every point just written.
      await copyPointRollups(client, points);
    });
    return id;
  });
  return committed(scope, datasetId, dataset);
}

/** What a reader of a file hands createDatasetWhileReading once the whole file is read and checked. */
export interface ReadDataset {
  dataset: NewDataset;
  /** How the points the reader gave the sink map onto `dataset`'s series; null: they do not. */
  early: EarlyPointsMatch | null;
}

/**
 * Creates a dataset from a file while it is still being read: `read` gets a sink that COPYs the
 * points it is given into an open transaction as they come (see point-copy.ts), and resolves with
 * the checked dataset. When the early points are exactly its series, only the dataset and series
 * rows and the rollups are left to write; otherwise (or when `read` throws) the transaction is
 * rolled back, and the dataset is stored as createDataset does. Either way nothing is visible
 * before the commit, and a rejected file stores nothing.
 *
 * Streaming needs the points' foreign key unchecked until the series rows exist, which only a
 * superuser may arrange (see skipForeignKeyChecks): for other roles `read` gets no sink. It holds
 * one pool connection, in an open transaction, for as long as the file takes to arrive.
 */
export async function createDatasetWhileReading(
  scope: Scope,
  read: (sink: EarlyPointsSink | null) => Promise<ReadDataset>,
): Promise<Dataset> {
  const { outcome, storedId } = await withClient(async (client) => {
    await client.query('BEGIN');
    const copy = (await skipForeignKeyChecks(client)) ? await PointCopyStream.open(client) : null;
    const outcome = await readInto(copy, read);
    if (!copy || !outcome.early) {
      await client.query('ROLLBACK');
      return { outcome, storedId: null };
    }
    // Checked again from here on: the rows written next refer to rows of other transactions.
    await client.query('SET LOCAL session_replication_role = DEFAULT');
    const datasetId = await storeAroundEarlyPoints(client, scope, outcome.dataset, outcome.early, copy);
    await client.query('COMMIT');
    return { outcome, storedId: datasetId };
  });
  return storedId ? committed(scope, storedId, outcome.dataset) : createDataset(scope, outcome.dataset);
}

/** `read` with `copy` as its sink, the COPY ended once it resolves and cancelled when it throws. */
async function readInto(
  copy: PointCopyStream | null,
  read: (sink: EarlyPointsSink | null) => Promise<ReadDataset>,
): Promise<ReadDataset> {
  try {
    const outcome = await read(copy);
    await copy?.end();
    return outcome;
  } catch (error) {
    await copy?.abort(error as Error);
    throw error;
  }
}

/** Everything but the points, which `copy` has stored; returns the dataset's id. */
async function storeAroundEarlyPoints(
  client: pg.PoolClient,
  scope: Scope,
  dataset: NewDataset,
  early: EarlyPointsMatch,
  copy: PointCopyStream,
): Promise<string> {
  const seriesIds = early.keys.map((key) => copy.seriesId(key));
  const seriesKeys = early.keys.map((key) => copy.seriesKey(key));
  const datasetId = await insertDatasetRows(client, scope, dataset, seriesIds, seriesKeys);
  if (early.unused.length > 0) {
    await client.query('DELETE FROM points WHERE series_key = ANY($1::int[])', [
      early.unused.map((key) => copy.seriesKey(key)),
    ]);
  }
  await copyPointRollups(
    client,
    dataset.series.map((s, i) => ({ seriesId: seriesIds[i], seriesKey: seriesKeys[i], t: s.t, v: s.v })),
  );
  return datasetId;
}

/** The dataset row and its series rows (ids and keys chosen by the caller, one per series); returns the dataset's id. */
async function insertDatasetRows(
  client: pg.PoolClient,
  scope: Scope,
  { name, fileName, series }: NewDataset,
  seriesIds: readonly string[],
  seriesKeys: readonly number[],
): Promise<string> {
  // Ids are made here because Prisma's cuid() default only applies to writes through Prisma.
  const datasetId = randomUUID();
  await client.query('INSERT INTO datasets (id, user_id, name, file_name) VALUES ($1, $2, $3, $4)', [
    datasetId,
    scope.userId,
    name,
    fileName,
  ]);
  await client.query(
    `INSERT INTO series (id, key, dataset_id, name, frequency, point_count, start, "end", time_offset, time_zone)
     SELECT id, key, $1, name, frequency, point_count, start, "end", time_offset, time_zone
       FROM unnest($2::text[], $9::int[], $3::text[], $4::text[], $5::int[], $6::timestamptz[], $7::timestamptz[], $8::text[], $10::text[])
         AS s(id, key, name, frequency, point_count, start, "end", time_offset, time_zone)`,
    [
      datasetId,
      seriesIds,
      series.map((s) => s.name),
      series.map((s) => s.frequency),
      series.map((s) => s.t.length),
      series.map((s) => isoOrNull(s.t[0])),
      series.map((s) => isoOrNull(s.t.at(-1))),
      series.map((s) => s.timeOffset ?? null),
      seriesKeys,
      series.map((s) => s.timeZone ?? null),
    ],
  );
  return datasetId;
}

/** After the commit: planner statistics refreshed for a large load, and the dataset as stored. */
async function committed(scope: Scope, datasetId: string, dataset: NewDataset): Promise<Dataset> {
  analyzeAfterBulkLoad(dataset.series.reduce((sum, s) => sum + s.t.length, 0));
  const created = await getDataset(scope, datasetId);
  if (!created) throw new Error(`Dataset ${datasetId} was committed but cannot be read back.`);
  return created;
}

/** Newest first. */
export async function listDatasets(scope: Scope): Promise<Dataset[]> {
  const rows = await getPrisma().dataset.findMany({
    where: { userId: scope.userId },
    orderBy: { createdAt: 'desc' },
    include: withSeries,
  });
  return rows.map(toDataset);
}

/**
 * Null when there is no such dataset or it belongs to someone else. Raw SQL on the pool, the
 * dataset and its series read at once: dataset pages and every upload's answer ask for it, and
 * Prisma's query pipeline costs more CPU than the queries.
 */
export async function getDataset(scope: Scope, id: string): Promise<Dataset | null> {
  // Named: prepared once per pool connection, so PostgreSQL does not plan them on every request.
  const [dataset, series] = await Promise.all([
    getPool().query<DatasetRow>({
      name: 'owned-dataset',
      text: `SELECT id, user_id AS "userId", name, file_name AS "fileName", created_at AS "createdAt"
               FROM datasets WHERE id = $1 AND user_id = $2`,
      values: [id, scope.userId],
    }),
    getPool().query<SeriesRow>({
      name: 'owned-dataset-series',
      text: `SELECT ${SERIES_COLUMNS} FROM series s JOIN datasets d ON d.id = s.dataset_id
              WHERE d.id = $1 AND d.user_id = $2 ORDER BY s.name`,
      values: [id, scope.userId],
    }),
  ]);
  return dataset.rows[0] ? toDataset({ ...dataset.rows[0], series: series.rows }) : null;
}

/** System scope: whether the install has any dataset at all, anyone's (npm start seeds the demo into an empty one). */
export async function hasAnyDatasetAsSystem(): Promise<boolean> {
  return (await getPrisma().dataset.findFirst({ select: { id: true } })) !== null;
}

/** Series, points, runs, predictions and schedules go with it (ON DELETE CASCADE). */
export async function deleteDataset(scope: Scope, id: string): Promise<void> {
  await getPrisma().dataset.deleteMany({ where: { id, userId: scope.userId } });
}
