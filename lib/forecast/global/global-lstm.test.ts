import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { budgetEpochs, resolveConfig } from '../config';
import { CancelledError } from '../errors';
import { syntheticSeries } from '../synthetic';
import type { SeriesData, TrainProgress } from '../types';
import { windowCount } from '../windows';
import { GlobalLstmRun } from './global-lstm';
import { pooledWindows } from './pooled-windows';
import type { RelatedSeries } from './related-series';
import { fitSeriesScale } from './series-scale';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const target = syntheticSeries({ points: 120, frequency: 'daily', start: START, amplitude: 4, noise: 0.5, seed: 3 });
const values = Float64Array.from(target.v);
/** A related series `offset` days after the target's start, of `points` days, level `level`. */
const related = (
  name: string,
  offset: number,
  points: number,
  level: number,
  seed: number,
): RelatedSeries & SeriesData => ({
  name,
  ...syntheticSeries({
    points,
    frequency: 'daily',
    start: START + offset * DAY,
    level,
    amplitude: level / 3,
    noise: level / 20,
    seed,
  }),
});
// One starts earlier and ends later than the target, one starts later and ends earlier.
const longer = related('longer', -30, 180, 500, 4);
const shorter = related('shorter', 15, 80, 2, 5);
const config = resolveConfig(
  { epochs: 2, units: 4, horizon: 7, lookback: 14, seed: 7 },
  { frequency: 'daily', points: 120 },
);

beforeAll(async () => {
  await initBackend();
});

const newRun = (rel: RelatedSeries[] = [longer, shorter], windows = 1) =>
  new GlobalLstmRun(config, windows, { t: target.t, frequency: 'daily' }, rel);

describe('GlobalLstmRun.trainingParts', () => {
  it('cuts every related series at the timestamp of the first target point the fit must not see', () => {
    const run = newRun();
    const [own, a, b] = run.trainingParts(values.subarray(0, 90));
    const cutoff = target.t[90];
    expect(own.v).toHaveLength(90);
    expect(own.t[89]).toBe(target.t[89]);
    // `longer` began 30 days earlier: 120 of its points lie before the cutoff.
    expect(a.v).toHaveLength(120);
    expect(a.t[a.t.length - 1]).toBeLessThan(cutoff);
    expect(Array.from(a.v)).toEqual(longer.v.slice(0, 120));
    // `shorter` ends (day 95) after the cutoff too: 75 of its points are before it.
    expect(b.v).toHaveLength(75);
    expect(b.t[b.t.length - 1]).toBe(cutoff - DAY);
    run.dispose();
  });

  it("lets the refit on all target values see related points up to the target's last timestamp", () => {
    const run = newRun();
    const [, a, b] = run.trainingParts(values);
    expect(a.t[a.t.length - 1]).toBe(target.t[119]);
    expect(a.v).toHaveLength(150);
    expect(b.v).toHaveLength(80);
    run.dispose();
  });

  it('scales each related series by its own points before the cutoff only', () => {
    const run = newRun();
    const changedLonger = { ...longer, v: longer.v.map((x, i) => (longer.t[i] >= target.t[90] ? x * 10 + 1e4 : x)) };
    const changedRun = newRun([changedLonger, shorter]);
    const options = { lookback: 14, horizon: 7, calendar: [] };
    const pool = pooledWindows(run.trainingParts(values.subarray(0, 90)), options);
    const changedPool = pooledWindows(changedRun.trainingParts(values.subarray(0, 90)), options);
    expect(pool.scales[1]).toEqual(fitSeriesScale(longer.v.slice(0, 120)));
    expect(changedPool.scales).toEqual(pool.scales);
    expect(changedPool.windows.inputs).toEqual(pool.windows.inputs);
    expect(changedPool.windows.targets).toEqual(pool.windows.targets);
    run.dispose();
    changedRun.dispose();
  });
});

