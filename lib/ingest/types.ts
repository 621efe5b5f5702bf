// Public types of CSV ingest. Parsing is pure: it reads bytes and returns series or problems;
// storing is lib/db's job, so a rejected file can never be half-stored.
import type { Frequency, RegularFrequency } from '@/lib/forecast/time';
import type { TextEncoding } from './text-encodings';

/** Every problem a file can have (the API's `problems[].code`). */
export const PROBLEM_CODES = [
  'empty_file',
  'header_only',
  'not_csv',
  'ragged_rows',
  'no_time_column',
  'unparseable_dates',
  'no_numeric_column',
  'non_numeric_cells',
  'duplicate_timestamps',
  'too_few_points',
  'file_too_large',
  // Added with the parser: quoting the CSV reader cannot recover from, an override naming a
  // column the header lacks, and two warnings (day/month order guessed, gaps in a series).
  'malformed_csv',
  'unknown_column',
  'ambiguous_dates',
  'missing_timestamps',
  // Added with long layouts, fill/merge policies and encoding checks.
  'invalid_option',
  'unsupported_encoding',
  'no_id_column',
  'missing_ids',
  'constant_series',
  'formula_like_cells',
  // Added with frequencies as unit x multiple: a series shorter than a default run needs.
  'too_short_to_forecast',
  // A file read as Windows-1252 because it is not UTF-8 (a notice: check the characters).
  'converted_encoding',
  // Added with the read limits (limits.ts).
  'line_too_long',
  'too_many_columns',
  'column_name_too_long',
  'too_many_series',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  code: ProblemCode;
  /** Says what is wrong and what to fix. */
  message: string;
  /** 1-based line number in the file (the header is line 1). */
  row?: number;
  column?: string;
  /** How many rows share the problem, when more than the examples given. */
  count?: number;
  /** 'error' rejects the file; 'warning' is reported but the file imports. */
  severity: 'error' | 'warning';
  /** missing_timestamps of count-like values: the gap policy that fits them ('zero'). */
  suggestedGapPolicy?: GapPolicy;
}

export interface ParsedSeries {
  name: string;
  frequency: Frequency;
  /** Epoch milliseconds, ascending, unique. */
  t: number[];
  v: number[];
  /** The column the values come from. */
  valueColumn: string;
  /** Long layout only: the id column values that pick this series' rows, e.g. { store: 'north' }. */
  ids?: Record<string, string>;
  /** The UTC offset the file wrote its timestamps in ("+02:00"), for display; null: none given. */
  timeOffset?: string | null;
  /** The IANA zone the dataset named ('Europe/Berlin'), to read offset-less times and show times; null: none. */
  timeZone?: string | null;
  /** Timestamps a regular series lacked between its first and last point (after resampling). */
  gaps: number;
  /** Points the gap policy inserted (0 with 'leave'); `t` and `v` include them. */
  filled: number;
  /** Values that repeated an earlier timestamp of this series and were merged into it (or dropped). */
  duplicates: number;
}

/**
 * Rows after some series' last value where other series of the same rows go on (future-rows.ts):
 * the continuing values are those series' future part, usable as known-future covariates.
 */
export interface FutureRows {
  /** Says it for people: "14 future rows: …". */
  message: string;
  /** The most such rows after any one series' last value. */
  rows: number;
  /** The fewest (equal to `rows` when every series that ends early ends on the same row). */
  fewestRows: number;
  /** The series that end early (the first few), with their own count and last timestamp (ISO). */
  targets: { name: string; rows: number; last: string }[];
  targetCount: number;
  /** The series that go on past them (the first few names). */
  covariates: string[];
  covariateCount: number;
}

/** Whole files or streams; web ReadableStreams (e.g. `File.stream()`) are read chunk by chunk. */
export type CsvInput = string | Uint8Array | AsyncIterable<string | Uint8Array> | ReadableStream<Uint8Array>;

/** 'wide': one column per series. 'long': id columns say which series a row belongs to. */
export type Layout = 'wide' | 'long';
export type DecimalSeparator = '.' | ',';
/** What to put at the timestamps a regular series lacks. */
export type GapPolicy = 'leave' | 'linear' | 'ffill' | 'zero';
/** What to do with values that share a timestamp within one series. */
export type DuplicatePolicy = 'error' | 'mean' | 'sum' | 'last';
export type Aggregation = 'mean' | 'sum' | 'last' | 'min' | 'max';

