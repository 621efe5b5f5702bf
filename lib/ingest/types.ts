// Public types of CSV ingest. Parsing is pure: it reads bytes and returns series or problems;
// storing is lib/db's job, so a rejected file can never be half-stored.
import type { Frequency } from '@/lib/forecast/types';

export type ProblemCode =
  | 'empty_file'
  | 'header_only'
  | 'not_csv'
  | 'ragged_rows'
  | 'no_time_column'
  | 'unparseable_dates'
  | 'no_numeric_column'
  | 'non_numeric_cells'
  | 'duplicate_timestamps'
  | 'too_few_points'
  | 'file_too_large'
  // Added with the parser: quoting the CSV reader cannot recover from, an override naming a
  // column the header lacks, and two warnings (day/month order guessed, gaps in a series).
  | 'malformed_csv'
  | 'unknown_column'
  | 'ambiguous_dates'
  | 'missing_timestamps';

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
}

export interface ParsedSeries {
  name: string;
  frequency: Frequency;
  /** Epoch milliseconds, ascending, unique. */
  t: number[];
  v: number[];
}

/** Whole files or streams; web ReadableStreams (e.g. `File.stream()`) are read chunk by chunk. */
export type CsvInput =
  | string
  | Uint8Array
  | AsyncIterable<string | Uint8Array>
  | ReadableStream<Uint8Array>;

export interface ParseOptions {
  /** Override the detected delimiter. */
  delimiter?: string;
  /** Override the detected time column (header name). */
  timeColumn?: string;
  /** Only these columns become series (default: every numeric column). */
  valueColumns?: string[];
  /** Preview mode: the input may be a truncated head of the file; the last partial line is dropped. */
  partial?: boolean;
}

export interface ParsedFile {
  delimiter: string;
  columns: string[];
  timeColumn: string | null;
  /** How the time column was read, e.g. 'YYYY-MM-DD' or 'DD/MM/YYYY'; null without one. */
  timeFormat: string | null;
  valueColumns: string[];
  /** Columns that are neither the time column nor numeric, with why. */
  skippedColumns: { name: string; reason: string }[];
  /** First rows as parsed strings, for the preview table. */
  preview: string[][];
  rows: number;
  series: ParsedSeries[];
  problems: Problem[];
  /** True when there is no problem of severity 'error'. */
  ok: boolean;
}
