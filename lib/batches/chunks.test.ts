import { describe, expect, it } from 'vitest';
import { chunkRunIds } from './chunks';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`);

describe('chunkRunIds', () => {
  it('keeps every id once, in order, in chunks whose sizes differ by at most one', () => {
    for (const [n, max] of [
      [1, 50],
      [4, 50],
      [100, 50],
      [101, 50],
      [7, 3],
    ] as const) {
      const chunks = chunkRunIds(ids(n), max);
      expect(chunks.flat()).toEqual(ids(n));
      expect(chunks).toHaveLength(Math.min(n, max));
      const sizes = chunks.map((chunk) => chunk.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('gives one chunk per series for small batches, so every worker gets some', () => {
    expect(chunkRunIds(ids(4))).toEqual([['r0'], ['r1'], ['r2'], ['r3']]);
    expect(chunkRunIds([])).toEqual([]);
  });
});
