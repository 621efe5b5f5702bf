import { describe, expect, it } from 'vitest';
import { anchorOf, lastWindow, relativeToAnchor, slidingWindows, windowCount } from './windows';

describe('slidingWindows', () => {
  it('makes count = n - lookback - horizon + 1 windows, inputs then targets, row-major', () => {
    const values = Float32Array.from([0, 1, 2, 3, 4, 5]);
    const w = slidingWindows(values, 3, 2);
    expect(w.count).toBe(2);
    expect(Array.from(w.inputs)).toEqual([0, 1, 2, 1, 2, 3]);
    expect(Array.from(w.targets)).toEqual([3, 4, 4, 5]);
    expect(w.inputs.length).toBe(w.count * w.lookback);
    expect(w.targets.length).toBe(w.count * w.horizon);
  });

  it('has no windows when the series is shorter than lookback + horizon', () => {
    expect(windowCount(4, 3, 2)).toBe(0);
    const w = slidingWindows(Float32Array.from([1, 2, 3, 4]), 3, 2);
    expect(w.count).toBe(0);
    expect(w.inputs.length).toBe(0);
  });

  it('scales to realistic sizes', () => {
    const w = slidingWindows(new Float32Array(1000), 14, 7);
    expect(w.count).toBe(980);
    expect(w.inputs.length).toBe(980 * 14);
    expect(w.targets.length).toBe(980 * 7);
  });
});

describe('lastWindow', () => {
  it('takes the last lookback values as a copy', () => {
    const values = Float32Array.from([1, 2, 3, 4]);
    const window = lastWindow(values, 2);
    expect(Array.from(window)).toEqual([3, 4]);
    window[0] = 99;
    expect(values[2]).toBe(3);
    expect(() => lastWindow(values, 5)).toThrow();
  });
});

describe('relativeToAnchor', () => {
  it('subtracts the last input of each window from its inputs and targets', () => {
    const w = relativeToAnchor(slidingWindows(Float32Array.from([1, 4, 2, 8, 5, 7]), 3, 2));
    // windows [1 4 2 | 8 5] and [4 2 8 | 5 7], anchored on 2 and 8
    expect(Array.from(w.inputs)).toEqual([-1, 2, 0, -4, -6, 0]);
    expect(Array.from(w.targets)).toEqual([6, 3, -3, -1]);
    expect(w).toMatchObject({ count: 2, lookback: 3, horizon: 2 });
  });

  it('makes a shifted series give the same windows', () => {
    const values = Float32Array.from([1, 4, 2, 8, 5, 7]);
    const shifted = values.map((v) => v + 10);
    expect(relativeToAnchor(slidingWindows(shifted, 2, 1))).toEqual(relativeToAnchor(slidingWindows(values, 2, 1)));
  });
});

describe('anchorOf', () => {
  it('smooths the level exponentially from the first input: alpha 1 is the last input, a smaller one lags it', () => {
    const values = [2, 2, 2, 6];
    expect(anchorOf(values, 0, 4, 'last')).toBe(6);
    expect(anchorOf(values, 0, 4, 'mean')).toBe(3);
    expect(anchorOf(values, 0, 4, { level: 1 })).toBe(6);
    expect(anchorOf(values, 0, 4, { level: 0.5 })).toBe(4);
    expect(anchorOf(values, 0, 4, { level: 0.25 })).toBe(3);
  });

  it('reads the value column of interleaved inputs with a stride', () => {
    const interleaved = [2, 9, 2, 9, 2, 9, 6, 9]; // the values 2 2 2 6, each beside a feature 9
    expect(anchorOf(interleaved, 0, 4, { level: 0.5 }, 2)).toBe(4);
    expect(anchorOf(interleaved, 0, 4, 'mean', 2)).toBe(3);
  });

  it('makes a window relative to its smoothed level', () => {
    const w = relativeToAnchor(slidingWindows(Float32Array.from([2, 2, 2, 6, 8]), 4, 1), { level: 0.5 });
    expect(Array.from(w.inputs)).toEqual([-2, -2, -2, 2]);
    expect(Array.from(w.targets)).toEqual([4]);
  });
});
