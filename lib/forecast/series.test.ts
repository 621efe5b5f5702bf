import { describe, expect, it } from 'vitest';
import { InvalidConfigError } from './errors';
import { assertValidSeries } from './series';

const ok = { t: [1, 2, 3], v: [1.5, -2, 0], frequency: 'daily' as const };

describe('assertValidSeries', () => {
  it('accepts ascending unique timestamps with finite values', () => {
    expect(() => assertValidSeries(ok)).not.toThrow();
  });

  it.each([
    [{ ...ok, v: [1, 2] }, '3 timestamps but 2 values'],
    [{ ...ok, v: [1, NaN, 3] }, 'Value 2 of the series is NaN'],
    [{ ...ok, v: [1, 2, Infinity] }, 'Value 3 of the series is Infinity'],
    [{ ...ok, t: [1, 1, 3] }, 'Timestamp 2 of the series is not after the one before'],
    [{ ...ok, t: [1, 3, 2] }, 'Timestamp 3'],
    [{ ...ok, t: [NaN, 2, 3] }, 'Timestamp 1'],
  ])('rejects %o: %s', (series, message) => {
    expect(() => assertValidSeries(series)).toThrow(InvalidConfigError);
    expect(() => assertValidSeries(series)).toThrow(message);
  });
});
