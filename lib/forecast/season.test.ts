import { describe, expect, it } from 'vitest';
import { seasonLength } from './season';

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
