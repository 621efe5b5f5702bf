import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv';
import type { ParsedFile, ProblemCode } from './types';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const isoDay = (i: number) => new Date(T0 + i * DAY).toISOString().slice(0, 10);

/** A daily CSV: header, then `rows` lines made by `row(i)`. */
function dailyCsv(header: string, rows: number, row: (i: number) => string): string {
  const lines = [header];
  for (let i = 0; i < rows; i++) lines.push(row(i));
  return `${lines.join('\n')}\n`;
}

async function* pieces(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const codes = (file: ParsedFile) => file.problems.map((p) => p.code);
const problem = (file: ParsedFile, code: ProblemCode) => file.problems.find((p) => p.code === code);

describe('parseCsv: wide layout', () => {
  it('turns each numeric column into a series named after its header', async () => {
    const csv = 'date,north,south,note\n2024-01-01,1,10,a\n2024-01-02,2,20,b\n2024-01-03,3,30,c\n';
    const file = await parseCsv(csv);
    expect(file.ok).toBe(true);
    expect(file.columns).toEqual(['date', 'north', 'south', 'note']);
    expect(file.timeColumn).toBe('date');
    expect(file.valueColumns).toEqual(['north', 'south']);
    expect(file.skippedColumns).toEqual([{ name: 'note', reason: 'holds text, not numbers, e.g. "a"' }]);
    expect(file.rows).toBe(3);
    expect(file.layout).toBe('wide');
    expect(file.idColumns).toEqual([]);
    expect(file.hasHeader).toBe(true);
    expect(file.decimal).toBe('.');
    const t = [T0, T0 + DAY, T0 + 2 * DAY];
    const counts = { gaps: 0, filled: 0, duplicates: 0, timeOffset: null };
    expect(file.series).toEqual([
      { name: 'north', valueColumn: 'north', frequency: 'daily', t, v: [1, 2, 3], ...counts },
      { name: 'south', valueColumn: 'south', frequency: 'daily', t, v: [10, 20, 30], ...counts },
    ]);
  });

  it('gives the same result however the bytes are chunked, even inside a UTF-8 character', async () => {
    const csv = dailyCsv('Datum;Umsatz €;Gäste', 300, (i) => `${isoDay(i)};${i},5;${i * 2}`);
    const whole = await parseCsv(csv);
    expect(whole.ok).toBe(true);
    expect(whole.valueColumns).toEqual(['Umsatz €', 'Gäste']);
    expect(whole.series[0].v[3]).toBe(3.5);
    for (const size of [1, 7, 1000]) expect(await parseCsv(pieces(csv, size))).toEqual(whole);
    expect(await parseCsv(Buffer.from(csv))).toEqual(whole);
    expect(await parseCsv(new Blob([csv]).stream())).toEqual(whole);
  });

  it('reads files larger than the sniffed head', async () => {
    const csv = dailyCsv('date,v', 5000, (i) => `${isoDay(i)},${i}`);
    expect(csv.length).toBeGreaterThan(64 * 1024);
    const file = await parseCsv(csv);
    expect(file.ok).toBe(true);
    expect(file.series[0].v).toHaveLength(5000);
    expect(file.series[0].v[4999]).toBe(4999);
  });

  it('reads a decimal comma only in semicolon files, never as a thousands separator', async () => {
    const tab = await parseCsv('date\tv\n2024-01-01\t1,000\n2024-01-02\t2\n2024-01-03\t3\n2024-01-04\t4\n');
    expect(tab.delimiter).toBe('\t');
    expect(codes(tab)).toContain('non_numeric_cells');
    const semicolon = await parseCsv('date;v\n2024-01-01;1,25\n2024-01-02;2\n2024-01-03;3\n');
    expect(semicolon.series[0].v).toEqual([1.25, 2, 3]);
  });

  it('sorts rows by time', async () => {
    const file = await parseCsv('date,v\n2024-01-03,3\n2024-01-01,1\n2024-01-02,2\n');
    expect(file.series[0].t).toEqual([T0, T0 + DAY, T0 + 2 * DAY]);
    expect(file.series[0].v).toEqual([1, 2, 3]);
  });

  it('skips missing values per series and blank rows entirely', async () => {
    const csv = 'date,a,b\n2024-01-01,1,NA\n\n2024-01-02,,2\n,,\n2024-01-03,3,n/a\n2024-01-04,4,?\n2024-01-05,5,-\n';
    const file = await parseCsv(csv);
    expect(file.rows).toBe(5);
    expect(file.series.map((s) => s.v)).toEqual([[1, 3, 4, 5], [2]]);
    expect(codes(file)).toEqual(['too_few_points', 'missing_timestamps', 'too_short_to_forecast']);
    expect(problem(file, 'too_few_points')?.column).toBe('b');
  });

  it('reads a file without a header row, naming its columns', async () => {
    const file = await parseCsv('2024-01-01,5\n2024-01-02,6\n2024-01-03,7\n');
    expect(file.columns).toEqual(['column_1', 'column_2']);
    expect(file.timeColumn).toBe('column_1');
    expect(file.series[0].v).toEqual([5, 6, 7]);
  });

  it('previews the first ten data rows as text', async () => {
    const file = await parseCsv(dailyCsv('date,v', 25, (i) => `${isoDay(i)}, ${i}`));
    expect(file.preview).toHaveLength(10);
    expect(file.preview[0]).toEqual(['2024-01-01', ' 0']);
    expect(file.rows).toBe(25);
  });
});

describe('parseCsv: the whole column decides, not just the sample', () => {
  it('reads day-first when the deciding date comes late in the file', async () => {
    const csv = dailyCsv('date,v', 400, (i) => {
      const d = new Date(T0 + i * DAY);
      const dd = String(d.getUTCDate()).padStart(2, '0');
      const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
      return `${dd}/${mm}/${d.getUTCFullYear()},${i}`;
    });
    const file = await parseCsv(csv);
    expect(file.timeFormat).toBe('DD/MM/YYYY');
    expect(file.ok).toBe(true);
    expect(file.series[0].t[399]).toBe(T0 + 399 * DAY);
  });

  it('reports bad dates and stray text far past the sample with their rows', async () => {
    const csv = dailyCsv('date,v', 1000, (i) => {
      if (i === 700) return 'not a date,1';
      if (i === 800) return `${isoDay(i)},12 kg`;
      return `${isoDay(i)},${i}`;
    });
    const file = await parseCsv(csv);
    expect(problem(file, 'unparseable_dates')).toMatchObject({ row: 702, count: 1, column: 'date' });
    expect(problem(file, 'non_numeric_cells')).toMatchObject({ row: 802, count: 1, column: 'v' });
    expect(problem(file, 'non_numeric_cells')?.message).toContain('"12 kg" in row 802');
  });

  it('lists the first five offending rows and counts all', async () => {
    const csv = dailyCsv('date,v', 50, (i) => `${isoDay(i)},${i % 5 === 0 ? 'x' : i}`);
    const cells = problem(await parseCsv(csv), 'non_numeric_cells');
    expect(cells).toMatchObject({ row: 2, count: 10 });
    expect(cells?.message).toContain('rows 2, 7, 12, 17, 22 and 5 more');
  });
});

describe('parseCsv: row numbers', () => {
  it('counts the header as row 1 and quoted line breaks as lines', async () => {
    const csv = 'date,v,note\n2024-01-01,1,"two\nlines"\n2024-01-02,2,ok\n2024-01-02,3,dup\n';
    const duplicates = problem(await parseCsv(csv), 'duplicate_timestamps');
    expect(duplicates).toMatchObject({ row: 5, count: 1 });
    expect(duplicates?.message).toContain('2024-01-02 first in row 4');
  });

  it('reports ragged rows with the field counts', async () => {
    const file = await parseCsv('date,a,b\n2024-01-01,1,2\n2024-01-02,3\n2024-01-03,5,6\n2024-01-04,7,8,\n');
    expect(problem(file, 'ragged_rows')).toMatchObject({ row: 3, count: 1 });
    expect(problem(file, 'ragged_rows')?.message).toMatch(/^Row 3 has 2 fields but the header has 3\./);
  });
});

describe('parseCsv: options', () => {
  const csv = 'when,created,a,b\n2024-01-01,2020-05-01,1,2\n2024-01-02,2020-05-03,3,4\n2024-01-03,2020-05-02,5,6\n';

  it('timeColumn overrides the detected time column', async () => {
    const file = await parseCsv(csv, { timeColumn: 'created' });
    expect(file.timeColumn).toBe('created');
    expect(file.valueColumns).toEqual(['a', 'b']);
    expect(file.skippedColumns.map((c) => c.name)).toEqual(['when']);
    expect(file.series[0].v).toEqual([1, 5, 3]);
  });

  it('valueColumns restricts the series', async () => {
    const file = await parseCsv(csv, { valueColumns: ['b'] });
    expect(file.valueColumns).toEqual(['b']);
    expect(file.series.map((s) => s.name)).toEqual(['b']);
    expect(file.skippedColumns).toContainEqual({ name: 'a', reason: 'not among the selected value columns' });
  });

  it('a requested column with any text is an error rather than skipped', async () => {
    const mixed = 'date,v\n2024-01-01,1\n2024-01-02,x\n2024-01-03,y\n2024-01-04,4\n';
    expect((await parseCsv(mixed)).skippedColumns.map((c) => c.name)).toEqual(['v']);
    expect(codes(await parseCsv(mixed, { valueColumns: ['v'] }))).toContain('non_numeric_cells');
  });

  it('names unknown columns', async () => {
    const file = await parseCsv(csv, { timeColumn: 'day', valueColumns: ['a', 'c'] });
    expect(file.ok).toBe(false);
    expect(file.problems.filter((p) => p.code === 'unknown_column').map((p) => p.column)).toEqual(['day', 'c']);
    expect(codes(file)).not.toContain('no_time_column');
  });

  it('delimiter overrides detection', async () => {
    const file = await parseCsv('date;v\n2024-01-01;1\n2024-01-02;2\n2024-01-03;3\n', { delimiter: ',' });
    expect(file.delimiter).toBe(',');
    expect(file.columns).toEqual(['date;v']);
    expect(file.ok).toBe(false);
  });
});

describe('parseCsv: partial preview', () => {
  it('drops the cut last line and does not ask for more points', async () => {
    const head = 'date,v,note\n2024-01-01,1,ok\n2024-01-02,2,"cut in a quo';
    const file = await parseCsv(head, { partial: true });
    expect(file.rows).toBe(1);
    expect(file.ok).toBe(true);
    expect(codes(file)).toEqual([]);
    expect(codes(await parseCsv(head))).toEqual(['malformed_csv']);
  });

  it('reads a head cut mid-row like the same rows of the full file', async () => {
    const csv = dailyCsv('date,v', 100, (i) => `${isoDay(i)},${i}`);
    const head = csv.slice(0, 500);
    const preview = await parseCsv(pieces(head, 64), { partial: true });
    const complete = head.slice(0, head.lastIndexOf('\n') + 1);
    expect(preview).toEqual(await parseCsv(complete));
  });
});

describe('parseCsv: files that are not CSV', () => {
  it.each([
    ['', 'empty_file'],
    ['\ufeff\n  \n', 'empty_file'],
    ['date,value\n', 'header_only'],
    ['{"a": 1}', 'not_csv'],
    ['<html><body>hi</body></html>', 'not_csv'],
  ] as const)('%j → %s', async (text, code) => {
    const file = await parseCsv(text);
    expect(codes(file)).toEqual([code]);
    expect(file.ok).toBe(false);
    expect(file.series).toEqual([]);
  });

  it('says which columns a header-only file has', async () => {
    const file = await parseCsv('date,value\n');
    expect(file.columns).toEqual(['date', 'value']);
    expect(file.problems[0].message).toContain('(date, value)');
  });
});
