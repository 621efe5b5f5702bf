import { describe, expect, it } from 'vitest';
import { assertLongEnough, defaultConfig, lstmFits, minimumSeriesPoints } from '@/lib/forecast/config';
import { parseCsv } from './parse-csv';
import type { ParseResult, ProblemCode } from './types';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const isoDay = (i: number) => new Date(T0 + i * DAY).toISOString().slice(0, 10);

/** A daily CSV with a row per listed day. */
function daysCsv(header: string, rows: [day: number, ...cells: (string | number)[]][]): string {
  return `${header}\n${rows.map(([day, ...cells]) => [isoDay(day), ...cells].join(',')).join('\n')}\n`;
}

const codes = (file: ParseResult) => file.problems.map((p) => p.code);
const problem = (file: ParseResult, code: ProblemCode) => file.problems.find((p) => p.code === code);

describe('parseCsv: options are checked before reading', () => {
  it.each([
    { layout: 'tall' },
    { decimal: ';' },
    { gapPolicy: 'interpolate' },
    { duplicatePolicy: 'first' },
    { resample: { frequency: 'irregular', aggregation: 'sum' } },
    { resample: { frequency: 'daily', aggregation: 'median' } },
  ])('%j is an invalid option', async (options) => {
    const file = await parseCsv('date,v\n2024-01-01,1\n', options as never);
    expect(codes(file)).toEqual(['invalid_option']);
    expect(file.problems[0].message).toMatch(/^The option \S+ is "[^"]+" but must be one of /);
  });
});

describe('parseCsv: hasHeader and decimal', () => {
  it('hasHeader: false reads a first row of text as data', async () => {
    const csv = '2024-01-01,north,5\n2024-01-02,north,6\n2024-01-03,north,8\n';
    expect((await parseCsv(csv)).columns).toEqual(['2024-01-01', 'north', '5']);
    const file = await parseCsv(csv, { hasHeader: false });
    expect(file).toMatchObject({ hasHeader: false, columns: ['column_1', 'column_2', 'column_3'], rows: 3 });
    expect(file.series[0].v).toEqual([5, 6, 8]);
  });

  it('decimal overrides detection', async () => {
    const quoted = 'date,v\n2024-01-01,"1,5"\n2024-01-02,2\n2024-01-03,3\n2024-01-04,4\n';
    expect(await parseCsv(quoted)).toMatchObject({ decimal: ',', series: [{ v: [1.5, 2, 3, 4] }] });
    expect(codes(await parseCsv(quoted, { decimal: '.' }))).toContain('non_numeric_cells');
    const semicolon = 'date;v\n2024-01-01;1,5\n2024-01-02;2\n2024-01-03;3\n';
    expect(codes(await parseCsv(semicolon, { decimal: '.' }))).toContain('non_numeric_cells');
  });
});

describe('parseCsv: duplicate timestamps', () => {
  const csv = daysCsv('date,a,b', [
    [0, 1, 10],
    [1, 2, ''],
    [1, 4, 20],
    [2, 3, 30],
    [1, 6, 40],
  ]);

  it("rejects them by default ('error')", async () => {
    const file = await parseCsv(csv);
    expect(file.ok).toBe(false);
    expect(problem(file, 'duplicate_timestamps')).toMatchObject({ severity: 'error', row: 4, count: 2 });
    expect(file.series.map((s) => s.duplicates)).toEqual([2, 1]);
  });

  it.each([
    ['mean', [4, 30]],
    ['sum', [12, 60]],
    ['last', [6, 40]],
  ] as const)('merges them by %s and warns', async (duplicatePolicy, merged) => {
    const file = await parseCsv(csv, { duplicatePolicy });
    expect(file.ok).toBe(true);
    expect(problem(file, 'duplicate_timestamps')).toMatchObject({ severity: 'warning', count: 2 });
    expect(file.series.map((s) => s.v[1])).toEqual(merged);
    expect(file.series.map((s) => s.duplicates)).toEqual([2, 1]);
  });
});

