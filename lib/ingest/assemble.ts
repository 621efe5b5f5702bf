// From parsed rows to series: rows in time order, repeated timestamps found, and one (t, v) pair
// per row where a column has a value.
import { describeRepeat, RowExamples } from './problems';

export interface RowTable {
  /** Epoch ms per row; NaN for rows whose timestamp did not parse (they are left out). */
  t: readonly number[];
  /** File row of each row, for messages. */
  rows: readonly number[];
  columns: readonly { name: string; values: readonly number[] }[];
}

export interface AssembledSeries {
  /** Every distinct timestamp of the file, ascending: the grid the series live on. */
  t: number[];
  series: { name: string; t: number[]; v: number[] }[];
  /** Rows whose timestamp an earlier row already has (texts: the timestamp and that row). */
  duplicates: RowExamples;
}

/**
 * Series in ascending time. Of rows sharing a timestamp only the first in the file is used, so
 * the series stay valid; the others are reported in `duplicates`.
 */
export function assembleSeries(table: RowTable): AssembledSeries {
  const order = rowsInTimeOrder(table.t);
  const duplicates = new RowExamples();
  const unique: number[] = [];
  for (let i = 0; i < order.length; i++) {
    const row = order[i];
    const previous = unique[unique.length - 1];
    if (previous !== undefined && table.t[row] === table.t[previous]) {
      duplicates.add(table.rows[row], describeRepeat(table.t[row], table.rows[previous]));
    } else {
      unique.push(row);
    }
  }
  const series = table.columns.map(({ name, values }) => {
    const t: number[] = [];
    const v: number[] = [];
    for (const row of unique) {
      const value = values[row];
      if (Number.isNaN(value)) continue;
      t.push(table.t[row]);
      v.push(value);
    }
    return { name, t, v };
  });
  return { t: unique.map((row) => table.t[row]), series, duplicates };
}

/** Indices of rows with a timestamp, by time and then by position (files are usually sorted). */
function rowsInTimeOrder(t: readonly number[]): number[] {
  const order: number[] = [];
  let sorted = true;
  for (let i = 0; i < t.length; i++) {
    if (Number.isNaN(t[i])) continue;
    if (order.length > 0 && t[i] < t[order[order.length - 1]]) sorted = false;
    order.push(i);
  }
  if (!sorted) order.sort((a, b) => t[a] - t[b] || a - b);
  return order;
}
