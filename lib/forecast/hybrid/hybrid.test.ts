import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { resolveConfig } from '../config';
import { syntheticSeries } from '../synthetic';
import type { SeasonInfo } from '../types';
import { createRng } from '../random';
import { HybridLstmRun } from './hybrid-lstm';
import { dailyHolidayKeys } from './holiday-effects';
import { adjustValues, fitSeasonalAdjustment, harmonics, seasonalAt, unadjust } from './seasonal-adjustment';
import { monthlyRegressors } from './trading-days';

const WEEK: SeasonInfo = { length: 7, source: 'frequency' };
const series = syntheticSeries({ points: 160, frequency: 'daily', amplitude: 4, trend: 0.05, noise: 0.5, seed: 6 });
const values = Float64Array.from(series.v);

beforeAll(async () => {
  await initBackend();
});

describe('seasonal adjustment', () => {
  it('round-trips: unadjusting the adjusted values gives them back, in sample and after the cut', () => {
    const adjustment = fitSeasonalAdjustment(values.subarray(0, 120), 'daily', WEEK);
    expect(adjustment.log).toBe(true);
    const adjusted = Array.from(adjustValues(adjustment, values, 141));
    unadjust(adjustment, 0, adjusted).forEach((v, i) => expect(v).toBeCloseTo(values[i], 9));
    // The figures repeat after the cut: a week apart, the same component.
    expect(seasonalAt(adjustment, 130)).toBeCloseTo(seasonalAt(adjustment, 137), 12);
  });

  it('removes the weekly cycle: week-to-week, the adjusted series varies far less than the logged one', () => {
    const adjustment = fitSeasonalAdjustment(values.subarray(0, 120), 'daily', WEEK);
    const adjusted = adjustValues(adjustment, values, 120);
    // Day-to-day changes of a weekly cycle cancel in the adjusted series; trend and noise remain.
    const roughness = (xs: ArrayLike<number>) =>
      Array.from({ length: xs.length - 1 }, (_, i) => Math.abs(xs[i + 1] - xs[i])).reduce((a, b) => a + b, 0);
    const logged = Float64Array.from(values.subarray(0, 120), Math.log);
    expect(roughness(adjusted)).toBeLessThan(roughness(logged) / 2);
  });

  it('reads only its training part: later values change nothing', () => {
    const a = fitSeasonalAdjustment(values.subarray(0, 120), 'daily', WEEK);
    const poisoned = values.map((x, i) => (i >= 120 ? -x * 7 : x));
    const b = fitSeasonalAdjustment(poisoned.subarray(0, 120), 'daily', WEEK);
    expect(b).toEqual(a);
  });

  it('logs only a positive series, and has no figure for a cycle not seen twice', () => {
    const shifted = values.map((x) => x - 200);
    expect(fitSeasonalAdjustment(shifted.subarray(0, 120), 'daily', WEEK).log).toBe(false);
    const short = fitSeasonalAdjustment(values.subarray(0, 10), 'daily', WEEK);
    expect(short.cycles).toEqual([]);
    expect(Array.from(adjustValues(short, values, 3))).toEqual(Array.from(values.subarray(0, 3), Math.log));
  });
});

