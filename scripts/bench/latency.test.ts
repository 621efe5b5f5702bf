import { describe, expect, it } from 'vitest';
import { latencyCells, percentile } from './latency';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('formats p50, p95, p99 and max', () => {
    expect(latencyCells([1, 2, 3, 4])).toEqual(['2.0 ms', '4.0 ms', '4.0 ms', '4.0 ms']);
    expect(latencyCells([])).toEqual(['—', '—', '—', '—']);
  });
});
