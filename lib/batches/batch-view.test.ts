import { describe, expect, it } from 'vitest';
import type { BatchRunRow } from '@/lib/db/batches';
import type { RunEvaluation } from '@/lib/db/run-evaluation';
import { batchProgress, seriesRow } from './batch-view';

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

describe('seriesRow', () => {
  const run = (champion: unknown): BatchRunRow => ({
    runId: 'r1',
    seriesId: 's1',
    name: 'north',
    status: 'succeeded',
    progress: 1,
    error: null,
    metrics: { seasonalNaive: { mase: 1 } } as unknown as BatchRunRow['metrics'],
    evaluation: { champion } as unknown as RunEvaluation,
    horizon: 7,
  });

  it("carries the champion's members, so an average is named by them", () => {
    const row = seriesRow(run({ model: 'ensemble', members: ['autoArima', 'lstm'], metrics: { mase: 0.5 } }));
    expect(row).toMatchObject({ champion: 'ensemble', championMembers: ['autoArima', 'lstm'], mase: 0.5, skill: 0.5 });
  });

  it("scores the champion on the windows it was not chosen on, against seasonal naive's there, where the run has them", () => {
    const champion = { model: 'ets', members: ['ets'], metrics: { mase: 0.5 } };
    const honest = seriesRow(run({ ...champion, testMase: 0.9, nested: { windows: [], reference: { mase: 1.2 } } }));
    expect(honest).toMatchObject({ mase: 0.9, nested: true });
    expect(honest.skill).toBeCloseTo(0.25, 12);
    // An older run: its backtest score, said to be one.
    expect(seriesRow(run({ ...champion, testMase: 0.9, nested: { windows: [] } }))).toMatchObject({
      mase: 0.5,
      skill: 0.5,
      nested: false,
    });
  });

  it('has no members before the run succeeded', () => {
    expect(seriesRow({ ...run(null), status: 'running', evaluation: null }).championMembers).toEqual([]);
  });
});
