import { describe, expect, it } from 'vitest';
import { costlierHalf } from './model-group';

describe('costlierHalf', () => {
  it("splits a large batch's run about evenly by cost, AutoARIMA apart from MSTL and ETS", () => {
    const models = ['mstl', 'ets', 'autoArima', 'theta', 'naive', 'seasonalNaive', 'drift'] as const;
    const half = costlierHalf(models);
    expect(half).toEqual(['autoArima', 'theta', 'naive', 'seasonalNaive']);
    // In the order given, and the other half is the rest.
    expect(costlierHalf(['naive', 'autoArima'])).toEqual(['autoArima']);
    expect(costlierHalf(['ets'])).toEqual(['ets']);
  });
});
