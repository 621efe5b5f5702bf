import { describe, expect, it } from 'vitest';
import { EarlySeries, type EarlyPointsSink } from './early-points';
import { countsAfterLast, MAX_FUTURE_ROWS } from './future-rows';
import { parseCsv } from './parse-csv';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const day = (n: number) => T0 + n * DAY;
const iso = (n: number) => new Date(day(n)).toISOString().slice(0, 10);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/**
 * 60 days of sales and 74 of promotion and price: the last 14 rows leave the sales cell empty.
 * Day 20 has no sales (a gap), day 30 no promotion (a covariate gap), so the covariates' points
 * do not line up with the sales points by position, only by timestamp.
 */
function wideWithFuture(): string {
  const lines = ['date,sales,promo,price'];
  for (let d = 0; d < 74; d++) {
    const sales = d < 60 && d !== 20 ? String(100 + d) : '';
    const promo = d === 30 ? '' : String(d % 7 === 0 ? 1 : 0);
    lines.push(`${iso(d)},${sales},${promo},${(9.99 - (d % 3) * 0.5).toFixed(2)}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('future rows (rows after a series ends where others go on)', () => {
  it('wide: the shorter series just ends, the others keep their future points by timestamp, nothing is a problem', async () => {
    const file = await parseCsv(wideWithFuture());
    expect(file.ok).toBe(true);
    const [sales, promo, price] = file.series;
    expect(sales.name).toBe('sales');
    // Trailing empty cells are neither gaps nor missing values: only day 20 is a gap.
    expect(sales.t).toEqual(
      range(0, 60)
        .filter((d) => d !== 20)
        .map(day),
    );
    expect(sales.gaps).toBe(1);
    expect(promo.t).toEqual(
      range(0, 74)
        .filter((d) => d !== 30)
        .map(day),
    );
    expect(promo.gaps).toBe(1);
    expect(price.t).toEqual(range(0, 74).map(day));
    // Aligned by timestamp: the promotion of day 63 is the value at day 63, whatever the positions.
    expect(promo.v[promo.t.indexOf(day(63))]).toBe(1);
    expect(price.v[price.t.indexOf(day(73))]).toBeCloseTo(9.99 - 1 * 0.5);
    const codes = file.problems.map((p) => p.code);
    expect(codes.filter((code) => code === 'missing_timestamps')).toHaveLength(2); // days 20 and 30, not the future
    expect(file.problems.find((p) => p.column === 'sales' && p.code === 'missing_timestamps')?.message).toContain('1 ');

    expect(file.futureRows).toMatchObject({
      rows: 14,
      fewestRows: 14,
      targets: [{ name: 'sales', rows: 14, last: new Date(day(59)).toISOString() }],
      targetCount: 1,
      covariates: ['promo', 'price'],
      covariateCount: 2,
    });
    expect(file.futureRows!.message).toMatch(/^14 future rows: used as known-future covariates\./);
    expect(file.futureRows!.message).toContain('"sales" (2024-02-29)');
  });

  it('long, one id per series: the covariate id goes on after the target id', async () => {
    const lines = ['date,series,value'];
    for (let d = 0; d < 40; d++) {
      if (d < 30) lines.push(`${iso(d)},sales,${50 + (d % 5)}`);
      lines.push(`${iso(d)},promo,${d % 4 === 0 ? 1 : 0}`);
    }
    const file = await parseCsv(`${lines.join('\n')}\n`);
    expect(file).toMatchObject({ ok: true, layout: 'long' });
    expect(file.series.map((s) => [s.name, s.t.length, s.gaps])).toEqual([
      ['sales', 30, 0],
      ['promo', 40, 0],
    ]);
    expect(file.futureRows).toMatchObject({ rows: 10, targets: [{ name: 'sales', rows: 10 }], covariates: ['promo'] });
  });

  it('long, covariate columns: each belongs to its own id, and stores end on different days', async () => {
    const lines = ['date,store,sales,promo'];
    for (const [store, end] of [
      ['north', 20],
      ['south', 25],
    ] as const) {
      // Rows of the future part come before the past ones: order in the file does not matter.
      for (let d = 29; d >= 0; d--) lines.push(`${iso(d)},${store},${d < end ? d + 1 : ''},${d % 2}`);
    }
    const file = await parseCsv(`${lines.join('\n')}\n`);
    expect(file).toMatchObject({ ok: true, layout: 'long' });
    const byName = Object.fromEntries(file.series.map((s) => [s.name, s]));
    expect(byName['store=north / sales'].t).toEqual(range(0, 20).map(day));
    expect(byName['store=north / promo'].t).toEqual(range(0, 30).map(day));
    expect(byName['store=south / sales'].t).toEqual(range(0, 25).map(day));
    expect(byName['store=south / promo'].ids).toEqual({ store: 'south' });
    // North's sales are followed by north's promotion only: 10 rows; south's by 5.
    expect(file.futureRows).toMatchObject({
      rows: 10,
      fewestRows: 5,
      targets: [
        { name: 'store=north / sales', rows: 10 },
        { name: 'store=south / sales', rows: 5 },
      ],
      covariates: ['store=north / promo', 'store=south / promo'],
    });
    expect(file.futureRows!.message).toMatch(/^5 to 10 future rows/);
  });

  it('a file whose series all end together has none, and rows with only a date count for nothing', async () => {
    const lines = ['date,a,b', ...range(0, 20).map((d) => `${iso(d)},${d},${d * 2}`), `${iso(20)},,`, `${iso(21)},,`];
    const file = await parseCsv(`${lines.join('\n')}\n`);
    expect(file.ok).toBe(true);
    expect(file.futureRows).toBeNull();
  });

  it('counts distinct timestamps of the others after each last one, up to the cap', () => {
    expect(countsAfterLast([[1, 2, 3], [1, 2, 3, 4, 5], [2, 4, 6], []])).toEqual([3, 1, 0, 0]);
    // A series that ends more than MAX_FUTURE_ROWS steps before the others simply ended earlier.
    const long = range(0, MAX_FUTURE_ROWS + 10);
    expect(countsAfterLast([[0, 1, 2, 3, 4, 5, 6, 7, 8], long, long.slice(0, -5)])).toEqual([null, 0, 5]);
  });

  it('keeps the fast store-while-reading path: the early points are exactly the series', async () => {
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
    const early = new EarlySeries(sink, {});
    const parsed = await parseCsv(wideWithFuture(), {}, { early });
    const match = early.match(parsed);
    expect(match).not.toBeNull();
    parsed.series.forEach((series, i) => expect(emitted[match!.keys[i]]).toEqual({ t: series.t, v: series.v }));
    expect(emitted[match!.keys[1]].t.at(-1)).toBe(day(73));
  });
});
