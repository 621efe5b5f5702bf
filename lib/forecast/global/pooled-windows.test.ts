import { describe, expect, it } from 'vitest';
import { windowCount } from '../windows';
import { pooledWindows, splitPool, spreadIndices, windowShares, writeLookback, type PoolPart } from './pooled-windows';
import { fitSeriesScale, scaleSeries } from './series-scale';

const DAY = 86_400_000;
const part = (points: number, f: (i: number) => number, startDay = 0): PoolPart => ({
  t: Array.from({ length: points }, (_, i) => (startDay + i) * DAY),
  v: Array.from({ length: points }, (_, i) => f(i)),
});

describe('spreadIndices', () => {
  it('spreads the kept windows evenly and always keeps the most recent', () => {
    expect(spreadIndices(10, 4)).toEqual([0, 3, 6, 9]);
    expect(spreadIndices(10, 1)).toEqual([9]);
    expect(spreadIndices(3, 5)).toEqual([0, 1, 2]);
    expect(spreadIndices(10, 0)).toEqual([]);
  });
});

describe('windowShares', () => {
  it("shares the cap equally and hands a short series' unused share to the others", () => {
    expect(windowShares([1000, 1000, 1000, 1000], 100)).toEqual([25, 25, 25, 25]);
    expect(windowShares([1000, 10, 1000], 100)).toEqual([45, 10, 45]);
    expect(windowShares([5, 7], 100)).toEqual([5, 7]);
  });
});

describe('pooledWindows', () => {
  const options = { lookback: 4, horizon: 2, calendar: [] };

  it('caps the pool however many and however long the series are', () => {
    const parts = Array.from({ length: 8 }, (_, k) => part(5000, (i) => Math.sin(i / 3) * (k + 1)));
    const pool = pooledWindows(parts, { ...options, maxWindows: 400 });
    expect(pool.windows.count).toBe(400);
    expect(pool.perSeries).toEqual(new Array(8).fill(50));
    expect(pool.windows.inputs).toHaveLength(400 * 4);
    expect(pool.windows.targets).toHaveLength(400 * 2);
  });

  it('makes each window relative to its last input, or to its mean when asked, and so does writeLookback', () => {
    const one = part(40, (i) => 10 + (i % 7) + i / 5);
    const scaled = scaleSeries(fitSeriesScale(one.v), one.v);
    for (const anchor of ['last', 'mean'] as const) {
      const { windows } = pooledWindows([one], { ...options, anchor });
      const w = windows.count - 1; // the last window: values [w, w + 4), targets [w + 4, w + 6)
      const inputs = scaled.slice(w, w + 4);
      const expected = anchor === 'last' ? inputs[3] : inputs.reduce((a, b) => a + b, 0) / 4;
      Array.from(windows.inputs.subarray(w * 4, w * 4 + 4)).forEach((x, i) =>
        expect(x).toBeCloseTo(inputs[i] - expected, 5),
      );
      expect(windows.targets[w * 2 + 1]).toBeCloseTo(scaled[w + 5] - expected, 5);
      // The same window written for a forecast from origin w + 4.
      const row = new Float32Array(4);
      const returned = writeLookback(row, 0, 1, one, w + 4, fitSeriesScale(one.v), { ...options, anchor });
      expect(returned).toBeCloseTo(expected, 5);
      expect(Array.from(row)).toEqual(Array.from(windows.inputs.subarray(w * 4, w * 4 + 4)));
    }
  });

  it('scales each series by its own training part, so a series 1000 times larger gives the same windows', () => {
    const small = part(30, (i) => Math.sin(i) + i / 10);
    const large = { ...small, v: Array.from(small.v, (x) => 1000 * x + 50) };
    const a = pooledWindows([small], options);
    const b = pooledWindows([large], options);
    expect(b.scales[0].std).toBeCloseTo(1000 * a.scales[0].std, 6);
    b.windows.inputs.forEach((x, i) => expect(x).toBeCloseTo(a.windows.inputs[i], 4));
    expect(b.scales[0]).toEqual(fitSeriesScale(large.v));
  });

  it('makes every window relative to its last input value', () => {
    const pool = pooledWindows([part(10, (i) => i)], { ...options, maxWindows: 1 });
    const { std } = pool.scales[0];
    // The last window: inputs 4..7, targets 8, 9.
    expect(Array.from(pool.windows.inputs).map((x) => x * std)).toEqual(
      [-3, -2, -1, 0].map((x) => expect.closeTo(x, 5)),
    );
    expect(Array.from(pool.windows.targets).map((x) => x * std)).toEqual([1, 2].map((x) => expect.closeTo(x, 5)));
  });

  it('orders windows by the time of their first target, so validation takes the most recent of every series', () => {
    const early = part(20, (i) => i, 0);
    const late = part(20, (i) => -i, 100);
    const pool = pooledWindows([late, early], options);
    const count = windowCount(20, 4, 2);
    expect(pool.windows.count).toBe(2 * count);
    // early's windows rise (targets above the anchor), late's fall: early's come first.
    const firstTarget = (k: number) => pool.windows.targets[k * 2];
    for (let k = 0; k < count; k++) expect(firstTarget(k)).toBeGreaterThan(0);
    for (let k = count; k < 2 * count; k++) expect(firstTarget(k)).toBeLessThan(0);
  });

  it("adds the calendar features of each series' own timestamps", () => {
    const pool = pooledWindows([part(12, (i) => i)], { ...options, calendar: ['dayOfWeek'] });
    expect(pool.windows.features).toBe(3);
    expect(pool.windows.inputs).toHaveLength(pool.windows.count * 4 * 3);
  });

  it('leaves a gap of horizon - 1 windows between training and validation windows, as train.ts does for one series', () => {
    const horizon = 3;
    const pool = pooledWindows([part(40, (i) => i * i)], { lookback: 4, horizon, calendar: [], validationSplit: 0.25 });
    const all = windowCount(40, 4, horizon);
    const validation = Math.floor(all * 0.25);
    expect(pool.validationCount).toBe(validation);
    expect(pool.windows.count).toBe(all - (horizon - 1));
    // The last training window is the one whose last target comes right before the first validation target.
    const lastTraining = pool.windows.count - validation - 1;
    const firstValidation = pool.windows.count - validation;
    // Window w of i² (inputs w..w+3): its first target relative to its last input is (w+4)² - (w+3)² = 2w + 7.
    const windowIndex = (k: number) => Math.round((pool.windows.targets[k * horizon] * pool.scales[0].std - 7) / 2);
    expect(windowIndex(lastTraining)).toBe(all - validation - horizon);
    expect(windowIndex(firstValidation) - windowIndex(lastTraining)).toBe(horizon);
  });
});

