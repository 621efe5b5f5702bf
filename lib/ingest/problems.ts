// Every problem the parser reports, worded in one place: each message says what is wrong and
// what to change in the file (or which option to set) to fix it.
import type { Frequency } from '@/lib/forecast/types';
import type { Problem, ProblemCode } from './types';

/** How many example rows a message names. */
const EXAMPLES_SHOWN = 5;

/** The first rows sharing a problem (with the offending text), and how many there are in all. */
export class RowExamples {
  readonly rows: number[] = [];
  readonly texts: string[] = [];
  count = 0;

  add(row: number, text = ''): void {
    this.count++;
    if (this.rows.length < EXAMPLES_SHOWN) {
      this.rows.push(row);
      this.texts.push(text);
    }
  }
}

export type NotCsvKind = 'html' | 'json' | 'binary' | 'zip' | 'gzip' | 'pdf' | 'utf16';

const NOT_CSV_MESSAGES: Record<NotCsvKind, string> = {
  html:
    'The file is an HTML web page, not a CSV. Download the data itself (often a "Download CSV" ' +
    'link) instead of saving the page.',
  json:
    'The file is JSON, not CSV. Convert it to CSV: a header row, a time column and one column per ' +
    'series.',
  binary:
    'The file is binary (it contains NUL bytes), not text. Export the data as CSV: plain text, ' +
    'UTF-8, one row per timestamp.',
  zip:
    'The file is a ZIP archive or an Excel workbook (.xlsx), not CSV. In Excel use File > Save As > ' +
    '"CSV UTF-8", then upload that file.',
  gzip: 'The file is gzip-compressed. Decompress it and upload the CSV inside.',
  pdf: 'The file is a PDF, not CSV. Export the table as CSV from the program that made it.',
  utf16:
    'The file is UTF-16 text, which is not read here. Save it as UTF-8 CSV (in Excel: Save As > ' +
    '"CSV UTF-8").',
};

function error(code: ProblemCode, message: string, extra: Partial<Problem> = {}): Problem {
  return { code, message, severity: 'error', ...extra };
}

function warning(code: ProblemCode, message: string, extra: Partial<Problem> = {}): Problem {
  return { code, message, severity: 'warning', ...extra };
}

/** "row 4", "rows 4, 9 and 12", "rows 4, 9, 12, 20, 31 and 7 more". */
export function describeRows(examples: RowExamples): string {
  const { rows, count } = examples;
  if (rows.length === 1 && count === 1) return `row ${rows[0]}`;
  const more = count - rows.length;
  if (more > 0) return `rows ${rows.join(', ')} and ${more} more`;
  return `rows ${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`;
}

/** "row 4 contains" / "rows 4 and 9 contain": a subject and its verb in agreement. */
function rowsThat(examples: RowExamples, singular: string, plural: string): string {
  return `${describeRows(examples)} ${examples.count === 1 ? singular : plural}`;
}

