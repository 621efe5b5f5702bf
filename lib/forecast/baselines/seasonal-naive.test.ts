import { describe, expect, it } from 'vitest';
import { seasonalNaive } from './seasonal-naive';

describe('seasonalNaive', () => {
  it('repeats the last season', () => {
    expect(seasonalNaive([1, 2, 3, 10, 20, 30], 7, 3)).toEqual([10, 20, 30, 10, 20, 30, 10]);
  });

  it('repeats the last value when the season is 1', () => {
    expect(seasonalNaive([4, 5, 6], 3, 1)).toEqual([6, 6, 6]);
  });

  it('falls back to the last value when the history is shorter than a season', () => {
    expect(seasonalNaive([4, 5, 6], 2, 12)).toEqual([6, 6]);
  });

  it('uses exactly one season when the history is exactly a season long', () => {
    expect(seasonalNaive([1, 2, 3], 4, 3)).toEqual([1, 2, 3, 1]);
  });

  it('refuses an empty history', () => {
    expect(() => seasonalNaive([], 1, 1)).toThrow();
  });
});
