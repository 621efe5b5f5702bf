import { describe, expect, it } from 'vitest';
import { backtestOrigins, runBacktest, type Residual } from './backtest';
import { baselineFitter, seasonalNaive } from './baselines';
import {
  conformalQuantile,
  halfWidths,
  leaveOneWindowOutCoverage,
  leaveOneWindowOutScores,
  predictionIntervals,
  signedQuantiles,
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
    const residuals = [...[1, -2, 3, -4].map((e) => residual(1, e)), ...[10, -20, 30, -40].map((e) => residual(2, e))];
    // n 4, level 0.6 → rank ceil(5 · 0.6) = 3
    expect(halfWidths(residuals, 2, 0.6)).toEqual([3, 30]);
    expect(halfWidths(residuals, 3, 0.6)).toEqual([3, 30, null]);
  });
});

describe('signedQuantiles', () => {
  it('takes the floor((n + 1) · tail)-th and ceil((n + 1) · (1 - tail))-th smallest signed errors', () => {
    const errors = [5, -1, 0, 2, 9, -3, 1, 4, 7]; // sorted: -3 -1 0 1 2 4 5 7 9
    // 80%: tail 0.1, ranks floor(1) = 1 and ceil(9) = 9.
    expect(signedQuantiles(errors, 0.8)).toEqual({ lower: -3, upper: 9 });
    // 19 errors for 60%: tail 0.2, ranks floor(4) = 4 and ceil(16) = 16.
    const nineteen = Array.from({ length: 19 }, (_, i) => i - 5);
    expect(signedQuantiles(nineteen, 0.6)).toEqual({ lower: -2, upper: 10 });
  });

  it('is null when there are too few errors for either tail', () => {
    expect(signedQuantiles([1, 2, 3, 4, 5, 6, 7, 8], 0.8)).toBeNull();
    expect(
      signedQuantiles(
        Array.from({ length: 38 }, (_, i) => i),
        0.95,
      ),
    ).toBeNull();
    expect(
      signedQuantiles(
        Array.from({ length: 39 }, (_, i) => i),
        0.95,
      ),
    ).toEqual({ lower: 0, upper: 38 });
  });
});

describe('predictionIntervals', () => {
  it('follows skewed errors: a model that under-forecasts gets its room above the forecast', () => {
    // Step 1 errors 0..18 (the actual value is always at or above the forecast).
    const residuals = Array.from({ length: 19 }, (_, i) => residual(1, i, 0, 100 + i));
    const intervals = predictionIntervals(residuals, [], [50]);
    // 80%: ranks floor(2) = 2 and ceil(18) = 18 of 0..18: errors 1 and 17.
    expect(intervals.bands[80]).toEqual({ lower: [51], upper: [67] });
    expect(intervals.p50).toEqual([59]);
    // 95% needs 39 signed errors: the symmetric interval (rank ceil(19.95) = 19 of |e|: 18) stands in.
    expect(intervals.bands[95]).toEqual({ lower: [32], upper: [68] });
  });

  it('clips bounds and the median at 0 for a series that is never negative', () => {
    const residuals = Array.from({ length: 19 }, (_, i) => residual(1, i - 15, 0, 100 + i));
    const free = predictionIntervals(residuals, [], [4]);
    expect(free.bands[80].lower[0]).toBeLessThan(0);
    const clipped = predictionIntervals(residuals, [], [4], { nonNegative: true });
    expect(clipped.bands[80].lower[0]).toBe(0);
    expect(clipped.bands[95].lower[0]).toBe(0);
    expect(clipped.p50[0]).toBe(Math.max(0, free.p50[0]));
    expect(clipped.bands[80].upper[0]).toBe(free.bands[80].upper[0]);
  });
});