function quoteExamples(examples: RowExamples): string {
  return examples.rows
    .map((row, i) => {
      const text = examples.texts[i].trim();
      return text === '' ? `an empty cell in row ${row}` : `"${truncate(text)}" in row ${row}`;
    })
    .join(', ');
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function rowProblem(code: ProblemCode, examples: RowExamples, message: string, column?: string): Problem {
  return error(code, message, {
    row: examples.rows[0],
    count: examples.count,
    ...(column === undefined ? {} : { column }),
  });
}

function delimiterName(delimiter: string): string {
  if (delimiter === '\t') return 'tab';
  return `"${delimiter}"`;
}

function isoTime(t: number): string {
  const iso = new Date(t).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

export function emptyFile(): Problem {
  return error(
    'empty_file',
    'The file is empty. Choose a CSV file with a header row and at least three data rows.',
  );
}

export function headerOnly(columns: string[]): Problem {
  return error(
    'header_only',
    `The file has a header (${columns.join(', ')}) but no data rows. Add one row per timestamp ` +
      'below the header.',
    { row: 1 },
  );
}

export function notCsv(kind: NotCsvKind): Problem {
  return error('not_csv', NOT_CSV_MESSAGES[kind]);
}

/** `row`: where the unreadable record starts. */
export function unclosedQuote(row: number): Problem {
  return error(
    'malformed_csv',
    `A quote (") opened in row ${row} is never closed, so the rest of the file reads as one ` +
      'value. Add the missing closing quote or remove the stray one.',
    { row },
  );
}

export function rowTooLong(row: number): Problem {
  return error(
    'malformed_csv',
    `Row ${row} is longer than the reader accepts, usually because a quote (") is not closed or ` +
      'the delimiter was misdetected. Fix the quoting or set the delimiter explicitly.',
    { row },
  );
}

export function unreadableCsv(reason: string): Problem {
  return error('malformed_csv', `The file could not be read as CSV: ${reason}. Check its quoting.`);
}

/** `firstFields` is the field count of the first ragged row. */
export function raggedRows(
  examples: RowExamples,
  headerFields: number,
  firstFields: number,
  delimiter: string,
): Problem {
  const first = examples.rows[0];
  const fix =
    firstFields > headerFields
      ? `Check for an unquoted delimiter (${delimiterName(delimiter)}) inside a value in that row ` +
        'and put such values in double quotes.'
      : 'Add the missing cells (leave a cell empty between delimiters for a missing value).';
  const others =
    examples.count > 1 ? ` In all, ${examples.count} rows do not match the header: ${describeRows(examples)}.` : '';
  return rowProblem(
    'ragged_rows',
    examples,
    `Row ${first} has ${firstFields} fields but the header has ${headerFields}. ${fix}${others}`,
  );
}

export function noTimeColumn(columns: string[]): Problem {
  return error(
    'no_time_column',
    `No column holds dates or times (columns: ${columns.join(', ')}). Add a time column such as ` +
      '"date" with values like 2024-01-31, or choose the time column explicitly.',
  );
}

export function unknownColumn(name: string, role: 'time column' | 'value column', columns: string[]): Problem {
  return error(
    'unknown_column',
    `The ${role} "${name}" is not in the header (columns: ${columns.join(', ')}). Pick one of ` +
      'these names.',
    { column: name },
  );
}

export function unparseableDates(column: string, examples: RowExamples, formatLabel: string | null): Problem {
  if (formatLabel === null) {
    return rowProblem(
      'unparseable_dates',
      examples,
      `Column "${column}" should hold the timestamps but none of its values is a date or time ` +
        `that can be read (e.g. ${quoteExamples(examples)}). Write them like 2024-01-31 or ` +
        '2024-01-31T14:00:00Z, or choose another time column.',
      column,
    );
  }
  return rowProblem(
    'unparseable_dates',
    examples,
    `Column "${column}" is read as ${formatLabel}, but ${rowsThat(examples, 'does', 'do')} not fit ` +
      `(${quoteExamples(examples)}). Write every timestamp in the same format or delete those rows.`,
    column,
  );
}

export function ambiguousDates(column: string, label: string): Problem {
  return warning(
    'ambiguous_dates',
    `In column "${column}" no day is above 12, so day and month cannot be told apart; the dates ` +
      `were read month-first (${label}). If they are day-first, rewrite them as YYYY-MM-DD.`,
    { column },
  );
}

export function noNumericColumn(skipped: { name: string; reason: string }[]): Problem {
  const detail = skipped.length
    ? ` Skipped: ${skipped.map((s) => `${s.name} (${s.reason})`).join('; ')}.`
    : '';
  return error(
    'no_numeric_column',
    `No column holds numbers to forecast.${detail} Add at least one column of plain numbers ` +
      '(like 1234.5, without currency signs or thousands separators).',
  );
}

export function nonNumericCells(column: string, examples: RowExamples): Problem {
  return rowProblem(
    'non_numeric_cells',
    examples,
    `Column "${column}" holds numbers, but ${rowsThat(examples, 'contains', 'contain')} text ` +
      `(${quoteExamples(examples)}). Replace them with numbers, or leave the cells empty (or NA) ` +
      'for missing values.',
    column,
  );
}

/** `examples.texts` hold the repeated timestamp and the row it first appears in. */
export function duplicateTimestamps(examples: RowExamples): Problem {
  return rowProblem(
    'duplicate_timestamps',
    examples,
    `Timestamps repeat: ${rowsThat(examples, 'repeats', 'repeat')} an earlier row's timestamp ` +
      `(${examples.texts.slice(0, 3).join('; ')}). Remove or merge the duplicated rows; if the ` +
      'file stacks several series in one column, give each series its own column instead.',
  );
}

export function describeRepeat(t: number, firstRow: number): string {
  return `${isoTime(t)} first in row ${firstRow}`;
}

export function tooFewPoints(series: string, points: number): Problem {
  return error(
    'too_few_points',
    `Series "${series}" has ${points} value${points === 1 ? '' : 's'}; at least 3 are needed. ` +
      'Add more rows or remove this column.',
    { column: series },
  );
}

export function missingTimestamps(series: string, frequency: Frequency, missing: number, first: number): Problem {
  return warning(
    'missing_timestamps',
    `Series "${series}" is ${frequency} but lacks ${missing} timestamp${missing === 1 ? '' : 's'} ` +
      `(the first is ${isoTime(first)}). Forecasting assumes evenly spaced points; add the ` +
      'missing rows if the gaps matter.',
    { column: series, count: missing },
  );
}
