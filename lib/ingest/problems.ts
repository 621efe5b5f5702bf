// Every problem the parser reports, worded in one place: each message says what is wrong and
// what to change in the file (or which option to set) to fix it.
import { frequencyLabel, type Frequency } from '@/lib/forecast/time';
import { MAX_ID_VALUES } from './category-column';
import type { EncodingError } from './encoding';
import type { DuplicatePolicy, GapPolicy, Problem, ProblemCode } from './types';

/** How many example rows a message names. */
const EXAMPLES_SHOWN = 5;

/** The first rows sharing a problem (with the offending text), and how many there are in all. */
export class RowExamples {
  readonly rows: number[] = [];
  readonly texts: string[] = [];
  count = 0;

  /** `text` may be a function, so text that is never shown is never built. */
  add(row: number, text: string | (() => string) = ''): void {
    this.count++;
    if (this.rows.length < EXAMPLES_SHOWN) {
      this.rows.push(row);
      this.texts.push(typeof text === 'string' ? text : text());
    }
  }
}

export type NotCsvKind = 'html' | 'json' | 'binary' | 'zip' | 'gzip' | 'pdf';

const NOT_CSV_MESSAGES: Record<NotCsvKind, string> = {
  html:
    'The file is an HTML web page, not a CSV. Download the data itself (often a "Download CSV" ' +
    'link) instead of saving the page.',
  json: 'The file is JSON, not CSV. Convert it to CSV: a header row, a time column and one column per ' + 'series.',
  binary:
    'The file is binary (it contains NUL bytes), not text. Export the data as CSV: plain text, ' +
    'UTF-8, one row per timestamp.',
  zip:
    'The file is a ZIP archive or an Excel workbook (.xlsx), not CSV. In Excel use File > Save As > ' +
    '"CSV UTF-8", then upload that file.',
  gzip: 'The file is gzip-compressed. Decompress it and upload the CSV inside.',
  pdf: 'The file is a PDF, not CSV. Export the table as CSV from the program that made it.',
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
  return error('empty_file', 'The file is empty. Choose a CSV file with a header row and at least three data rows.');
}

/** "a, b, c, d, e and 95 more", names cut to 40 characters: a message stays short whatever the header. */
function someColumns(columns: readonly string[]): string {
  const shown = columns.slice(0, 5).map((name) => (name.length > 40 ? `${name.slice(0, 39)}…` : name));
  return columns.length > shown.length
    ? `${shown.join(', ')} and ${columns.length - shown.length} more`
    : shown.join(', ');
}

