import { describe, expect, it } from 'vitest';
import type { AccuracyMetrics, ComparedModel, LstmSearchResult, ModelIntervals, Verdict } from '@/lib/forecast/types';
import { runEvaluationSchema } from '@/lib/api/schemas/responses';
import { progressDetail, runEvaluation, runMetrics, storedMetrics } from './run-evaluation';

const metrics = (mase: number, mape = 10): AccuracyMetrics => ({
  mae: 1,
  rmse: 2,
  mape,
  mapeExcluded: 0,
  smape: 9,
  mase,
  wape: 8,
});
const MODELS: ComparedModel[] = [
  'lstm',
  'lstmHybrid',
  'mstl',
  'ets',
  'autoArima',
  'theta',
  'naive',
  'seasonalNaive',
  'drift',
];
const perModel = <T>(f: (m: ComparedModel) => T) =>
  Object.fromEntries(MODELS.map((m) => [m, f(m)])) as Record<ComparedModel, T>;
const intervals = (coverage80: number | null): ModelIntervals => ({
  bands: { 80: { lower: [1], upper: [2] }, 95: { lower: [null], upper: [null] } },
  p50: [1.5],
  coverage: { 80: coverage80, 95: null },
  coveragePoints: { 80: 12, 95: 0 },
  coverageByStep: { 80: [coverage80], 95: [null] },
  msis: coverage80 === null ? null : 4.5,
  wql: coverage80 === null ? null : Number.NaN,
  calibrationSize: [6],
});
const verdict: Verdict = {
  beatsNaive: true,
  beatsSeasonalNaive: false,
  beatsDrift: true,
  bestModel: 'seasonalNaive',
  summary: 'MASE …',
};
const DAY = 86_400_000;

describe('storedMetrics', () => {
  it('turns undefined metrics (NaN, Infinity) into null, as JSON would', () => {
    expect(storedMetrics({ ...metrics(Number.NaN, Number.POSITIVE_INFINITY), mapeExcluded: 3 })).toEqual({
      mae: 1,
      rmse: 2,
      mape: null,
      mapeExcluded: 3,
      smape: 9,
      mase: null,
      wape: 8,
    });
  });
});

describe('runMetrics', () => {
  it('keeps every model', () => {
    const stored = runMetrics({
      models: perModel((m) => ({ metrics: metrics(m === 'lstm' ? 0.5 : 1), future: [], fitMs: 1 })),
    });
    expect(Object.keys(stored)).toEqual(MODELS);
    expect(stored.lstm!.mase).toBe(0.5);
    expect(stored.drift!.mase).toBe(1);
  });
});

