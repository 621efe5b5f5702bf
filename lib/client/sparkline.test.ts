import { describe, expect, it } from 'vitest';
import { SPARKLINE_HEIGHT, SPARKLINE_WIDTH, sparklinePaths } from './sparkline';

/** The [x, y] points of an SVG path of M/L commands. */
const points = (path: string) => [...path.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe('sparklinePaths', () => {
  it('draws the history across the width, lowest value at the bottom', () => {
    const { history, forecast } = sparklinePaths([1, 3, 2]);
    expect(forecast).toBe('');
    const drawn = points(history);
    expect(drawn).toHaveLength(3);
    expect(drawn[0][0]).toBe(2);
    expect(drawn[2][0]).toBe(SPARKLINE_WIDTH - 2);
    expect(drawn[0][1]).toBe(SPARKLINE_HEIGHT - 2);
    expect(drawn[1][1]).toBe(2);
  });

  it('continues the forecast from the last history point on the same scale', () => {
    const { history, forecast } = sparklinePaths([0, 10, 5, 5], [20, 0]);
    const past = points(history);
    const future = points(forecast);
    expect(future[0]).toEqual(past.at(-1));
    expect(future).toHaveLength(3);
    expect(future.at(-1)![0]).toBe(SPARKLINE_WIDTH - 2);
    // 20 is the highest value of both: the top of the box.
    expect(future[1][1]).toBe(2);
    expect(past[1][1]).toBeGreaterThan(2);
  });

  it('draws nothing from fewer than two values, and leaves out values that are not numbers', () => {
    expect(sparklinePaths([])).toEqual({ history: '', forecast: '' });
    expect(sparklinePaths([4])).toEqual({ history: '', forecast: '' });
    expect(sparklinePaths([], [1, 2])).toEqual({ history: '', forecast: '' });
    expect(points(sparklinePaths([1, Number.NaN, 2]).history)).toHaveLength(2);
  });
});
