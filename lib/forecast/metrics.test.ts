import { describe, expect, it } from 'vitest';
import { computeMetrics, mae, mase, rmse } from './metrics';

describe('mae / rmse', () => {
  it('match hand-computed values', () => {
    // errors: 1, -2, 3 → |e| mean 2, squared mean 14/3
    expect(mae([1, 2, 3], [0, 4, 0])).toBe(2);
    expect(rmse([1, 2, 3], [0, 4, 0])).toBeCloseTo(Math.sqrt(14 / 3), 12);
    expect(mae([5], [5])).toBe(0);
  });

  it('refuse mismatched or empty inputs', () => {
    expect(() => mae([1, 2], [1])).toThrow();
    expect(() => rmse([], [])).toThrow();
  });
});

describe('mase', () => {
  it('scales by the in-sample seasonal-naive MAE of the training part', () => {
    // season 2: |3-1| |4-2| |7-3| |8-4| → scale (2+2+4+4)/4 = 3; mae = (1+2)/2 = 1.5 → 0.5
    expect(mase([10, 10], [9, 12], [1, 2, 3, 4, 7, 8], 2)).toBe(0.5);
  });

  it('falls back to lag 1 when the training part is not longer than a season', () => {
    // lag 1 on [1, 3, 2]: (2 + 1) / 2 = 1.5; mae 3 → 2
    expect(mase([5], [2], [1, 3, 2], 7)).toBe(2);
  });

  it('falls back to lag 1 when the training part repeats exactly each season', () => {
    // seasonal scale 0; lag 1 on [1, 2, 1, 2]: 1; mae 0.5
    expect(mase([1], [1.5], [1, 2, 1, 2], 2)).toBe(0.5);
  });

  it('is NaN, not Infinity, when the training part is constant', () => {
    expect(mase([1], [2], [3, 3, 3], 1)).toBeNaN();
  });
});

describe('computeMetrics', () => {
  it('bundles all three', () => {
    expect(computeMetrics([10, 10], [9, 12], [1, 2, 3, 4, 7, 8], 2)).toEqual({
      mae: 1.5,
      rmse: Math.sqrt(2.5),
      mase: 0.5,
    });
  });
});
