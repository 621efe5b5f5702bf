import { describe, expect, it } from 'vitest';
import { syntheticSeries } from './synthetic';

describe('syntheticSeries', () => {
  it('makes ascending timestamps at the frequency and reproducible values', () => {
    const a = syntheticSeries({ points: 30, frequency: 'hourly', seed: 4 });
    expect(a.t).toHaveLength(30);
    expect(a.v).toHaveLength(30);
    expect(a.t[1] - a.t[0]).toBe(3_600_000);
    expect(a.frequency).toBe('hourly');
    expect(syntheticSeries({ points: 30, frequency: 'hourly', seed: 4 })).toEqual(a);
    expect(syntheticSeries({ points: 30, frequency: 'hourly', seed: 5 }).v).not.toEqual(a.v);
  });

  it('follows level, trend and season when there is no noise', () => {
    const { v } = syntheticSeries({ points: 8, period: 4, level: 1, amplitude: 2, trend: 0.5, noise: 0 });
    expect(v[0]).toBeCloseTo(1, 12);
    expect(v[1]).toBeCloseTo(1 + 0.5 + 2, 12);
    expect(v[4]).toBeCloseTo(1 + 2, 12);
  });
});
