import { describe, expect, it } from 'vitest';
import { CancelledError, ForecastError, InvalidConfigError, SeriesTooShortError } from './errors';

describe('engine errors', () => {
  it('carry stable codes the API maps to responses', () => {
    expect(new SeriesTooShortError(40, 55, 14, 7, 10).code).toBe('series_too_short');
    expect(new CancelledError().code).toBe('cancelled');
    expect(new InvalidConfigError('bad').code).toBe('invalid_config');
  });

  it('are Errors and ForecastErrors with their own names', () => {
    const error = new CancelledError();
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(ForecastError);
    expect(error.name).toBe('CancelledError');
  });

  it('says how long the series is, the minimum, why, and what to do', () => {
    const error = new SeriesTooShortError(40, 75, 28, 14, 10);
    expect(error.message).toMatch(/^This series has 40 points; lookback 28 \+ horizon 14 needs at least 75: /);
    expect(error.message).toContain('the last 14 points are held out');
    expect(error.message).toContain('at least 10 windows');
    expect(error.message).toMatch(/Lower the lookback or horizon, or upload more data\.$/);
    expect({ points: error.points, minimum: error.minimum }).toEqual({ points: 40, minimum: 75 });
  });
});
