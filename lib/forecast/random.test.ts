import { describe, expect, it } from 'vitest';
import { createRng, nextTfSeed, permutation } from './random';

describe('seeded randomness', () => {
  it('repeats a sequence for a seed and differs across seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRng(seed));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    for (const x of draw(123)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('never gives tfjs a 0 seed (tfjs reads 0 as "unseeded")', () => {
    const rng = createRng(0);
    for (let i = 0; i < 1000; i++) expect(nextTfSeed(rng)).toBeGreaterThan(0);
  });

  it('permutes every index exactly once, reproducibly', () => {
    const order = permutation(50, createRng(1));
    expect(Array.from(order).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(order).toEqual(permutation(50, createRng(1)));
    expect(order).not.toEqual(permutation(50, createRng(2)));
  });
});
