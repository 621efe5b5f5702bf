import { describe, expect, it } from 'vitest';
import { median } from './median';

describe('median', () => {
  it('takes the middle value, or the mean of the middle two, without reordering its input', () => {
    const values = [5, 1, 4];
    expect(median(values)).toBe(4);
    expect(values).toEqual([5, 1, 4]);
    expect(median([3, -1, 10, 2])).toBe(2.5);
  });

  it('is 0 for no values', () => {
    expect(median([])).toBe(0);
  });
});
