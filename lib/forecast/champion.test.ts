import { describe, expect, it } from 'vitest';
import type { BacktestRun, Residual } from './backtest';
import { scoreBacktest } from './backtest';
import { averageRun, chooseChampion, rankModels } from './champion';
import { ALWAYS_COMPARED, COMPARED_MODELS, perModel } from './compared-models';
import { predictionIntervals } from './intervals';
import type { AccuracyMetrics, ComparedModel } from './types';

const HORIZON = 2;

/** Every model, the optional ones included: the runs below fit them all. */
const everyModel = <T>(f: (m: ComparedModel) => T) =>
  Object.fromEntries(COMPARED_MODELS.map((m) => [m, f(m)])) as Record<ComparedModel, T>;
const ACTUAL = [
  [10, 12],
  [11, 13],
  [12, 14],
];

/**
 * A 3-window backtest where each model's forecast is the actual value plus its own fixed errors
 * per window; residuals come from the windows' own forecasts.
 */
function backtest(errors: Partial<Record<ComparedModel, number[][]>>): BacktestRun<ComparedModel> {
  const error = (m: ComparedModel, k: number, i: number) => errors[m]?.[k][i] ?? 5;
  const windows = ACTUAL.map((actual, k) => ({
    origin: 20 + k * HORIZON,
    actual,
    forecasts: everyModel((m) => actual.map((a, i) => a - error(m, k, i))),
    scale: 1,
  }));
  const residuals = everyModel((m) =>
    windows.flatMap((w, k): Residual[] =>
      w.actual.map((a, i) => ({
        window: k,
        origin: w.origin,
        step: i + 1,
        target: w.origin + i,
        error: error(m, k, i),
      })),
    ),
  );
  return { horizon: HORIZON, windows, residuals };
}

function champion(run: BacktestRun<ComparedModel>) {
  const metrics = scoreBacktest(run).metrics;
  const future = everyModel((m) => [100 + COMPARED_MODELS.indexOf(m), 200]);
  const intervals = everyModel((m) =>
    predictionIntervals(
      run.residuals[m],
      run.windows.map((w) => ({ origin: w.origin, actual: w.actual, forecast: w.forecasts[m] })),
      future[m],
    ),
  );
  return { metrics, future, result: chooseChampion({ run, metrics, future, intervals }) };
}

describe('rankModels', () => {
  const m = (mase: number, mae = mase): AccuracyMetrics => ({
    mae,
    rmse: 0,
    mape: 0,
    mapeExcluded: 0,
    smape: 0,
    mase,
    wape: 0,
  });
  it('ranks by MASE, the simpler model first on a tie, and by MAE when a MASE is undefined', () => {
    const metrics = perModel(
      (model) => m(model === 'lstm' || model === 'mstl' ? 0.5 : 1),
      [...ALWAYS_COMPARED, 'lstm', 'lstmHybrid'],
    );
    expect(rankModels(metrics).slice(0, 3)).toEqual(['mstl', 'lstm', 'naive']);
    const noScale = perModel((model) => m(NaN, model === 'drift' ? 0.1 : 1), ALWAYS_COMPARED);
    expect(rankModels(noScale)[0]).toBe('drift');
  });
});

