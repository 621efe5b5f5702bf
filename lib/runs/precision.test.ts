import { describe, expect, it } from 'vitest';
import { roundedPredictions } from './export-predictions';
import { decimalsOf, roundTo } from './precision';

describe('decimalsOf / roundTo', () => {
  it('reads the decimals a series was written with, capped at 6', () => {
    expect(decimalsOf([12, 12.5, 3.25, null])).toBe(2);
    expect(decimalsOf([12500, 13000])).toBe(0);
    expect(decimalsOf([0.1 + 0.2])).toBe(6);
    expect(decimalsOf([])).toBe(0);
  });
  it('rounds, keeping null and writing -0 as 0', () => {
    expect(roundTo(3.14159, 2)).toBe(3.14);
    expect(roundTo(-0.0001, 2)).toBe(0);
    expect(roundTo(null, 2)).toBeNull();
  });
});

describe('roundedPredictions', () => {
  it('rounds forecasts, bounds and quantiles to the actuals’ precision plus two digits, and leaves actuals alone', () => {
    const rows = roundedPredictions([
      {
        timestamp: 't1',
        forecast: 101.123456789,
        actual: 100.5,
        segment: 'test',
        lo80: null,
        hi80: null,
        lo95: null,
        hi95: null,
        p10: null,
        p50: null,
        p90: null,
      },
      {
        timestamp: 't2',
        forecast: 102.987654321,
        actual: null,
        segment: 'future',
        lo80: 99.11111,
        hi80: 105.55555,
        lo95: 97.00001,
        hi95: 108,
        p10: 99.11111,
        p50: 103.0004,
        p90: 105.55555,
      },
    ]);
    expect(rows[0]).toMatchObject({ forecast: 101.123, actual: 100.5 });
    expect(rows[1]).toMatchObject({
      forecast: 102.988,
      lo80: 99.111,
      hi80: 105.556,
      lo95: 97,
      hi95: 108,
      p10: 99.111,
      p50: 103,
      p90: 105.556,
    });
  });
});
