import { describe, expect, it } from 'vitest';
import { drift } from './drift';

describe('drift', () => {
  it('extends the line from the first to the last value', () => {
    // slope (10 - 2) / 4 = 2
    expect(drift([2, 9, 1, 7, 10], 3)).toEqual([12, 14, 16]);
    expect(drift([5, 4, 3], 2)).toEqual([2, 1]);
  });

  it('repeats a single value', () => {
    expect(drift([7], 2)).toEqual([7, 7]);
    expect(() => drift([], 1)).toThrow(/at least one/);
  });
});
