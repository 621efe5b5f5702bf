// From parsed rows to series: rows grouped (one group in the wide layout, one per id in the long
// one) and put in time order, values sharing a timestamp merged by the duplicate policy, and one
// (t, v) pair per timestamp where a column has a value.
import { describeRepeat, RowExamples } from './problems';
import type { DuplicatePolicy } from './types';

export interface RowTable {
  /** Epoch ms per row; NaN for rows whose timestamp did not parse (they are left out). */
  t: ArrayLike<number>;
  /** File row of each row, for messages. */
  rows: ArrayLike<number>;
  /** Long layout: each row's group, -1 to leave it out. Null: all rows form one group (wide). */
  groups: Int32Array | null;
  groupCount: number;
  /** How a group is named in messages. */
  groupLabel?: (group: number) => string;
  columns: readonly { name: string; values: ArrayLike<number> }[];
}

export interface RawSeries {
  group: number;
  /** Index into the table's columns. */
  column: number;
  t: number[];
  v: number[];
  /** Values merged into (or, with the 'error' policy, dropped for) an earlier one at the same timestamp. */
  duplicates: number;
}

export interface AssembledSeries {
  /** Every distinct timestamp of the rows used, ascending: the grid the series live on. */
  t: number[];
  /** Group by group, each with its columns in order. */
  series: RawSeries[];
  /** Rows whose (group and) timestamp an earlier row already has (texts: the timestamp and that row). */
  duplicates: RowExamples;
}

/**
 * Series in ascending time. Values sharing a timestamp are merged by `policy`; with 'error' the
 * first one in the file is kept (the caller rejects the file) so the series stay valid either way.
 * Missing values (NaN) take no part in merging.
 */
export function assembleSeries(table: RowTable, policy: DuplicatePolicy = 'error'): AssembledSeries {
  const { order, segments } = rowsInGroupAndTimeOrder(table);
  const duplicates = new RowExamples();
  const series: RawSeries[] = [];
  const grid: number[] = [];
  for (let group = 0; group < segments.length - 1; group++) {
    const start = segments[group];
    const end = segments[group + 1];
    const columns = table.columns.map((_, column): RawSeries => ({ group, column, t: [], v: [], duplicates: 0 }));
    for (let first = start; first < end;) {
      const time = table.t[order[first]];
      let last = first;
      while (last + 1 < end && table.t[order[last + 1]] === time) last++;
      grid.push(time);
      for (let k = first + 1; k <= last; k++) {
        // A long file read as wide repeats nearly every row: build only the texts shown.
        duplicates.add(table.rows[order[k]], () => {
          const label = table.groupLabel ? ` for ${table.groupLabel(group)}` : '';
          return describeRepeat(time, table.rows[order[first]], label);
        });
      }
      columns.forEach((out, column) => mergeRun(out, table.columns[column].values, order, first, last, time, policy));
      first = last + 1;
    }
    series.push(...columns);
  }
  return { t: table.groups ? distinctSorted(grid) : grid, series, duplicates };
}

/** Adds the value of timestamp `time` from the rows order[first..last] to `out`, if any. */
function mergeRun(
  out: RawSeries,
  values: ArrayLike<number>,
  order: Int32Array,
  first: number,
  last: number,
  time: number,
  policy: DuplicatePolicy,
): void {
  let count = 0;
  let sum = 0;
  let firstValue = NaN;
  let lastValue = NaN;
  for (let k = first; k <= last; k++) {
    const value = values[order[k]];
    if (Number.isNaN(value)) continue;
    if (count === 0) firstValue = value;
    lastValue = value;
    sum += value;
    count++;
  }
  if (count === 0) return;
  out.duplicates += count - 1;
  out.t.push(time);
  out.v.push(policy === 'mean' ? sum / count : policy === 'sum' ? sum : policy === 'last' ? lastValue : firstValue);
}

/**
 * Row indices grouped (groups in order) and by time within a group, then by position; rows without
 * a timestamp or group are left out. `segments[g]..segments[g + 1]` is group g's part of `order`.
 */
function rowsInGroupAndTimeOrder(table: RowTable): { order: Int32Array; segments: Int32Array } {
  const { t, groups } = table;
  const groupCount = groups ? table.groupCount : 1;
  const segments = new Int32Array(groupCount + 1);
  for (let row = 0; row < t.length; row++) {
    if (Number.isNaN(t[row])) continue;
    const group = groups ? groups[row] : 0;
    if (group >= 0) segments[group + 1]++;
  }
  for (let g = 0; g < groupCount; g++) segments[g + 1] += segments[g];
  const order = new Int32Array(segments[groupCount]);
  const next = segments.slice(0, groupCount);
  for (let row = 0; row < t.length; row++) {
    if (Number.isNaN(t[row])) continue;
    const group = groups ? groups[row] : 0;
    if (group >= 0) order[next[group]++] = row;
  }
  // Files are usually sorted by time (or by id, then time): sort only the groups that are not.
  for (let g = 0; g < groupCount; g++) {
    const part = order.subarray(segments[g], segments[g + 1]);
    if (!isSortedByTime(part, t)) part.sort((a, b) => t[a] - t[b] || a - b);
  }
  return { order, segments };
}

function isSortedByTime(rows: Int32Array, t: ArrayLike<number>): boolean {
  for (let i = 1; i < rows.length; i++) if (t[rows[i]] < t[rows[i - 1]]) return false;
  return true;
}

function distinctSorted(values: number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]);
  return out;
}
