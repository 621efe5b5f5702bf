import { describe, expect, it } from 'vitest';
import { accuracyMetrics, mae, mape, mase, maseScale, rmse, smape, wape } from './metrics';

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

describe('mape / smape / wape', () => {
  it('match hand-computed values, in percent', () => {
    // |e|/|a|: 1/2, 2/4, 1/5 → mean 0.4
    expect(mape([2, 4, 5], [3, 2, 4])).toEqual({ mape: 40, excluded: 0 });
    // 2|e|/(|a|+|f|): 2/5, 4/6, 2/9 → sum 1.2889; /3 × 100
    expect(smape([2, 4, 5], [3, 2, 4])).toBeCloseTo((100 * (2 / 5 + 4 / 6 + 2 / 9)) / 3, 10);
    // Σ|e| 4 / Σ|a| 11
    expect(wape([2, 4, 5], [3, 2, 4])).toBeCloseTo(400 / 11, 10);
  });

  it('leave zero actuals out of MAPE and count them', () => {
    // only 4 → 3 counts: |1/4|
    expect(mape([0, 4, 0], [1, 3, 2])).toEqual({ mape: 25, excluded: 2 });
    expect(mape([0, 0], [1, 2])).toEqual({ mape: NaN, excluded: 2 });
  });

  it('treat a zero actual forecast as 0 exactly as a perfect sMAPE step', () => {
    // step 1: 0 and 0 → 0; step 2: 2·2/(2+0) = 2 → mean 1 → 100%
    expect(smape([0, 2], [0, 0])).toBe(100);
    expect(smape([1], [-1])).toBe(200);
  });

  it('give NaN WAPE when every actual is 0', () => {
    expect(wape([0, 0], [1, 1])).toBeNaN();
  });
});

describe('accuracyMetrics', () => {
  it('bundles every metric with one MASE scale', () => {
    // errors 1, -2 → mae 1.5; scale 3 → mase 0.5
    expect(accuracyMetrics([10, 10], [9, 12], 3)).toEqual({
      mae: 1.5,
      rmse: Math.sqrt(2.5),
      mape: expect.closeTo(15, 10),
      mapeExcluded: 0,
      smape: expect.closeTo((100 * (2 / 19 + 4 / 22)) / 2, 10),
      mase: 0.5,
      wape: 15,
    });
  });

  it('scales each point by its own window when pooling windows', () => {
    // |e|/scale: 1/1, 2/4 → mean 0.75 (not the 1.5 / mean(1, 4) a single scale would give)
    expect(accuracyMetrics([10, 10], [9, 12], [1, 4]).mase).toBe(0.75);
  });

  it('matches mase() with the scale of the training part', () => {
    const train = [1, 2, 3, 4, 7, 8];
    expect(maseScale(train, 2)).toBe(3);
    expect(accuracyMetrics([10, 10], [9, 12], maseScale(train, 2)).mase).toBe(mase([10, 10], [9, 12], train, 2));
    expect(maseScale([3, 3, 3], 1)).toBeNaN();
  });
});
