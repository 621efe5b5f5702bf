import { describe, expect, it } from 'vitest';
import { calendarCovariates, calendarFeaturesFor, cyclePosition } from './calendar';

describe('calendarFeaturesFor', () => {
  it('gives each frequency the cycles it can show', () => {
    expect(calendarFeaturesFor('hourly')).toEqual(['hourOfDay', 'dayOfWeek']);
    expect(calendarFeaturesFor('daily')).toEqual(['dayOfWeek', 'monthOfYear']);
    expect(calendarFeaturesFor('monthly')).toEqual(['monthOfYear']);
    expect(calendarFeaturesFor('yearly')).toEqual([]);
    expect(calendarFeaturesFor('irregular')).toEqual([]);
  });
});

describe('cyclePosition', () => {
  it('places a timestamp in its day, week and year (UTC)', () => {
    // Wednesday 2024-03-06 18:00 UTC.
    const t = Date.UTC(2024, 2, 6, 18);
    expect(cyclePosition('hourOfDay', t)).toBeCloseTo(0.75, 12);
    expect(cyclePosition('dayOfWeek', t)).toBeCloseTo((3 + 0.75) / 7, 12);
    expect(cyclePosition('monthOfYear', t)).toBeCloseTo((2 + 5.75 / 31) / 12, 12);
    expect(cyclePosition('monthOfYear', Date.UTC(2024, 0, 1))).toBe(0);
  });
});

describe('cyclePosition in a time zone', () => {
  it('reads the wall clock of the zone, the same local hour on both sides of a DST change', () => {
    // 09:00 in Berlin: 08:00 UTC in winter, 07:00 UTC in summer.
    expect(cyclePosition('hourOfDay', Date.UTC(2024, 2, 29, 8), 'Europe/Berlin')).toBeCloseTo(0.375, 12);
    expect(cyclePosition('hourOfDay', Date.UTC(2024, 3, 2, 7), 'Europe/Berlin')).toBeCloseTo(0.375, 12);
    expect(cyclePosition('hourOfDay', Date.UTC(2024, 3, 2, 7))).toBeCloseTo(7 / 24, 12);
    // Sunday 2024-03-31 22:30 UTC is Monday 00:30 in Berlin (summer time).
    expect(cyclePosition('dayOfWeek', Date.UTC(2024, 2, 31, 22, 30), 'Europe/Berlin')).toBeCloseTo(
      (1 + 0.5 / 24) / 7,
      12,
    );
  });

  it('gives covariates that follow the zone', () => {
    const t = [Date.UTC(2024, 2, 29, 8), Date.UTC(2024, 3, 2, 7)];
    const { values } = calendarCovariates(t, ['hourOfDay'], 'Europe/Berlin');
    expect(values[0]).toBeCloseTo(values[2], 6);
    expect(values[1]).toBeCloseTo(values[3], 6);
    const utc = calendarCovariates(t, ['hourOfDay']).values;
    expect(utc[0]).not.toBeCloseTo(utc[2], 3);
  });
});

describe('calendarCovariates', () => {
  it('encodes each feature as sin and cos, so the end of a cycle meets its start', () => {
    const t = [Date.UTC(2024, 0, 1, 0), Date.UTC(2024, 0, 1, 6), Date.UTC(2024, 0, 1, 23)];
    const { count, values } = calendarCovariates(t, ['hourOfDay']);
    expect(count).toBe(2);
    expect(values[0]).toBeCloseTo(0, 6); // sin at midnight
    expect(values[1]).toBeCloseTo(1, 6); // cos at midnight
    expect(values[2]).toBeCloseTo(1, 6); // sin at 06:00
    expect(values[3]).toBeCloseTo(0, 6);
    // 23:00 lies as close to midnight as 01:00 would.
    const distance = Math.hypot(values[4] - values[0], values[5] - values[1]);
    expect(distance).toBeCloseTo(2 * Math.sin(Math.PI / 24), 5);
  });

  it('lays out timestamps x (2 · features), row-major', () => {
    const { count, values } = calendarCovariates(
      [Date.UTC(2024, 5, 1), Date.UTC(2024, 5, 2)],
      ['dayOfWeek', 'monthOfYear'],
    );
    expect(count).toBe(4);
    expect(values).toHaveLength(8);
    // Saturday then Sunday: different day-of-week rows, nearly equal month rows.
    expect(values[0]).not.toBeCloseTo(values[4], 3);
    expect(values[2]).toBeCloseTo(values[6], 1);
  });
});

describe('calendar features of multiples and business days', () => {
  it('follow the unit: sub-hourly and multi-hour data see the day and week, business days the week and year', () => {
    expect(calendarFeaturesFor('15min')).toEqual(['hourOfDay', 'dayOfWeek']);
    expect(calendarFeaturesFor('6h')).toEqual(['hourOfDay', 'dayOfWeek']);
    expect(calendarFeaturesFor('business-daily')).toEqual(['dayOfWeek', 'monthOfYear']);
    expect(calendarFeaturesFor('quarterly')).toEqual(['monthOfYear']);
    expect(calendarFeaturesFor('yearly')).toEqual([]);
  });
});
