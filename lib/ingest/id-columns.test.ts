import { describe, expect, it } from 'vitest';
import { CategoryColumn, MAX_ID_VALUES } from './category-column';
import { countRepeats, detectIdColumns, groupRows, isIdName, rankTimes } from './id-columns';

const DAY = 86_400_000;

function labels(name: string, cells: string[]): CategoryColumn {
  const column = new CategoryColumn(name, 0, false);
  for (const cell of cells) column.push(cell);
  return column;
}

/** Rows for `days` days × the given stores, sorted by day: their timestamps and store cells. */
function stores(days: number, names: string[]) {
  const t: number[] = [];
  const store: string[] = [];
  for (let d = 0; d < days; d++) {
    for (const name of names) {
      t.push(d * DAY);
      store.push(name);
    }
  }
  return { t, store };
}

describe('CategoryColumn', () => {
  it('keeps one index per row, -1 for empty cells, labels in order of appearance', () => {
    const column = labels('store', ['north', ' south ', '', 'north']);
    expect(Array.from(column.codes)).toEqual([0, 1, -1, 0]);
    expect(column.labels).toEqual(['north', 'south']);
    expect(column.holdsText).toBe(true);
    expect(labels('id', ['1', '2', '3']).holdsText).toBe(false);
  });

  it('gives up on columns with too many distinct values', () => {
    const column = labels(
      'note',
      Array.from({ length: MAX_ID_VALUES + 1 }, (_, i) => `note ${i}`),
    );
    expect(column.overflowed).toBe(true);
    expect(Array.from(column.codes)).toEqual([]);
  });
});

describe('isIdName', () => {
  it.each(['id', 'store_id', 'storeId', 'Store ID', 'sku', 'product code'])('%s is an id name', (name) => {
    expect(isIdName(name)).toBe(true);
  });
  it.each(['paid', 'valid', 'sales', 'humidity', 'decode'])('%s is not', (name) => {
    expect(isIdName(name)).toBe(false);
  });
});

describe('groupRows', () => {
  it('groups by the combination of labels, leaving out rows with a missing one', () => {
    const store = labels('store', ['n', 'n', 's', 's', '']);
    const product = labels('product', ['a', 'b', 'a', 'a', 'a']);
    const groups = groupRows([store, product], 5);
    expect(Array.from(groups.codes)).toEqual([0, 1, 2, 2, -1]);
    expect(groups.labels).toEqual([
      ['n', 'a'],
      ['n', 'b'],
      ['s', 'a'],
    ]);
  });
});

describe('detectIdColumns', () => {
  it('finds the column that tells repeated timestamps apart', () => {
    const { t, store } = stores(10, ['north', 'south', 'east']);
    const note = labels(
      'note',
      store.map((_, i) => (i % 2 ? 'ok' : 'checked')),
    );
    const id = labels('store', store);
    expect(detectIdColumns(t, [note, id])).toEqual([id]);
  });

  it('combines columns when one alone does not tell the rows apart', () => {
    const t: number[] = [];
    const store: string[] = [];
    const product: string[] = [];
    for (let d = 0; d < 5; d++) {
      for (const s of ['n', 's']) {
        for (const p of ['a', 'b']) {
          t.push(d * DAY);
          store.push(s);
          product.push(p);
        }
      }
    }
    const chosen = detectIdColumns(t, [labels('store', store), labels('product', product)]);
    expect(chosen?.map((c) => c.name)).toEqual(['store', 'product']);
  });

  it('calls a file wide when timestamps do not repeat, or only a few do', () => {
    const { t, store } = stores(10, ['north']);
    expect(detectIdColumns(t, [labels('store', store)])).toBeNull();
    const dup = [...t, 3 * DAY];
    expect(detectIdColumns(dup, [labels('note', [...store.map(() => 'ok'), 'fixed'])])).toBeNull();
  });

  it('does not take a per-row note for an id', () => {
    const { t } = stores(10, ['a', 'b']);
    expect(
      detectIdColumns(t, [
        labels(
          'comment',
          t.map((_, i) => `comment ${i}`),
        ),
      ]),
    ).toBeNull();
  });

  it('takes the best candidate when the long layout is asked for', () => {
    const { t, store } = stores(10, ['north']);
    const id = labels('store', store);
    expect(detectIdColumns(t, [id], true)).toEqual([id]);
    expect(detectIdColumns(t, [], true)).toBeNull();
  });
});

describe('countRepeats', () => {
  /** The (group, time) pairs an earlier row already has, counted the slow way. */
  function naive(groups: number[], t: number[]): number {
    const seen = new Set<string>();
    let repeats = 0;
    groups.forEach((group, row) => {
      if (group < 0 || Number.isNaN(t[row])) return;
      const key = `${group}/${t[row]}`;
      if (seen.has(key)) repeats++;
      else seen.add(key);
    });
    return repeats;
  }

  it.each([
    ['dense keys (few groups and times)', 10, 10],
    ['sparse keys (a group and a time per row)', 1000, 1000],
  ])('counts repeated (group, time) pairs with %s', (_, groupCount, timeCount) => {
    let state = 99;
    const next = (n: number) => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const groups = Array.from({ length: 500 }, () => next(groupCount + 1) - 1); // -1: no group
    const t = groups.map(() => (next(20) === 0 ? NaN : next(timeCount) * DAY));
    // Some rows again, so that sparse keys repeat too.
    groups.push(...groups.slice(0, 30));
    t.push(...t.slice(0, 30));
    const repeats = countRepeats(Int32Array.from(groups), rankTimes(t));
    expect(repeats).toBe(naive(groups, t));
    expect(repeats).toBeGreaterThan(0);
  });
});