describe('holiday effects and the yearly figure', () => {
  // 2014 from New Year's Day, daily: a weekly cycle, births-like dips of 35% on US public holidays
  // (MLK Day, Presidents' Day, Memorial Day, Independence Day, Labor Day...), small noise.
  const DAY = 86_400_000;
  const t = Array.from({ length: 260 }, (_, i) => Date.UTC(2014, 0, 1) + i * DAY);
  const keyAt = dailyHolidayKeys('US', t);
  const rng = createRng(4);
  const withHolidays = Float64Array.from(t, (_, i) => {
    const dip = keyAt(i)?.offset === 0 ? 0.65 : 1;
    return 100 * (1 + 0.1 * Math.sin((2 * Math.PI * i) / 7)) * dip * (1 + 0.01 * (rng() - 0.5));
  });
  const labourDay = t.indexOf(Date.UTC(2014, 8, 1));

  it('takes the holidays out of a daily series and puts them back on a later holiday', () => {
    // Trained to mid-August: each holiday seen once, so the effect is the one pooled over them.
    const adjustment = fitSeasonalAdjustment(withHolidays.subarray(0, 240), 'daily', WEEK, { holidays: keyAt });
    const adjusted = adjustValues(adjustment, withHolidays, 240);
    const july4 = t.indexOf(Date.UTC(2014, 6, 4));
    // Adjusted, Independence Day is level with the days around it (logged: 0.05 is about 5%).
    expect(Math.abs(adjusted[july4] - adjusted[july4 - 7])).toBeLessThan(0.05);
    // Unadjusting a flat adjusted forecast across Labor Day dips there by about the holidays' 35%.
    const flat = new Array<number>(14).fill(Math.log(100));
    const forecast = unadjust(adjustment, labourDay - 7, flat);
    expect(forecast[7] / forecast[0]).toBeGreaterThan(0.6);
    expect(forecast[7] / forecast[0]).toBeLessThan(0.7);
  });

  it('has no holiday effects without the keys, nor for a series that is not daily', () => {
    expect(fitSeasonalAdjustment(withHolidays.subarray(0, 240), 'daily', WEEK).holidays).toBeUndefined();
    expect(
      fitSeasonalAdjustment(withHolidays.subarray(0, 240), 'hourly', WEEK, { holidays: keyAt }).holidays,
    ).toBeUndefined();
  });

  it('keeps the first harmonics of a figure and drops the rest', () => {
    const m = 365;
    const slow = Array.from({ length: m }, (_, i) => Math.cos((2 * Math.PI * 2 * i) / m));
    const fast = Array.from({ length: m }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 40 * i) / m));
    const smoothed = harmonics(
      slow.map((x, i) => x + fast[i]),
      10,
    );
    smoothed.forEach((x, i) => expect(x).toBeCloseTo(slow[i], 9));
  });

  it('forecasts the dip of a holiday in its window', async () => {
    const config = resolveConfig(
      { epochs: 2, units: 4, horizon: 7, lookback: 14 },
      { frequency: 'daily', points: 260 },
    );
    const run = new HybridLstmRun(config, 1, { frequency: 'daily', season: WEEK, t, holidays: 'US' });
    try {
      const origin = labourDay - 3;
      const fitted = await run.fitter(withHolidays.subarray(0, origin), { index: 0, count: 1, origin });
      const [forecast] = await fitted.forecastFrom(withHolidays, [origin]);
      // Labor Day (step 3) against the days beside it: their weekly figures differ by up to 20%,
      // the holiday is 35% lower.
      expect(forecast[3]).toBeLessThan(0.75 * Math.min(forecast[2], forecast[4]));
    } finally {
      run.dispose();
    }
  });
});

describe('trading days of a monthly series', () => {
  // Ten years of monthly totals of daily counts: 100 a weekday, 70 a weekend day, a yearly swing.
  const DAY = 86_400_000;
  const t = Array.from({ length: 120 }, (_, i) => Date.UTC(2005, i, 1));
  const totals = Float64Array.from(t, (start, i) => {
    const end = Date.UTC(2005, i + 1, 1);
    let sum = 0;
    for (let day = start; day < end; day += DAY) {
      const weekday = new Date(day).getUTCDay();
      sum += weekday === 0 || weekday === 6 ? 70 : 100;
    }
    return sum * (1 + 0.05 * Math.sin((2 * Math.PI * i) / 12));
  });
  const YEAR: SeasonInfo = { length: 12, source: 'frequency' };
  const months = monthlyRegressors(t);
  const mape = (forecast: number[], from: number) =>
    forecast.reduce((s, f, h) => s + Math.abs(f / totals[from + h] - 1), 0) / forecast.length;

  it('takes them out with the seasonal figure and puts them back on later months', () => {
    const plain = fitSeasonalAdjustment(totals.subarray(0, 108), 'monthly', YEAR);
    const calendar = fitSeasonalAdjustment(totals.subarray(0, 108), 'monthly', YEAR, { months });
    expect(calendar.tradingDays?.effect.set).not.toBe('none');
    // The next year from the adjustment alone (a flat adjusted series at the last level): the
    // weekday counts and month lengths the fixed figure misses are what the calendar adds.
    const flat = (adjustment: typeof plain) =>
      unadjust(adjustment, 108, new Array<number>(12).fill(adjustValues(adjustment, totals, 108)[107]));
    expect(mape(flat(calendar), 108)).toBeLessThan(mape(flat(plain), 108) / 3);
  });

  it('is read by the run when it has the timestamps', async () => {
    const config = resolveConfig(
      { epochs: 2, units: 4, horizon: 12, lookback: 24 },
      { frequency: 'monthly', points: 120 },
    );
    const forecastError = async (withT: boolean) => {
      const run = new HybridLstmRun(config, 1, { frequency: 'monthly', season: YEAR, ...(withT && { t }) });
      try {
        const fitted = await run.fitter(totals.subarray(0, 108), { index: 0, count: 1, origin: 108 });
        const [forecast] = await fitted.forecastFrom(totals, [108]);
        return mape(forecast, 108);
      } finally {
        run.dispose();
      }
    };
    expect(await forecastError(true)).toBeLessThan(await forecastError(false));
  });
});

