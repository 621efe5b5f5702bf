import { describe, expect, it } from 'vitest';
import { EarlySeries, type EarlyPointsSink } from './early-points';
import { parseCsv } from './parse-csv';
import type { ParseOptions } from './types';

/** Reads `csv` with an EarlySeries; returns the parse, the match, and the points emitted per key. */
async function readEarly(csv: string, options: ParseOptions = {}) {
  const emitted: { t: number[]; v: number[] }[] = [];
  const sink: EarlyPointsSink = {
    point(key, t, v) {
      emitted[key] ??= { t: [], v: [] };
      emitted[key].t.push(t);
      emitted[key].v.push(v);
      return true;
    },
    ready: () => undefined,
  };
  const early = new EarlySeries(sink, options);
  const parsed = await parseCsv(csv, options, { early });
  return { parsed, match: early.match(parsed), emitted };
}

const day = (n: number) => Date.UTC(2024, 0, 1 + n);
const iso = (n: number) => new Date(day(n)).toISOString().slice(0, 10);

/** `rows` days of `time,<columns>` with values from `value(row, column)`. */
function wide(rows: number, columns: string[], value: (row: number, column: number) => string): string {
  const lines = Array.from({ length: rows }, (_, row) => [iso(row), ...columns.map((_, c) => value(row, c))].join(','));
  return [['time', ...columns].join(','), ...lines].join('\n');
}

/** `days` days of `time,store,sales`, the stores interleaved row by row. */
function long(days: number, stores: string[], value: (day: number, store: number) => string): string {
  const lines: string[] = [];
  for (let d = 0; d < days; d++) stores.forEach((store, s) => lines.push(`${iso(d)},${store},${value(d, s)}`));
  return ['time,store,sales', ...lines].join('\n');
}