describe('splitPool', () => {
  const win = (p: number, w: number, time: number) => ({ p, w, time });

  it('keeps the most recent windows for validation and, per series, no training window whose targets reach them', () => {
    // Series 0: windows 0..9 at times 0..9; series 1: windows 0..9 at times 5..14 (horizon 3).
    const windows = [
      ...Array.from({ length: 10 }, (_, w) => win(0, w, w)),
      ...Array.from({ length: 10 }, (_, w) => win(1, w, w + 5)),
    ].sort((a, b) => a.time - b.time || a.p - b.p);
    const { picked, validationCount } = splitPool(windows, 2, 3, { validationSplit: 0.25 });
    // 5 validation windows: from time 10 on, all of series 1 (its windows 5..9).
    const validation = picked.slice(picked.length - validationCount);
    expect(validation.map((x) => [x.p, x.w])).toEqual([5, 6, 7, 8, 9].map((w) => [1, w]));
    const training = picked.slice(0, picked.length - validationCount);
    // Series 1 loses windows 3 and 4 (targets overlap window 5's); series 0 has no validation window, so keeps all.
    expect(training.filter((x) => x.p === 1).map((x) => x.w)).toEqual([0, 1, 2]);
    expect(training.filter((x) => x.p === 0).map((x) => x.w)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Every training window comes before every validation window in time.
    expect(Math.max(...training.map((x) => x.time))).toBeLessThan(Math.min(...validation.map((x) => x.time)));
  });

  it('caps the validation windows and keeps everything without a split', () => {
    const windows = Array.from({ length: 100 }, (_, w) => win(0, w, w));
    expect(splitPool(windows, 1, 4, { validationSplit: 0.5, maxValidationWindows: 10 }).validationCount).toBe(10);
    expect(splitPool(windows, 1, 4, { validationSplit: 0.5, maxValidationWindows: 10 }).picked).toHaveLength(97);
    expect(splitPool(windows, 1, 4, {})).toEqual({ picked: windows, validationCount: 0 });
  });
});
