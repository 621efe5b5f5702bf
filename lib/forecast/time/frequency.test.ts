import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import {
  FREQUENCIES,
  FREQUENCY_SPECS,
  REGULAR_FREQUENCIES,
  addSteps,
  countGaps,
  frequencyLabel,
  isBusinessDay,
  monthAnchorDay,
  nextTimestamps,
  periodStart,
  stepsBetween,
  weekdayOf,
  type RegularFrequency,
} from './frequency';
import { inferFrequency, inferGrid } from './infer';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const iso = (t: number) => new Date(t).toISOString().slice(0, 16);
const utc = (text: string) => Date.parse(`${text}Z`);

/** A random point on `frequency`'s grid between 1990 and 2040 (a weekday for business days). */
function gridPoint(frequency: RegularFrequency, rng: () => number): number {
  const { unit } = FREQUENCY_SPECS[frequency];
  const day = Math.floor(rng() * 18_000) + 7300;
  if (unit === 'month') {
    // Any day of month: stepping keeps it, clamped to short months.
    const date = new Date(day * DAY);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1 + Math.floor(rng() * 28));
  }
  const t = day * DAY + Math.floor(rng() * 1440) * MINUTE;
  return periodStart(unit === 'business-day' && !isBusinessDay(t) ? t + 2 * DAY : t, frequency);
}

describe('addSteps and stepsBetween', () => {
  it.each(REGULAR_FREQUENCIES)('invert each other for %s', (frequency) => {
    const rng = createRng(frequency.length * 7919);
    for (let i = 0; i < 300; i++) {
      const t = gridPoint(frequency, rng);
      const n = Math.floor(rng() * 2000) - 1000;
      const moved = addSteps(t, n, frequency);
      expect(stepsBetween(t, moved, frequency), `${frequency} ${iso(t)} + ${n}`).toBe(n);
      // A step further from there is one step further from t: no drift, no skipped slot.
      expect(stepsBetween(t, addSteps(moved, 1, frequency), frequency)).toBe(n + 1);
      if (FREQUENCY_SPECS[frequency].unit !== 'month') {
        // Fixed grids come back exactly (months may clamp a 31st to a 30th on the way).
        expect(addSteps(moved, -n, frequency)).toBe(t);
        expect(addSteps(t, stepsBetween(t, moved, frequency), frequency)).toBe(moved);
      }
    }
  });

  it('step 15-minute data by 15 minutes and count its gaps', () => {
    const t0 = utc('2024-03-10T23:30');
    expect(iso(addSteps(t0, 3, '15min'))).toBe('2024-03-11T00:15');
    expect(stepsBetween(t0, utc('2024-03-11T01:00'), '15min')).toBe(6);
    expect(countGaps([t0, t0 + 15 * MINUTE, t0 + 60 * MINUTE], '15min')).toBe(2);
  });

  it('skip weekends for business days: Friday + 1 is Monday, and a Monday holiday is one gap', () => {
    const friday = utc('2024-01-05T00:00');
    expect(weekdayOf(friday)).toBe(4);
    expect(iso(addSteps(friday, 1, 'business-daily'))).toBe('2024-01-08T00:00');
    expect(iso(addSteps(friday, -5, 'business-daily'))).toBe('2023-12-29T00:00');
    expect(stepsBetween(friday, utc('2024-01-08T00:00'), 'business-daily')).toBe(1);
    expect(countGaps([friday, utc('2024-01-09T00:00')], 'business-daily')).toBe(1);
    expect(nextTimestamps([friday], 'business-daily', 6).map((t) => weekdayOf(t))).toEqual([0, 1, 2, 3, 4, 0]);
  });

  it('keep month ends on month ends, and the 28th on the 28th, by the series', () => {
    const monthEnds = [
      utc('2023-11-30T00:00'),
      utc('2023-12-31T00:00'),
      utc('2024-01-31T00:00'),
      utc('2024-02-29T00:00'),
    ];
    expect(monthAnchorDay(monthEnds)).toBe(31);
    expect(nextTimestamps(monthEnds, 'monthly', 2).map(iso)).toEqual(['2024-03-31T00:00', '2024-04-30T00:00']);
    const the28th = [utc('2023-01-28T00:00'), utc('2023-02-28T00:00')];
    expect(nextTimestamps(the28th, 'monthly', 1).map(iso)).toEqual(['2023-03-28T00:00']);
    expect(nextTimestamps([utc('2024-01-31T00:00')], 'quarterly', 1).map(iso)).toEqual(['2024-04-30T00:00']);
  });
});

