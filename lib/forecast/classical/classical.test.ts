import { describe, expect, it } from 'vitest';
import { backtestOrigins, runBacktest, scoreBacktest } from '../backtest';
import { baselineFitter } from '../baselines';
import { createRng } from '../random';
import { syntheticSeries } from '../synthetic';
import type { ClassicalName, SeasonInfo } from '../types';
import { classicalFitter } from './index';
import { seasonalPeriods } from './seasonal-periods';

const WEEK: SeasonInfo = { length: 7, source: 'frequency' };

/** Backtest MASE of one comparator and of naive on the same windows. */
async function versusNaive(name: ClassicalName, v: number[], horizon = 7) {
  const origins = backtestOrigins(v.length, horizon, 3);
  const run = await runBacktest(v, horizon, origins, 7, {
    model: classicalFitter(name, { horizon, frequency: 'daily', season: WEEK }),
    naive: baselineFitter('naive', horizon, 7),
  });
  return scoreBacktest(run).metrics;
}

describe('classical comparators', () => {
  // A weekly cycle with trend and noise: naive repeats yesterday and misses the cycle.
  const seasonal = syntheticSeries({
    points: 300,
    frequency: 'daily',
    amplitude: 3,
    trend: 0.02,
    noise: 0.5,
    seed: 4,
  }).v;

  it('MSTL beats naive on a series with a known weekly cycle', async () => {
    const { model, naive } = await versusNaive('mstl', seasonal);
    expect(model.mase).toBeLessThan(naive.mase * 0.6);
  });

  it('seasonal ETS beats naive on a series with a known weekly cycle', async () => {
    const { model, naive } = await versusNaive('ets', seasonal);
    expect(model.mase).toBeLessThan(naive.mase * 0.6);
  });

  it('Theta beats naive on a series with a known weekly cycle', async () => {
    const { model, naive } = await versusNaive('theta', seasonal);
    expect(model.mase).toBeLessThan(naive.mase * 0.6);
  });

  it('AutoARIMA (seasonal) beats naive on a series with a known weekly cycle', async () => {
    const { model, naive } = await versusNaive('autoArima', seasonal);
    expect(model.mase).toBeLessThan(naive.mase * 0.6);
  });

  it('ETS beats naive on a trending series without a cycle by extrapolating the trend', async () => {
    const rng = createRng(9);
    const trending = Array.from({ length: 200 }, (_, i) => 50 + 0.8 * i + (2 * rng() - 1));
    const { model, naive } = await versusNaive('ets', trending);
    expect(model.mase).toBeLessThan(naive.mase);
  });

  it('reads nothing at or after an origin: a later change leaves each forecast alone', async () => {
    const fitter = classicalFitter('mstl', { horizon: 7, frequency: 'daily', season: WEEK });
    const values = Float64Array.from(seasonal);
    const changed = values.map((x, i) => (i >= 205 ? x * 3 : x));
    const a = await (
      await fitter(values.subarray(0, 200), { index: 0, count: 1, origin: 200 })
    ).forecastFrom(values, [200, 205]);
    const b = await (
      await fitter(changed.subarray(0, 200), { index: 0, count: 1, origin: 200 })
    ).forecastFrom(changed, [200, 205]);
    expect(b).toEqual(a);
  });

  it('forecasts a later (calibration) origin from a fit on the values before it, so step h is h steps ahead', async () => {
    const fitter = classicalFitter('ets', { horizon: 7, frequency: 'daily', season: WEEK });
    const values = Float64Array.from(seasonal);
    const fitted = await fitter(values.subarray(0, 200), { index: 0, count: 1, origin: 200 });
    expect(fitted.maxCalibrationOrigins).toBeGreaterThan(1);
    const [, later] = await fitted.forecastFrom(values, [200, 205]);
    const fresh = await (
      await fitter(values.subarray(0, 205), { index: 0, count: 1, origin: 205 })
    ).forecastFrom(values, [205]);
    expect(later).toEqual(fresh[0]);
    // Values between the cut and the origin count: changing them changes that forecast.
    const moved = values.map((x, i) => (i >= 200 && i < 205 ? x + 50 : x));
    const [, shifted] = await fitted.forecastFrom(moved, [200, 205]);
    expect(shifted).not.toEqual(later);
  });

  it('calibrates on a few origins per window, each forecast fresh from its own fit', async () => {
    const horizon = 7;
    const origins = backtestOrigins(seasonal.length, horizon, 2);
    const run = await runBacktest(seasonal, horizon, origins, 7, {
      ets: classicalFitter('ets', { horizon, frequency: 'daily', season: WEEK }),
    });
    const perWindow = (k: number) => new Set(run.residuals.ets.filter((r) => r.window === k).map((r) => r.origin));
    // The first window: 6 of its 14 calibration origins, its own first; the last has only 7 left.
    expect([...perWindow(0)]).toHaveLength(6);
    expect([...perWindow(0)][0]).toBe(origins[0]);
    expect([...perWindow(1)]).toHaveLength(6);
  });

  it('forecasts like seasonal naive, and says why, when a comparator cannot fit', async () => {
    const fitter = classicalFitter('mstl', { horizon: 3, frequency: 'daily', season: WEEK });
    const short = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]); // no weekly cycle seen twice
    const fitted = await fitter(short, { index: 0, count: 1, origin: 10 });
    expect(fitted.note).toMatch(/MSTL could not be fit on 10 values .*seasonal naive/);
    expect(await fitted.forecastFrom(short, [10])).toEqual([[4, 5, 6]]);
  });
});

describe('seasonalPeriods', () => {
  it('takes every cycle of the frequency the data shows twice', () => {
    expect(seasonalPeriods('hourly', { length: 24, source: 'frequency' }, 10_000)).toEqual([24, 168]);
    expect(seasonalPeriods('10min', { length: 144, source: 'frequency' }, 3000)).toEqual([144, 1008]);
    expect(seasonalPeriods('15min', { length: 96, source: 'frequency' }, 1000)).toEqual([96]);
    expect(seasonalPeriods('business-daily', { length: 5, source: 'frequency' }, 100)).toEqual([5]);
    expect(seasonalPeriods('hourly', { length: 24, source: 'frequency' }, 300)).toEqual([24]);
    expect(seasonalPeriods('daily', WEEK, 800)).toEqual([7, 365]);
    expect(seasonalPeriods('daily', WEEK, 400)).toEqual([7]);
    expect(seasonalPeriods('irregular', { length: 12, source: 'detected' }, 100)).toEqual([12]);
    expect(seasonalPeriods('yearly', { length: 1, source: 'none' }, 100)).toEqual([]);
  });
});
