import { describe, expect, it } from 'vitest';
import { InvalidConfigError } from './errors';
import { addUtcMonths, nextTimestamps } from './time-steps';

const utc = (iso: string) => Date.parse(`${iso}Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);

describe('nextTimestamps', () => {
  it('steps fixed frequencies by their fixed step', () => {
    const last = utc('2024-03-30T00:00:00');
    expect(nextTimestamps([last], 'daily', 3).map(iso)).toEqual([
      '2024-03-31T00:00:00',
      '2024-04-01T00:00:00',
      '2024-04-02T00:00:00',
    ]);
    expect(nextTimestamps([last], 'hourly', 2).map(iso)).toEqual(['2024-03-30T01:00:00', '2024-03-30T02:00:00']);
    expect(nextTimestamps([last], 'minutely', 1).map(iso)).toEqual(['2024-03-30T00:01:00']);
    expect(nextTimestamps([last], 'weekly', 2).map(iso)).toEqual(['2024-04-06T00:00:00', '2024-04-13T00:00:00']);
  });

  it('keeps month-end monthly data on month ends, through February of a leap year', () => {
    const t = [utc('2023-11-30T00:00:00'), utc('2023-12-31T00:00:00')];
    expect(nextTimestamps(t, 'monthly', 4).map(iso)).toEqual([
      '2024-01-31T00:00:00',
      '2024-02-29T00:00:00',
      '2024-03-31T00:00:00',
      '2024-04-30T00:00:00',
    ]);
  });

  it('keeps the day of month for mid-month data and clamps it without drifting', () => {
    expect(nextTimestamps([utc('2024-01-15T06:00:00')], 'monthly', 2).map(iso)).toEqual([
      '2024-02-15T06:00:00',
      '2024-03-15T06:00:00',
    ]);
    // Day 30 clamps to Feb 29, then returns to 30 (each step counts from the last point).
    expect(nextTimestamps([utc('2024-01-30T00:00:00')], 'monthly', 2).map(iso)).toEqual([
      '2024-02-29T00:00:00',
      '2024-03-30T00:00:00',
    ]);
  });

  it('steps quarterly by three months and yearly by twelve', () => {
    expect(nextTimestamps([utc('2024-09-30T00:00:00')], 'quarterly', 3).map(iso)).toEqual([
      '2024-12-31T00:00:00',
      '2025-03-31T00:00:00',
      '2025-06-30T00:00:00',
    ]);
    expect(nextTimestamps([utc('2024-02-29T00:00:00')], 'yearly', 2).map(iso)).toEqual([
      '2025-02-28T00:00:00',
      '2026-02-28T00:00:00',
    ]);
    expect(nextTimestamps([utc('2020-01-01T00:00:00')], 'yearly', 1).map(iso)).toEqual(['2021-01-01T00:00:00']);
  });

  it('uses the median step for irregular series', () => {
    const t = [0, 10, 20, 35, 45, 1000];
    expect(nextTimestamps(t, 'irregular', 2)).toEqual([1010, 1020]);
    expect(() => nextTimestamps([5], 'irregular', 1)).toThrow(InvalidConfigError);
  });

  it('returns nothing for n = 0 and refuses an empty series', () => {
    expect(nextTimestamps([0], 'daily', 0)).toEqual([]);
    expect(() => nextTimestamps([], 'daily', 1)).toThrow(InvalidConfigError);
  });
});

describe('addUtcMonths', () => {
  it('crosses year boundaries both ways', () => {
    expect(iso(addUtcMonths(utc('2024-11-15T00:00:00'), 3))).toBe('2025-02-15T00:00:00');
    expect(iso(addUtcMonths(utc('2024-03-31T00:00:00'), -1))).toBe('2024-02-29T00:00:00');
  });
});