describe('leaveOneWindowOutScores', () => {
  // Two windows of 2 steps; each is calibrated on the other's model's errors only: 9 errors per
  // step of -1..+1 spread (signed 80% bounds: the smallest and the largest).
  const calibration = (window: number, target: number) =>
    [-1, -0.5, -0.25, 0, 0, 0, 0.25, 0.5, 1].flatMap((e, j) => [
      residual(1, e, window, target + j),
      residual(2, 2 * e, window, target + j),
    ]);
  const residuals = [...calibration(0, 100), ...calibration(1, 200)];
  const windows = [
    // Step 1 inside (error 0.5 within ±1), step 2 outside (error 3 beyond ±2).
    { origin: 10, actual: [10.5, 13], forecast: [10, 10], scale: 2 },
    // Both inside.
    { origin: 20, actual: [20, 21], forecast: [20, 20], scale: 2 },
  ];

  it('measures coverage per horizon step as well as pooled', () => {
    const scores = leaveOneWindowOutScores(residuals, windows, 2);
    expect(scores.coverage[80]).toEqual({ coverage: 0.75, points: 4, byStep: [1, 0.5] });
    // 95% needs 19 errors for the symmetric interval: unbounded, not measured.
    expect(scores.coverage[95]).toEqual({ coverage: null, points: 0, byStep: [null, null] });
    expect(scores.msis).toBeNull();
  });

  it('scores P10/P50/P90 by weighted quantile loss and the 95% interval by MSIS', () => {
    // 19 errors per step for 95% (symmetric width: the 19th of |e| = 1 at step 1, 2 at step 2).
    const many = (window: number, target: number) =>
      Array.from({ length: 19 }, (_, j) => (j - 9) / 9).flatMap((e, j) => [
        residual(1, e, window, target + j),
        residual(2, 2 * e, window, target + j),
      ]);
    const scores = leaveOneWindowOutScores([...many(0, 100), ...many(1, 200)], windows, 2);
    // 95% bounds: forecast ± 1 (step 1) and ± 2 (step 2); only window 0 step 2 misses, by 1.
    // Interval scores: 2, 4 + (2 / 0.05) · 1 = 44, 2, 4; each over scale 2.
    expect(scores.msis).toBeCloseTo((2 + 44 + 2 + 4) / 2 / 4, 12);
    // P10/P90 (80%, signed: ranks 2 and 18 of 19 evenly spread in [-1, 1] · step) and P50 = forecast.
    const q = (step: number) => ({ lo: (-8 / 9) * step, hi: (8 / 9) * step });
    const pinball = (y: number, f: number, tau: number) => 2 * (y >= f ? tau * (y - f) : (1 - tau) * (f - y));
    const points = [
      { y: 10.5, f: 10, step: 1 },
      { y: 13, f: 10, step: 2 },
      { y: 20, f: 20, step: 1 },
      { y: 21, f: 20, step: 2 },
    ];
    const loss = points.reduce(
      (sum, p) =>
        sum +
        (pinball(p.y, p.f + q(p.step).lo, 0.1) + pinball(p.y, p.f, 0.5) + pinball(p.y, p.f + q(p.step).hi, 0.9)) / 3,
      0,
    );
    expect(scores.wql).toBeCloseTo(loss / (10.5 + 13 + 20 + 21), 12);
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
    const run = await runBacktest(v, horizon, origins, 7, {
      seasonalNaive: baselineFitter('seasonalNaive', horizon, 7),
    });
    const scored = run.windows.map((w) => ({
      origin: w.origin,
      actual: w.actual,
      forecast: w.forecasts.seasonalNaive,
    }));
    const future = seasonalNaive(v, horizon, 7);
    const intervals = predictionIntervals(run.residuals.seasonalNaive, scored, future);

    const expectedWidth = { 80: 2 * (1 - Math.sqrt(0.2)), 95: 2 * (1 - Math.sqrt(0.05)) };
    for (const level of [80, 95] as const) {
      const { lower, upper } = intervals.bands[level];
      // The errors are symmetric, so the signed quantiles are too: each side is the width.
      future.forEach((f, i) => {
        for (const width of [upper[i]! - f, f - lower[i]!]) {
          expect(width / expectedWidth[level]).toBeGreaterThan(0.85);
          expect(width / expectedWidth[level]).toBeLessThan(1.15);
        }
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
