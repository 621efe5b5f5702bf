import { describe, expect, it } from 'vitest';
import { compareRows, contextStart, forecastRows, mergeByTime } from './chart-data';
import { COMPARED_MODELS } from '@/lib/forecast/compared-models';
import { drawnModels } from './drawn-models';
import type { ComparedModel, IntervalBounds, PredictionModel, RunEvaluation, RunForecast } from './types';

const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString();

describe('mergeByTime', () => {
  it('joins rows with the same timestamp and sorts by time', () => {
    expect(
      mergeByTime([
        { t: 2, a: 1 },
        { t: 1, a: 0 },
        { t: 2, b: 5, c: null },
      ]),
    ).toEqual([
      { t: 1, a: 0 },
      { t: 2, a: 1, b: 5 },
    ]);
  });
});

const NO_BOUNDS: IntervalBounds = { lo80: null, hi80: null, lo95: null, hi95: null };
const noValues = () => Object.fromEntries(COMPARED_MODELS.map((m) => [m, null])) as Record<ComparedModel, null>;
const noBounds = () =>
  Object.fromEntries(COMPARED_MODELS.map((m) => [m, NO_BOUNDS])) as Record<ComparedModel, IntervalBounds>;
type Values = Partial<Record<PredictionModel, number>>;
const testPoint = (t: string, actual: number, values: Values): RunForecast['test'][number] => ({
  t,
  actual,
  ...noValues(),
  ...values,
});
const futurePoint = (
  t: string,
  values: Values,
  bounds: Partial<Record<PredictionModel, IntervalBounds>> = {},
): RunForecast['future'][number] => ({
  t,
  ...noValues(),
  ...values,
  intervals: { ...noBounds(), ...bounds },
});
const lstmForecast = (lstm: number): RunForecast => ({
  test: [testPoint(day(1), 2, { lstm, seasonalNaive: 1 })],
  future: [futurePoint(day(2), { lstm: lstm + 1, seasonalNaive: 1 })],
});

describe('forecastRows', () => {
  const lstmDrawn = drawnModels(null, 'lstm');

  it('puts history, test window and future on one time axis', () => {
    const rows = forecastRows(
      [
        { t: day(0), v: 1 },
        { t: day(1), v: 2 },
      ],
      {
        test: [testPoint(day(1), 2, { lstm: 2.1, seasonalNaive: 1.5 })],
        future: [futurePoint(day(2), { lstm: 2.4, seasonalNaive: 2 })],
      },
      lstmDrawn,
    );
    expect(rows).toEqual([
      { t: Date.parse(day(0)), actual: 1 },
      { t: Date.parse(day(1)), actual: 2, main: 2.1, naive: 1.5 },
      { t: Date.parse(day(2)), mainFuture: 2.4, naiveFuture: 2 },
    ]);
  });

  it('adds the drawn model’s bands, grown from the last actual value, and leaves unbounded steps out', () => {
    const rows = forecastRows(
      [],
      {
        test: [testPoint(day(1), 2, { lstm: 2.1, seasonalNaive: 1.5 })],
        future: [
          futurePoint(day(2), { lstm: 2.4, seasonalNaive: 2 }, { lstm: { lo80: 2, hi80: 2.8, lo95: 1.5, hi95: 3.3 } }),
          futurePoint(
            day(3),
            { lstm: 2.5, seasonalNaive: 2 },
            { lstm: { lo80: 1.9, hi80: 3.1, lo95: null, hi95: null } },
          ),
        ],
      },
      lstmDrawn,
    );
    expect(rows).toEqual([
      { t: Date.parse(day(1)), actual: 2, main: 2.1, naive: 1.5, lo80: 2, hi80: 2, lo95: 2, hi95: 2 },
      { t: Date.parse(day(2)), mainFuture: 2.4, naiveFuture: 2, lo80: 2, hi80: 2.8, lo95: 1.5, hi95: 3.3 },
      { t: Date.parse(day(3)), mainFuture: 2.5, naiveFuture: 2, lo80: 1.9, hi80: 3.1 },
    ]);
  });

  it('draws a classical champion in front, with its own bands, and the better LSTM beside it', () => {
    const drawn = drawnModels(
      {
        champion: { model: 'mstl', members: ['mstl'], lstmFamily: { model: 'lstmHybrid', mase: 1, skill: 0.1 } },
      } as RunEvaluation,
      null,
    );
    const rows = forecastRows(
      [],
      {
        test: [testPoint(day(1), 2, { mstl: 2.2, lstm: 9, lstmHybrid: 2.3, seasonalNaive: 1.5 })],
        future: [
          futurePoint(
            day(2),
            { mstl: 2.6, lstm: 9, lstmHybrid: 2.7, seasonalNaive: 2 },
            { mstl: { lo80: 2, hi80: 3, lo95: 1, hi95: 4 }, lstmHybrid: { lo80: 0, hi80: 9, lo95: 0, hi95: 9 } },
          ),
        ],
      },
      drawn,
    );
    expect(rows).toEqual([
      { t: Date.parse(day(1)), actual: 2, main: 2.2, lstm: 2.3, naive: 1.5, lo80: 2, hi80: 2, lo95: 2, hi95: 2 },
      { t: Date.parse(day(2)), mainFuture: 2.6, lstmFuture: 2.7, naiveFuture: 2, lo80: 2, hi80: 3, lo95: 1, hi95: 4 },
    ]);
  });

  it('draws seasonal naive once when it is the model picked', () => {
    const rows = forecastRows([], lstmForecast(3), drawnModels(null, 'seasonalNaive'));
    expect(rows).toEqual([
      { t: Date.parse(day(1)), actual: 2, main: 1, lstm: 3 },
      { t: Date.parse(day(2)), mainFuture: 1, lstmFuture: 4 },
    ]);
  });
});

describe('compareRows', () => {
  it('gives each run its own keys and skips runs without a forecast', () => {
    const rows = compareRows([{ t: day(0), v: 1 }], [lstmForecast(3), null, lstmForecast(5)]);
    expect(rows[1]).toEqual({ t: Date.parse(day(1)), actual: 2, r0: 3, r2: 5 });
    expect(rows[2]).toEqual({ t: Date.parse(day(2)), r0f: 4, r2f: 6 });
  });
});

describe('contextStart', () => {
  const summary = { points: 100, trainStart: day(0), trainEnd: day(89), testStart: day(90), testEnd: day(99) };

  it('goes back max(lookback, 3 × horizon) steps from the test window', () => {
    expect(contextStart(summary, { horizon: 10, lookback: 14 })).toBe(day(60));
    expect(contextStart(summary, { horizon: 5, lookback: 20 })).toBe(day(70));
  });

  it('never starts before the series', () => {
    expect(contextStart(summary, { horizon: 10, lookback: 200 })).toBe(day(0));
  });
});