describe('EarlySeries', () => {
  it('emits the points of a sorted wide file, and they are exactly its series', async () => {
    // More rows than the 200-row sample, so points come both from the sample and after it.
    const { parsed, match, emitted } = await readEarly(wide(500, ['a', 'b'], (row, c) => String((row * (c + 2)) % 17)));
    expect(parsed.ok).toBe(true);
    expect(match).not.toBeNull();
    expect(match!.unused).toEqual([]);
    parsed.series.forEach((series, i) => {
      expect(emitted[match!.keys[i]]).toEqual({ t: series.t, v: series.v });
    });
  });

  it('maps a long file interleaving its series row by row, with the labels guessed from the sample', async () => {
    const stores = ['north', 'south', 'east'];
    const { parsed, match, emitted } = await readEarly(long(300, stores, (d, s) => String((d * 7 + s * 3) % 23)));
    expect(parsed.layout).toBe('long');
    expect(match!.keys).toHaveLength(3);
    parsed.series.forEach((series, i) => {
      expect(emitted[match!.keys[i]]).toEqual({ t: series.t, v: series.v });
    });
  });

  it('leaves missing values out, as the parsed series do', async () => {
    const { parsed, match, emitted } = await readEarly(
      wide(50, ['a'], (row) => (row % 5 === 0 ? 'n/a' : String(row % 9))),
    );
    expect(match).not.toBeNull();
    expect(emitted[0]).toEqual({ t: parsed.series[0].t, v: parsed.series[0].v });
    expect(emitted[0].t).toHaveLength(40);
  });

  it('has nothing to match in a rejected file', async () => {
    const { parsed, match, emitted } = await readEarly(
      wide(50, ['a'], (row) => String(row % 9)).replace(iso(7), 'not a date'),
    );
    expect(parsed.ok).toBe(false);
    expect(emitted[0].t).toHaveLength(49);
    expect(match).toBeNull();
  });

  it('gives up on rows out of time order: the series are sorted, not as emitted', async () => {
    const lines = wide(30, ['a'], (row) => String(row % 4)).split('\n');
    [lines[10], lines[11]] = [lines[11], lines[10]];
    const { parsed, match } = await readEarly(lines.join('\n'));
    expect(parsed.ok).toBe(true);
    expect(match).toBeNull();
  });

  it('gives up on merged duplicates, filled gaps and resampling', async () => {
    const repeated = wide(30, ['a'], (row) => String(row % 4)).replace(iso(5), iso(4));
    expect((await readEarly(repeated, { duplicatePolicy: 'mean' })).match).toBeNull();
    const gappy = wide(30, ['a'], (row) => String(row % 4)).replace(`${iso(9)},1\n`, '');
    expect((await readEarly(gappy)).match).not.toBeNull();
    expect((await readEarly(gappy, { gapPolicy: 'linear' })).match).toBeNull();
    const resampled = await readEarly(
      wide(30, ['a'], (row) => String(row % 4)),
      {
        resample: { frequency: 'weekly', aggregation: 'mean' },
      },
    );
    expect(resampled.parsed.ok).toBe(true);
    expect(resampled.match).toBeNull();
  });

  it('gives up with a time zone: times become instants only once the whole column is read', async () => {
    const hours = Array.from(
      { length: 40 },
      (_, h) => `2024-07-0${1 + Math.floor(h / 24)} ${String(h % 24).padStart(2, '0')}:00,${h % 7}`,
    );
    const csv = ['time,a', ...hours].join('\n');
    expect((await readEarly(csv)).match).not.toBeNull();
    const zoned = await readEarly(csv, { timeZone: 'Europe/Berlin' });
    expect(zoned.parsed.ok).toBe(true);
    expect(zoned.parsed.series[0].t[0]).toBe(Date.UTC(2024, 5, 30, 22));
    expect(zoned.match).toBeNull();
  });

  it('lists the keys of a skipped series as unused', async () => {
    // One constant store among many: skipped, while the others import.
    const stores = Array.from({ length: 12 }, (_, s) => `store_${s}`);
    const { parsed, match, emitted } = await readEarly(
      long(40, stores, (d, s) => (s === 3 ? '5' : String((d + s) % 11))),
    );
    expect(parsed.skippedSeries.map((s) => s.name)).toEqual(['store_3']);
    expect(match!.keys).toHaveLength(11);
    expect(match!.unused).toHaveLength(1);
    expect(emitted[match!.unused[0]].v.every((v) => v === 5)).toBe(true);
  });

  it('gives up when too much of what it emitted would have to be dropped', async () => {
    // Two columns, one of them mostly text: skipped at the end, after half the points went out as its own.
    const csv = wide(300, ['a', 'b'], (row, c) => (c === 1 && row > 100 ? 'x' : String(row % 13)));
    const { parsed, match } = await readEarly(csv);
    expect(parsed.skippedColumns.map((c) => c.name)).toEqual(['b']);
    expect(match).toBeNull();
  });

  it('follows requested id columns and a forced wide layout', async () => {
    const csv = long(30, ['north', 'south'], (d, s) => String((d + s * 5) % 7));
    const asIds = await readEarly(csv, { idColumns: ['store'] });
    expect(asIds.match!.keys).toHaveLength(2);
    // Read as wide, the repeated timestamps reject the file.
    const asWide = await readEarly(csv, { layout: 'wide' });
    expect(asWide.parsed.ok).toBe(false);
    expect(asWide.match).toBeNull();
  });

  it('emits nothing while the day/month order of the dates is still open', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `0${(i % 9) + 1}/0${(i % 3) + 1}/20${10 + i},${i % 6}`);
    const { parsed, match, emitted } = await readEarly(['time,value', ...lines].join('\n'));
    expect(parsed.ok).toBe(true);
    expect(emitted).toEqual([]);
    expect(match).toBeNull();
    const given = await readEarly(['time,value', ...lines].join('\n'), { dayFirst: true });
    expect(given.match).not.toBeNull();
  });
});