describe('parseCsv: gaps', () => {
  const csv = daysCsv('date,v', [
    [0, 1],
    [1, 2],
    [4, 8],
    [5, 9],
  ]);

  it("counts gaps per series and leaves them by default ('leave')", async () => {
    const file = await parseCsv(csv);
    expect(file.series[0]).toMatchObject({ gaps: 2, filled: 0, v: [1, 2, 8, 9] });
    expect(problem(file, 'missing_timestamps')?.message).toContain(
      'lacks 2 timestamps (33% of its steps; the first is 2024-01-03)',
    );
  });

  it.each([
    ['linear', [1, 2, 4, 6, 8, 9]],
    ['ffill', [1, 2, 2, 2, 8, 9]],
    ['zero', [1, 2, 0, 0, 8, 9]],
  ] as const)('fills them with %s', async (gapPolicy, values) => {
    const file = await parseCsv(csv, { gapPolicy });
    expect(file.series[0]).toMatchObject({ gaps: 2, filled: 2, v: values });
    expect(file.series[0].t).toEqual([0, 1, 2, 3, 4, 5].map((d) => T0 + d * DAY));
    expect(problem(file, 'missing_timestamps')?.message).toContain('they were filled');
  });

  it('does not fill a series that would be mostly made up', async () => {
    const sparse = daysCsv('date,v', [
      [0, 1],
      [1, 2],
      [2, 3],
      [400, 4],
    ]);
    const file = await parseCsv(sparse, { gapPolicy: 'zero' });
    expect(file.series[0]).toMatchObject({ gaps: 397, filled: 0 });
    expect(problem(file, 'missing_timestamps')?.message).toContain('so they were not filled');
  });
});

describe('parseCsv: resampling', () => {
  it('puts irregular series on the chosen frequency, then counts and fills its gaps', async () => {
    const csv = 'time,amount\n2024-01-01T09:00Z,5\n2024-01-01T17:30Z,7\n2024-01-02T08:10Z,1\n2024-01-04T12:00Z,4\n';
    expect((await parseCsv(csv)).series[0].frequency).toBe('irregular');
    const file = await parseCsv(csv, { resample: { frequency: 'daily', aggregation: 'sum' }, gapPolicy: 'zero' });
    expect(file.ok).toBe(true);
    expect(file.series[0]).toMatchObject({
      frequency: 'daily',
      t: [0, 1, 2, 3].map((d) => T0 + d * DAY),
      v: [12, 1, 0, 4],
      gaps: 1,
      filled: 1,
    });
  });

  it('aggregates a daily series into months', async () => {
    const rows: [number, number][] = Array.from({ length: 60 }, (_, d) => [d, d < 31 ? 1 : 2]);
    const file = await parseCsv(daysCsv('date,v', rows), { resample: { frequency: 'monthly', aggregation: 'sum' } });
    expect(file.series[0]).toMatchObject({ frequency: 'monthly', v: [31, 58] });
    expect(codes(file)).toEqual(['too_few_points', 'too_short_to_forecast']);
  });
});

describe('parseCsv: constant series', () => {
  const csv = daysCsv('date,good,flat', [
    [0, 1, 7],
    [1, 3, 7],
    [2, 2, 7],
  ]);

  it('leaves a constant series out with a warning', async () => {
    const file = await parseCsv(csv);
    expect(file.ok).toBe(true);
    expect(file.series.map((s) => s.name)).toEqual(['good']);
    expect(file.skippedSeries).toEqual([{ name: 'flat', reason: 'every value is 7: a constant cannot be forecast' }]);
    expect(problem(file, 'constant_series')).toMatchObject({ severity: 'warning', column: 'flat' });
  });

  it('is an error when it is the only series, but not in a preview', async () => {
    expect(problem(await parseCsv(csv, { valueColumns: ['flat'] }), 'constant_series')?.severity).toBe('error');
    expect((await parseCsv(csv, { valueColumns: ['flat'], partial: true })).ok).toBe(true);
  });
});

describe('parseCsv: encodings', () => {
  it('reads UTF-16 with a byte order mark, also past the sniffed head', async () => {
    const text = daysCsv(
      'date,Umsatz €',
      Array.from({ length: 3000 }, (_, d): [number, number] => [d, d % 17]),
    );
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const file = await parseCsv(bytes);
    expect(file).toMatchObject({ ok: true, valueColumns: ['Umsatz €'] });
    expect(file.series[0].v).toHaveLength(3000);
    expect(file.encoding).toBe('utf16le');
    expect({ ...file, encoding: 'utf8' }).toEqual(await parseCsv(text));
  });

  it('reports bytes that are not UTF-8 past a UTF-8 head with their row', async () => {
    const head = daysCsv(
      'date,note,v',
      Array.from({ length: 5000 }, (_, d): [number, string, number] => [d, 'ok', d]),
    );
    expect(head.length).toBeGreaterThan(64 * 1024);
    const bytes = Buffer.concat([Buffer.from(head), Buffer.from('2042-01-01,caf\xe9,1\n', 'latin1')]);
    const file = await parseCsv(bytes);
    expect(codes(file)).toEqual(['unsupported_encoding']);
    expect(file.problems[0]).toMatchObject({ row: 5002 });
    expect(file.problems[0].message).toContain('"2042-01-01,café,1"');
    expect(file.problems[0].message).toContain('set the encoding option to "windows-1252"');
    // Named, the encoding reads the whole file.
    const named = await parseCsv(bytes, { encoding: 'windows-1252' });
    expect(named).toMatchObject({ ok: true, encoding: 'windows-1252', skippedColumns: [{ name: 'note' }] });
    expect(named.problems.map((p) => p.code)).not.toContain('converted_encoding');
  });

  it('reads a Windows-1252 head as Windows-1252, with a notice, € and umlauts intact', async () => {
    const text = daysCsv(
      'date,Umsatz €,Gäste',
      Array.from({ length: 40 }, (_, d): [number, number, number] => [d, d % 7, d % 5]),
    );
    const file = await parseCsv(Buffer.from(text, 'latin1').map((byte, i) => (text[i] === '€' ? 0x80 : byte)));
    expect(file).toMatchObject({ ok: true, encoding: 'windows-1252', valueColumns: ['Umsatz €', 'Gäste'] });
    expect(codes(file)).toContain('converted_encoding');
  });
});

