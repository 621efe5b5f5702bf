import { describe, expect, it } from 'vitest';
import { drawnModels } from './drawn-models';
import { earlierBacktestWindows, runChartRange, stepErrorRows, trainingSplit } from './run-chart-data';
import type { RunEvaluation } from './types';

const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
const iso = (step: number) => new Date(T0 + step * HOUR).toISOString();

// 1000 hourly points, horizon 24: training is points 0..975, the test window 976..999.
const summary = { points: 1000, trainStart: iso(0), trainEnd: iso(975), testStart: iso(976), testEnd: iso(999) };

describe('trainingSplit', () => {
  it('puts the validation part at the end of the training data, validationSplit of its windows long', () => {
    // 976 training points, lookback 48: 976 - 48 - 24 + 1 = 905 windows, 10% → 90 for validation.
    const split = trainingSplit(summary, { horizon: 24, lookback: 48, validationSplit: 0.1 });
    expect(split).toEqual({
      trainStart: T0,
      validationStart: T0 + (975 - 89) * HOUR,
      testStart: T0 + 976 * HOUR,
      testEnd: T0 + 999 * HOUR,
      step: HOUR,
    });
  });

  it('caps validation at the engine’s maximum number of windows', () => {
    const long = { ...summary, points: 100_000, trainEnd: iso(99_975), testStart: iso(99_976), testEnd: iso(99_999) };
    const split = trainingSplit(long, { horizon: 24, lookback: 48, validationSplit: 0.5 });
    expect(split.validationStart).toBe(T0 + (99_975 - 511) * HOUR);
  });

  it('has no validation part without a validation split', () => {
    expect(trainingSplit(summary, { horizon: 24, lookback: 48, validationSplit: 0 }).validationStart).toBeNull();
  });
});

function evaluationWith(windows: RunEvaluation['backtest']['windows']): RunEvaluation {
  return {
    backtest: { requestedWindows: windows.length, windows, byStep: {}, note: null },
  } as unknown as RunEvaluation;
}
const window = (start: number, withForecasts: boolean): RunEvaluation['backtest']['windows'][number] => ({
  start: iso(start),
  end: iso(start + 1),
  points: 2,
  metrics: {} as never,
  ...(withForecasts && {
    forecasts: {
      t: [iso(start), iso(start + 1)],
      values: { lstm: [start, null], seasonalNaive: [-start, -start] } as never,
    },
  }),
});

describe('earlierBacktestWindows', () => {
  const lstmDrawn = drawnModels(null, 'lstm');

  it('leaves out the last window (the test window) and gives each window its own row keys', () => {
    const { windows, rows } = earlierBacktestWindows(
      evaluationWith([window(10, true), window(12, true), window(14, true)]),
      lstmDrawn,
    );
    expect(windows.map((w) => [w.number, w.start, w.end])).toEqual([
      [1, T0 + 10 * HOUR, T0 + 11 * HOUR],
      [2, T0 + 12 * HOUR, T0 + 13 * HOUR],
    ]);
    expect(windows[0].keys).not.toEqual(windows[1].keys);
    // The LSTM is the drawn model here, so no second LSTM line beside it.
    expect(windows[1].keys!.lstm).toBeUndefined();
    expect(rows).toContainEqual({ t: T0 + 12 * HOUR, [windows[1].keys!.main]: 12, [windows[1].keys!.naive!]: -12 });
    expect(rows).toContainEqual({ t: T0 + 11 * HOUR, [windows[0].keys!.main]: null, [windows[0].keys!.naive!]: -10 });
    expect(rows).toHaveLength(4);
  });

  it('draws the picked model, the better LSTM beside it, and averages an ensemble champion’s members', () => {
    const values = { lstm: [1, 2], lstmHybrid: [3, 4], mstl: [5, 6], ets: [7, null], seasonalNaive: [0, 0] };
    const stored = { ...window(10, false), forecasts: { t: [iso(10), iso(11)], values: values as never } };
    const evaluation = evaluationWith([stored, window(12, false)]);
    evaluation.champion = {
      model: 'ensemble',
      members: ['mstl', 'lstmHybrid'],
      lstmFamily: { model: 'lstmHybrid', mase: 1, skill: 0 },
    } as never;

    const ensemble = earlierBacktestWindows(evaluation, drawnModels(evaluation, null));
    const keys = ensemble.windows[0].keys!;
    expect(ensemble.rows).toEqual([
      { t: T0 + 10 * HOUR, [keys.main]: 4, [keys.lstm!]: 3, [keys.naive!]: 0 },
      { t: T0 + 11 * HOUR, [keys.main]: 5, [keys.lstm!]: 4, [keys.naive!]: 0 },
    ]);

    const ets = earlierBacktestWindows(evaluation, drawnModels(evaluation, 'ets'));
    expect(ets.rows.map((row) => row[ets.windows[0].keys!.main])).toEqual([7, null]);
  });

  it('shades the windows of older runs, which kept no window forecasts, without lines', () => {
    const { windows, rows } = earlierBacktestWindows(evaluationWith([window(10, false), window(12, false)]), lstmDrawn);
    expect(windows).toEqual([{ number: 1, start: T0 + 10 * HOUR, end: T0 + 11 * HOUR }]);
    expect(rows).toEqual([]);
    expect(earlierBacktestWindows(null, lstmDrawn)).toEqual({ windows: [], rows: [] });
  });
});

