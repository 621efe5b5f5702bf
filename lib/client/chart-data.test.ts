import { describe, expect, it } from 'vitest';
import { compareRows, contextStart, forecastRows, mergeByTime } from './chart-data';
import type { IntervalBounds, RunForecast } from './types';

const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString();

describe('mergeByTime', () => {
  it('joins rows with the same timestamp and sorts by time', () => {
    expect(mergeByTime([{ t: 2, a: 1 }, { t: 1, a: 0 }, { t: 2, b: 5, c: null }])).toEqual([
      { t: 1, a: 0 },
      { t: 2, a: 1, b: 5 },
    ]);
  });
});

const NO_BOUNDS: IntervalBounds = { lo80: null, hi80: null, lo95: null, hi95: null };
const OTHER_MODELS = { lstmHybrid: null, mstl: null, ets: null, autoArima: null, naive: null, drift: null };
const OTHER_BOUNDS = { lstmHybrid: NO_BOUNDS, mstl: NO_BOUNDS, ets: NO_BOUNDS, autoArima: NO_BOUNDS, naive: NO_BOUNDS, drift: NO_BOUNDS };
const testPoint = (t: string, actual: number, lstm: number, seasonalNaive: number): RunForecast['test'][number] => ({
  t, actual, lstm, seasonalNaive, ...OTHER_MODELS,
});
const futurePoint = (t: string, lstm: number, seasonalNaive: number, lstmBounds = NO_BOUNDS): RunForecast['future'][number] => ({
  t, lstm, seasonalNaive, ...OTHER_MODELS,
  intervals: { lstm: lstmBounds, seasonalNaive: NO_BOUNDS, ...OTHER_BOUNDS },
});

describe('forecastRows', () => {
  it('puts history, test window and future on one time axis', () => {
    const rows = forecastRows([{ t: day(0), v: 1 }, { t: day(1), v: 2 }], {
      test: [testPoint(day(1), 2, 2.1, 1.5)],
      future: [futurePoint(day(2), 2.4, 2)],
    });
    expect(rows).toEqual([
      { t: Date.parse(day(0)), actual: 1 },
      { t: Date.parse(day(1)), actual: 2, lstm: 2.1, naive: 1.5 },
      { t: Date.parse(day(2)), lstmFuture: 2.4, naiveFuture: 2 },
    ]);
  });

  it('adds the LSTM bands, grown from the last actual value, and leaves unbounded steps out', () => {
    const rows = forecastRows([], {
      test: [testPoint(day(1), 2, 2.1, 1.5)],
      future: [
        futurePoint(day(2), 2.4, 2, { lo80: 2, hi80: 2.8, lo95: 1.5, hi95: 3.3 }),
        futurePoint(day(3), 2.5, 2, { lo80: 1.9, hi80: 3.1, lo95: null, hi95: null }),
      ],
    });
    expect(rows).toEqual([
      { t: Date.parse(day(1)), actual: 2, lstm: 2.1, naive: 1.5, lo80: 2, hi80: 2, lo95: 2, hi95: 2 },
      { t: Date.parse(day(2)), lstmFuture: 2.4, naiveFuture: 2, lo80: 2, hi80: 2.8, lo95: 1.5, hi95: 3.3 },
      { t: Date.parse(day(3)), lstmFuture: 2.5, naiveFuture: 2, lo80: 1.9, hi80: 3.1 },
    ]);
  });
});

describe('compareRows', () => {
  it('gives each run its own keys and skips runs without a forecast', () => {
    const forecast = (lstm: number): RunForecast => ({
      test: [testPoint(day(1), 2, lstm, 1)],
      future: [futurePoint(day(2), lstm + 1, 1)],
    });
    const rows = compareRows([{ t: day(0), v: 1 }], [forecast(3), null, forecast(5)]);
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
