import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { dailyHolidayKeys, estimateHolidayEffects, holidayEffect } from './holiday-effects';

const DAY = 86_400_000;
const days = (from: string, count: number) => Array.from({ length: count }, (_, i) => Date.parse(from) + i * DAY);
const indexOf = (t: number[], date: string) => t.indexOf(Date.parse(date));

describe('dailyHolidayKeys', () => {
  const t = days('2014-11-01', 61); // to 2014-12-31
  const keyAt = dailyHolidayKeys('US', t);

  it('keys each public holiday, and the days just before and after it', () => {
    expect(keyAt(indexOf(t, '2014-11-27'))).toEqual({ name: 'Thanksgiving Day', offset: 0 });
    expect(keyAt(indexOf(t, '2014-11-28'))).toEqual({ name: 'Thanksgiving Day', offset: 1 });
    expect(keyAt(indexOf(t, '2014-12-24'))).toEqual({ name: 'Christmas Day', offset: -1 });
    expect(keyAt(indexOf(t, '2014-12-10'))).toBeUndefined();
  });

  it('keys the days past the data: New Year’s Day 2015 is the day after the last one', () => {
    expect(keyAt(t.length)).toEqual({ name: "New Year's Day", offset: 0 });
    expect(keyAt(t.length - 1)).toEqual({ name: "New Year's Day", offset: -1 });
  });

  it('gives a holiday’s own date its own name, not a neighbour’s offset', () => {
    // Christmas 1988 fell on a Sunday; Monday the 26th was the substitute holiday.
    const t1988 = days('1988-12-20', 10);
    const keys = dailyHolidayKeys('US', t1988);
    expect(keys(indexOf(t1988, '1988-12-25'))).toEqual({ name: 'Christmas Day', offset: 0 });
    expect(keys(indexOf(t1988, '1988-12-26'))?.offset).toBe(0);
    expect(keys(indexOf(t1988, '1988-12-26'))?.name).not.toBe('Christmas Day');
  });
});

describe('estimateHolidayEffects', () => {
  // Two years of a flat adjusted series at 5 with small alternating noise, -0.4 on each holiday
  // and -0.1 on the day before it.
  const t = days('2013-01-01', 730);
  const keyAt = dailyHolidayKeys('US', t);
  const adjusted = t.map((_, i) => {
    const key = keyAt(i);
    const effect = key?.offset === 0 ? -0.4 : key?.offset === -1 ? -0.1 : 0;
    return 5 + effect + (i % 2 === 0 ? 0.01 : -0.01);
  });

  it('recovers each holiday’s effect, and its eve’s, against the days around it', () => {
    const effects = estimateHolidayEffects(adjusted, keyAt);
    expect(holidayEffect(effects, { name: 'Thanksgiving Day', offset: 0 })).toBeCloseTo(-0.4, 1);
    expect(holidayEffect(effects, { name: 'Christmas Day', offset: -1 })).toBeCloseTo(-0.1, 1);
    expect(holidayEffect(effects, { name: 'Christmas Day', offset: 1 })).toBeCloseTo(0, 1);
    expect(holidayEffect(effects, undefined)).toBe(0);
  });

  it('gives a holiday seen once the effect pooled over the holidays at its offset', () => {
    // Only 2013's holidays are in the first year: every name seen once.
    const effects = estimateHolidayEffects(adjusted.slice(0, 365), keyAt);
    expect(effects.has('0 Thanksgiving Day')).toBe(false);
    expect(holidayEffect(effects, { name: 'Thanksgiving Day', offset: 0 })).toBeCloseTo(-0.4, 1);
    expect(holidayEffect(effects, { name: 'A holiday never seen', offset: -1 })).toBeCloseTo(-0.1, 1);
  });

  it('keeps few effects, and small ones, for a series that holidays do not move', () => {
    // Three years of noise in a band 0.05 wide: without the t test every holiday (and the pooled
    // offsets) would get its noise on those days as an effect.
    const noiseT = days('2013-01-01', 1095);
    const noiseKeys = dailyHolidayKeys('US', noiseT);
    const keys = new Set(
      noiseT
        .map((_, i) => noiseKeys(i))
        .filter((k) => k !== undefined)
        .map((k) => `${k.offset} ${k.name}`),
    );
    for (let seed = 1; seed <= 5; seed++) {
      const rng = createRng(seed);
      const effects = estimateHolidayEffects(
        noiseT.map(() => 5 + 0.05 * (rng() - 0.5)),
        noiseKeys,
      );
      expect(effects.size).toBeLessThan(keys.size / 3);
      for (const effect of effects.values()) expect(Math.abs(effect)).toBeLessThan(0.03);
    }
  });

  it('reads only the values it is given', () => {
    const a = estimateHolidayEffects(adjusted.slice(0, 400), keyAt);
    const poisoned = adjusted.map((v, i) => (i >= 400 ? v * -9 : v));
    expect(estimateHolidayEffects(poisoned.slice(0, 400), keyAt)).toEqual(a);
  });
});
