import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv';
import type { ParseResult, ProblemCode } from './types';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const isoDay = (i: number) => new Date(T0 + i * DAY).toISOString().slice(0, 10);

/** A long CSV: `days` days × `ids`, rows made by `row(day, id)`, sorted by day or by id. */
function longCsv(
  header: string,
  days: number,
  ids: string[],
  row: (day: number, id: string) => string,
  byId = false,
): string {
  const lines = [header];
  if (byId) for (const id of ids) for (let d = 0; d < days; d++) lines.push(row(d, id));
  else for (let d = 0; d < days; d++) for (const id of ids) lines.push(row(d, id));
  return `${lines.join('\n')}\n`;
}

async function* pieces(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const codes = (file: ParseResult) => file.problems.map((p) => p.code);
const problem = (file: ParseResult, code: ProblemCode) => file.problems.find((p) => p.code === code);

describe('parseCsv: long layout', () => {
  it('makes one series per id, named by it, with its values in time order', async () => {
    const csv =
      'date,store,sales\n2024-01-02,north,2\n2024-01-01,south,10\n2024-01-01,north,1\n' +
      '2024-01-02,south,20\n2024-01-03,north,3\n2024-01-03,south,30\n';
    const file = await parseCsv(csv);
    expect(file).toMatchObject({ ok: true, layout: 'long', idColumns: ['store'], valueColumns: ['sales'] });
    const t = [T0, T0 + DAY, T0 + 2 * DAY];
    const counts = { gaps: 0, filled: 0, duplicates: 0, timeOffset: null, timeZone: null };
    expect(file.series).toEqual([
      { name: 'north', valueColumn: 'sales', ids: { store: 'north' }, frequency: 'daily', t, v: [1, 2, 3], ...counts },
      {
        name: 'south',
        valueColumn: 'sales',
        ids: { store: 'south' },
        frequency: 'daily',
        t,
        v: [10, 20, 30],
        ...counts,
      },
    ]);
  });

  it('names series by id and value column when there are several value columns', async () => {
    const row = (d: number, id: string) => `${isoDay(d)},${id},${d + id.length},${d * 2}`;
    const csv = longCsv('date,store,sales,returns', 4, ['north', 'south'], row);
    const file = await parseCsv(csv);
    expect(file.series.map((s) => s.name)).toEqual([
      'store=north / sales',
      'store=north / returns',
      'store=south / sales',
      'store=south / returns',
    ]);
  });

  it('lists text columns that are not ids as skipped, with why', async () => {
    const row = (d: number, id: string) => `${isoDay(d)},${id},${id === 'north' ? 'N' : 'S'},${d * 3 + id.length}`;
    const csv = longCsv('date,store,region,sales', 4, ['north', 'south'], row);
    const file = await parseCsv(csv);
    expect(file.idColumns).toEqual(['store']);
    expect(file.skippedColumns).toEqual([{ name: 'region', reason: 'holds text, not numbers, e.g. "N"' }]);
  });

  it('gives the same result however the bytes are chunked, ids first seen far past the sample', async () => {
    const ids = ['north', 'south', 'east', 'west'];
    const row = (d: number, id: string) => `${isoDay(d)},${id},${(d * 7 + id.length) % 13}`;
    const csv = longCsv('date,store,sales', 120, ids, row, true);
    const whole = await parseCsv(csv);
    expect(whole.ok).toBe(true);
    expect(whole.series.map((s) => [s.name, s.t.length])).toEqual(ids.map((id) => [id, 120]));
    for (const size of [7, 4096]) expect(await parseCsv(pieces(csv, size))).toEqual(whole);
  });

  it('keeps series names unique', async () => {
    const rows = [0, 1, 2].flatMap((d) => [`${isoDay(d)},x / y,z,${d}`, `${isoDay(d)},x,y / z,${d * 2}`]);
    const csv = `date,a,b,v\n${rows.join('\n')}\n`;
    const file = await parseCsv(csv, { idColumns: ['a', 'b'] });
    expect(file.series.map((s) => s.name)).toEqual(['x / y / z', 'x / y / z (2)']);
  });

  it('sums up gaps of many series in one warning', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const row = (d: number, id: string) => `${isoDay(d === 4 ? 40 : d)},${id},${d * id.charCodeAt(0)}`;
    const csv = longCsv('date,store,sales', 10, ids, row);
    const file = await parseCsv(csv);
    expect(file.series.map((s) => s.gaps)).toEqual(ids.map(() => 31)); // day 4 and days 10..39
    expect(file.problems).toEqual([
      expect.objectContaining({ code: 'missing_timestamps', severity: 'warning', count: 7 * 31 }),
      expect.objectContaining({ code: 'too_short_to_forecast', severity: 'warning', count: 7 }),
    ]);
  });
});

