import { describe, expect, it } from 'vitest';
import { fitMinMax, inverseTransform, transform } from './scaling';

describe('min-max scaling', () => {
  it('maps the fitted range onto [0, 1] and back', () => {
    const scaler = fitMinMax([5, 15, 10]);
    expect(scaler).toEqual({ min: 5, max: 15 });
    expect(Array.from(transform(scaler, [5, 10, 15]))).toEqual([0, 0.5, 1]);
    // Scaled values are float32 (tensor input), so the round trip is exact to float32 precision.
    const [seven, twelveHalf] = inverseTransform(scaler, transform(scaler, [7, 12.5]));
    expect(seven).toBeCloseTo(7, 5);
    expect(twelveHalf).toBeCloseTo(12.5, 5);
  });

  it('leaves values outside the fitted range outside [0, 1] (the test part may exceed the train range)', () => {
    const scaler = fitMinMax([0, 10]);
    expect(Array.from(transform(scaler, [-5, 20]))).toEqual([-0.5, 2]);
  });

  it('does not divide by zero on a constant series', () => {
    const scaler = fitMinMax([3, 3, 3]);
    const scaled = transform(scaler, [3, 4]);
    expect(Array.from(scaled)).toEqual([0, 1]);
    expect(inverseTransform(scaler, scaled)).toEqual([3, 4]);
  });

  it('refuses to fit on nothing', () => {
    expect(() => fitMinMax([])).toThrow();
  });
});
