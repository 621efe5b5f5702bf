// Naming the columns and finding the time column among them.
import { detectDateFormat, type DateFormat } from './dates';
import { isMissingValue, parseNumber } from './numbers';

/** Column names that mark a time column on their own (compared lower-cased, without separators). */
const TIME_NAMES = new Set([
  'date',
  'time',
  'timestamp',
  'datetime',
  'ds',
  'period',
  'month',
  'year',
  'day',
  'week',
  'quarter',
  'dt',
  'ts',
]);
/** Words that mark a time column inside a longer name ("Order Date", "created_time"). */
const TIME_WORDS = new Set(['date', 'time', 'timestamp', 'datetime']);

/** Trimmed header names; empty ones become column_N and repeated ones get a _2, _3 suffix. */
export function columnNames(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const base = raw.trim() || `column_${i + 1}`;
    const uses = (seen.get(base) ?? 0) + 1;
    seen.set(base, uses);
    return uses === 1 ? base : `${base}_${uses}`;
  });
}

/**
 * True when a first row is data rather than a header: a date (in a written-out format) and
 * otherwise only numbers or empty cells. Such files get generated column names.
 */
export function looksLikeDataRow(fields: readonly string[]): boolean {
  if (fields.length < 2) return false;
  let dates = 0;
  for (const field of fields) {
    if (isMissingValue(field)) continue;
    if (detectDateFormat([field])) dates++;
    else if (Number.isNaN(parseNumber(field))) return false;
  }
  return dates > 0;
}

/** 2 for an exact time name, 1 for a name containing a time word, 0 otherwise. */
function timeNameRank(name: string): number {
  if (TIME_NAMES.has(name.toLowerCase().replace(/[^a-z]/g, ''))) return 2;
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/);
  return words.some((word) => TIME_WORDS.has(word)) ? 1 : 0;
}

export interface TimeColumnChoice {
  index: number;
  /** Null when the column was chosen (by name or option) although its values are not dates. */
  format: DateFormat | null;
}

/**
 * The time column, judged from the first rows: the requested one; else the best-named column whose
 * values are dates; else the first column whose values are written-out dates (bare integers such
 * as years or Unix time only count in the first column); else a time-named column even though its
 * values don't read, so the message can name it. Null when nothing qualifies.
 */
export function chooseTimeColumn(
  columns: readonly string[],
  sample: readonly (readonly string[])[],
  requested?: number,
): TimeColumnChoice | null {
  const valuesOf = (index: number) => sample.map((row) => row[index] ?? '');
  if (requested !== undefined) {
    return {
      index: requested,
      format: detectDateFormat(valuesOf(requested), { allowIntegers: true, allowSerials: true }),
    };
  }
  const named = columns
    .map((name, index) => ({ index, rank: timeNameRank(name) }))
    .filter((c) => c.rank > 0)
    .sort((a, b) => b.rank - a.rank || a.index - b.index);
  for (const { index } of named) {
    const format = detectDateFormat(valuesOf(index), { allowIntegers: true, allowSerials: true });
    if (format) return { index, format };
  }
  const unix = unixTimeColumn(sample, columns.length);
  if (unix) return unix;
  for (let index = 0; index < columns.length; index++) {
    const format = detectDateFormat(valuesOf(index), { allowIntegers: index === 0 });
    if (format) return { index, format };
  }
  return named.length > 0 ? { index: named[0].index, format: null } : null;
}

const UNIX_FORMATS = new Set(['unix-seconds', 'unix-milliseconds']);

/**
 * A column of Unix seconds or milliseconds anywhere in the file, believed when its values are in
 * time order: as a whole, or within the groups of another column (a long file of several sensors,
 * each in time order, the file not). Big integers in order are times; ids and values are not.
 */
function unixTimeColumn(sample: readonly (readonly string[])[], columns: number): TimeColumnChoice | null {
  if (sample.length < 3) return null;
  for (let index = 0; index < columns; index++) {
    const texts = sample.map((row) => (row[index] ?? '').trim());
    const format = detectDateFormat(texts, { allowIntegers: true });
    if (!format || !UNIX_FORMATS.has(format.id)) continue;
    const values = texts.map(Number);
    if (ascendingWithin(values, () => '')) return { index, format };
    for (let other = 0; other < columns; other++) {
      if (other === index) continue;
      const key = (row: number) => sample[row][other] ?? '';
      const groups = new Set(sample.map((_, row) => key(row))).size;
      // A grouping column has fewer distinct values than rows; each group must be in order.
      if (groups > 1 && groups <= sample.length / 2 && ascendingWithin(values, key)) return { index, format };
    }
  }
  return null;
}

function ascendingWithin(values: readonly number[], group: (row: number) => string): boolean {
  const last = new Map<string, number>();
  for (let row = 0; row < values.length; row++) {
    const key = group(row);
    const previous = last.get(key);
    if (previous !== undefined && values[row] < previous) return false;
    last.set(key, values[row]);
  }
  return true;
}
