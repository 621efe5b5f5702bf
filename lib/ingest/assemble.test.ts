import { describe, expect, it } from 'vitest';
import { assembleSeries, type RowTable } from './assemble';

const DAY = 86_400_000;

function wide(t: number[], columns: RowTable['columns']): RowTable {
  return { t, rows: t.map((_, i) => i + 2), groups: null, groupCount: 1, columns };
}

describe('assembleSeries', () => {
  it('sorts rows by time and leaves out missing values and unparseable rows', () => {
    const result = assembleSeries(
      wide(
        [3 * DAY, DAY, NaN, 2 * DAY],
        [
          { name: 'a', values: [30, 10, 99, 20] },
          { name: 'b', values: [3, NaN, 9, 2] },
        ],
      ),
    );
    expect(result.t).toEqual([DAY, 2 * DAY, 3 * DAY]);
    expect(result.series).toEqual([
      { group: 0, column: 0, t: [DAY, 2 * DAY, 3 * DAY], v: [10, 20, 30], duplicates: 0 },
      { group: 0, column: 1, t: [2 * DAY, 3 * DAY], v: [2, 3], duplicates: 0 },
    ]);
    expect(result.duplicates.count).toBe(0);
  });

  it("keeps the first value of a repeated timestamp under the 'error' policy and reports the rows", () => {
    const result = assembleSeries(wide([DAY, 2 * DAY, DAY, DAY], [{ name: 'a', values: [1, 2, 3, 4] }]));
    expect(result.series[0]).toMatchObject({ t: [DAY, 2 * DAY], v: [1, 2], duplicates: 2 });
    expect(result.duplicates.rows).toEqual([4, 5]);
    expect(result.duplicates.texts[0]).toBe('1970-01-02 first in row 2');
  });

  it.each([
    ['mean', 7 / 3],
    ['sum', 7],
    ['last', 4],
  ] as const)('merges repeated timestamps by %s, ignoring missing values', (policy, merged) => {
    const table = wide([DAY, 2 * DAY, DAY, DAY, DAY], [{ name: 'a', values: [1, 2, NaN, 2, 4] }]);
    const result = assembleSeries(table, policy);
    expect(result.series[0].t).toEqual([DAY, 2 * DAY]);
    expect(result.series[0].v[0]).toBeCloseTo(merged);
    expect(result.series[0].duplicates).toBe(2);
    expect(result.duplicates.count).toBe(3);
  });

  it('builds one series per group and column, groups in order, rows without a group left out', () => {
    const result = assembleSeries({
      t: [DAY, DAY, 2 * DAY, 2 * DAY, 3 * DAY, DAY],
      rows: [2, 3, 4, 5, 6, 7],
      groups: Int32Array.from([0, 1, 1, 0, 0, -1]),
      groupCount: 2,
      groupLabel: (group) => ['north', 'south'][group],
      columns: [{ name: 'sales', values: [1, 10, 20, 2, 3, 99] }],
    });
    expect(result.series.map((s) => [s.group, s.v])).toEqual([
      [0, [1, 2, 3]],
      [1, [10, 20]],
    ]);
    expect(result.t).toEqual([DAY, 2 * DAY, 3 * DAY]);
    expect(result.duplicates.count).toBe(0);
  });

  it('names the group of a repeat in long files', () => {
    const result = assembleSeries({
      t: [DAY, DAY, DAY],
      rows: [2, 3, 4],
      groups: Int32Array.from([0, 1, 1]),
      groupCount: 2,
      groupLabel: (group) => ['north', 'south'][group],
      columns: [{ name: 'sales', values: [1, 2, 3] }],
    });
    expect(result.duplicates.rows).toEqual([4]);
    expect(result.duplicates.texts[0]).toBe('1970-01-02 for south first in row 3');
  });
});