describe('parseCsv: choosing the layout', () => {
  const oneStore = longCsv('date,store,sales', 5, ['north'], (d, id) => `${isoDay(d)},${id},${d}`);

  it('reads a file with a single id as wide unless the long layout is asked for', async () => {
    expect((await parseCsv(oneStore)).series.map((s) => s.name)).toEqual(['sales']);
    const long = await parseCsv(oneStore, { layout: 'long' });
    expect(long).toMatchObject({ layout: 'long', idColumns: ['store'] });
    expect(long.series.map((s) => s.name)).toEqual(['north']);
  });

  it('reports a long layout without any column to group by', async () => {
    const file = await parseCsv('date,v\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n', { layout: 'long' });
    expect(codes(file)).toEqual(['no_id_column', 'too_short_to_forecast']);
  });

  it('uses the id columns given, numeric ones too', async () => {
    const row = (d: number, id: string) => `${isoDay(d)},${id},${d * Number(id) + 1}`;
    const csv = longCsv('date,shop,sales', 4, ['1', '2'], row);
    expect(codes(await parseCsv(csv))).toContain('duplicate_timestamps');
    const file = await parseCsv(csv, { idColumns: ['shop'] });
    expect(file).toMatchObject({ ok: true, layout: 'long', idColumns: ['shop'], valueColumns: ['sales'] });
    expect(file.series.map((s) => s.name)).toEqual(['1', '2']);
  });

  it.each([
    [{ idColumns: ['shop'] }, 'unknown_column'],
    [{ idColumns: ['date'] }, 'invalid_option'],
    [{ idColumns: ['store'], valueColumns: ['store', 'sales'] }, 'invalid_option'],
    [{ idColumns: ['store'], layout: 'wide' as const }, 'invalid_option'],
  ])('rejects id columns %j', async (options, code) => {
    const file = await parseCsv(oneStore, options);
    expect(file.ok).toBe(false);
    expect(codes(file)).toContain(code);
  });

  it('does not flag short or constant series in a preview, which sees only the head', async () => {
    const csv = 'date,store,sales\n2024-01-01,north,1\n2024-01-01,south,5\n2024-01-02,north,2\n2024-01-02,south,5\n';
    const preview = await parseCsv(csv, { partial: true });
    expect(preview).toMatchObject({ ok: true, layout: 'long', problems: [] });
    expect(preview.series).toHaveLength(2);
    const full = await parseCsv(csv);
    expect(full.ok).toBe(false);
    expect(problem(full, 'too_few_points')?.message).toContain('2 series ("north", "south") have fewer than 3 values');
  });
});

describe('parseCsv: formula-like text', () => {
  it('flags column names and id values but not numbers', async () => {
    const rows = [0, 1, 2].flatMap((d) => [`${isoDay(d)},@north,-${d + 1}`, `${isoDay(d)},south,+${d}`]);
    const csv = `date,store,=cost\n${rows.join('\n')}\n`;
    const file = await parseCsv(csv);
    expect(file.ok).toBe(true);
    const flagged = file.problems.filter((p) => p.code === 'formula_like_cells');
    expect(flagged.map((p) => [p.column, p.count, p.row])).toEqual([
      [undefined, 1, 1],
      ['store', 3, 2],
    ]);
    expect(file.series.map((s) => s.name)).toEqual(['@north', 'south']);
  });
});
