import { describe, expect, it } from 'vitest';
import { batchProgress } from './batch-view';

describe('batchProgress', () => {
  const runs = (statuses: ('queued' | 'running' | 'succeeded')[], progress = 0.5) =>
    statuses.map((status) => ({ status, progress: status === 'running' ? progress : 0 }));

  it('is the mean of the runs for a batch without a global LSTM', () => {
    expect(batchProgress(runs(['succeeded', 'running', 'queued']))).toBeCloseTo(0.5, 10);
    expect(batchProgress([])).toBe(1);
  });

  it('adds the global LSTM as one more chunk of work', () => {
    // Two series in two chunks: the global job weighs one series.
    expect(batchProgress(runs(['queued', 'queued']), { status: 'running', progress: 0.6 })).toBeCloseTo(0.2, 10);
    expect(batchProgress(runs(['queued', 'queued']), { status: 'succeeded', progress: 1 })).toBeCloseTo(1 / 3, 10);
    // A failed global model is done too: the series go on without it.
    expect(batchProgress(runs(['succeeded', 'succeeded']), { status: 'failed', progress: 0.3 })).toBe(1);
    // 100 series in 50 chunks: it weighs a chunk of two series.
    const hundred = runs(Array.from({ length: 100 }, () => 'queued' as const));
    expect(batchProgress(hundred, { status: 'succeeded', progress: 1 })).toBeCloseTo(2 / 102, 10);
  });
});