export interface ResampleOptions {
  /** The step of the output series; each point stands for the period starting at its timestamp. */
  frequency: RegularFrequency;
  /** How the values falling into one period become its value. */
  aggregation: Aggregation;
}

export interface ParseOptions {
  /** Override the detected delimiter. */
  delimiter?: string;
  /** Override the detected time column (header name). */
  timeColumn?: string;
  /** Only these columns become series (default: every numeric column). */
  valueColumns?: string[];
  /** Preview mode: the input may be a truncated head of the file; the last partial line is dropped. */
  partial?: boolean;
  /** Override the detected layout. */
  layout?: Layout;
  /** Override the detected id columns (header names); implies the long layout. */
  idColumns?: string[];
  /** Override the detected decimal separator. */
  decimal?: DecimalSeparator;
  /** Whether the first row is a header (default: detected; a first row of dates and numbers is data). */
  hasHeader?: boolean;
  /** Default 'leave': gaps are counted and reported, nothing is inserted. */
  gapPolicy?: GapPolicy;
  /** Default 'error': a repeated timestamp rejects the file. Other policies merge and warn. */
  duplicatePolicy?: DuplicatePolicy;
  /** Put every series on this frequency (applied after duplicates are merged, before gaps are filled). */
  resample?: ResampleOptions;
  /**
   * How to read a/b/yyyy dates: true day-first (DD/MM/YYYY), false month-first (MM/DD/YYYY).
   * Default: decided by the data (a day above 12), month-first with an ambiguous_dates warning.
   */
  dayFirst?: boolean;
  /**
   * The file's text encoding. Default: UTF-16 by its byte order mark or NUL pattern, Windows-1252
   * when the head is not UTF-8 (with a converted_encoding notice), else UTF-8.
   */
  encoding?: TextEncoding;
  /**
   * The IANA zone ('Europe/Berlin') times without an offset were written in; offsets in the file
   * win. Default: such times are UTC. Daylight-saving changes are read per series (see time-zone.ts).
   */
  timeZone?: string;
}

// The fields marked "always set" are typed optional only so that objects built from this type
// before they existed (e.g. the API's preview) still compile; parseCsv fills every one of them.
export interface ParsedFile {
  delimiter: string;
  /** Always set. The decimal separator numbers were read with ('.' also reads in ',' files). */
  decimal?: DecimalSeparator;
  /** Always set. False when the first row was data and the columns got generated names (column_1, ...). */
  hasHeader?: boolean;
  /** Always set. */
  layout?: Layout;
  /** Always set. Long layout: the columns whose values name the series (empty for wide). */
  idColumns?: string[];
  columns: string[];
  timeColumn: string | null;
  /** How the time column was read, e.g. 'YYYY-MM-DD' or 'DD/MM/YYYY'; null without one. */
  timeFormat: string | null;
  /** The text encoding the file was read with (unset when it was refused before reading). */
  encoding?: TextEncoding;
  /**
   * Always set. The UTC offset the timestamps were written with ("+02:00"; the most common one
   * when they differ); null when they carry none (then they were read as UTC).
   */
  timeOffset?: string | null;
  /**
   * Always set. The zone given in the options, in effect: it read the times when they carry no
   * offset, and times are shown in it. Null without the option, and for a column of dates (all at
   * midnight), which stay calendar days.
   */
  timeZone?: string | null;
  valueColumns: string[];
  /** Columns that are neither the time column, an id column nor numeric, with why. */
  skippedColumns: { name: string; reason: string }[];
  /**
   * Always set. Series left out although their column was read (constant, or too few points in a
   * long file), with why.
   */
  skippedSeries?: { name: string; reason: string }[];
  /** First rows as parsed strings, for the preview table. */
  preview: string[][];
  rows: number;
  series: ParsedSeries[];
  /** Always set. Rows after some series' last value that other series fill; null: none. */
  futureRows?: FutureRows | null;
  problems: Problem[];
  /** True when there is no problem of severity 'error'. */
  ok: boolean;
}

/** What parseCsv returns: a ParsedFile with every "always set" field required. */
export type ParseResult = ParsedFile &
  Required<
    Pick<
      ParsedFile,
      'decimal' | 'hasHeader' | 'layout' | 'idColumns' | 'skippedSeries' | 'timeOffset' | 'timeZone' | 'futureRows'
    >
  >;

/** One CSV record as the readers hand it on (records.ts, plain-records.ts). */
export interface CsvRecord {
  fields: string[];
  /** 1-based line the record starts on. */
  line: number;
}
