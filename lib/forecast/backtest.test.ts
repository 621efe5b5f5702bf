import { describe, expect, it } from 'vitest';
import {
  backtestOrigins,
  CALIBRATION_SPAN,
  runBacktest,
  scoreBacktest,
  spreadOrigins,
  type ModelFitter,
} from './backtest';
import { baselineFitter, drift, naive, seasonalNaive } from './baselines';
import { accuracyMetrics, maseScale } from './metrics';
import { syntheticSeries } from './synthetic';

const horizon = 4;
const season = 7;
const { v: values } = syntheticSeries({ points: 60, frequency: 'daily', trend: 0.1, noise: 1 });
const baselines = {
  naive: baselineFitter('naive', horizon, season),
  seasonalNaive: baselineFitter('seasonalNaive', horizon, season),
  drift: baselineFitter('drift', horizon, season),
};

describe('backtestOrigins', () => {
  it('places back-to-back windows at the end of the series, oldest first', () => {
    expect(backtestOrigins(60, 4, 3)).toEqual([48, 52, 56]);
    expect(backtestOrigins(60, 7, 1)).toEqual([53]);
  });

  it('refuses windows that leave nothing to learn from', () => {
    expect(() => backtestOrigins(10, 5, 2)).toThrow('2 backtest windows of 5 steps do not fit in 10 points');
    expect(() => backtestOrigins(10, 2, 0)).toThrow();
  });
});

describe('spreadOrigins', () => {
  it('keeps the first origin and spreads the rest evenly, all of them without a limit', () => {
    const origins = Array.from({ length: 14 }, (_, j) => 100 + j);
    expect(spreadOrigins(origins, undefined)).toEqual(origins);
    expect(spreadOrigins(origins, 20)).toEqual(origins);
    expect(spreadOrigins(origins, 3)).toEqual([100, 107, 113]);
    expect(spreadOrigins(origins, 1)).toEqual([100]);
  });
});

describe('runBacktest', () => {
  it('forecasts each window from the values before its origin only', async () => {
    const origins = backtestOrigins(values.length, horizon, 3);
    const run = await runBacktest(values, horizon, origins, season, baselines);
    expect(run.windows.map((w) => w.origin)).toEqual(origins);
    for (const w of run.windows) {
      const before = values.slice(0, w.origin);
      expect(w.actual).toEqual(values.slice(w.origin, w.origin + horizon));
      expect(w.forecasts.naive).toEqual(naive(before, horizon));
      expect(w.forecasts.seasonalNaive).toEqual(seasonalNaive(before, horizon, season));
      expect(w.forecasts.drift).toEqual(drift(before, horizon));
      expect(w.scale).toBe(maseScale(before, season));
    }
  });

  it('hands each fitter exactly the training part, window after window', async () => {
    const seen: { length: number; index: number; count: number; origin: number }[] = [];
    const recording: ModelFitter = async (train, window) => {
      seen.push({ length: train.length, ...window });
      return { forecastFrom: async (_, origins) => origins.map(() => Array(horizon).fill(0)) };
    };
    await runBacktest(values, horizon, [52, 56], season, { recording });
    expect(seen).toEqual([
      { length: 52, index: 0, count: 2, origin: 52 },
      { length: 56, index: 1, count: 2, origin: 56 },
    ]);
  });

  it('collects calibration errors from the origins after each window, up to the end of the series', async () => {
    const origins = [40, 44, 48, 52, 56];
    const run = await runBacktest(values, horizon, origins, season, { naive: baselines.naive });
    const residuals = run.residuals.naive;
    // Window 0 (origin 40) forecasts from 40 .. 40 + CALIBRATION_SPAN·horizon - 1, every step in range.
    const first = residuals.filter((r) => r.window === 0);
    expect(new Set(first.map((r) => r.origin)).size).toBe(CALIBRATION_SPAN * horizon);
    expect(first).toHaveLength(CALIBRATION_SPAN * horizon * horizon);
    // The last window (origin 56) only has targets up to index 59.
    const last = residuals.filter((r) => r.window === 4);
    expect(Math.max(...last.map((r) => r.target))).toBe(59);
    expect(last.filter((r) => r.step === horizon)).toHaveLength(1);
    for (const r of residuals) {
      expect(r.target).toBe(r.origin + r.step - 1);
      expect(r.error).toBeCloseTo(values[r.target] - values[r.origin - 1], 12);
    }
  });

  it('does not let values after an origin change that window (no leakage)', async () => {
    const origins = backtestOrigins(values.length, horizon, 3);
    const changed = values.map((v, i) => (i >= origins[0] ? v * 3 + 50 : v));
    const [a, b] = [
      await runBacktest(values, horizon, origins, season, baselines),
      await runBacktest(changed, horizon, origins, season, baselines),
    ];
    expect(b.windows[0].forecasts).toEqual(a.windows[0].forecasts);
    expect(b.windows[1].forecasts).not.toEqual(a.windows[1].forecasts);
  });
});

describe('scoreBacktest', () => {
  it('scores per window, pooled and per horizon step', async () => {
    const origins = backtestOrigins(values.length, horizon, 3);
    const run = await runBacktest(values, horizon, origins, season, baselines);
    const scores = scoreBacktest(run);

    run.windows.forEach((w, k) => {
      expect(scores.windows[k].drift).toEqual(accuracyMetrics(w.actual, w.forecasts.drift, w.scale));
    });
    // Equal-sized windows: pooled MAE and MASE are the means of the windows'.
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(scores.metrics.naive.mae).toBeCloseTo(mean(scores.windows.map((w) => w.naive.mae)), 12);
    expect(scores.metrics.naive.mase).toBeCloseTo(mean(scores.windows.map((w) => w.naive.mase)), 12);

    expect(scores.byStep.seasonalNaive).toHaveLength(horizon);
    const step2 = run.windows.map((w) => Math.abs(w.actual[1] - w.forecasts.seasonalNaive[1]));
    expect(scores.byStep.seasonalNaive[1].mae).toBeCloseTo(mean(step2), 12);
  });
});
