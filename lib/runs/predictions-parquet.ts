// Predictions as an Apache Parquet file, for the single-run and batch downloads: a long table of
// many series is where people reach for Parquet (pandas, polars, DuckDB, Spark read it typed and
// compressed). Written with hyparquet-writer (pure JavaScript, no native or wasm parts, works
// offline). Timestamps are INT64 TIMESTAMP_MILLIS (UTC); missing numbers are nulls.
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { PredictionRow } from '@/lib/db/predictions';

export const PARQUET_CONTENT_TYPE = 'application/vnd.apache.parquet';

/** Leading text columns (series, model...) and then the prediction columns, one row each. */
export function predictionsParquet(
  rows: readonly PredictionRow[],
  leading: { name: string; values: readonly string[] }[] = [],
  trailing: { name: string; values: readonly string[] }[] = [],
): Uint8Array<ArrayBuffer> {
  const number = (pick: (row: PredictionRow) => number | null) =>
    rows.map((row) => {
      const value = pick(row);
      return value === null || !Number.isFinite(value) ? null : value;
    });
  const buffer = parquetWriteBuffer({
    columnData: [
      ...leading.map(({ name, values }) => ({ name, data: [...values], type: 'STRING' as const })),
      { name: 'timestamp', data: rows.map((row) => new Date(row.timestamp)), type: 'TIMESTAMP' },
      { name: 'forecast', data: number((row) => row.forecast), type: 'DOUBLE' },
      { name: 'actual', data: number((row) => row.actual), type: 'DOUBLE' },
      { name: 'lo80', data: number((row) => row.lo80), type: 'DOUBLE' },
      { name: 'hi80', data: number((row) => row.hi80), type: 'DOUBLE' },
      { name: 'lo95', data: number((row) => row.lo95), type: 'DOUBLE' },
      { name: 'hi95', data: number((row) => row.hi95), type: 'DOUBLE' },
      { name: 'p10', data: number((row) => row.p10), type: 'DOUBLE' },
      { name: 'p50', data: number((row) => row.p50), type: 'DOUBLE' },
      { name: 'p90', data: number((row) => row.p90), type: 'DOUBLE' },
      { name: 'segment', data: rows.map((row) => row.segment), type: 'STRING' },
      ...trailing.map(({ name, values }) => ({ name, data: [...values], type: 'STRING' as const })),
    ],
  });
  return new Uint8Array(buffer);
}
