import { describe, expect, it } from 'vitest';
import {
  cronProblem,
  cronSchema,
  hasExactlyOneTiming,
  intervalSchema,
  parseInterval,
  shortestCronGapMs,
} from './timing';

describe('parseInterval', () => {
  it('reads a whole number and a unit', () => {
    expect(parseInterval('90s')).toBe(90_000);
    expect(parseInterval('15m')).toBe(900_000);
    expect(parseInterval('6h')).toBe(21_600_000);
    expect(parseInterval('1d')).toBe(86_400_000);
    expect(parseInterval(' 2h ')).toBe(7_200_000);
  });

  it('rejects other text, zero and more than a year', () => {
    for (const text of ['', '15', 'm', '1.5h', '15 m', '-1h', '1w', '0s', '367d'])
      expect(parseInterval(text), text).toBeNull();
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

describe('the minimum time between firings', () => {
  it('refuses intervals and cron expressions that fire more often than HORIZON_MIN_SCHEDULE_MINUTES (5 by default)', () => {
    expect(intervalSchema.safeParse('5m').success).toBe(true);
    const tooOften = intervalSchema.safeParse('4m');
    expect(tooOften.success).toBe(false);
    expect(tooOften.error?.issues[0].message).toMatch(/at least 5 minutes/);
    expect(intervalSchema.safeParse('1s').success).toBe(false);
    expect(cronSchema.safeParse('*/5 * * * *').success).toBe(true);
    expect(cronSchema.safeParse('0 3 * * *').success).toBe(true);
    for (const cron of ['* * * * * *', '* * * * *', '*/4 * * * *', '0,1 3 * * *']) {
      expect(cronSchema.safeParse(cron).success, cron).toBe(false);
    }
  });

  it('finds the shortest gap of an uneven cron expression', () => {
    expect(shortestCronGapMs('0,10 * * * *')).toBe(10 * 60_000);
    expect(shortestCronGapMs('0 3,4 * * *')).toBe(3_600_000);
  });

  it('follows the environment', () => {
    process.env.HORIZON_MIN_SCHEDULE_MINUTES = '60';
    try {
      expect(intervalSchema.safeParse('30m').success).toBe(false);
      expect(cronSchema.safeParse('*/15 * * * *').success).toBe(false);
      expect(intervalSchema.safeParse('1h').success).toBe(true);
    } finally {
      delete process.env.HORIZON_MIN_SCHEDULE_MINUTES;
    }
  });
});