describe('parseCsv: dayFirst', () => {
  const ambiguous = 'date,v\n01/02/2024,1\n01/03/2024,2\n01/04/2024,3\n01/05/2024,4\n';

  it('without it, reads month-first and warns that the order was guessed', async () => {
    const file = await parseCsv(ambiguous);
    expect(file.timeFormat).toBe('MM/DD/YYYY');
    expect(codes(file)).toEqual(['ambiguous_dates', 'too_short_to_forecast']);
    expect(file.series[0].frequency).toBe('daily');
  });

  it('true reads day-first, and nothing is left to warn about', async () => {
    const file = await parseCsv(ambiguous, { dayFirst: true });
    expect(file.timeFormat).toBe('DD/MM/YYYY');
    expect(codes(file)).toEqual(['too_short_to_forecast']);
    expect(file.series[0].frequency).toBe('monthly');
    expect(new Date(file.series[0].t[3]).toISOString()).toBe('2024-05-01T00:00:00.000Z');
  });

  it('false against a file with a day above 12 rejects those rows, by row', async () => {
    const file = await parseCsv('date,v\n01/02/2024,1\n25/02/2024,2\n01/03/2024,3\n', { dayFirst: false });
    expect(problem(file, 'unparseable_dates')).toMatchObject({ severity: 'error', row: 3 });
  });

  it('must be a boolean', async () => {
    const file = await parseCsv(ambiguous, { dayFirst: 'yes' } as never);
    expect(codes(file)).toEqual(['invalid_option']);
  });
});

describe('parseCsv: time offset', () => {
  it('gives the file and each series the offset its timestamps were written with', async () => {
    const csv =
      'time,a,b\n2024-03-01T08:00:00+02:00,1,5\n2024-03-01T09:00:00+02:00,2,4\n2024-03-01T10:00:00+02:00,3,3\n';
    const file = await parseCsv(csv);
    expect(file.timeOffset).toBe('+02:00');
    expect(file.series.map((s) => s.timeOffset)).toEqual(['+02:00', '+02:00']);
    expect(new Date(file.series[0].t[0]).toISOString()).toBe('2024-03-01T06:00:00.000Z');
  });

  it('is null for timestamps without an offset', async () => {
    const file = await parseCsv(
      daysCsv('date,v', [
        [0, 1],
        [1, 2],
        [2, 3],
      ]),
    );
    expect(file.timeOffset).toBeNull();
    expect(file.series[0].timeOffset).toBeNull();
  });
});

describe('parseCsv: too short to forecast', () => {
  const days = (n: number) =>
    daysCsv(
      'date,v',
      Array.from({ length: n }, (_, d) => [d, (d * 7) % 5] as [number, number]),
    );

  it('warns at import with the minimum for the frequency and the horizon it would get', async () => {
    const { points, horizon } = minimumSeriesPoints('daily');
    const file = await parseCsv(days(points - 1));
    expect(file.ok).toBe(true);
    const short = problem(file, 'too_short_to_forecast');
    expect(short).toMatchObject({ severity: 'warning', column: 'v', count: 1 });
    expect(short?.message).toContain(`has ${points - 1} points: a daily series needs at least ${points} points`);
    expect(short?.message).toContain(`a horizon of ${horizon} step${horizon === 1 ? '' : 's'}`);
    // The minimum is what the LSTMs then train on with the default settings; below it a run has
    // the classical models and baselines only.
    expect(lstmFits(points, defaultConfig('daily', points))).toBe(true);
    expect(lstmFits(points - 1, defaultConfig('daily', points - 1))).toBe(false);
    expect(() => assertLongEnough(points - 1, defaultConfig('daily', points - 1))).not.toThrow();
  });

  it('says nothing for a series long enough, nor in a preview of the head of a file', async () => {
    const { points } = minimumSeriesPoints('daily');
    expect(problem(await parseCsv(days(points)), 'too_short_to_forecast')).toBeUndefined();
    expect(problem(await parseCsv(days(5), { partial: true }), 'too_short_to_forecast')).toBeUndefined();
  });
});
