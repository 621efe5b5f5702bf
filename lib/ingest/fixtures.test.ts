// Every file under test/fixtures/csv/ and what parsing it must give. The files are read as streams
// of small chunks, as an upload arrives; a file may appear more than once, with different options.
import { createReadStream, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimumSeriesPoints } from '@/lib/forecast/config';
import type { Frequency } from '@/lib/forecast/types';
import { parseCsv } from './parse-csv';
import type { DecimalSeparator, Layout, ParseOptions, ParseResult, ProblemCode } from './types';

const DIR = join(import.meta.dirname, '../../test/fixtures/csv');

interface Expected {
  file: string;
  options?: ParseOptions;
  /** Error codes expected (empty for a file that imports). */
  errors: ProblemCode[];
  warnings?: ProblemCode[];
  series?: number;
  /** Names of the series, in order. */
  names?: string[];
  frequency?: Frequency;
  delimiter?: string;
  decimal?: DecimalSeparator;
  timeColumn?: string;
  layout?: Layout;
  idColumns?: string[];
  /** Anything else worth pinning down for this file. */
  check?: (parsed: ParseResult) => void;
}

/** Epoch ms of a Europe/Berlin wall-clock time at a known offset (hours east of UTC). */
const berlin = (y: number, mo: number, d: number, h: number, mi: number, offset: number) =>
  Date.UTC(y, mo - 1, d, h - offset, mi);
const QUARTER = 900_000;