describe('frequency specs', () => {
  it('give each code a label and the seasons people expect', () => {
    expect(frequencyLabel('15min')).toBe('every 15 minutes');
    expect(frequencyLabel('business-daily')).toBe('business days (Mon-Fri)');
    expect(FREQUENCY_SPECS['10min'].cycles).toEqual([144, 1008]);
    expect(FREQUENCY_SPECS['15min'].cycles).toEqual([96, 672]);
    expect(FREQUENCY_SPECS.hourly.cycles).toEqual([24, 168]);
    expect(FREQUENCY_SPECS['business-daily'].season).toBe(5);
    for (const frequency of FREQUENCIES) {
      const spec = FREQUENCY_SPECS[frequency];
      expect(spec.horizon).toBeGreaterThan(0);
      expect(spec.lookback).toBeGreaterThanOrEqual(spec.horizon);
    }
  });

  it('put resampled points at the start of their period', () => {
    expect(iso(periodStart(utc('2024-01-01T10:44'), '15min'))).toBe('2024-01-01T10:30');
    expect(iso(periodStart(utc('2024-01-01T10:44'), '6h'))).toBe('2024-01-01T06:00');
    expect(iso(periodStart(utc('2024-01-06T10:00'), 'business-daily'))).toBe('2024-01-05T00:00');
    expect(iso(periodStart(utc('2024-01-07T10:00'), 'weekly'))).toBe('2024-01-01T00:00');
    expect(iso(periodStart(utc('2024-05-17T10:00'), 'quarterly'))).toBe('2024-04-01T00:00');
  });
});

describe('inferGrid', () => {
  const every = (step: number, n: number, start = utc('2024-01-01T00:00')) =>
    Array.from({ length: n }, (_, i) => start + i * step);

  it.each([
    ['5min', 5],
    ['10min', 10],
    ['15min', 15],
    ['20min', 20],
    ['30min', 30],
    ['2h', 120],
    ['6h', 360],
    ['12h', 720],
  ] as const)('finds %s steps', (frequency, minutes) => {
    expect(inferGrid(every(minutes * MINUTE, 200))).toEqual({ frequency, gaps: 0, missingShare: 0 });
  });

  it('finds business days, with holidays as gaps and weekends not', () => {
    const days = every(DAY, 70, utc('2024-01-01T00:00')).filter((t) => isBusinessDay(t));
    const holidays = [utc('2024-01-15T00:00'), utc('2024-02-19T00:00')];
    const trading = days.filter((t) => !holidays.includes(t));
    expect(inferGrid(trading)).toMatchObject({ frequency: 'business-daily', gaps: 2 });
  });

  it('sees a sparse hourly grid in counts that only have the hours with events', () => {
    const rng = createRng(3);
    const hours = every(HOUR, 500).filter(() => rng() < 0.4);
    const found = inferGrid(hours);
    expect(found.frequency).toBe('hourly');
    expect(found.gaps).toBe(countGaps(hours, 'hourly'));
    expect(found.missingShare).toBeGreaterThan(0.5);
    expect(found.missingShare).toBeLessThan(0.7);
  });

  it('keeps truly irregular times irregular', () => {
    const rng = createRng(5);
    let t = utc('2024-01-01T00:00');
    const random = Array.from({ length: 300 }, () => (t += Math.floor(rng() * 3_600_000) + 1000));
    expect(inferFrequency(random)).toBe('irregular');
    expect(inferFrequency(every(2 * DAY, 30))).toBe('irregular');
  });
});

describe('business days or daily with gaps', () => {
  it('needs two weekends of weekday-only data: two weeks Mon-Fri with one weekend missing stay daily', () => {
    const days = [1, 2, 3, 4, 5, 8, 9, 10, 11, 12].map((d) => Date.UTC(2024, 0, d));
    expect(inferGrid(days)).toMatchObject({ frequency: 'daily', gaps: 2 });
    const threeWeeks = [...days, 15, 16].map((d) => (d > 1000 ? d : Date.UTC(2024, 0, d)));
    expect(inferFrequency(threeWeeks)).toBe('business-daily');
  });
});
