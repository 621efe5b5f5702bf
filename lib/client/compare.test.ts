import { describe, expect, it } from 'vitest';
import { differs, lowestIndexes } from './compare';

describe('lowestIndexes', () => {
  it('marks the lowest finite value, ties included', () => {
    expect([...lowestIndexes([0.9, 0.7, null, 0.7, NaN])]).toEqual([1, 3]);
  });
  it('marks nothing when no value is known', () => {
    expect(lowestIndexes([null, undefined]).size).toBe(0);
  });
});

describe('differs', () => {
  it('finds differing settings', () => {
    expect(differs([32, 32, 32])).toBe(false);
    expect(differs([32, 64])).toBe(true);
    expect(differs([0, null])).toBe(true);
  });
});
