import { describe, expect, it } from 'vitest';
import { assembleSeries } from './assemble';

const DAY = 86_400_000;

describe('assembleSeries', () => {
  it('sorts rows by time and leaves out missing values and unparseable rows', () => {
    const result = assembleSeries({
      t: [3 * DAY, DAY, NaN, 2 * DAY],
      rows: [2, 3, 4, 5],
      columns: [
        { name: 'a', values: [30, 10, 99, 20] },
        { name: 'b', values: [3, NaN, 9, 2] },
      ],
    });
    expect(result.t).toEqual([DAY, 2 * DAY, 3 * DAY]);
    expect(result.series).toEqual([
      { name: 'a', t: [DAY, 2 * DAY, 3 * DAY], v: [10, 20, 30] },
      { name: 'b', t: [2 * DAY, 3 * DAY], v: [2, 3] },
    ]);
    expect(result.duplicates.count).toBe(0);
  });

  it('keeps the first row of a repeated timestamp and reports the others', () => {
    const result = assembleSeries({
      t: [DAY, 2 * DAY, DAY, DAY],
      rows: [2, 3, 4, 5],
      columns: [{ name: 'a', values: [1, 2, 3, 4] }],
    });
    expect(result.series[0]).toEqual({ name: 'a', t: [DAY, 2 * DAY], v: [1, 2] });
    expect(result.duplicates.rows).toEqual([4, 5]);
    expect(result.duplicates.texts[0]).toBe('1970-01-02 first in row 2');
  });
});
