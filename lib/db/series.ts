// Series: metadata through Prisma; points through the raw pool, where a million rows read as
// arrays instead of objects.
import { LTTB } from 'downsample';
import type { Frequency, SeriesData } from '@/lib/forecast/types';
import { getPool, getPrisma } from './client';
import type { Series as SeriesRow } from './generated/prisma/client';

/** The `Series` shape of docs/api.md. */
export interface Series {
  id: string;
  datasetId: string;
  name: string;
  frequency: Frequency;
  points: number;
  start: string | null;
  end: string | null;
}

export interface Point {
  t: string;
  v: number;
}

export interface PointsQuery {
  from?: Date;
  to?: Date;
  /** At most this many points come back, downsampled with LTTB (first and last kept). At least 3. */
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
  };
}

export async function getSeries(id: string): Promise<Series | null> {
  const row = await getPrisma().series.findUnique({ where: { id } });
  return row && toSeries(row);
}

/** Timestamps (epoch ms) and values in time order, optionally within [from, to]. */
async function readPoints(seriesId: string, from?: Date, to?: Date): Promise<{ t: number[]; v: number[] }> {
  const { rows } = await getPool().query<[number, number]>({
    text: `SELECT (extract(epoch FROM t) * 1000)::float8, v
             FROM points
            WHERE series_id = $1
              AND ($2::timestamptz IS NULL OR t >= $2)
              AND ($3::timestamptz IS NULL OR t <= $3)
            ORDER BY t`,
    values: [seriesId, from ?? null, to ?? null],
    rowMode: 'array',
  });
  const t = new Array<number>(rows.length);
  const v = new Array<number>(rows.length);
  rows.forEach(([time, value], i) => {
    t[i] = time;
    v[i] = value;
  });
  return { t, v };
}

/** Points for charts: the whole range or [from, to], at most `max` of them. */
export async function getPoints(seriesId: string, { from, to, max }: PointsQuery): Promise<Point[]> {
  const { t, v } = await readPoints(seriesId, from, to);
  let pairs: [number, number][] = t.map((time, i) => [time, v[i]]);
  // LTTB keeps the visual shape (peaks and dips) that plain every-nth sampling would drop.
  if (pairs.length > max) pairs = LTTB(pairs, max) as [number, number][];
  return pairs.map(([time, value]) => ({ t: new Date(time).toISOString(), v: value }));
}

/** The whole series as the engine takes it, or null when the series does not exist. */
export async function loadSeriesData(id: string): Promise<SeriesData | null> {
  const series = await getPrisma().series.findUnique({ where: { id }, select: { frequency: true } });
  if (!series) return null;
  const { t, v } = await readPoints(id);
  return { t, v, frequency: series.frequency as Frequency };
}