describe('HybridLstmRun', () => {
  const config = resolveConfig({ epochs: 2, units: 4, horizon: 7, lookback: 14 }, { frequency: 'daily', points: 160 });
  const fit = async (v: Float64Array) => {
    const run = new HybridLstmRun(config, 1, { frequency: 'daily', season: WEEK });
    try {
      const fitted = await run.fitter(v.subarray(0, 130), { index: 0, count: 1, origin: 130 });
      return await fitted.forecastFrom(v, [130, 135]);
    } finally {
      run.dispose();
    }
  };

  it('reads nothing at or after an origin (no leakage)', async () => {
    const changed = values.map((x, i) => (i >= 135 ? x * 5 + 100 : x));
    const [a, b] = [await fit(values), await fit(changed)];
    a.forEach((forecast, k) => forecast.forEach((x, i) => expect(b[k][i]).toBeCloseTo(x, 5)));
    expect(a[0]).toHaveLength(7);
    expect(a.flat().every(Number.isFinite)).toBe(true);
  });

  it('puts the seasonal components back: its forecast follows the weekly cycle', async () => {
    const [forecast] = await fit(values);
    const actual = Array.from(values.subarray(130, 137));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const error = mean(forecast.map((f, i) => Math.abs(f - actual[i])));
    const flat = mean(actual.map((a) => Math.abs(a - values[129])));
    expect(error).toBeLessThan(flat);
  });

  it('forecasts the future after a refit on all values', async () => {
    const run = new HybridLstmRun(config, 1, { frequency: 'daily', season: WEEK });
    try {
      await run.fitter(values.subarray(0, 153), { index: 0, count: 1, origin: 153 });
      const future = await run.future(values);
      expect(future).toHaveLength(7);
      expect(future.every(Number.isFinite)).toBe(true);
    } finally {
      run.dispose();
    }
  });

  it('carries the latest level forward: after a step up late in its lookback, it forecasts near the new level', async () => {
    // Level 100 with a weekly cycle, then 150 for the last 10 days before the origin: the 14-day
    // lookback's mean level is about 136, the smoothed one close to 150.
    const rng = createRng(9);
    const stepped = Float64Array.from({ length: 137 }, (_, i) => {
      const level = i >= 120 ? 150 : 100;
      return level * (1 + 0.1 * Math.sin((2 * Math.PI * i) / 7)) + 0.5 * (rng() - 0.5);
    });
    const run = new HybridLstmRun(config, 1, { frequency: 'daily', season: WEEK });
    try {
      const fitted = await run.fitter(stepped.subarray(0, 130), { index: 0, count: 1, origin: 130 });
      const [forecast] = await fitted.forecastFrom(stepped, [130]);
      // A whole week: the cycle averages out, leaving the level it forecasts.
      const level = forecast.reduce((sum, x) => sum + x, 0) / forecast.length;
      expect(level).toBeGreaterThan(145);
      expect(level).toBeLessThan(155);
    } finally {
      run.dispose();
    }
  });
});
