import { describe, expect, it } from 'vitest';
import type { AccuracyMetrics, ComparedModel } from './types';
import { decideVerdict, skillScore } from './verdict';

type Scores = Partial<Record<ComparedModel, number>> & Record<'lstm' | 'naive' | 'seasonalNaive' | 'drift', number>;

function metrics(mase: Scores, mae: Scores = mase) {
  const one = (m: ComparedModel): AccuracyMetrics => ({
    mae: mae[m]!,
    rmse: mae[m]!,
    mape: 0,
    mapeExcluded: 0,
    smape: 0,
    mase: mase[m]!,
    wape: 0,
  });
  const models = Object.keys(mase) as ComparedModel[];
  return Object.fromEntries(models.map((m) => [m, one(m)])) as Record<keyof Scores, AccuracyMetrics>;
}

describe('decideVerdict', () => {
  it('says so when the LSTM beats every baseline', () => {
    const verdict = decideVerdict(metrics({ lstm: 0.6, naive: 1.3, seasonalNaive: 0.95, drift: 1.28 }), 3);
    expect(verdict).toEqual({
      beatsNaive: true,
      beatsSeasonalNaive: true,
      beatsDrift: true,
      bestModel: 'lstm',
      summary:
        'The LSTM beats every baseline on a 3-window backtest (MASE 0.6 vs naive 1.3, seasonal naive 0.95, drift 1.28).',
    });
  });

  it('names what the LSTM does not beat and the model to prefer', () => {
    const verdict = decideVerdict(metrics({ lstm: 1.1, naive: 0.9, seasonalNaive: 1.4, drift: 1.2 }), 3);
    expect(verdict).toMatchObject({
      beatsNaive: false,
      beatsSeasonalNaive: true,
      beatsDrift: true,
      bestModel: 'naive',
    });
    expect(verdict.summary).toBe(
      'The LSTM beats seasonal naive and drift but not naive on a 3-window backtest ' +
        '(MASE 1.1 vs naive 0.9, seasonal naive 1.4, drift 1.2). Naive is the most accurate single model here; prefer it to the LSTM.',
    );
  });

  it('names a classical model as the most accurate when it is, and still judges the LSTM against the baselines', () => {
    const verdict = decideVerdict(
      metrics({
        lstm: 0.9,
        lstmHybrid: 0.8,
        mstl: 0.7,
        ets: 1.2,
        autoArima: 0.75,
        naive: 1.3,
        seasonalNaive: 1,
        drift: 1.3,
      }),
      3,
    );
    expect(verdict).toMatchObject({ beatsNaive: true, beatsSeasonalNaive: true, beatsDrift: true, bestModel: 'mstl' });
    expect(verdict.summary).toContain('MSTL is the most accurate single model here');
  });

  it('does not count a tie as a win, and prefers the simpler model on a tie', () => {
    const verdict = decideVerdict(metrics({ lstm: 1, naive: 1, seasonalNaive: 1, drift: 1 }), 2);
    expect(verdict).toMatchObject({
      beatsNaive: false,
      beatsSeasonalNaive: false,
      beatsDrift: false,
      bestModel: 'naive',
    });
    expect(verdict.summary).toMatch(/^The LSTM does not beat any baseline on a 2-window backtest/);
  });

  it('falls back to MAE when MASE is undefined, and says so', () => {
    const verdict = decideVerdict(
      metrics(
        { lstm: NaN, naive: NaN, seasonalNaive: NaN, drift: NaN },
        { lstm: 0.2, naive: 0, seasonalNaive: 0, drift: 0 },
      ),
      1,
    );
    expect(verdict).toMatchObject({ beatsNaive: false, bestModel: 'naive' });
    expect(verdict.summary).toContain('(MAE 0.2 vs naive 0');
    expect(verdict.summary).toContain('MASE is undefined');
    expect(verdict.summary).toContain('One window is weak evidence');
  });
});

describe('skillScore', () => {
  it('is 1 - MASE(lstm) / MASE(seasonal naive)', () => {
    const m = metrics({ lstm: 0.6, naive: 1, seasonalNaive: 0.8, drift: 1 });
    expect(skillScore(m)).toBeCloseTo(0.25, 12);
    expect(skillScore(metrics({ lstm: 1, naive: 1, seasonalNaive: NaN, drift: 1 }))).toBeNaN();
  });
});
