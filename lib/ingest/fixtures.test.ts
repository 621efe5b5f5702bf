// Every file under test/fixtures/csv/ and what parsing it must give. The files are read as streams
// of small chunks, as an upload arrives.
import { createReadStream, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Frequency } from '@/lib/forecast/types';
import { parseCsv } from './parse-csv';
import type { ProblemCode } from './types';

const DIR = join(import.meta.dirname, '../../test/fixtures/csv');

interface Expected {
  file: string;
  /** Error codes expected (empty for a file that imports). */
  errors: ProblemCode[];
  warnings?: ProblemCode[];
  series?: number;
  frequency?: Frequency;
  delimiter?: string;
  timeColumn?: string;
}

const CASES: Expected[] = [
  { file: 'semicolon-decimal-comma.csv', errors: [], series: 2, frequency: 'daily', delimiter: ';', timeColumn: 'Datum' },
  { file: 'tab-separated.tsv', errors: [], series: 2, frequency: 'daily', delimiter: '\t' },
  { file: 'bom-crlf.csv', errors: [], series: 1, frequency: 'daily', timeColumn: 'date' },
  { file: 'quoted.csv', errors: [], series: 1, frequency: 'daily', timeColumn: 'Date' },
  { file: 'iso-offsets.csv', errors: [], series: 1, frequency: 'hourly' },
  { file: 'dmy-slash.csv', errors: [], series: 1, frequency: 'daily' },
  { file: 'mdy-slash.csv', errors: [], series: 2, frequency: 'daily' },
  { file: 'ambiguous-slash.csv', errors: [], warnings: ['ambiguous_dates'], series: 1, frequency: 'monthly' },
  { file: 'monthly.csv', errors: [], series: 1, frequency: 'monthly' },
  { file: 'quarterly.csv', errors: [], series: 1, frequency: 'quarterly' },
  { file: 'yearly.csv', errors: [], series: 1, frequency: 'yearly', timeColumn: 'year' },
  { file: 'unix-seconds.csv', errors: [], series: 1, frequency: 'hourly', timeColumn: 'ts' },
  { file: 'pipe-missing-values.csv', errors: [], warnings: ['missing_timestamps'], series: 1, frequency: 'daily', delimiter: '|' },
  { file: 'weekly-gaps.csv', errors: [], warnings: ['missing_timestamps'], series: 1, frequency: 'weekly' },
  { file: 'excel-sep-line.csv', errors: [], series: 1, frequency: 'daily', delimiter: ';' },
  { file: 'empty.csv', errors: ['empty_file'] },
  { file: 'header-only.csv', errors: ['header_only'] },
  { file: 'html-page.csv', errors: ['not_csv'] },
  { file: 'json.csv', errors: ['not_csv'] },
  { file: 'binary.csv', errors: ['not_csv'] },
  { file: 'ragged.csv', errors: ['ragged_rows'], warnings: ['missing_timestamps'] },
  { file: 'no-time-column.csv', errors: ['no_time_column'] },
  { file: 'no-numeric.csv', errors: ['no_numeric_column'] },
  { file: 'stray-text.csv', errors: ['non_numeric_cells'], warnings: ['missing_timestamps'], series: 1 },
  { file: 'duplicates.csv', errors: ['duplicate_timestamps'], warnings: ['missing_timestamps'], series: 1 },
  { file: 'too-few-points.csv', errors: ['too_few_points'], series: 1 },
  { file: 'unparseable-dates.csv', errors: ['unparseable_dates'], warnings: ['missing_timestamps'], series: 1 },
  { file: 'unclosed-quote.csv', errors: ['malformed_csv'] },
];

describe('CSV fixtures', () => {
  it('has an expectation for every fixture file', () => {
    expect(readdirSync(DIR).sort()).toEqual(CASES.map((c) => c.file).sort());
  });

  it.each(CASES)('$file', async (expected) => {
    const parsed = await parseCsv(createReadStream(join(DIR, expected.file), { highWaterMark: 64 }));
    const codes = (severity: 'error' | 'warning') =>
      [...new Set(parsed.problems.filter((p) => p.severity === severity).map((p) => p.code))].sort();

    expect(codes('error')).toEqual([...expected.errors].sort());
    expect(codes('warning')).toEqual([...(expected.warnings ?? [])].sort());
    expect(parsed.ok).toBe(expected.errors.length === 0);
    if (expected.series !== undefined) expect(parsed.series).toHaveLength(expected.series);
    if (expected.frequency) {
      for (const series of parsed.series) expect(series.frequency).toBe(expected.frequency);
    }
    if (expected.delimiter) expect(parsed.delimiter).toBe(expected.delimiter);
    if (expected.timeColumn) expect(parsed.timeColumn).toBe(expected.timeColumn);
    for (const problem of parsed.problems) expect(problem.message.length).toBeGreaterThan(40);
  });
});
