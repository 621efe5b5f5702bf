import { describe, expect, it } from 'vitest';
import {
  applyTransform,
  invertForecast,
  seriesTransform,
  TRANSFORM_NAMES,
  whyNotApplicable,
  type TransformName,
} from './transforms';

// Positive, trending and seasonal (period 4), with irregular steps so no transform is trivially exact.
const y = [3, 5, 4, 7, 6, 9, 8.5, 11, 10, 13.25, 12, 15.5, 14, 17, 16.75, 19];

describe('applyTransform', () => {
  it('computes log, first and seasonal differences', () => {
    expect(Array.from(applyTransform(seriesTransform('none', 4), [1, 2]))).toEqual([1, 2]);
    expect(Array.from(applyTransform(seriesTransform('log', 4), [1, Math.E]))).toEqual([0, 1]);
    expect(Array.from(applyTransform(seriesTransform('difference', 4), [1, 4, 2]))).toEqual([3, -2]);
    expect(Array.from(applyTransform(seriesTransform('seasonalDifference', 2), [1, 4, 2, 8]))).toEqual([1, 4]);
  });

  it('has lag 0 for none and log, 1 for differences and the season for seasonal differences', () => {
    expect(TRANSFORM_NAMES.map((name) => seriesTransform(name, 12).lag)).toEqual([0, 0, 1, 12]);
  });
});

describe('invertForecast', () => {
  // The exact transformed future, inverted from the history alone, must give the exact levels back,
  // also more than one season ahead (where seasonal differences build on forecast levels).
  it.each(TRANSFORM_NAMES)('undoes %s exactly from the history', (name: TransformName) => {
    const transform = seriesTransform(name, 4);
    const split = 6;
    const z = applyTransform(transform, y);
    // z[j] belongs to step j + lag: the steps from `split` on are z[split - lag ..].
    const future = Array.from(z.subarray(split - transform.lag));
    const levels = invertForecast(transform, y.slice(0, split), future);
    expect(levels).toHaveLength(y.length - split);
    levels.forEach((v, k) => expect(v).toBeCloseTo(y[split + k], 10));
  });

  it('needs the last `lag` values', () => {
    expect(() => invertForecast(seriesTransform('seasonalDifference', 4), [1, 2], [0])).toThrow(
      'needs the last 4 values',
    );
  });
});

describe('whyNotApplicable', () => {
  it('rules out log unless every value is above 0', () => {
    expect(whyNotApplicable('log', y, 4)).toBeUndefined();
    expect(whyNotApplicable('log', [2, 0, 3], 4)).toBe('log needs every value above 0, and value 2 is 0');
  });

  it('rules out seasonal differences without a season', () => {
    expect(whyNotApplicable('seasonalDifference', y, 1)).toMatch(/season of 2 steps or more/);
    expect(whyNotApplicable('seasonalDifference', y, 4)).toBeUndefined();
    expect(whyNotApplicable('difference', [-1, 0], 1)).toBeUndefined();
  });
});
