import { describe, expect, it } from 'vitest';
import type { RunEvaluation, RunMetrics, StoredMetrics } from '@/lib/db/run-evaluation';
import { summarizeBatch, type SummaryRun } from './summary';

function metrics(mase: number, mae: number, wape: number): StoredMetrics {
  return { mae, rmse: mae, mape: null, mapeExcluded: 0, smape: null, mase, wape };
}

/** A succeeded run with the given MASEs (MAE = MASE, WAPE given) and backtest of `points` points. */
function run(
  mases: Partial<Record<keyof RunMetrics, [mase: number, wape: number]>>,
  points: number,
  champion: string,
): SummaryRun {
  const stored = Object.fromEntries(
    Object.entries(mases).map(([model, [mase, wape]]) => [model, metrics(mase, mase, wape)]),
  ) as unknown as RunMetrics;
  const lstmMase = Math.min(...(['lstm', 'lstmHybrid', 'lstmGlobal'] as const).map((m) => mases[m]?.[0] ?? Infinity));
  const evaluation = {
    backtest: { windows: [{ points }] },
    champion: { model: champion, lstmFamily: { model: 'lstm', mase: lstmMase, skill: null } },
  } as unknown as RunEvaluation;
  return { status: 'succeeded', metrics: stored, evaluation };
}

describe('summarizeBatch', () => {
  const runs: SummaryRun[] = [
    // Series A: sum|e| of lstm = 1 * 10 = 10, sum|y| = 10 / 0.1 = 100.
    run(
      {
        lstm: [1, 0.1],
        lstmHybrid: [2, 0.2],
        seasonalNaive: [2, 0.2],
        ets: [0.5, 0.05],
        mstl: [3, 0.3],
        autoArima: [4, 0.4],
      },
      10,
      'ets',
    ),
    // Series B: sum|e| of lstm = 3 * 10 = 30, sum|y| = 30 / 0.01 = 3000 (a big series).
    run(
      {
        lstm: [3, 0.01],
        lstmHybrid: [4, 0.02],
        seasonalNaive: [4, 0.02],
        ets: [5, 0.03],
        mstl: [6, 0.04],
        autoArima: [7, 0.05],
      },
      10,
      'lstm',
    ),
    // Series C: the LSTM loses to seasonal naive.
    run(
      {
        lstm: [2, 0.5],
        lstmHybrid: [2.5, 0.6],
        seasonalNaive: [1, 0.25],
        ets: [1.5, 0.4],
        mstl: [1.2, 0.3],
        autoArima: [1.1, 0.3],
      },
      10,
      'seasonalNaive',
    ),
    { status: 'failed', metrics: null, evaluation: null },
    { status: 'cancelled', metrics: null, evaluation: null },
  ];

  it('counts statuses and champions', () => {
    const summary = summarizeBatch(runs);
    expect(summary).toMatchObject({ series: 5, succeeded: 3, failed: 1, cancelled: 1 });
    expect(summary.champions).toEqual({ ets: 1, lstm: 1, seasonalNaive: 1 });
    // Champions stored without members (before they had them) count as their one model.
    expect(summary.inChampion).toEqual({ ets: 1, lstm: 1, seasonalNaive: 1 });
  });

  it('counts a model in every champion it is part of, averaged or alone', () => {
    const withMembers = (model: string, members: string[]): SummaryRun => {
      const one = run({ lstm: [1, 0.1], ets: [1, 0.1], mstl: [1, 0.1] }, 10, model);
      const champion = { ...one.evaluation!.champion!, members } as RunEvaluation['champion'];
      return { ...one, evaluation: { ...one.evaluation!, champion } };
    };
    const summary = summarizeBatch([
      withMembers('ensemble', ['lstm', 'ets']),
      withMembers('ensemble', ['ets', 'mstl', 'lstm']),
      withMembers('mstl', ['mstl']),
    ]);
    expect(summary.champions).toEqual({ ensemble: 2, mstl: 1 });
    expect(summary.inChampion).toEqual({ lstm: 2, ets: 2, mstl: 2 });
  });

  it('gives mean and median MASE per model over the series that have one', () => {
    const { models } = summarizeBatch(runs);
    expect(models.lstm).toMatchObject({ series: 3, meanMase: 2, medianMase: 2 });
    expect(models.ets?.meanMase).toBeCloseTo((0.5 + 5 + 1.5) / 3);
    expect(models.ets?.medianMase).toBe(1.5);
    expect(models.lstmGlobal).toBeUndefined();
  });

  it('weighs WAPE by volume: the big series dominates', () => {
    const { models } = summarizeBatch(runs);
    // lstm: (10 + 30 + 20) / (100 + 3000 + 40)
    expect(models.lstm?.wape).toBeCloseTo(60 / 3140);
  });

  it('shares of series where the LSTM family beats seasonal naive and the best classical model', () => {
    const summary = summarizeBatch(runs);
    expect(summary.lstmBeatsSeasonalNaive).toEqual({ share: 2 / 3, series: 3 });
    // Only B: A's ETS (0.5) and C's AutoARIMA (1.1) beat the LSTM.
    expect(summary.lstmBeatsBestClassical).toEqual({ share: 1 / 3, series: 3 });
  });

  it("counts the batch's global LSTM in the LSTM family, also when the series trained no LSTM of their own", () => {
    // Per-series LSTMs off (a large batch): the global LSTM is the family.
    const global = [
      run({ lstmGlobal: [0.8, 0.1], seasonalNaive: [1, 0.1], ets: [0.9, 0.1] }, 10, 'lstmGlobal'),
      run({ lstmGlobal: [1.2, 0.1], seasonalNaive: [1, 0.1], ets: [0.7, 0.1] }, 10, 'ets'),
    ];
    const summary = summarizeBatch(global);
    expect(summary.models.lstmGlobal).toMatchObject({ series: 2, meanMase: 1 });
    expect(summary.lstmBeatsSeasonalNaive).toEqual({ share: 1 / 2, series: 2 });
    expect(summary.lstmBeatsBestClassical).toEqual({ share: 1 / 2, series: 2 });
    // Beside per-series LSTMs it wins the family where it is the best of them.
    const mixed = summarizeBatch([
      run({ lstm: [2, 0.1], lstmGlobal: [0.5, 0.1], seasonalNaive: [1, 0.1], ets: [0.9, 0.1] }, 10, 'lstmGlobal'),
    ]);
    expect(mixed.lstmBeatsBestClassical).toEqual({ share: 1, series: 1 });
  });

  it('says null rather than 0 when no series succeeded', () => {
    const summary = summarizeBatch([{ status: 'failed', metrics: null, evaluation: null }]);
    expect(summary.models).toEqual({});
    expect(summary.lstmBeatsSeasonalNaive).toEqual({ share: null, series: 0 });
  });
});
