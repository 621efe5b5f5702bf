import { describe, expect, it } from 'vitest';
import { bestByColumn, COMPARE_COLUMNS, comparability, differs, highestIndexes, lowestIndexes } from './compare';
import type { Run, RunEvaluation, RunMetrics } from './types';

const m = (mase: number, mae: number) => ({ mae, rmse: mae * 1.2, mase, wape: mae * 10 });
const windows = (...ends: string[]) =>
  ({
    backtest: { windows: ends.map((end) => ({ start: `${end}-start`, end })) },
    champion: undefined,
  }) as unknown as RunEvaluation;

function run(id: string, seriesId: string, metrics: RunMetrics, evaluation: RunEvaluation, horizon = 12): Run {
  return {
    id,
    seriesId,
    status: 'succeeded',
    metrics,
    evaluation,
    summary: null,
    config: { horizon },
    durationMs: 1000,
  } as unknown as Run;
}

const column = (key: string) => COMPARE_COLUMNS.findIndex((c) => c.key === key);
const marked = (runs: Run[], key: string) => [...bestByColumn(runs)[column(key)]];

// Run a has the lower MASE, run b the lower MAE (its series is on a smaller scale).
const a = (seriesId: string, evaluation = windows('2024-01', '2024-02')) =>
  run(
    'a',
    seriesId,
    { lstm: m(0.8, 120), seasonalNaive: m(1, 150), naive: m(1.1, 160), drift: m(1.2, 170) },
    evaluation,
  );
const b = (seriesId: string, evaluation = windows('2024-01', '2024-02'), horizon = 12) =>
  run(
    'b',
    seriesId,
    { lstm: m(0.9, 0.457), seasonalNaive: m(0.7, 0.4), naive: m(1.1, 0.6), drift: m(1.2, 0.7) },
    evaluation,
    horizon,
  );

describe('compare: best only among comparable numbers', () => {
  it('never marks a best between MAE, RMSE or WAPE of different series (different units), and says why', () => {
    const runs = [a('s1'), b('s2')];
    expect(marked(runs, 'lstmMae')).toEqual([]);
    expect(marked(runs, 'lstmRmse')).toEqual([]);
    expect(marked(runs, 'lstmWape')).toEqual([]);
    expect(marked(runs, 'lstmMase')).toEqual([0]);
    expect(comparability(runs).reason).toMatch(/different series.*only the scale-free MASE and skill/);
  });

  it('marks skill by the highest value and never marks the seasonal-naive baseline', () => {
    const runs = [a('s1'), b('s1')];
    expect(marked(runs, 'naiveMase')).toEqual([]);
    expect(marked(runs, 'lstmSkill')).toEqual([0]);
    expect(marked(runs, 'lstmMae')).toEqual([1]);
    expect(comparability(runs).reason).toBeNull();
  });

  it("marks the champion's test MASE, on windows it was not chosen on, lowest first; — for a run without it", () => {
    const tested = (r: Run, testMase: number) =>
      ({ ...r, evaluation: { ...r.evaluation, champion: { ...r.evaluation!.champion, testMase } } }) as Run;
    const runs = [tested(a('s1'), 0.95), tested(b('s1'), 0.85), a('s1')];
    const index = column('championTestMase');
    expect(runs.map(COMPARE_COLUMNS[index].value)).toEqual([0.95, 0.85, undefined]);
    expect(marked(runs, 'championTestMase')).toEqual([1]);
  });

  it('marks nothing when every run ties (the same champion on the same windows)', () => {
    const runs = [a('s1'), { ...a('s1'), id: 'c' }];
    expect(marked(runs, 'championMase')).toEqual([]);
    expect(marked(runs, 'lstmMae')).toEqual([]);
  });

  it('treats runs of one series scored on different windows as not comparable in units, naming the horizons', () => {
    const runs = [a('s1'), b('s1', windows('2024-03'), 24)];
    expect(marked(runs, 'lstmMae')).toEqual([]);
    expect(marked(runs, 'championMase')).toHaveLength(1);
    expect(comparability(runs).reason).toMatch(/different backtest windows \(horizons 12 and 24\)/);
  });
});

describe('lowestIndexes / highestIndexes', () => {
  it('marks the lowest finite value, ties included', () => {
    expect([...lowestIndexes([0.9, 0.7, null, 0.7, NaN])]).toEqual([1, 3]);
    expect([...highestIndexes([0.1, 0.3, null, -0.5])]).toEqual([1]);
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
