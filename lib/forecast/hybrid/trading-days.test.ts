import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { estimateTradingDays, monthlyRegressors, tradingDayEffect, type MonthRegressorsAt } from './trading-days';

describe('monthlyRegressors', () => {
  // January to June 2023, then the months after: index 13 is February 2024, 14 March 2024.
  const at = monthlyRegressors(Array.from({ length: 6 }, (_, i) => Date.UTC(2023, i, 1)));

  it('counts each weekday against Sundays, weekdays against 5/2 of the weekend days, and leap Februaries', () => {
    // February 2023: four of every weekday.
    expect(at(1)).toEqual({ weekdays: [0, 0, 0, 0, 0, 0], weekend: 0, leap: -0.25 });
    // February 2024 starts on a Thursday and has 29 days: five Thursdays.
    expect(at(13)).toEqual({ weekdays: [0, 0, 0, 1, 0, 0], weekend: 1, leap: 0.75 });
    // March 2024 starts on a Friday: five Fridays, Saturdays and Sundays.
    expect(at(14)).toEqual({ weekdays: [-1, -1, -1, -1, 0, 0], weekend: 21 - 2.5 * 10, leap: 0 });
  });

  it('reads each step’s own month, whatever its day, also after a missing month', () => {
    // Month ends, and April missing: index 3 is May.
    const ends = [Date.UTC(2023, 0, 31), Date.UTC(2023, 1, 28), Date.UTC(2023, 2, 31), Date.UTC(2023, 4, 31)];
    const gappy = monthlyRegressors(ends);
    expect(gappy(1)).toEqual(at(1));
    expect(gappy(3)).toEqual(at(4));
    expect(gappy(4)).toEqual(at(5));
  });
});

describe('estimateTradingDays', () => {
  const months = 120;
  const at = monthlyRegressors([Date.UTC(2010, 0, 1)]);
  /** Ten years of a logged monthly series: a trend, `effect` of each month's calendar, small noise. */
  const series = (effect: (i: number, at: MonthRegressorsAt) => number, seed = 3) => {
    const rng = createRng(seed);
    return Float64Array.from({ length: months }, (_, i) => 5 + 0.002 * i + effect(i, at) + 0.002 * (rng() - 0.5));
  };

  it('finds the weekend effect of a births-like series and its size', () => {
    // Each weekday against 5/2 weekend days: births are fewer at weekends.
    const adjusted = series((i, a) => 0.004 * a(i).weekend + 0.03 * a(i).leap);
    const effect = estimateTradingDays(adjusted, at);
    expect(effect.set).toBe('weekend');
    expect(effect.beta[0]).toBeCloseTo(0.004, 3);
    expect(effect.beta[1]).toBeCloseTo(0.03, 2);
    // February 2020, a leap month with nine weekend days: within 0.005 of the effect put in.
    expect(tradingDayEffect(effect, at, 121)).toBeCloseTo(0.004 * at(121).weekend + 0.03 * at(121).leap, 2);
  });

  it('finds a pattern by weekday, when Saturdays and Sundays differ', () => {
    // Shops: Saturdays busiest, Sundays closed.
    const adjusted = series((i, a) => 0.01 * a(i).weekdays[5] + 0.005 * a(i).weekdays[4]);
    expect(estimateTradingDays(adjusted, at).set).toBe('weekdays');
  });

  it('mostly keeps none for a series without calendar effects, and what it finds there is below the noise', () => {
    // AICc, like X-13's aictest, sometimes takes noise for an effect: then a small one.
    let none = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const effect = estimateTradingDays(
        series(() => 0, seed),
        at,
      );
      if (effect.set === 'none') none++;
      for (let i = 0; i < months + 12; i++) expect(Math.abs(tradingDayEffect(effect, at, i))).toBeLessThan(0.002);
    }
    expect(none).toBeGreaterThanOrEqual(30);
  });

  it('keeps none for a series under three years', () => {
    const short = series((i, a) => 0.004 * a(i).weekend).subarray(0, 35);
    expect(estimateTradingDays(short, at)).toEqual({ set: 'none', beta: [] });
  });
});