const CASES: Expected[] = [
  // Local times across daylight-saving changes, read in the zone they were written in.
  {
    file: 'berlin-15min-spring-forward.csv',
    options: { timeZone: 'Europe/Berlin' },
    errors: [],
    series: 1,
    frequency: '15min',
    check: (parsed) => {
      // 30 March (96 quarter hours) and 31 March, which has 23 hours (92): no phantom gap at 02:00.
      const { t, gaps, duplicates } = parsed.series[0];
      expect({ gaps, duplicates, points: t.length }).toEqual({ gaps: 0, duplicates: 0, points: 188 });
      expect(t[0]).toBe(berlin(2024, 3, 30, 0, 0, 1));
      expect(t.at(-1)).toBe(berlin(2024, 3, 31, 23, 45, 2));
      expect(t.every((time, i) => i === 0 || time - t[i - 1] === QUARTER)).toBe(true);
      expect(parsed.timeZone).toBe('Europe/Berlin');
      expect(parsed.series[0].timeZone).toBe('Europe/Berlin');
    },
  },
  {
    // The same file without a zone: its times are UTC, so the skipped hour is a gap.
    file: 'berlin-15min-spring-forward.csv',
    errors: [],
    warnings: ['missing_timestamps'],
    series: 1,
    frequency: '15min',
    check: (parsed) => {
      expect(parsed.series[0].gaps).toBe(4);
      expect(parsed.timeZone).toBeNull();
    },
  },
  {
    // Two meters, rows interleaved; 27 October repeats 02:00-02:45: each meter's second 02:00 is winter time.
    file: 'berlin-15min-fall-back-long.csv',
    options: { timeZone: 'Europe/Berlin' },
    errors: [],
    layout: 'long',
    idColumns: ['meter'],
    names: ['north', 'south'],
    frequency: '15min',
    check: (parsed) => {
      for (const { t, gaps, duplicates } of parsed.series) {
        // 26 October (96 quarter hours) and 27 October, which has 25 hours (100).
        expect({ gaps, duplicates, points: t.length }).toEqual({ gaps: 0, duplicates: 0, points: 196 });
        expect(t[0]).toBe(berlin(2024, 10, 26, 0, 0, 2));
        expect(t.at(-1)).toBe(berlin(2024, 10, 27, 23, 45, 1));
        expect(t.every((time, i) => i === 0 || time - t[i - 1] === QUARTER)).toBe(true);
        expect(t).toContain(berlin(2024, 10, 27, 2, 0, 2));
        expect(t).toContain(berlin(2024, 10, 27, 2, 0, 1));
      }
    },
  },
  {
    // Without a zone the repeated hour is a repeated timestamp.
    file: 'berlin-15min-fall-back-long.csv',
    errors: ['duplicate_timestamps'],
  },
  // Time as people record it: sensors every 5/10/15 minutes, trading days, sparse counts.
  {
    file: 'unix-ms-long.csv',
    errors: [],
    layout: 'long',
    idColumns: ['device'],
    timeColumn: 'epoch',
    names: ['north', 'east', 'south'],
    frequency: '10min',
    check: (parsed) => {
      // Only each device is in time order, the file is not.
      expect(parsed.timeFormat).toBe('Unix milliseconds');
      for (const series of parsed.series) {
        expect(series).toMatchObject({ gaps: 0, duplicates: 0 });
        expect(series.t).toHaveLength(60);
        expect(series.t[0]).toBe(Date.UTC(2024, 5, 1));
      }
    },
  },
  {
    file: 'iso-weeks.csv',
    errors: [],
    series: 1,
    frequency: 'weekly',
    timeColumn: 'week',
    check: (parsed) => {
      const { t, gaps } = parsed.series[0];
      expect(gaps).toBe(0);
      expect(t[0]).toBe(Date.UTC(2023, 0, 2)); // 2023-W01 starts on Monday 2 January
      expect(t.at(-1)).toBe(Date.UTC(2024, 6, 1)); // 2024-W27
    },
  },
  {
    file: 'excel-serials.csv',
    errors: [],
    series: 1,
    frequency: 'daily',
    timeColumn: 'Date',
    check: (parsed) => {
      expect(parsed.timeFormat).toBe('Excel serial date');
      expect(parsed.series[0].t[0]).toBe(Date.UTC(2024, 0, 1)); // serial 45292
      expect(parsed.series[0].gaps).toBe(0);
    },
  },
  {
    file: 'sensor-5min.csv',
    errors: [],
    warnings: ['missing_timestamps'],
    series: 1,
    frequency: '5min',
    check: (parsed) => expect(parsed.series[0]).toMatchObject({ gaps: 3, name: 'temperature' }),
  },
  {
    file: 'sensor-10min.csv',
    errors: [],
    warnings: ['missing_timestamps'],
    series: 1,
    frequency: '10min',
    check: (parsed) => expect(parsed.series[0]).toMatchObject({ gaps: 1 }),
  },
  {
    file: 'sensor-15min.csv',
    errors: [],
    series: 1,
    frequency: '15min',
    check: (parsed) => expect(parsed.series[0]).toMatchObject({ gaps: 0 }),
  },
  {
    file: 'business-days-holidays.csv',
    errors: [],
    warnings: ['missing_timestamps'],
    series: 1,
    frequency: 'business-daily',
    check: (parsed) => {
      // Jan 15 and Feb 19 are missing; weekends are not gaps (Jan 1 and Mar 29 are outside the range).
      expect(parsed.series[0]).toMatchObject({ gaps: 2, name: 'Close' });
      expect(parsed.series[0].t.at(-1)).toBe(Date.UTC(2024, 2, 28));
      expect(parsed.problems[0].message).toContain('business days (Mon-Fri) but lacks 2 timestamps');
      expect(parsed.problems[0].message).toContain('the first is 2024-01-15');
      // Prices are not counts: no fill is suggested.
      expect(parsed.problems[0].suggestedGapPolicy).toBeUndefined();
    },
  },
  {
    file: 'business-days-holidays.csv',
    options: { gapPolicy: 'ffill' },
    errors: [],
    warnings: ['missing_timestamps'],
    frequency: 'business-daily',
    check: (parsed) => {
      const { t, filled } = parsed.series[0];
      expect(filled).toBe(2);
      expect(t.every((time) => new Date(time).getUTCDay() % 6 !== 0)).toBe(true);
    },
  },
  {
    file: 'sparse-hourly-counts.csv',
    errors: [],
    warnings: ['missing_timestamps'],
    series: 1,
    frequency: 'hourly',
    check: (parsed) => {
      const { gaps, t } = parsed.series[0];
      expect(t).toHaveLength(186);
      expect(gaps).toBe(14 * 24 - 186 - countLeadingAndTrailingMissing(t));
      const message = parsed.problems[0].message;
      expect(message).toMatch(/lacks \d+ timestamps \(4\d% of its steps/);
      expect(message).toContain('choose the gap policy "zero"');
      expect(parsed.problems[0].suggestedGapPolicy).toBe('zero');
    },
  },
  {
    file: 'sparse-hourly-counts.csv',
    options: { gapPolicy: 'zero' },
    errors: [],
    warnings: ['missing_timestamps'],
    frequency: 'hourly',
    check: (parsed) => {
      const { t, v, gaps, filled } = parsed.series[0];
      expect(filled).toBe(gaps);
      expect(t.slice(1).every((time, i) => time - t[i] === 3_600_000)).toBe(true);
      expect(v.filter((value) => value === 0)).toHaveLength(gaps);
    },
  },
  {
    file: 'semicolon-decimal-comma.csv',
    errors: [],
    series: 2,
    frequency: 'daily',
    delimiter: ';',
    timeColumn: 'Datum',
  },
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
  {
    file: 'pipe-missing-values.csv',
    errors: [],
    warnings: ['missing_timestamps'],
    series: 1,
    frequency: 'daily',
    delimiter: '|',
  },
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

  // Long layout: id columns say which series a row belongs to.
  {
    file: 'long-stores.csv',
    errors: [],
    layout: 'long',
    idColumns: ['store'],
    names: ['north', 'south', 'east'],
    frequency: 'daily',
    check: (parsed) => {
      expect(parsed.series[1]).toMatchObject({ valueColumn: 'sales', ids: { store: 'south' } });
      expect(parsed.series[1].v.slice(0, 3)).toEqual([110, 111, 112]);
    },
  },
  { file: 'long-stores.csv', options: { layout: 'wide' }, errors: ['duplicate_timestamps'], layout: 'wide' },
  {
    file: 'long-two-ids.csv',
    errors: [],
    layout: 'long',
    idColumns: ['Store', 'Product'],
    series: 8,
    check: (parsed) => {
      expect(parsed.series[0].name).toBe('Store=north / Product=apples / Sales');
      expect(parsed.series[1].name).toBe('Store=north / Product=apples / Units');
      expect(parsed.valueColumns).toEqual(['Sales', 'Units']);
    },
  },
  {
    file: 'long-two-ids.csv',
    options: { idColumns: ['Store'], valueColumns: ['Units'], duplicatePolicy: 'sum' },
    errors: [],
    warnings: ['duplicate_timestamps'],
    names: ['north', 'south'],
    check: (parsed) => {
      expect(parsed.series[0].v[0]).toBe(2);
      expect(parsed.series[0].duplicates).toBe(8);
      expect(parsed.skippedColumns.map((c) => c.name)).toEqual(['Product', 'Sales']);
    },
  },
  // Sorted by region: the first 200 rows hold one region only, so the sample alone cannot tell.
  {
    file: 'long-sorted-by-id.csv',
    errors: [],
    layout: 'long',
    names: ['Nord', 'Süd', 'West'],
    frequency: 'monthly',
    delimiter: ';',
    decimal: ',',
  },
  {
    file: 'long-numeric-id.csv',
    errors: [],
    layout: 'long',
    idColumns: ['store_id'],
    names: ['101', '102', '103', '104'],
    frequency: 'hourly',
  },
  {
    file: 'long-missing-ids.csv',
    errors: [],
    warnings: ['missing_ids', 'too_few_points'],
    names: ['north', 'south'],
    check: (parsed) => {
      expect(parsed.skippedSeries).toEqual([{ name: 'west', reason: '2 values; at least 3 are needed' }]);
      expect(parsed.problems.find((p) => p.code === 'missing_ids')).toMatchObject({ row: 8, count: 1 });
    },
  },
  { file: 'long-duplicates.csv', errors: ['duplicate_timestamps'], layout: 'long', series: 2 },
  {
    file: 'long-duplicates.csv',
    options: { duplicatePolicy: 'mean' },
    errors: [],
    warnings: ['duplicate_timestamps'],
    check: (parsed) => {
      expect(parsed.series[0].v).toEqual([10, 11, 9.5, 13, 14]);
      expect(parsed.series.map((s) => s.duplicates)).toEqual([1, 0]);
    },
  },
  // Duplicated rows that a note column happens to tell apart: still a wide file with duplicates.
  { file: 'duplicates-with-note.csv', errors: ['duplicate_timestamps'], layout: 'wide', series: 1 },

  // Encodings.
  { file: 'utf16le-bom.txt', errors: [], names: ['Umsatz €', 'Gäste'], delimiter: '\t', frequency: 'daily' },
  { file: 'utf16be-bom.csv', errors: [], names: ['Umsatz €', 'Gäste'], timeColumn: 'Datum' },
  { file: 'utf16le-no-bom.csv', errors: [], names: ['Umsatz €', 'Gäste'] },
  {
    file: 'windows-1252.csv',
    errors: [],
    warnings: ['converted_encoding'],
    names: ['Umsatz €', 'Gäste'],
    delimiter: ';',
    check: (parsed) => {
      expect(parsed.encoding).toBe('windows-1252');
      expect(parsed.problems[0].message).toContain('read as Windows-1252');
    },
  },
  {
    file: 'windows-1252.csv',
    options: { encoding: 'utf8' },
    errors: ['unsupported_encoding'],
    check: (parsed) => {
      const problem = parsed.problems[0];
      expect(problem.row).toBe(1);
      expect(problem.message).toContain('"Datum;Umsatz €;Gäste"');
      expect(problem.message).toContain('CSV UTF-8');
    },
  },

  // Constant series: skipped with a warning, an error when nothing else is left.
  {
    file: 'constant-column.csv',
    errors: [],
    warnings: ['constant_series'],
    names: ['sales'],
    check: (parsed) => expect(parsed.skippedSeries.map((s) => s.name)).toEqual(['status_code']),
  },
  { file: 'all-constant.csv', errors: ['constant_series'], series: 0 },

  // Text that spreadsheets would run as formulas; "-5" and "+3" are numbers.
  {
    file: 'formula-ids.csv',
    errors: [],
    warnings: ['formula_like_cells'],
    names: ['=HYPERLINK("http://x")', '@savings', 'checking'],
    check: (parsed) => {
      expect(parsed.problems[0]).toMatchObject({ column: 'account', count: 10, row: 2 });
      expect(parsed.series[0].v[0]).toBe(-5);
    },
  },

  // Decimal separators and headers.
  {
    file: 'tab-decimal-comma.tsv',
    errors: [],
    delimiter: '\t',
    decimal: ',',
    check: (parsed) => expect(parsed.series[0].v[1]).toBe(1.3),
  },
  {
    file: 'quoted-decimal-comma.csv',
    errors: [],
    delimiter: ',',
    decimal: ',',
    check: (parsed) => expect(parsed.series[0].v[1]).toBe(2.07),
  },
  { file: 'semicolon-decimal-point.csv', errors: ['non_numeric_cells'], delimiter: ';', decimal: '.' },
  {
    file: 'no-header.csv',
    errors: [],
    timeColumn: 'column_1',
    names: ['column_2', 'column_3'],
    check: (parsed) => expect(parsed.hasHeader).toBe(false),
  },
  {
    file: 'no-header.csv',
    options: { hasHeader: true },
    errors: [],
    timeColumn: '01.01.2024',
    check: (parsed) => {
      expect(parsed.hasHeader).toBe(true);
      expect(parsed.rows).toBe(8);
    },
  },

  // Irregular events: two at the same second; resampled to days.
  { file: 'irregular-events.csv', errors: ['duplicate_timestamps'], frequency: 'irregular' },
  {
    file: 'irregular-events.csv',
    options: { duplicatePolicy: 'sum', resample: { frequency: 'daily', aggregation: 'sum' } },
    errors: [],
    warnings: ['duplicate_timestamps'],
    frequency: 'daily',
    check: (parsed) => {
      const [series] = parsed.series;
      expect(series.t.every((t) => t % 86_400_000 === 0)).toBe(true);
      expect(series.duplicates).toBe(1);
    },
  },

  // Gap policies on a weekly series that lacks two weeks.
  {
    file: 'weekly-gaps.csv',
    options: { gapPolicy: 'linear' },
    errors: [],
    warnings: ['missing_timestamps'],
    check: (parsed) => {
      const [series] = parsed.series;
      expect(series).toMatchObject({ gaps: 2, filled: 2 });
      expect(series.t).toHaveLength(10);
    },
  },
];

/** Hours of the two weeks before the first and after the last count: outside the series, not gaps. */
function countLeadingAndTrailingMissing(t: readonly number[]): number {
  const first = Date.UTC(2024, 2, 1);
  const last = first + (14 * 24 - 1) * 3_600_000;
  return (t[0] - first) / 3_600_000 + (last - t[t.length - 1]) / 3_600_000;
}

describe('CSV fixtures', () => {
  it('has an expectation for every fixture file', () => {
    expect(readdirSync(DIR).sort()).toEqual([...new Set(CASES.map((c) => c.file))].sort());
  });

  it.each(CASES)('$file $options', async (expected) => {
    const stream = createReadStream(join(DIR, expected.file), { highWaterMark: 64 });
    const parsed = await parseCsv(stream, expected.options);
    const codes = (severity: 'error' | 'warning') =>
      [...new Set(parsed.problems.filter((p) => p.severity === severity).map((p) => p.code))].sort();

    expect(codes('error')).toEqual([...expected.errors].sort());
    // Nearly every fixture is shorter than a default run needs: that warning is checked against
    // the series' lengths instead of being listed in each case.
    const short = parsed.series.some((s) => s.t.length < minimumSeriesPoints(s.frequency).points);
    expect(codes('warning').includes('too_short_to_forecast')).toBe(short);
    expect(codes('warning').filter((code) => code !== 'too_short_to_forecast')).toEqual(
      [...(expected.warnings ?? [])].sort(),
    );
    expect(parsed.ok).toBe(expected.errors.length === 0);
    if (expected.series !== undefined) expect(parsed.series).toHaveLength(expected.series);
    if (expected.frequency) {
      for (const series of parsed.series) expect(series.frequency).toBe(expected.frequency);
    }
    if (expected.names) expect(parsed.series.map((s) => s.name)).toEqual(expected.names);
    if (expected.delimiter) expect(parsed.delimiter).toBe(expected.delimiter);
    if (expected.decimal) expect(parsed.decimal).toBe(expected.decimal);
    if (expected.timeColumn) expect(parsed.timeColumn).toBe(expected.timeColumn);
    if (expected.layout) expect(parsed.layout).toBe(expected.layout);
    if (expected.idColumns) expect(parsed.idColumns).toEqual(expected.idColumns);
    expected.check?.(parsed);
    for (const problem of parsed.problems) expect(problem.message.length).toBeGreaterThan(40);
  });
});