describe('runEvaluation', () => {
  const result = {
    season: { length: 7, source: 'frequency' as const },
    backtest: {
      requestedWindows: 3,
      windows: [0, 1].map((k) => ({
        origin: 10 + k * 2,
        t: [(10 + k * 2) * DAY, (11 + k * 2) * DAY],
        actual: [1, 2],
        forecasts: perModel(() => [1, 2]),
        metrics: perModel(() => metrics(k + 1)),
      })),
      metrics: perModel(() => metrics(1)),
      byStep: perModel(() => [metrics(1), metrics(Number.NaN)]),
      note: 'Backtested on 2 of the 3 windows asked for.',
    },
    skill: Number.NaN,
    verdict,
    intervals: perModel((m) => intervals(m === 'lstm' ? 0.75 : null)),
  };

  it('summarises windows by their span and metrics, keeps the note, verdict and coverage', () => {
    const evaluation = runEvaluation(result);
    expect(evaluation.season).toEqual({ length: 7, source: 'frequency' });
    expect(evaluation.backtest.requestedWindows).toBe(3);
    expect(evaluation.backtest.windows).toHaveLength(2);
    expect(evaluation.backtest.windows[1]).toMatchObject({
      start: new Date(12 * DAY).toISOString(),
      end: new Date(13 * DAY).toISOString(),
      points: 2,
    });
    expect(evaluation.backtest.windows[1].metrics.naive!.mase).toBe(2);
    expect(evaluation.backtest.byStep.lstm![1].mase).toBeNull();
    expect(evaluation.backtest.note).toMatch(/2 of the 3/);
    expect(evaluation.skill).toBeNull();
    expect(evaluation.verdict).toEqual(verdict);
    expect(evaluation.coverage.lstm).toEqual({
      '80': { share: 0.75, points: 12, byStep: [0.75] },
      '95': { share: null, points: 0, byStep: [null] },
    });
    expect(evaluation.coverage.drift!['80'].share).toBeNull();
    // MSIS and weighted quantile loss per model; JSON has no NaN.
    expect(evaluation.intervalScores?.lstm).toEqual({ msis: 4.5, wql: null });
    expect(evaluation.intervalScores?.drift).toEqual({ msis: null, wql: null });
  });

  it('keeps the covariate effect and the holiday dates (ISO), in the shape the API answers', () => {
    const covariateEffect = {
      model: 'lstm' as const,
      covariates: ['promo'],
      holidays: 'US',
      metric: 'mase' as const,
      withMase: 0.5,
      withoutMase: 0.8,
      change: -0.375,
      sentence: "Promo and the US holiday calendar cut the lstm's backtest MASE by 38% (0.800 → 0.500).",
    };
    const holidays = {
      calendar: 'US',
      dates: [{ date: '2024-07-04', t: Date.UTC(2024, 6, 4), name: 'Independence Day' }],
    };
    const evaluation = runEvaluation({ ...result, covariateEffect, holidays });
    expect(evaluation.covariateEffect).toEqual(covariateEffect);
    expect(evaluation.holidays).toEqual({
      calendar: 'US',
      dates: [{ date: '2024-07-04', t: '2024-07-04T00:00:00.000Z', name: 'Independence Day' }],
    });
    expect(runEvaluationSchema.parse(evaluation).covariateEffect?.change).toBe(-0.375);
    expect(runEvaluation(result).covariateEffect).toBeUndefined();
  });

  it('keeps the hyperparameter search, and the stored evaluation parses with the response schema', () => {
    const candidate = {
      lookback: 14,
      units: 32,
      layers: 1,
      dropout: 0.1,
      learningRate: 0.005,
      transform: 'none' as const,
    };
    const search: LstmSearchResult = {
      chosen: { ...candidate, lookback: 28 },
      fixed: ['units'],
      budgetSeconds: 5,
      elapsedMs: 4200,
      rungEpochs: [2, 6, 18],
      eta: 3,
      points: 90,
      validationOrigins: 12,
      outOfTime: false,
      trials: [
        { config: candidate, epochs: 2, validationMae: 3.5, loss: 0.02, outcome: 'dropped', rung: 1, ms: 800 },
        {
          config: { ...candidate, lookback: 28 },
          epochs: 6,
          validationMae: 2.1,
          loss: 0.01,
          outcome: 'chosen',
          rung: 2,
          ms: 2400,
        },
        {
          config: { ...candidate, layers: 2 },
          epochs: 0,
          validationMae: null,
          loss: null,
          outcome: 'unfinished',
          rung: 0,
          ms: 90,
        },
      ],
    };
    const evaluation = runEvaluation({ ...result, search });
    expect(evaluation.search).toEqual(search);
    const parsed = runEvaluationSchema.parse(JSON.parse(JSON.stringify(evaluation)));
    expect(parsed.search?.trials.map((t) => t.outcome)).toEqual(['dropped', 'chosen', 'unfinished']);
    expect(parsed.search?.chosen.lookback).toBe(28);
    // A run without a search stores none.
    expect(runEvaluation(result).search).toBeUndefined();
    expect(() =>
      runEvaluationSchema.parse({ ...JSON.parse(JSON.stringify(evaluation)), search: { ...search, trials: [{}] } }),
    ).toThrow();
  });

  it("keeps every window's forecasts with their timestamps, non-finite values as null", () => {
    const withGap = {
      ...result,
      backtest: {
        ...result.backtest,
        windows: result.backtest.windows.map((w, k) => ({
          ...w,
          forecasts: perModel((m) => (m === 'drift' && k === 0 ? [Number.NaN, 4] : [k + 1, k + 2])),
        })),
      },
    };
    const [first, second] = runEvaluation(withGap).backtest.windows;
    expect(first.forecasts?.t).toEqual([new Date(10 * DAY).toISOString(), new Date(11 * DAY).toISOString()]);
    expect(first.forecasts?.values.drift).toEqual([null, 4]);
    expect(second.forecasts?.values.lstm).toEqual([2, 3]);
    expect(Object.keys(second.forecasts?.values ?? {})).toEqual(MODELS);
  });

  it("keeps the champion (reason, metrics, coverage, the best LSTM) and every model's fit time", () => {
    const champion = {
      model: 'ensemble' as const,
      members: ['mstl', 'lstmHybrid'] as ComparedModel[],
      metrics: metrics(0.7),
      reason: 'The average of MSTL and the hybrid LSTM has the lowest MASE.',
      future: [1],
      intervals: intervals(0.8),
      lstmFamily: { model: 'lstmHybrid' as const, mase: 0.8, skill: Number.NaN },
    };
    const models = perModel((m) => ({ metrics: metrics(1), future: [1], fitMs: m === 'autoArima' ? 2100 : 5 }));
    const evaluation = runEvaluation({ ...result, champion, models });
    expect(evaluation.champion).toEqual({
      model: 'ensemble',
      members: ['mstl', 'lstmHybrid'],
      reason: champion.reason,
      metrics: storedMetrics(metrics(0.7)),
      coverage: { '80': { share: 0.8, points: 12, byStep: [0.8] }, '95': { share: null, points: 0, byStep: [null] } },
      intervalScores: { msis: 4.5, wql: null },
      lstmFamily: { model: 'lstmHybrid', mase: 0.8, skill: null },
    });
    expect(evaluation.fitMs?.autoArima).toBe(2100);
    expect(Object.keys(evaluation.fitMs ?? {})).toEqual(MODELS);
    // What older callers pass (no champion, no fit times) stores neither.
    expect(runEvaluation(result)).not.toHaveProperty('champion');
  });

  it("keeps the champion's nested score: its test MASE, the pick per window, the best single model, the single pick and seasonal naive beside it", () => {
    const nested = {
      testMase: 0.9,
      metrics: metrics(0.9),
      windows: [{ origin: 12, model: 'naive' as const, members: ['naive'] as ComparedModel[] }],
      selectionWindows: 1,
      bestSingle: { model: 'drift' as const, mase: Number.NaN },
      singlePick: { mase: 1.1, models: ['theta'] as ComparedModel[] },
      reference: { model: 'seasonalNaive' as const, mase: 1.25 },
    };
    const champion = {
      model: 'naive' as const,
      members: ['naive'] as ComparedModel[],
      metrics: metrics(0.7),
      reason: 'Naive has the lowest MASE.',
      future: [1],
      intervals: intervals(0.8),
      lstmFamily: { model: 'lstm' as const, mase: 0.8, skill: 0.1 },
      testMase: 0.9,
      nested,
    };
    const stored = runEvaluation({ ...result, champion }).champion;
    expect(stored?.testMase).toBe(0.9);
    expect(stored?.nested).toEqual({
      windows: [{ start: new Date(12 * DAY).toISOString(), model: 'naive', members: ['naive'] }],
      selectionWindows: 1,
      bestSingle: { model: 'drift', mase: null },
      singlePick: { mase: 1.1, models: ['theta'] },
      reference: { model: 'seasonalNaive', mase: 1.25 },
    });
  });

  it('says null for the note when every window was used', () => {
    expect(runEvaluation({ ...result, backtest: { ...result.backtest, note: undefined } }).backtest.note).toBeNull();
  });
});

describe('progressDetail', () => {
  it('keeps phase, epoch and window, null for a fit without a window', () => {
    expect(
      progressDetail({ progress: 0.2, phase: 'backtest', epoch: 4, epochs: 15, loss: 1, window: 2, windows: 3 }),
    ).toEqual({
      phase: 'backtest',
      epoch: 4,
      epochs: 15,
      window: 2,
      windows: 3,
      remainingEpochs: null,
      epochMs: null,
    });
    // With the engine's planned epochs and the worker's measured pace (the time estimate's inputs).
    expect(
      progressDetail({ progress: 0.9, phase: 'refit', epoch: 1, epochs: 8, loss: 1, remainingEpochs: 7 }, 412),
    ).toEqual({
      phase: 'refit',
      epoch: 1,
      epochs: 8,
      window: null,
      windows: null,
      remainingEpochs: 7,
      epochMs: 412,
    });
  });
});
