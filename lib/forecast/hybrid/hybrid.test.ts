import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { resolveConfig } from '../config';
import { syntheticSeries } from '../synthetic';
import type { SeasonInfo } from '../types';
import { componentAt, decompose, flatDecomposition, recompose, remainderUpTo } from './decomposition';
import { HybridLstmRun } from './hybrid-lstm';

const WEEK: SeasonInfo = { length: 7, source: 'frequency' };
const series = syntheticSeries({ points: 160, frequency: 'daily', amplitude: 4, trend: 0.05, noise: 0.5, seed: 6 });
const values = Float64Array.from(series.v);

beforeAll(async () => {
  await initBackend();
});

describe('decomposition', () => {
  it('round-trips: remainder + components give back every value, in sample and after the cut', () => {
    const d = decompose(values.subarray(0, 120), 21, 'daily', WEEK);
    const remainder = remainderUpTo(d, values, 141);
    for (let i = 0; i < 141; i++) expect(remainder[i] + componentAt(d, i)).toBeCloseTo(values[i], 9);
    expect(recompose(d, 125, [remainder[125], remainder[126]])).toEqual([
      remainder[125] + componentAt(d, 125),
      remainder[126] + componentAt(d, 126),
    ]);
  });

  it('removes the weekly cycle: the remainder varies far less than the series', () => {
    const d = decompose(values.subarray(0, 120), 7, 'daily', WEEK);
    const remainder = Array.from(remainderUpTo(d, values, 120));
    const spread = (xs: ArrayLike<number>) => Math.max(...Array.from(xs)) - Math.min(...Array.from(xs));
    expect(spread(remainder)).toBeLessThan(spread(values.subarray(0, 120)) / 3);
  });

  it('has no components when flat, so the remainder is the values', () => {
    const d = flatDecomposition(10, 3);
    expect(Array.from(remainderUpTo(d, values, 12))).toEqual(Array.from(values.subarray(0, 12)));
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
});