describe('chooseChampion', () => {
  it('names the single best model when averaging does not help, and says why', () => {
    // MSTL is exact; averaging it with anything only adds error.
    const { result } = champion(
      backtest({
        mstl: [
          [0, 0],
          [0, 0],
          [0, 0],
        ],
        lstmHybrid: [
          [1, 1],
          [1, 1],
          [1, 1],
        ],
      }),
    );
    expect(result.model).toBe('mstl');
    expect(result.members).toEqual(['mstl']);
    expect(result.future).toEqual([103, 200]);
    expect(result.reason).toMatch(
      /^MSTL has the lowest MASE \(0\) of 10 models over 3 backtest windows, and no other came within 20% of it \(next: the hybrid LSTM, 1\)\.$/,
    );
  });

  it('averages the models within 20% of the best, with its own metrics and intervals', () => {
    // Opposite errors: each model alone is off by 1, their average is exact.
    const run = backtest({
      autoArima: [
        [1, 1],
        [1, 1],
        [1, 1],
      ],
      lstm: [
        [-1, -1],
        [-1, -1],
        [-1, -1],
      ],
    });
    const { result, metrics } = champion(run);
    expect(result.model).toBe('ensemble');
    expect(result.members).toEqual(['autoArima', 'lstm']);
    expect(result.metrics.mae).toBe(0);
    expect(result.metrics.mase).toBeLessThan(Math.min(metrics.autoArima.mase, metrics.lstm.mase));
    expect(result.future).toEqual([(105 + 100) / 2, 200]);
    expect(result.reason).toBe(
      'AutoARIMA and the LSTM both came within 20% of the lowest MASE over 3 backtest windows (AutoARIMA, 1), ' +
        'so the champion is their average: it scores 0 there, below every single model.',
    );
    expect(result.intervals.calibrationSize).toEqual([3, 3]);
  });

  it('pools every model within 20% of the best and no other, and says when the pool scores above the best alone', () => {
    // Errors of the same sign do not cancel: the average of 1.0, 1.1 and 1.2 is above MSTL's 1.0.
    const constant = (e: number) => ACTUAL.map(() => [e, e]);
    const { result, metrics } = champion(
      backtest({ mstl: constant(1), ets: constant(1.1), lstm: constant(1.2), theta: constant(1.21) }),
    );
    expect(result.model).toBe('ensemble');
    expect(result.members).toEqual(['mstl', 'ets', 'lstm']);
    expect(result.metrics.mase).toBeCloseTo(1.1, 12);
    expect(result.metrics.mase).toBeGreaterThan(metrics.mstl.mase);
    expect(result.reason).toBe(
      'MSTL, ETS and the LSTM all came within 20% of the lowest MASE over 3 backtest windows (MSTL, 1), so the ' +
        'champion is their average: it scores 1.1 there, above MSTL alone; models this close swap places ' +
        'from window to window, and averaging them loses less on new data, on average, than betting on one.',
    );
  });

  it('keeps the better LSTM beside the champion, with its skill against seasonal naive', () => {
    const { result, metrics } = champion(
      backtest({
        mstl: [
          [0, 0],
          [0, 0],
          [0, 0],
        ],
        lstmHybrid: [
          [2, 2],
          [2, 2],
          [2, 2],
        ],
        lstm: [
          [3, 3],
          [3, 3],
          [3, 3],
        ],
      }),
    );
    expect(result.lstmFamily!.model).toBe('lstmHybrid');
    expect(result.lstmFamily!.skill).toBeCloseTo(1 - metrics.lstmHybrid.mase / metrics.seasonalNaive.mase, 12);
  });

  it('counts the global LSTM in the LSTM family when the run fit it', () => {
    const { result } = champion(
      backtest({
        mstl: [
          [0, 0],
          [0, 0],
          [0, 0],
        ],
        lstmGlobal: [
          [1, 1],
          [1, 1],
          [1, 1],
        ],
        lstmHybrid: [
          [2, 2],
          [2, 2],
          [2, 2],
        ],
      }),
    );
    expect(result.lstmFamily!.model).toBe('lstmGlobal');
  });
});

describe('averageRun', () => {
  it("averages window forecasts and lines up the members' residuals", () => {
    const run = backtest({
      mstl: [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      ets: [
        [3, 4],
        [5, 6],
        [7, 8],
      ],
    });
    const averaged = averageRun(run, ['mstl', 'ets']);
    expect(averaged.windows[0].forecasts.ensemble).toEqual([10 - 2, 12 - 3]);
    expect(averaged.residuals.ensemble.map((r) => r.error)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('keeps the calibration errors at the origins every member forecast from', () => {
    const run = backtest({
      mstl: [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      ets: [
        [3, 4],
        [5, 6],
        [7, 8],
      ],
    });
    // ETS forecast only from the windows' first points (as a model with fewer calibration origins).
    const sparse = { ...run, residuals: { ...run.residuals, ets: run.residuals.ets.filter((r) => r.step === 1) } };
    const averaged = averageRun(sparse, ['mstl', 'ets']);
    expect(averaged.residuals.ensemble.map((r) => [r.window, r.step, r.error])).toEqual([
      [0, 1, 2],
      [1, 1, 4],
      [2, 1, 6],
    ]);
  });
});