describe('runChartRange', () => {
  const config = { horizon: 24, lookback: 48 };
  const end = T0 + 1023 * HOUR;
  const { windows } = earlierBacktestWindows(
    evaluationWith([window(904, false), window(928, false), window(952, false), window(976, false)]),
    drawnModels(null, 'lstm'),
  );

  it('opens on the windows with a lookback (or three horizons) of history before them', () => {
    const split = trainingSplit(summary, { ...config, validationSplit: 0 });
    expect(runChartRange(split, windows, config, end)).toEqual({ from: T0 + (904 - 72) * HOUR, to: end });
  });

  it('reaches back to a validation start that is close, one step before it', () => {
    // 10% of 905 windows: validation starts at point 886, after the opening's start.
    const near = trainingSplit(summary, { ...config, validationSplit: 0.1 });
    expect(runChartRange(near, windows, config, end).from).toBe(T0 + (904 - 72) * HOUR);
    // 20%: 181 windows, validation from point 795, within another 72 steps of 832: reached.
    const reachable = trainingSplit(summary, { ...config, validationSplit: 0.2 });
    expect(reachable.validationStart).toBe(T0 + 795 * HOUR);
    expect(runChartRange(reachable, windows, config, end).from).toBe((reachable.validationStart as number) - HOUR);
    // 50%: 452 windows, validation from point 524: too far, left for zooming out.
    const far = trainingSplit(summary, { ...config, validationSplit: 0.5 });
    expect(runChartRange(far, windows, config, end).from).toBe(T0 + (904 - 72) * HOUR);
  });
});

describe('stepErrorRows', () => {
  const m = (mae: number, mase: number | null) => ({ mae, mase, rmse: 0, mape: 0, mapeExcluded: 0, smape: 0, wape: 0 });

  it('gives one row per step with each model’s MASE', () => {
    const byStep = {
      lstm: [m(1, 0.5), m(2, 0.9)],
      seasonalNaive: [m(3, 1), m(3, 1.1)],
    } as RunEvaluation['backtest']['byStep'];
    expect(stepErrorRows(byStep, ['lstm', 'seasonalNaive'])).toEqual({
      metric: 'mase',
      rows: [
        { step: 1, lstm: 0.5, seasonalNaive: 1 },
        { step: 2, lstm: 0.9, seasonalNaive: 1.1 },
      ],
    });
  });

  it('falls back to MAE for every model when any MASE is undefined', () => {
    const byStep = { lstm: [m(1, 0.5)], drift: [m(4, null)] } as RunEvaluation['backtest']['byStep'];
    expect(stepErrorRows(byStep, ['lstm', 'drift'])).toEqual({ metric: 'mae', rows: [{ step: 1, lstm: 1, drift: 4 }] });
  });
});
