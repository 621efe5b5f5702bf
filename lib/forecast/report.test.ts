import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend';
import { runForecast } from './forecast';
import { forecastReport, formatReport, reportJson } from './report';
import { syntheticSeries } from './synthetic';
import type { ForecastResult } from './types';

let result: ForecastResult;
const series = syntheticSeries({ points: 100, frequency: 'hourly', start: Date.UTC(2025, 0, 1) });

beforeAll(async () => {
  await initBackend();
  result = await runForecast(series, { epochs: 1, units: 4, horizon: 6, lookback: 12, search: 'off' });
}, 300_000); // two LSTMs and three classical models: slow on a busy machine, so a generous hang limit

describe('forecastReport', () => {
  it("carries every model's metrics and fit time, the champion, and the champion's forecast with its intervals", () => {
    const report = forecastReport('load', 'hourly', result);
    expect(report).toMatchObject({
      series: 'load',
      frequency: 'hourly',
      points: 100,
      horizon: 6,
      backend: result.backend,
    });
    expect(Object.keys(report.models)).toEqual([
      'lstm',
      'lstmHybrid',
      'mstl',
      'ets',
      'autoArima',
      'theta',
      'naive',
      'seasonalNaive',
      'drift',
    ]);
    const { mapeExcluded: _, ...lstm } = result.models.lstm!.metrics;
    expect(report.models.lstm).toEqual({
      ...lstm,
      fitSeconds: result.models.lstm!.fitMs / 1000,
      msis: result.intervals.lstm!.msis,
      wql: result.intervals.lstm!.wql,
    });
    expect(report.skill).toBe(result.skill);
    const { champion } = result;
    expect(report.champion).toEqual({
      model: champion.model,
      members: champion.members,
      mase: champion.metrics.mase,
      testMase: champion.testMase,
      singlePickMase: champion.nested?.singlePick.mase,
      reason: champion.reason,
      lstmFamily: champion.lstmFamily,
    });
    // 100 points fit 5 scored windows of 6 and one earlier window to choose on.
    expect(result.backtest.windows).toHaveLength(5);
    expect(champion.nested?.selectionWindows).toBe(1);
    expect(champion.nested?.windows.map((w) => w.origin)).toEqual(result.backtest.windows.map((w) => w.origin));
    expect(report.champion.testMase).toBe(champion.nested?.testMase);
    expect(formatReport(report, result)).toContain('Champion, scored on windows it was not chosen on: MASE');
    // With seasonal naive on the same windows, which it is read against.
    expect(formatReport(report, result)).toMatch(
      new RegExp(`\\(seasonal naive there: ${champion.nested!.reference.mase.toFixed(3)}`),
    );
    // Beside it, what one model picked the same way would have scored, where a pick was an average.
    const withPicks = (model: 'ensemble' | 'lstm') => ({
      ...result,
      champion: {
        ...champion,
        nested: {
          ...champion.nested!,
          windows: champion.nested!.windows.map((w) => ({ ...w, model })),
          singlePick: { ...champion.nested!.singlePick, mase: 0.4321 },
        },
      },
    });
    expect(formatReport(report, withPicks('ensemble'))).toMatch(
      /one model picked the same way, without averaging: 0\.43/,
    );
    expect(formatReport(report, withPicks('lstm'))).not.toContain('picked the same way');
    expect(report.coverage).toEqual({ '80': champion.intervals.coverage[80], '95': champion.intervals.coverage[95] });
    expect(report.forecast[0]).toEqual({
      t: new Date(result.futureT[0]).toISOString(),
      v: champion.future[0],
      lo80: champion.intervals.bands[80].lower[0],
      hi80: champion.intervals.bands[80].upper[0],
      lo95: champion.intervals.bands[95].lower[0],
      hi95: champion.intervals.bands[95].upper[0],
      p50: champion.intervals.p50[0],
    });
  });

  it('writes NaN as null so the JSON parses', () => {
    const report = { ...forecastReport('load', 'hourly', result), skill: NaN };
    expect(JSON.parse(reportJson(report)).skill).toBeNull();
  });
});

describe('formatReport', () => {
  it('shows the metrics table, verdict, coverage and the first forecast steps', () => {
    const text = formatReport(forecastReport('load', 'hourly', result), result, 3);
    expect(text).toMatch(/^load: 100 hourly points, horizon 6/);
    expect(text).toMatch(/^model\s+MAE\s+RMSE\s+MAPE %\s+sMAPE %\s+MASE\s+WAPE %\s+fit s$/m);
    for (const label of ['LSTM', 'hybrid LSTM', 'MSTL', 'ETS', 'AutoARIMA', 'naive', 'seasonal naive', 'drift']) {
      expect(text).toMatch(new RegExp(`^${label}( \\*)?\\s+\\d`, 'm'));
    }
    expect(text).toContain(`Champion: ${result.champion.reason}`);
    expect(text).toMatch(/^Best LSTM: (LSTM|hybrid LSTM), MASE /m);
    expect(text).toContain(`Verdict: ${result.verdict.summary}`);
    expect(text).toContain('Interval coverage, leave-one-window-out: 80% →');
    expect(text).toContain('first 3 of 6 steps');
    // Hourly times keep their hour; the series ends 2025-01-05 03:00.
    expect(text).toMatch(/^2025-01-05T04:00Z\s/m);
  });
});

describe('a run too short for the LSTMs', () => {
  it('reports the classical models and baselines and says why no LSTM was trained', async () => {
    const short = syntheticSeries({ points: 15, frequency: 'yearly' });
    const shortResult = await runForecast(short, { horizon: 3, lookback: 2, search: 'off' });
    const report = forecastReport('tiny', 'yearly', shortResult);
    expect(Object.keys(report.models)).toEqual([
      'mstl',
      'ets',
      'autoArima',
      'theta',
      'naive',
      'seasonalNaive',
      'drift',
    ]);
    expect(report.champion.lstmFamily).toBeUndefined();
    expect(report.lstmSkipped).toMatch(/^The LSTMs were not trained: lookback 2 \+ horizon 3 needs at least 17 points/);
    const text = formatReport(report, shortResult);
    expect(text).toContain(report.lstmSkipped);
    expect(text).not.toContain('Best LSTM');
    expect(text).toContain('Verdict: No LSTM was trained');
  });
});
