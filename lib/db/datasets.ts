// Datasets and their series. A new dataset is written in ONE transaction on a raw pg client —
// dataset row, series rows, then every point through COPY — so a failure anywhere stores nothing.
// A dataset belongs to one user; every read takes the caller's scope and sees only their rows.
import { randomUUID } from 'node:crypto';
import type { Scope } from '@/lib/auth/scope';
import type { ParsedSeries } from '@/lib/ingest/types';
import { getPool, getPrisma } from './client';
import type { Dataset as DatasetRow, Series as SeriesRow } from './generated/prisma/client';
import { analyzeAfterBulkLoad, copyPointRollups } from './point-rollups';
import { copyPoints, withSeriesCreatedInTransaction } from './points';
import { timeOrderedId } from './time-ordered-id';
import { SERIES_COLUMNS, toSeries, type Series } from './series';

/** The `Dataset` shape of docs/api.md. */
export interface Dataset {
  id: string;
  name: string;
  fileName: string | null;
  createdAt: string;
  series: Series[];
}

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

export async function createDataset(scope: Scope, { name, fileName, series }: NewDataset): Promise<Dataset> {
  // Ids are made here because Prisma's cuid() default only applies to writes through Prisma.
  const datasetId = randomUUID();
  // Time-ordered: their points go to the end of the points index (see time-ordered-id.ts).
  const seriesIds = series.map(() => timeOrderedId());
  const client = await getPool().connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO datasets (id, user_id, name, file_name) VALUES ($1, $2, $3, $4)', [
      datasetId,
      scope.userId,
      name,
      fileName,
    ]);
    await client.query(
      `INSERT INTO series (id, dataset_id, name, frequency, point_count, start, "end", time_offset)
       SELECT id, $1, name, frequency, point_count, start, "end", time_offset
         FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::timestamptz[], $7::timestamptz[], $8::text[])
           AS s(id, name, frequency, point_count, start, "end", time_offset)`,
      [
        datasetId,
        seriesIds,
        series.map((s) => s.name),
        series.map((s) => s.frequency),
        series.map((s) => s.t.length),
        series.map((s) => isoOrNull(s.t[0])),
        series.map((s) => isoOrNull(s.t.at(-1))),
        series.map((s) => s.timeOffset ?? null),
      ],
    );
    const points = series.map((s, i) => ({ seriesId: seriesIds[i], t: s.t, v: s.v }));
    await withSeriesCreatedInTransaction(client, async () => {
      await copyPoints(client, points);
      // From the arrays in memory: computing them in SQL would read back every point just written.
      await copyPointRollups(client, points);
    });
    await client.query('COMMIT');
    analyzeAfterBulkLoad(series.reduce((sum, s) => sum + s.t.length, 0));
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    // A client whose rollback failed is in an unknown state: destroy it instead of pooling it.
    client.release(broken);
  }
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
export async function hasAnyDataset(): Promise<boolean> {
  return (await getPrisma().dataset.findFirst({ select: { id: true } })) !== null;
}

/** Series, points, runs, predictions and schedules go with it (ON DELETE CASCADE). */
export async function deleteDataset(scope: Scope, id: string): Promise<void> {
  await getPrisma().dataset.deleteMany({ where: { id, userId: scope.userId } });
}