describe('GlobalLstmRun', () => {
  const backtestForecasts = async (rel: RelatedSeries[]) => {
    const run = newRun(rel);
    try {
      const fitted = await run.fitter(values.subarray(0, 90), { index: 0, count: 1, origin: 90 });
      return await fitted.forecastFrom(values, [90, 95]);
    } finally {
      run.dispose();
    }
  };

  it("never sees related values at or after a window's start (no peeking past the cutoff)", async () => {
    const cutoff = target.t[90];
    const peek = (s: RelatedSeries) => ({ ...s, v: Array.from(s.v, (x, i) => (s.t[i] >= cutoff ? x * 7 + 300 : x)) });
    const [a, b] = [await backtestForecasts([longer, shorter]), await backtestForecasts([peek(longer), peek(shorter)])];
    expect(b).toEqual(a);
    expect(a[0]).toHaveLength(7);
    expect(a.flat().every(Number.isFinite)).toBe(true);
    // ...while the related values before the cutoff do shape the model.
    const earlier = (s: RelatedSeries) => ({ ...s, v: Array.from(s.v, (x, i) => (s.t[i] < cutoff ? -x : x)) });
    expect(await backtestForecasts([earlier(longer), earlier(shorter)])).not.toEqual(a);
  });

  it("unscales forecasts into the target's units: an affine copy of the target is forecast as that copy", async () => {
    const run = newRun();
    try {
      await run.fitter(values.subarray(0, 90), { index: 0, count: 1, origin: 90 });
      const fitted = run.latest!;
      const copy = Array.from(values, (x) => 250 * x - 40);
      // The copy's own scale, fit on its first 90 values, like the target's.
      const copyFit = { ...fitted, scale: fitSeriesScale(copy.slice(0, 90)) };
      const [forecast] = await run.forecastFrom(fitted, values, [90]);
      const [copyForecast] = await run.forecastFrom(copyFit, copy, [90]);
      copyForecast.forEach((x, i) => expect(x).toBeCloseTo(250 * forecast[i] - 40, 1));
      // Forecasts are levels of the target, not scaled values around 0.
      const mean = forecast.reduce((a, b) => a + b, 0) / forecast.length;
      expect(Math.abs(mean - fitted.scale.mean)).toBeLessThan(4 * fitted.scale.std);
    } finally {
      run.dispose();
    }
  });

  it("trains the pool for the epochs a series of the pool's size gets, not the short target's", async () => {
    const long = (seed: number) => syntheticSeries({ points: 400, frequency: 'hourly', seed });
    const own = long(1);
    // Lookback 50, not whole days: read a step per row (patches would make the budget too roomy to bind).
    const cfg = resolveConfig({ units: 2, lookback: 50, horizon: 4 }, { frequency: 'hourly', points: 400 });
    const progress: TrainProgress[] = [];
    const run = new GlobalLstmRun(
      cfg,
      1,
      own,
      [2, 3].map((seed) => ({ name: `s${seed}`, ...long(seed) })),
      // The first epoch's report already says how many there are to be: cancel after it.
      { onProgress: (p) => void progress.push(p), shouldCancel: () => progress.length > 0 },
    );
    try {
      await expect(
        run.fitter(Float64Array.from(own.v.slice(0, 396)), { index: 0, count: 1, origin: 396 }),
      ).rejects.toBeInstanceOf(CancelledError);
      const pooled = run.trainingParts(own.v.slice(0, 396)).reduce((sum, part) => sum + part.v.length - 50 - 4 + 1, 0);
      const expected = budgetEpochs(Math.round(pooled * (1 - cfg.validationSplit)), 50);
      expect(expected).toBeLessThan(cfg.epochs);
      expect(progress[0].epochs).toBe(expected);
    } finally {
      run.dispose();
    }
  });

  it('refits on all data after every backtest fit and forecasts the future', async () => {
    const run = newRun();
    try {
      await expect(run.future(values)).rejects.toThrow('Refit after all 1 backtest fits, not after 0.');
      await run.fitter(values.subarray(0, 113), { index: 0, count: 1, origin: 113 });
      const future = await run.future(values);
      expect(future).toHaveLength(7);
      expect(future.every(Number.isFinite)).toBe(true);
      // Every window of every series (well under the cap), related series up to the target's end.
      expect(run.latest!.perSeries).toEqual([windowCount(120, 14, 7), windowCount(150, 14, 7), windowCount(80, 14, 7)]);
      expect(run.seriesCount).toBe(3);
    } finally {
      run.dispose();
    }
  });
});
