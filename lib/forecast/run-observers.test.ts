import { describe, expect, it } from 'vitest';
import { progressWithin } from './run-observers';
import type { TrainProgress } from './types';

describe('progressWithin', () => {
  it("maps a stage's progress onto its part of the run's: the search's first, then the fits'", () => {
    const seen: number[] = [];
    const callbacks = { onProgress: (p: TrainProgress) => void seen.push(p.progress) };
    const step = (progress: number): TrainProgress => ({ phase: 'search', progress, epoch: 1, epochs: 1, loss: NaN });
    const search = progressWithin(callbacks, 0, 0.2);
    const after = progressWithin(callbacks, 0.2, 1);
    for (const p of [0, 0.5, 1]) void search.onProgress?.(step(p));
    for (const p of [0, 0.5, 1]) void after.onProgress?.(step(p));
    [0, 0.1, 0.2, 0.2, 0.6, 1].forEach((p, k) => expect(seen[k]).toBeCloseTo(p, 12));
    expect(seen).toHaveLength(6);
  });
});
