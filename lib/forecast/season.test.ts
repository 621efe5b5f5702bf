import { describe, expect, it } from 'vitest';
import { createRng } from './random';
import { detectSeason, resolveSeason, seasonLength } from './season';
import { syntheticSeries } from './synthetic';

describe('seasonLength', () => {
  it.each([
    ['minutely', 60],
    ['hourly', 24],
    ['daily', 7],
    ['weekly', 52],
    ['monthly', 12],
    ['quarterly', 4],
    ['yearly', 1],
    ['irregular', 1],
  ] as const)('%s → %i', (frequency, expected) => {
    expect(seasonLength(frequency)).toBe(expected);
  });
});

describe('detectSeason', () => {
  it.each([5, 7, 12, 52])('finds a cycle of %i steps under trend and noise', (period) => {
    for (const seed of [1, 2, 3]) {
      const { v } = syntheticSeries({ points: Math.max(120, 6 * period), period, trend: 0.05, noise: 0.5, seed });
      expect(detectSeason(v)).toBe(period);
    }
  });

  it('finds no cycle in white noise, a random walk, a line or a constant', () => {
    const rng = createRng(5);
    const noise = Array.from({ length: 300 }, () => rng());
    let level = 0;
    const walk = Array.from({ length: 300 }, () => (level += rng() - 0.5));
    expect(detectSeason(noise)).toBe(1);
    expect(detectSeason(walk)).toBe(1);
    expect(detectSeason(Array.from({ length: 100 }, (_, i) => 2 * i))).toBe(1);
    expect(detectSeason(Array.from({ length: 100 }, () => 4))).toBe(1);
  });

  it('needs the cycle to repeat at least three times', () => {
    const { v } = syntheticSeries({ points: 50, period: 20, noise: 0 });
    expect(detectSeason(v)).toBe(1);
    expect(detectSeason(syntheticSeries({ points: 60, period: 20, noise: 0 }).v)).toBe(20);
  });
});

describe('resolveSeason', () => {
  it('takes the frequency cycle first, then a detected one', () => {
    const { v } = syntheticSeries({ points: 120, period: 12, noise: 0.2 });
    expect(resolveSeason('daily', v)).toEqual({ length: 7, source: 'frequency' });
    expect(resolveSeason('irregular', v)).toEqual({ length: 12, source: 'detected' });
    expect(
      resolveSeason(
        'yearly',
        v.map((_, i) => i),
      ),
    ).toEqual({ length: 1, source: 'none' });
  });
});

describe('seasons of multiples and business days', () => {
  it('are a day (and MSTL also a week) for minute and hour multiples, a week of 5 for business days', () => {
    expect(seasonLength('10min')).toBe(144);
    expect(seasonLength('15min')).toBe(96);
    expect(seasonLength('2h')).toBe(12);
    expect(seasonLength('business-daily')).toBe(5);
    expect(resolveSeason('15min', [1, 2, 3])).toEqual({ length: 96, source: 'frequency' });
  });
});
