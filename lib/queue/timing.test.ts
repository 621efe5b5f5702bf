import { describe, expect, it } from 'vitest';
import { cronProblem, hasExactlyOneTiming, parseInterval } from './timing';

describe('parseInterval', () => {
  it('reads a whole number and a unit', () => {
    expect(parseInterval('90s')).toBe(90_000);
    expect(parseInterval('15m')).toBe(900_000);
    expect(parseInterval('6h')).toBe(21_600_000);
    expect(parseInterval('1d')).toBe(86_400_000);
    expect(parseInterval(' 2h ')).toBe(7_200_000);
  });

  it('rejects other text, zero and more than a year', () => {
    for (const text of ['', '15', 'm', '1.5h', '15 m', '-1h', '1w', '0s', '367d']) expect(parseInterval(text), text).toBeNull();
    expect(parseInterval('366d')).toBe(366 * 86_400_000);
  });
});

describe('cronProblem', () => {
  it('accepts standard expressions and explains bad ones', () => {
    expect(cronProblem('0 3 * * *')).toBeNull();
    expect(cronProblem('*/15 * * * 1-5')).toBeNull();
    expect(cronProblem('61 3 * * *')).toMatch(/59/);
    expect(cronProblem('every night')).not.toBeNull();
  });
});

describe('hasExactlyOneTiming', () => {
  it('wants one of every and cron', () => {
    expect(hasExactlyOneTiming({ every: '1h' })).toBe(true);
    expect(hasExactlyOneTiming({ cron: '0 3 * * *' })).toBe(true);
    expect(hasExactlyOneTiming({})).toBe(false);
    expect(hasExactlyOneTiming({ every: '1h', cron: '0 3 * * *' })).toBe(false);
  });
});
