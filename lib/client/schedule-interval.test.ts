import { describe, expect, it } from 'vitest';
import { describeSchedule, toEvery } from './schedule-interval';

describe('schedule intervals', () => {
  it('writes the API form', () => {
    expect(toEvery(15, 'm')).toBe('15m');
    expect(toEvery(1, 'd')).toBe('1d');
  });

  it('reads intervals and cron expressions back for people', () => {
    expect(describeSchedule({ every: '6h', cron: null })).toBe('Every 6 hours');
    expect(describeSchedule({ every: '1d', cron: null })).toBe('Every day');
    expect(describeSchedule({ every: '90s', cron: null })).toBe('Every 90 seconds');
    expect(describeSchedule({ every: null, cron: '0 3 * * *' })).toBe('Cron 0 3 * * *');
  });
});