export function headerOnly(columns: string[]): Problem {
  return error(
    'header_only',
    `The file has a header (${someColumns(columns)}) but no data rows. Add one row per timestamp ` +
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

const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;

/** A line over the limit, found while it was still arriving; `row`: where it starts. */
export function lineTooLong(row: number, maxBytes: number): Problem {
  return error(
    'line_too_long',
    `Row ${row} is longer than ${kb(maxBytes)}, the longest line Horizon reads. A file without line breaks, ` +
      'or with a quote (") that is never closed, reads as one line: check its line endings and quoting ' +
      "(the server's limit is HORIZON_MAX_LINE_KB).",
    { row },
  );
}

export function tooManyColumns(count: number, max: number): Problem {
  return error(
    'too_many_columns',
    `The file has ${count.toLocaleString('en-US')} columns; Horizon reads at most ${max.toLocaleString('en-US')} ` +
      '(each would become a series). Keep the columns you want to forecast, or put the series in rows ' +
      "(long layout: a time column, an id column and a value column). The server's limit is HORIZON_MAX_COLUMNS.",
    { row: 1 },
  );
}

export function columnNameTooLong(column: number, length: number, max: number): Problem {
  return error(
    'column_name_too_long',
    `The name of column ${column} is ${length.toLocaleString('en-US')} characters long; at most ${max} are ` +
      "allowed. Shorten it, or check that the first row really is a header (the server's limit is HORIZON_MAX_COLUMN_NAME).",
    { row: 1 },
  );
}

/** `existing`: series the dataset already has (appends); 0 for a new dataset. */
export function tooManySeries(count: number, existing: number, max: number): Problem {
  const total = count + existing;
  return error(
    'too_many_series',
    (existing > 0
      ? `The file adds ${count.toLocaleString('en-US')} new series to the dataset's ${existing.toLocaleString('en-US')}, making ${total.toLocaleString('en-US')}; `
      : `The file holds ${count.toLocaleString('en-US')} series; `) +
      `a dataset holds at most ${max.toLocaleString('en-US')}. Split the file into several datasets, or choose ` +
      "fewer value or id columns (the server's limit is HORIZON_MAX_SERIES).",
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

export function unknownColumn(
  name: string,
  role: 'time column' | 'value column' | 'id column',
  columns: string[],
): Problem {
  return error(
    'unknown_column',
    `The ${role} "${name}" is not in the header (columns: ${columns.join(', ')}). Pick one of ` + 'these names.',
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
      `were read month-first (${label}). If they are day-first, say so: choose the order in the upload ` +
      `(dayFirst=true in the API, --day-first for inspect), or rewrite them as YYYY-MM-DD.`,
    { column },
  );
}

export function noNumericColumn(skipped: { name: string; reason: string }[]): Problem {
  const detail = skipped.length ? ` Skipped: ${skipped.map((s) => `${s.name} (${s.reason})`).join('; ')}.` : '';
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

/**
 * `examples.texts` hold the repeated timestamp and the row it first appears in. `idColumns`: the
 * id columns of a long file (empty for wide), which the repeats are counted within.
 */
export function duplicateTimestamps(examples: RowExamples, idColumns: readonly string[]): Problem {
  const fix =
    idColumns.length === 0
      ? 'if the file stacks several series in one column, choose the id columns that tell them ' +
        'apart (or give each series its own column)'
      : `if another column tells those rows apart, add it to the id columns (now ${idColumns.join(', ')})`;
  return rowProblem(
    'duplicate_timestamps',
    examples,
    `Timestamps repeat: ${rowsThat(examples, 'repeats', 'repeat')} an earlier row's timestamp ` +
      `(${examples.texts.slice(0, 3).join('; ')}). Remove the duplicated rows, choose how to merge ` +
      `them (mean, sum or last), or ${fix}.`,
  );
}

const MERGED_BY: Record<Exclude<DuplicatePolicy, 'error'>, string> = {
  mean: 'their mean',
  sum: 'their sum',
  last: 'the last of them in the file',
};

/** The warning when a duplicate policy merged repeated timestamps. */
export function mergedDuplicates(examples: RowExamples, policy: Exclude<DuplicatePolicy, 'error'>): Problem {
  return warning(
    'duplicate_timestamps',
    `${examples.count} row${examples.count === 1 ? '' : 's'} repeated an earlier row's timestamp ` +
      `(${describeRows(examples)}: ${examples.texts.slice(0, 3).join('; ')}); each value there is now ` +
      `${MERGED_BY[policy]}. ` +
      'Check that the repeats are meant, not the same rows exported twice.',
    { row: examples.rows[0], count: examples.count },
  );
}

/** `label`: how the series is named, for long files (" for north"). */
export function describeRepeat(t: number, firstRow: number, label = ''): string {
  return `${isoTime(t)}${label} first in row ${firstRow}`;
}

export function tooFewPoints(series: string, points: number): Problem {
  return error(
    'too_few_points',
    `Series "${series}" has ${points} value${points === 1 ? '' : 's'}; at least 3 are needed. ` +
      'Add more rows or remove this column.',
    { column: series },
  );
}

/** A list of series names for a message: the first five quoted, then how many more. */
function seriesList(names: readonly string[]): string {
  const shown = names.slice(0, EXAMPLES_SHOWN).map((name) => `"${name}"`);
  const more = names.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/**
 * Series of a long file with fewer than 3 points: left out with a warning, since one short id
 * should not block the others; an error when no series is left.
 */
export function tooFewPointsSkipped(series: readonly { name: string; points: number }[], onlySeries: boolean): Problem {
  const one = series.length === 1;
  const subject = one
    ? `Series "${series[0].name}" has ${series[0].points} value${series[0].points === 1 ? '' : 's'}`
    : `${series.length} series (${seriesList(series.map((s) => s.name))}) have fewer than 3 values`;
  const make = onlySeries ? error : warning;
  return make(
    'too_few_points',
    `${subject}; at least 3 are needed to forecast` +
      (onlySeries
        ? `, and no other series is left. Add more rows for ${one ? 'it' : 'them'}.`
        : `. ${one ? 'It was' : 'They were'} left out; add more rows to import ${one ? 'it' : 'them'} too.`),
    { count: series.length, ...(one ? { column: series[0].name } : {}) },
  );
}

/**
 * Series whose every value is the same: a forecaster learns nothing from them, and scaling them
 * divides by zero. Left out with a warning; an error when no series is left.
 */
export function constantSeries(series: readonly { name: string; value: number }[], onlySeries: boolean): Problem {
  const first = series[0];
  const names = series.map((s) => s.name);
  const subject =
    series.length === 1
      ? `Series "${first.name}" has the same value (${first.value}) at every timestamp`
      : `${series.length} series (${seriesList(names)}) each have the same value at every timestamp`;
  const make = onlySeries ? error : warning;
  return make(
    'constant_series',
    `${subject}: there is nothing to learn from a constant` +
      (onlySeries
        ? ', and no other series is left to import. Check that the right column was chosen as values.'
        : `; ${series.length === 1 ? 'it was' : 'they were'} left out.`),
    { count: series.length, ...(series.length === 1 ? { column: first.name } : {}) },
  );
}

/**
 * `missingShare`: the share of the grid's steps without a point. `counts`: every value is a whole
 * number >= 0, so a missing step most likely means nothing happened and 0 is the fill that fits.
 */
export function missingTimestamps(
  series: string,
  frequency: Frequency,
  missing: number,
  first: number,
  missingShare: number,
  counts: boolean,
): Problem {
  const share = Math.round(missingShare * 100);
  const advice = counts
    ? 'The values look like counts: if a missing step means nothing happened, choose the gap policy ' +
      '"zero" to fill them with 0.'
    : 'Forecasting assumes evenly spaced points; add the missing rows if the gaps matter, or choose a ' +
      'gap policy to fill them.';
  return warning(
    'missing_timestamps',
    `Series "${series}" is ${frequencyLabel(frequency)} but lacks ${missing} timestamp${missing === 1 ? '' : 's'} ` +
      `(${share > 0 ? `${share}%` : 'under 1%'} of its steps; the first is ${isoTime(first)}). ${advice}`,
    { column: series, count: missing, ...(counts ? { suggestedGapPolicy: 'zero' as const } : {}) },
  );
}

/**
 * A series too short for a run with the default settings: it imports (the user may add rows by
 * appending, or pick a shorter horizon), but it would be refused at training.
 */
export function tooShortToForecast(
  series: readonly { name: string; points: number }[],
  frequency: Frequency,
  minimum: { points: number; horizon: number },
): Problem {
  const one = series.length === 1;
  const subject = one
    ? `Series "${series[0].name}" has ${series[0].points} point${series[0].points === 1 ? '' : 's'}`
    : `${series.length} series (${seriesList(series.map((s) => s.name))}) have fewer than ${minimum.points} points`;
  return warning(
    'too_short_to_forecast',
    `${subject}: a ${frequencyLabel(frequency)} series needs at least ${minimum.points} points to be ` +
      `forecast by the LSTMs with the default settings (a horizon of ${minimum.horizon} step${minimum.horizon === 1 ? '' : 's'}, ` +
      'held out once to test the model). It imports, and a run compares the classical models and baselines on it ' +
      'without the LSTMs: add rows, or append them later, to train them too.',
    { count: series.length, ...(one ? { column: series[0].name } : {}) },
  );
}

const FILLED_WITH: Record<Exclude<GapPolicy, 'leave'>, string> = {
  linear: 'values interpolated between their neighbours',
  ffill: 'the last value before each gap',
  zero: 'zeros',
};

export function filledTimestamps(
  series: string,
  frequency: Frequency,
  filled: number,
  first: number,
  policy: Exclude<GapPolicy, 'leave'>,
): Problem {
  return warning(
    'missing_timestamps',
    `Series "${series}" is ${frequencyLabel(frequency)} but lacked ${filled} timestamp${filled === 1 ? '' : 's'} ` +
      `(the first is ${isoTime(first)}); they were filled with ${FILLED_WITH[policy]}.`,
    { column: series, count: filled },
  );
}

/** `maxShare`: how many missing points per present one a fill may add. */
export function gapsTooLargeToFill(
  series: string,
  frequency: Frequency,
  missing: number,
  points: number,
  maxShare: number,
): Problem {
  return warning(
    'missing_timestamps',
    `Series "${series}" is ${frequencyLabel(frequency)} but lacks ${missing} timestamps against ${points} present, ` +
      `more than ${maxShare} per present point, so they were not filled: the series would be mostly ` +
      'made up. Resample it to a coarser frequency, or check its dates.',
    { column: series, count: missing },
  );
}

/** One warning for many series with gaps, instead of one each. */
export function missingTimestampsSummary(series: number, missing: number, filled: boolean, counts = false): Problem {
  const advice = counts
    ? '. Their values look like counts: if a missing step means nothing happened, choose the gap policy ' +
      '"zero" to fill them with 0.'
    : '. Forecasting assumes evenly spaced points; add the missing rows if the gaps matter, or ' +
      'choose a gap policy to fill them.';
  return warning(
    'missing_timestamps',
    `${series} series lack timestamps between their first and last point, ${missing} in all` +
      (filled ? '; they were filled by the gap policy.' : advice),
    { count: missing, ...(counts && !filled ? { suggestedGapPolicy: 'zero' as const } : {}) },
  );
}

/** `expected`: what the option accepts, e.g. 'one of "wide", "long"'. */
export function invalidOption(name: string, value: string, expected: string): Problem {
  return error('invalid_option', `The option ${name} is "${value}" but must be ${expected}.`);
}

export function timeColumnAsId(name: string): Problem {
  return error(
    'invalid_option',
    `"${name}" is the time column, so it cannot also be an id column. Choose other id columns or ` +
      'another time column.',
    { column: name },
  );
}

export function idColumnAsValue(name: string): Problem {
  return error(
    'invalid_option',
    `"${name}" is chosen both as an id column and as a value column. Keep it in one of the two.`,
    { column: name },
  );
}

/** The file was not UTF-8 and was read as `encoding`: the characters are worth a look. */
export function convertedEncoding(encoding: 'windows-1252'): Problem {
  return warning(
    'converted_encoding',
    `The file is not UTF-8, so it was read as ${encoding === 'windows-1252' ? 'Windows-1252' : encoding} ` +
      '(what Excel on Windows saves as "CSV"). Check that names with accents or € read right; if they ' +
      'do not, choose the file\'s encoding, or save it as UTF-8 ("CSV UTF-8" in Excel).',
  );
}

export function unsupportedEncoding(error_: EncodingError): Problem {
  const byte = `0x${error_.byte.toString(16).toUpperCase().padStart(2, '0')}`;
  const seen = error_.asWindows1252 ? ` (read as Windows-1252 the row says "${truncate(error_.asWindows1252)}")` : '';
  return error(
    'unsupported_encoding',
    `The file is not UTF-8: row ${error_.line} contains the byte ${byte}${seen}. It was probably ` +
      'saved as Windows-1252/Latin-1. Save it as UTF-8 (in Excel: Save As > "CSV UTF-8"; in ' +
      'LibreOffice: character set "Unicode (UTF-8)") or convert it, e.g. ' +
      '`iconv -f WINDOWS-1252 -t UTF-8 file.csv > file-utf8.csv`, then upload it again; or set the ' +
      'encoding option to "windows-1252".',
    { row: error_.line },
  );
}

/** Long layout asked for, but no column can tell the series apart. */
export function noIdColumn(columns: readonly string[]): Problem {
  return error(
    'no_id_column',
    `The long layout needs an id column whose values say which series a row belongs to (like ` +
      `"store" with values north, south), but none of the columns qualifies (columns: ` +
      `${columns.join(', ')}). Choose the id columns explicitly, or read the file as wide.`,
  );
}

export function tooManyIds(column: string): Problem {
  return error(
    'no_id_column',
    `Column "${column}" has more than ${MAX_ID_VALUES.toLocaleString('en-US')} different values, too ` +
      'many for an id column: each would become its own series. Choose a column that names the ' +
      'series, such as a store or product.',
    { column },
  );
}

export function missingIds(examples: RowExamples, idColumns: readonly string[]): Problem {
  const which = idColumns.length === 1 ? `id column "${idColumns[0]}"` : `id columns (${idColumns.join(', ')})`;
  return warning(
    'missing_ids',
    `${rowsThat(examples, 'has', 'have')} no value in the ${which}, so it is not known which ` +
      `series ${examples.count === 1 ? 'it belongs' : 'they belong'} to; ` +
      `${examples.count === 1 ? 'it was' : 'they were'} left out. Fill in the ids to import ` +
      `${examples.count === 1 ? 'it' : 'them'}.`,
    { row: examples.rows[0], count: examples.count, column: idColumns[0] },
  );
}

/** `column` null: the header row, whose names become series names. */
export function formulaLikeCells(column: string | null, examples: RowExamples): Problem {
  const subject = column === null ? 'The header' : `Column "${column}"`;
  const noun = column === null ? 'name' : 'value';
  const cells = examples.texts.slice(0, 3).map((text, i) => `"${truncate(text)}" in row ${examples.rows[i]}`);
  return warning(
    'formula_like_cells',
    `${subject} has ${examples.count === 1 ? `a ${noun}` : `${examples.count} ${noun}s`} starting ` +
      `with =, +, - or @ (${cells.join(', ')}), which spreadsheets run as formulas. They are kept ` +
      'as text; if they came from a spreadsheet formula, export its results instead, and take care ' +
      'when opening exports of these series in a spreadsheet.',
    { row: examples.rows[0], count: examples.count, ...(column === null ? {} : { column }) },
  );
}
