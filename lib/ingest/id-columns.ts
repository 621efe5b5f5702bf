// Long layout: a file that stacks several series in one value column, with id columns (store,
// product) saying which series a row belongs to. Detected from the data itself: timestamps repeat,
// and some label columns tell the repeated rows apart.
import type { CategoryColumn } from './category-column';

/** Label columns tried as ids, in column order, and how many may be combined. */
const MAX_CANDIDATES = 6;
const MAX_ID_COLUMNS = 3;
/**
 * A detected id must repeat: with fewer rows per series on average, the labels are rather a
 * per-row note (a comment, an order number) than the name of a series.
 */
const MIN_ROWS_PER_SERIES = 2;
/**
 * Share of rows that must repeat a timestamp before a file counts as long: a wide file with a few
 * duplicated rows (reported as such) should not be split up by whichever note column differs.
 */
const MIN_REPEATED_SHARE = 0.1;

/** "id", "store_id", "storeId", "sku", "product code": names that make an integer column an id. */
export function isIdName(name: string): boolean {
  return /(?:^|[\s_.-])(?:id|sku|code|key|nr|no)$/i.test(name.trim()) || /[a-z](?:Id|ID)$/.test(name.trim());
}

/** The label columns that may name series when no id columns are given: mostly text, or named like ids. */
export function idCandidates(labels: readonly CategoryColumn[]): CategoryColumn[] {
  return labels.filter((column) => column.holdsText || isIdName(column.name));
}

export interface RowGroups {
  /** Per row: its group (one per distinct combination of labels), or -1 when a label is missing. */
  codes: Int32Array;
  /** Per group: the label of each id column. */
  labels: string[][];
}

/** Groups rows by the combination of their labels in `columns`, in order of first appearance. */
export function groupRows(columns: readonly CategoryColumn[], rows: number): RowGroups {
  const codes = new Int32Array(rows);
  const labels: string[][] = [];
  const groupOf = new Map<number, number>();
  for (let row = 0; row < rows; row++) {
    // Mixed-radix key: at most 3 columns of at most 10,000 labels stays far below 2^53.
    let key = 0;
    for (const column of columns) {
      const code = column.codes[row];
      if (code < 0) {
        key = -1;
        break;
      }
      key = key * column.labels.length + code;
    }
    if (key < 0) {
      codes[row] = -1;
      continue;
    }
    let group = groupOf.get(key);
    if (group === undefined) {
      group = labels.length;
      groupOf.set(key, group);
      labels.push(columns.map((column) => column.labels[column.codes[row]]));
    }
    codes[row] = group;
  }
  return { codes, labels };
}

/** Rows (with a timestamp and a group) whose (group, timestamp) an earlier row already has. */
export function countRepeats(groups: Int32Array, ranks: TimeRanks): number {
  const keys = new Float64Array(groups.length);
  let n = 0;
  let largest = -1;
  for (let row = 0; row < groups.length; row++) {
    const rank = ranks.of[row];
    const group = groups[row];
    if (rank < 0 || group < 0) continue;
    const key = group * ranks.count + rank;
    keys[n++] = key;
    if (key > largest) largest = key;
  }
  const used = keys.subarray(0, n);
  // Keys are dense for a long file (every id at most times): one flag per possible key beats sorting.
  if (largest < MAX_FLAGS_PER_ROW * n + 1024) {
    const seen = new Uint8Array(largest + 1);
    let repeats = 0;
    for (let i = 0; i < n; i++) {
      if (seen[used[i]] === 1) repeats++;
      else seen[used[i]] = 1;
    }
    return repeats;
  }
  used.sort();
  let repeats = 0;
  for (let i = 1; i < n; i++) if (used[i] === used[i - 1]) repeats++;
  return repeats;
}

/** countRepeats uses a flag per possible key when there are at most this many per row. */
const MAX_FLAGS_PER_ROW = 8;

export interface TimeRanks {
  /** Per row: the index of its timestamp among the distinct ones, -1 without a timestamp. */
  of: Int32Array;
  /** Distinct timestamps. */
  count: number;
  /** Rows with a timestamp. */
  rows: number;
}

/** Dense ranks of the timestamps, so that (group, time) pairs fit into one number. */
export function rankTimes(t: ArrayLike<number>): TimeRanks {
  const sorted = new Float64Array(t.length);
  let rows = 0;
  for (let row = 0; row < t.length; row++) if (!Number.isNaN(t[row])) sorted[rows++] = t[row];
  sorted.subarray(0, rows).sort();
  let count = 0;
  for (let i = 0; i < rows; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[count++] = sorted[i];
  const distinct = sorted.subarray(0, count);
  const of = new Int32Array(t.length);
  let previous = NaN;
  let previousRank = -1;
  for (let row = 0; row < t.length; row++) {
    const time = t[row];
    if (time !== previous) {
      previous = time;
      previousRank = Number.isNaN(time) ? -1 : binarySearch(distinct, time);
    }
    of[row] = previousRank;
  }
  return { of, count, rows };
}

function binarySearch(values: Float64Array, target: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid] < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Every way to pick `size` of `items`, in order. */
function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, i) => combinations(items.slice(i + 1), size - 1).map((rest) => [item, ...rest]));
}

/**
 * The id columns among `candidates`: the fewest (up to 3) that, together with the time, tell every
 * row apart; failing that, those leaving the fewest repeated timestamps. Null when the file is
 * wide: its timestamps do not repeat, or no candidate tells repeated rows apart. With `force`
 * (the caller asked for the long layout) the best candidates are taken whatever they leave.
 */
export function detectIdColumns(
  t: ArrayLike<number>,
  candidates: readonly CategoryColumn[],
  force = false,
): CategoryColumn[] | null {
  const usable = candidates.filter((column) => !column.overflowed).slice(0, MAX_CANDIDATES);
  if (usable.length === 0) return null;
  const ranks = rankTimes(t);
  const timeRepeats = ranks.rows - ranks.count;
  if (!force && (timeRepeats === 0 || timeRepeats < MIN_REPEATED_SHARE * t.length)) return null;

  let best: { columns: CategoryColumn[]; repeats: number } | null = null;
  for (let size = 1; size <= Math.min(MAX_ID_COLUMNS, usable.length); size++) {
    for (const columns of combinations(usable, size)) {
      const groups = groupRows(columns, t.length);
      if (!force && !repeatsEnough(groups, ranks)) continue;
      const repeats = countRepeats(groups.codes, ranks);
      if (repeats === 0) return columns;
      if (best === null || repeats < best.repeats) best = { columns, repeats };
    }
  }
  if (best === null) return null;
  return force || best.repeats < timeRepeats ? best.columns : null;
}

function repeatsEnough(groups: RowGroups, ranks: TimeRanks): boolean {
  let rows = 0;
  for (let row = 0; row < groups.codes.length; row++) if (groups.codes[row] >= 0 && ranks.of[row] >= 0) rows++;
  return rows >= MIN_ROWS_PER_SERIES * groups.labels.length;
}
