// How much of a file's shape the reader accepts: the longest line, the most columns, the longest
// column name and the most series. Beyond them a file is refused with a problem that names the
// limit (422 invalid_csv), found while the file streams, before its text or its series pile up in
// memory. Each is configurable by environment variable (README, Configuration).
import type { Problem } from './types';

export interface ReadLimits {
  /** Longest line (record), in bytes of text; about a megabyte by default. */
  maxLineBytes: number;
  /** Most columns in the header (or first row). */
  maxColumns: number;
  /** Longest column name, in characters. */
  maxColumnNameChars: number;
  /** Most series one file (and one dataset, appends included) may hold. */
  maxSeries: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxLineBytes: 1024 * 1024,
  maxColumns: 2_000,
  maxColumnNameChars: 200,
  maxSeries: 10_000,
};

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = Number(raw);
  return raw !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

/** The limits in force: HORIZON_MAX_LINE_KB, HORIZON_MAX_COLUMNS, HORIZON_MAX_COLUMN_NAME, HORIZON_MAX_SERIES. */
export function readLimits(overrides: Partial<ReadLimits> = {}): ReadLimits {
  return {
    maxLineBytes: envNumber('HORIZON_MAX_LINE_KB', DEFAULT_READ_LIMITS.maxLineBytes / 1024) * 1024,
    maxColumns: envNumber('HORIZON_MAX_COLUMNS', DEFAULT_READ_LIMITS.maxColumns),
    maxColumnNameChars: envNumber('HORIZON_MAX_COLUMN_NAME', DEFAULT_READ_LIMITS.maxColumnNameChars),
    maxSeries: envNumber('HORIZON_MAX_SERIES', DEFAULT_READ_LIMITS.maxSeries),
    ...overrides,
  };
}

/** Thrown while reading when the file passes a limit; parseCsv turns it into its problem. */
export class ReadLimitError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
    this.name = 'ReadLimitError';
  }
}
