import { describe, expect, it } from 'vitest';
import { InvalidConfigError } from './errors';
import { HOLIDAY_REACH, holidayFeaturesFor, holidayMatrix, holidaysBetween, localDay } from './holidays';

const DAY = 86_400_000;
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const days = (from: string, count: number) => Array.from({ length: count }, (_, i) => utc(from) + i * DAY);

function column(features: ReturnType<typeof holidayFeaturesFor>, matrix: Float32Array, name: string, row: number) {
  return matrix[row * features.names.length + features.names.indexOf(name)];
}

describe('holidays', () => {
  it('knows US public holidays: July 4th and Thanksgiving (fourth Thursday of November)', () => {
    const list = holidaysBetween('US', utc('2024-01-01'), utc('2024-12-31'));
    const find = (name: string) => list.find((h) => h.name === name)?.date;
    expect(find('Independence Day')).toBe('2024-07-04');
    expect(find('Thanksgiving Day')).toBe('2024-11-28');
    expect(
      holidaysBetween('US', utc('2025-01-01'), utc('2025-12-31')).find((h) => h.name === 'Thanksgiving Day')?.date,
    ).toBe('2025-11-27');
  });

  it('flags US holidays per day, with days to and from them scaled and clipped', () => {
    const t = days('2024-11-01', 60);
    const features = holidayFeaturesFor('US', t);
    const m = holidayMatrix(features, t);
    const thanksgiving = (utc('2024-11-28') - t[0]) / DAY;
    expect(column(features, m, 'holiday', thanksgiving)).toBe(1);
    expect(column(features, m, 'holiday: Thanksgiving Day', thanksgiving)).toBe(1);
    expect(column(features, m, 'holiday', thanksgiving + 1)).toBe(0);
    // Two days before Thanksgiving, one day after it.
    expect(column(features, m, 'daysToHoliday', thanksgiving - 2)).toBeCloseTo(2 / HOLIDAY_REACH, 6);
    expect(column(features, m, 'daysFromHoliday', thanksgiving + 1)).toBeCloseTo(1 / HOLIDAY_REACH, 6);
    // Veterans Day (Nov 11) is 17 days before Thanksgiving: the day after it is still "1 day from".
    expect(column(features, m, 'daysFromHoliday', 11)).toBeCloseTo(1 / HOLIDAY_REACH, 6);
    // Far from any holiday both distances saturate.
    const flags = Array.from({ length: 60 }, (_, i) => column(features, m, 'holiday', i));
    expect(flags.filter((f) => f === 1)).toHaveLength(3); // Nov 11, Nov 28, Dec 25
  });

  it('knows Germany and its regions: Day of German Unity everywhere, Epiphany only in Bavaria', () => {
    const year = [utc('2024-01-01'), utc('2024-12-31')] as const;
    const germany = holidaysBetween('DE', ...year).map((h) => h.date);
    const bavaria = holidaysBetween('DE-BY', ...year).map((h) => h.date);
    expect(germany).toContain('2024-10-03');
    expect(bavaria).toContain('2024-10-03');
    expect(bavaria).toContain('2024-01-06'); // Heilige Drei Könige
    expect(germany).not.toContain('2024-01-06');
    expect(bavaria).toContain('2024-05-30'); // Fronleichnam
    const t = days('2024-01-01', 14);
    const de = holidayMatrix(holidayFeaturesFor('DE', t), t);
    const by = holidayMatrix(holidayFeaturesFor('DE-BY', t), t);
    expect(de[5 * holidayFeaturesFor('DE', t).names.length]).toBe(0);
    expect(by[5 * holidayFeaturesFor('DE-BY', t).names.length]).toBe(1);
  });

  it('reads a sub-daily series on its local date', () => {
    // 22:00 UTC on 2 October is already 3 October (Day of German Unity) in Berlin (UTC+2).
    const t = [
      Date.parse('2024-10-02T21:00:00Z'),
      Date.parse('2024-10-02T21:30:00Z'),
      Date.parse('2024-10-02T22:00:00Z'),
    ];
    const features = holidayFeaturesFor('DE', t, 'Europe/Berlin');
    const m = holidayMatrix(features, t, 'Europe/Berlin');
    expect([0, 1, 2].map((i) => column(features, m, 'holiday', i))).toEqual([0, 0, 1]);
    expect(localDay(t[2], 'Europe/Berlin')).toBe(utc('2024-10-03'));
    const inUtc = holidayMatrix(features, t);
    expect([0, 1, 2].map((i) => column(features, inUtc, 'holiday', i))).toEqual([0, 0, 0]);
  });

  it('flags a weekly step when a holiday falls within its week', () => {
    const t = Array.from({ length: 4 }, (_, i) => utc('2024-06-24') + i * 7 * DAY); // Mondays
    const features = holidayFeaturesFor('US', t);
    const m = holidayMatrix(features, t);
    expect([0, 1, 2, 3].map((i) => column(features, m, 'holiday', i))).toEqual([0, 1, 0, 0]); // July 4th
  });

  it('refuses an unknown country or region', () => {
    expect(() => holidaysBetween('XX', 0, DAY)).toThrow(InvalidConfigError);
    expect(() => holidaysBetween('DE-ZZ', 0, DAY)).toThrow(/region/);
  });
});
