import { describe, expect, it } from 'vitest';
import { backtestOrigins, runBacktest, type Residual } from './backtest';
import { baselineFitter, seasonalNaive } from './baselines';
import {
  conformalQuantile,
  floorIntervals,
  halfWidths,
  intervalFloor,
  leaveOneWindowOutCoverage,
  predictionIntervals,
} from './intervals';
import { syntheticSeries } from './synthetic';

const residual = (step: number, error: number, window = 0, target = 0): Residual => ({
  window,
  origin: target - step + 1,
  step,
  target,
  error,
});

describe('conformalQuantile', () => {
  it('takes the ceil((n + 1) · level)-th smallest error', () => {
    const errors = [5, 1, 4, 2, 3, 9, 8, 7, 6, 10]; // n 10
    expect(conformalQuantile(errors, 0.8)).toBe(9); // rank ceil(11 · 0.8) = 9
    expect(conformalQuantile(errors, 0.5)).toBe(6); // rank ceil(5.5) = 6
  });

  it('is null when there are too few errors to promise the level', () => {
    const errors = Array.from({ length: 18 }, (_, i) => i);
    expect(conformalQuantile(errors, 0.95)).toBeNull(); // rank ceil(19 · 0.95) = 19 > 18
    expect(conformalQuantile([...errors, 18], 0.95)).toBe(18);
    expect(conformalQuantile([1, 2, 3], 0.8)).toBeNull();
    expect(conformalQuantile([], 0.8)).toBeNull();
  });
});

describe('halfWidths', () => {
  it('calibrates each horizon step on its own absolute errors', () => {
    const residuals = [
      ...[1, -2, 3, -4].map((e) => residual(1, e)),
      ...[10, -20, 30, -40].map((e) => residual(2, e)),
    ];
    // n 4, level 0.6 → rank ceil(5 · 0.6) = 3
    expect(halfWidths(residuals, 2, 0.6)).toEqual([3, 30]);
    expect(halfWidths(residuals, 3, 0.6)).toEqual([3, 30, null]);
  });
});

describe('leaveOneWindowOutCoverage', () => {
  it('never calibrates a window with its own model or on points inside it', () => {
    // Window 1 (origin 10, horizon 1) misses by 5. Errors of 5 from its own model (targets 20, 21)
    // and from other models on its point (target 10) must be left out; with either pair let in,
    // the 80% width would be 5 and the miss covered. The errors it may use are nine 1s.
    const residuals = [
      ...Array.from({ length: 9 }, (_, i) => residual(1, 1, 0, i)),
      residual(1, 5, 1, 20),
      residual(1, 5, 1, 21),
      residual(1, 5, 0, 10),
      residual(1, 5, 2, 10),
    ];
    const windows = [
      { origin: 5, actual: [1], forecast: [0.5] },
      { origin: 10, actual: [6], forecast: [1] },
    ];
    // Window 0 may only use 3 errors (too few for 80%), so just window 1 counts: not covered.
    expect(leaveOneWindowOutCoverage(residuals, windows, 1, 0.8)).toEqual({ coverage: 0, points: 1 });
  });
});

describe('split-conformal intervals on synthetic data', () => {
  it('cover close to the nominal level over many windows, at the width the noise implies', async () => {
    // A pure cycle plus uniform noise in [-1, 1]: seasonal naive's error e_t - e_(t-7) is
    // triangular on [-2, 2], so P(|error| <= q) = 1 - (1 - q/2)^2 and q_p = 2 (1 - sqrt(1 - p)).
    const horizon = 7;
    const windows = 60;
    const { v } = syntheticSeries({ points: windows * horizon + 50, period: 7, trend: 0, noise: 1, seed: 11 });
    const origins = backtestOrigins(v.length, horizon, windows);
    const run = await runBacktest(v, horizon, origins, 7, { seasonalNaive: baselineFitter('seasonalNaive', horizon, 7) });
    const scored = run.windows.map((w) => ({ origin: w.origin, actual: w.actual, forecast: w.forecasts.seasonalNaive }));
    const future = seasonalNaive(v, horizon, 7);
    const intervals = predictionIntervals(run.residuals.seasonalNaive, scored, future);

    const expectedWidth = { 80: 2 * (1 - Math.sqrt(0.2)), 95: 2 * (1 - Math.sqrt(0.05)) };
    for (const level of [80, 95] as const) {
      const { lower, upper } = intervals.bands[level];
      future.forEach((f, i) => {
        const width = upper[i]! - f;
        expect(f - lower[i]!).toBeCloseTo(width, 10);
        expect(width / expectedWidth[level]).toBeGreaterThan(0.85);
        expect(width / expectedWidth[level]).toBeLessThan(1.15);
      });
      expect(intervals.coveragePoints[level]).toBe(windows * horizon);
    }
    expect(intervals.coverage[80]).toBeGreaterThan(0.72);
    expect(intervals.coverage[80]).toBeLessThan(0.88);
    expect(intervals.coverage[95]).toBeGreaterThan(0.9);
    expect(intervals.coverage[95]).toBeLessThan(0.99);
    expect(intervals.calibrationSize.every((n) => n > 500)).toBe(true);
  });

  it('leave bounds null where a short backtest cannot promise the level', async () => {
    const horizon = 7;
    const { v } = syntheticSeries({ points: 60, period: 7, noise: 1 });
    const run = await runBacktest(v, horizon, backtestOrigins(60, horizon, 1), 7, {
      seasonalNaive: baselineFitter('seasonalNaive', horizon, 7),
    });
    const w = run.windows[0];
    const intervals = predictionIntervals(
      run.residuals.seasonalNaive,
      [{ origin: w.origin, actual: w.actual, forecast: w.forecasts.seasonalNaive }],
      seasonalNaive(v, horizon, 7),
    );
    // One window: 7 - h + 1 errors at step h, never the 19 that 95% needs; 80% needs 4.
    expect(intervals.calibrationSize).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(intervals.bands[95].upper.every((b) => b === null)).toBe(true);
    expect(intervals.bands[80].upper.map((b) => b !== null)).toEqual([true, true, true, true, false, false, false]);
    // No other window to calibrate with: coverage cannot be measured.
    expect(intervals.coverage).toEqual({ 80: null, 95: null });
  });
});

describe('intervalFloor / floorIntervals', () => {
  it('floors at 0 only a series whose whole history is >= 0', () => {
    expect(intervalFloor([0, 3, 0, 1])).toBe(0);
    expect(intervalFloor([2, -0.5, 4])).toBeUndefined();
    expect(intervalFloor([])).toBeUndefined();
  });

  it('raises bounds below the floor to it and keeps the rest, nulls included', () => {
    // Nine errors of 2 at step 1: the 80% half-width is 2; step 2 has none (unbounded).
    const residuals = Array.from({ length: 9 }, (_, i) => residual(1, i % 2 ? 2 : -2, 0, i));
    const raw = predictionIntervals(residuals, [], [1, 5]);
    expect(raw.bands[80].lower).toEqual([-1, null]);
    const floored = floorIntervals(raw, 0);
    expect(floored.bands[80].lower).toEqual([0, null]);
    expect(floored.bands[80].upper).toEqual([3, null]);
    expect(floored.calibrationSize).toEqual(raw.calibrationSize);
    // A forecast below 0 gets both bounds raised, so the band never dips under the floor.
    expect(floorIntervals(predictionIntervals(residuals, [], [-3]), 0).bands[80]).toEqual({ lower: [0], upper: [0] });
    expect(floorIntervals(raw, undefined)).toBe(raw);
  });
});
