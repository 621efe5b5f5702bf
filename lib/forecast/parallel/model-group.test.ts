import { describe, expect, it } from 'vitest';
import { costlierHalf } from './model-group';

describe('costlierHalf', () => {
  it("splits a large batch's run about evenly by cost, ETS apart from AutoARIMA and MSTL", () => {
    const models = ['mstl', 'ets', 'autoArima', 'theta', 'naive', 'seasonalNaive', 'drift'] as const;
    const half = costlierHalf(models);
    expect(half).toEqual(['ets', 'theta', 'naive', 'seasonalNaive']);
    // In the order given.
    expect(costlierHalf(['naive', 'autoArima'])).toEqual(['autoArima']);
    expect(costlierHalf(['ets'])).toEqual(['ets']);
  });
});
