import { describe, expect, it } from 'vitest';
import { addSteps, countGaps, firstGap, inferFrequency, stepsBetween } from './frequency';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2024, 0, 1);

const every = (step: number, n: number, start = T0) => Array.from({ length: n }, (_, i) => start + i * step);
const months = (n: number, monthsPerStep = 1, day = 1) =>
  Array.from({ length: n }, (_, i) => Date.UTC(2020, i * monthsPerStep, day));
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString().slice(0, 10));

describe('inferFrequency', () => {
  it.each([
    ['minutely', MINUTE],
    ['hourly', HOUR],
    ['daily', DAY],
    ['weekly', 7 * DAY],
  ] as const)('finds %s steps', (frequency, step) => {
    expect(inferFrequency(every(step, 20))).toBe(frequency);
  });

  it('is calendar-aware for months, quarters and years', () => {
    expect(inferFrequency(months(24))).toBe('monthly');
    expect(inferFrequency(months(12, 3))).toBe('quarterly');
    expect(inferFrequency(months(10, 12))).toBe('yearly');
    // Month ends: 29, 31, 30, 31 ... days apart, one calendar month each.
    const monthEnds = Array.from({ length: 12 }, (_, i) => Date.UTC(2024, i + 1, 0));
    expect(inferFrequency(monthEnds)).toBe('monthly');
  });

  it('goes by the median step, so a few gaps or DST days do not change it', () => {
    const withGaps = every(DAY, 30).filter((_, i) => i % 7 !== 3);
    expect(inferFrequency(withGaps)).toBe('daily');
    const dstShifted = every(DAY, 10).map((t, i) => (i >= 5 ? t - HOUR : t));
    expect(inferFrequency(dstShifted)).toBe('daily');
  });

  it('calls everything else irregular', () => {
    expect(inferFrequency([T0])).toBe('irregular');
    expect(inferFrequency(every(2 * DAY, 20))).toBe('irregular');
    expect(inferFrequency([0, 1, 3, 7, 15, 31].map((d) => T0 + d * DAY))).toBe('irregular');
  });
});

describe('countGaps and firstGap', () => {
  it('count the missing timestamps of fixed-step series', () => {
    const t = every(DAY, 10).filter((_, i) => i !== 3 && i !== 4 && i !== 8);
    expect(countGaps(t, 'daily')).toBe(3);
    expect(iso(firstGap(t, 'daily'))).toBe('2024-01-04');
    expect(countGaps(every(HOUR, 5), 'hourly')).toBe(0);
    expect(firstGap(every(HOUR, 5), 'hourly')).toBeNull();
  });

  it('count calendar steps for monthly, quarterly and yearly series', () => {
    const t = months(12).filter((_, i) => i !== 5);
    expect(countGaps(t, 'monthly')).toBe(1);
    expect(iso(firstGap(t, 'monthly'))).toBe('2020-06-01');
    expect(countGaps([Date.UTC(2000, 0, 1), Date.UTC(2003, 0, 1)], 'yearly')).toBe(2);
    expect(countGaps([Date.UTC(2000, 0, 1), Date.UTC(2000, 9, 1)], 'quarterly')).toBe(2);
  });

  it('find no gaps in irregular series', () => {
    expect(countGaps([T0, T0 + DAY, T0 + 30 * DAY], 'irregular')).toBe(0);
    expect(stepsBetween(T0, T0 + 99 * DAY, 'irregular')).toBe(1);
  });
});

describe('addSteps', () => {
  it('keeps the day of month, clamped to the month end', () => {
    expect(iso(addSteps(Date.UTC(2024, 0, 31), 1, 'monthly'))).toBe('2024-02-29');
    expect(iso(addSteps(Date.UTC(2024, 0, 31), 2, 'monthly'))).toBe('2024-03-31');
    expect(iso(addSteps(Date.UTC(2024, 1, 29), 1, 'yearly'))).toBe('2025-02-28');
    expect(iso(addSteps(Date.UTC(2024, 10, 15), 1, 'quarterly'))).toBe('2025-02-15');
    expect(addSteps(T0, 3, 'hourly')).toBe(T0 + 3 * HOUR);
  });
});
