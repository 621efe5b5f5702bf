import { describe, expect, it } from 'vitest';
import { windowCount } from '../windows';
import { pooledWindows, spreadIndices, windowShares, type PoolPart } from './pooled-windows';
import { fitSeriesScale } from './series-scale';

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
});
