import { describe, expect, it } from 'vitest';
import { formatLocalTime } from './format';
import { cronInWords, describeSchedule, firstRunText, toEvery } from './schedule-interval';

describe('schedule intervals', () => {
  it('writes the API form', () => {
    expect(toEvery(15, 'm')).toBe('15m');
    expect(toEvery(1, 'd')).toBe('1d');
  });

  it('reads intervals and cron expressions back for people', () => {
    expect(describeSchedule({ every: '6h', cron: null })).toBe('Every 6 hours');
    expect(describeSchedule({ every: '1d', cron: null })).toBe('Every day');
    expect(describeSchedule({ every: '90s', cron: null })).toBe('Every 90 seconds');
    expect(describeSchedule({ every: null, cron: '0 3 * * *' })).toBe('At 03:00 UTC (cron 0 3 * * *)');
  });
});

describe('cron in words and the first run', () => {
  it('reads cron expressions with cronstrue, in UTC', () => {
    expect(cronInWords('0 3 * * *')).toBe('At 03:00 UTC');
    expect(cronInWords('*/15 * * * 1-5')).toBe('Every 15 minutes, Monday through Friday UTC');
    expect(cronInWords('every night')).toBeNull();
    expect(describeSchedule({ every: null, cron: '30 6 * * 1' })).toBe(
      'At 06:30, only on Monday UTC (cron 30 6 * * 1)',
    );
  });

  it('says an interval schedule fires at once and a cron one at its next UTC firing, in local time', () => {
    const now = new Date('2026-12-06T01:00:00Z');
    expect(firstRunText({ every: '6h' }, now)).toBe('First run as soon as it is created, then every 6 hours.');
    const cron = firstRunText({ cron: '0 3 * * *' }, now)!;
    expect(cron).toMatch(/^First run in 2 hours: .+ your time \(03:00 UTC\)\.$/);
    expect(cron).toContain(formatLocalTime('2026-12-06T03:00:00.000Z'));
    // Already past 03:00 UTC: tomorrow's.
    expect(firstRunText({ cron: '0 3 * * *' }, new Date('2026-12-06T04:00:00Z'))).toMatch(/^First run in 23 hours: /);
    expect(firstRunText({ cron: '61 3 * * *' }, now)).toBeNull();
    expect(firstRunText({ cron: '0 3' }, now)).toBeNull();
    expect(firstRunText({}, now)).toBeNull();
  });
});
