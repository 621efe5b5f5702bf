import { describe, expect, it } from 'vitest';
import { leaderboardRows } from './leaderboard';
import type { RunEvaluation, RunMetrics } from './types';

const m = (mase: number | null) => ({ mae: mase === null ? null : mase * 2, mase });
const metrics: RunMetrics = {
  lstm: m(1.4),
  lstmHybrid: m(0.9),
  mstl: m(0.8),
  ets: m(1.6),
  autoArima: m(null),
  naive: m(1.5),
  seasonalNaive: m(1),
  drift: m(1.5),
};

const evaluation = (champion: Partial<NonNullable<RunEvaluation['champion']>>) =>
  ({
    champion: { members: [], reason: '', ...champion },
    fitMs: { mstl: 300, lstm: 5000 },
  }) as unknown as RunEvaluation;

describe('leaderboardRows', () => {
  it('sorts by MASE (undefined last), marks the champion and the LSTMs, and scores skill against seasonal naive', () => {
    const rows = leaderboardRows(metrics, evaluation({ model: 'mstl', members: ['mstl'] }));
    expect(rows.map((r) => r.model)).toEqual([
      'mstl',
      'lstmHybrid',
      'seasonalNaive',
      'lstm',
      'naive',
      'drift',
      'ets',
      'autoArima',
    ]);
    expect(rows.filter((r) => r.champion).map((r) => r.model)).toEqual(['mstl']);
    expect(rows.filter((r) => r.lstmFamily).map((r) => r.model)).toEqual(['lstmHybrid', 'lstm']);
    expect(rows[0].skill).toBeCloseTo(0.2, 10);
    expect(rows[0].fitMs).toBe(300);
    expect(rows.find((r) => r.model === 'ets')?.fitMs).toBeNull();
  });

  it('adds the averaged champion as its own row, named after its members', () => {
    const rows = leaderboardRows(
      metrics,
      evaluation({ model: 'ensemble', members: ['mstl', 'lstmHybrid'], metrics: { mase: 0.7, mae: 1.4 } as never }),
    );
    expect(rows[0]).toMatchObject({
      model: 'ensemble',
      label: 'Average of MSTL + Hybrid LSTM',
      champion: true,
      fitMs: null,
    });
    expect(rows.filter((r) => r.champion)).toHaveLength(1);
  });

  it('shows what an older run stored: four models, no champion', () => {
    const rows = leaderboardRows({ lstm: m(1.2), naive: m(1.1), seasonalNaive: m(1), drift: m(1.3) }, null);
    expect(rows.map((r) => r.model)).toEqual(['seasonalNaive', 'naive', 'lstm', 'drift']);
    expect(rows.some((r) => r.champion)).toBe(false);
  });

  it('puts the champion first when it ties with another model, so the Champion badge is on rank 1', () => {
    const tied: RunMetrics = { ...metrics, lstmHybrid: m(0.8), mstl: m(0.8) };
    const rows = leaderboardRows(tied, evaluation({ model: 'lstmHybrid', members: ['lstmHybrid'] }));
    expect(rows[0]).toMatchObject({ model: 'lstmHybrid', champion: true });
    expect(rows[1].model).toBe('mstl');
  });

  it('ranks by MAE, as the engine does, when some MASE is undefined', () => {
    const rows = leaderboardRows(
      { lstm: { mae: 3, mase: null }, seasonalNaive: { mae: 4, mase: null }, naive: { mae: 2, mase: null } },
      null,
    );
    expect(rows.map((r) => r.model)).toEqual(['naive', 'lstm', 'seasonalNaive']);
  });
});
