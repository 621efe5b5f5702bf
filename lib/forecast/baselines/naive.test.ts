import { describe, expect, it } from 'vitest';
import { naive } from './naive';

describe('naive', () => {
  it('repeats the last value', () => {
    expect(naive([3, 1, 4], 3)).toEqual([4, 4, 4]);
    expect(naive(new Float64Array([2]), 2)).toEqual([2, 2]);
  });

  it('needs a value', () => {
    expect(() => naive([], 2)).toThrow(/at least one/);
  });
});
