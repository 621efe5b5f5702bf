import { describe, expect, it } from 'vitest';
import { fitSeriesScale, scaleSeries, unscaleSeries } from './series-scale';

describe('series scale', () => {
  it('standardises by the mean and standard deviation of the values it is fit on, and back', () => {
    const scale = fitSeriesScale([2, 4, 6, 8]);
    expect(scale.mean).toBe(5);
    expect(scale.std).toBeCloseTo(Math.sqrt(5), 12);
    const scaled = scaleSeries(scale, [5, 5 + Math.sqrt(5)]);
    expect(scaled[0]).toBe(0);
    expect(scaled[1]).toBeCloseTo(1, 6);
    const [a, b] = unscaleSeries(scale, scaleSeries(scale, [3, 100]));
    expect(a).toBeCloseTo(3, 4);
    expect(b).toBeCloseTo(100, 4);
  });

  it('puts series of very different sizes on the same footing', () => {
    const small = [1, 2, 3, 2, 1];
    const large = small.map((x) => 1000 * x + 5000);
    expect(Array.from(scaleSeries(fitSeriesScale(large), large))).toEqual(
      Array.from(scaleSeries(fitSeriesScale(small), small)),
    );
  });

  it('does not divide by zero on a constant series', () => {
    const scale = fitSeriesScale([7, 7, 7]);
    expect(scale).toEqual({ mean: 7, std: 1 });
    expect(Array.from(scaleSeries(scale, [7, 8]))).toEqual([0, 1]);
  });

  it('refuses to fit on nothing', () => {
    expect(() => fitSeriesScale([])).toThrow();
  });
});
