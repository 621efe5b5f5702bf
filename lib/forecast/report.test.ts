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
  result = await runForecast(series, { epochs: 1, units: 4, horizon: 6, lookback: 12 });
});

describe('forecastReport', () => {
  it('carries the backtest metrics, skill, coverage and the LSTM forecast with its intervals', () => {
    const report = forecastReport('load', 'hourly', result);
    expect(report).toMatchObject({ series: 'load', frequency: 'hourly', points: 100, horizon: 6, backend: result.backend });
    const { mapeExcluded: _, ...lstm } = result.models.lstm.metrics;
    expect(report.models.lstm).toEqual(lstm);
    expect(report.skill).toBe(result.skill);
    expect(report.coverage).toEqual({ '80': result.intervals.lstm.coverage[80], '95': result.intervals.lstm.coverage[95] });
    expect(report.forecast[0]).toEqual({
      t: new Date(result.future.t[0]).toISOString(),
      v: result.future.forecasts.lstm[0],
      lo80: result.intervals.lstm.bands[80].lower[0],
      hi80: result.intervals.lstm.bands[80].upper[0],
      lo95: result.intervals.lstm.bands[95].lower[0],
      hi95: result.intervals.lstm.bands[95].upper[0],
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
    expect(text).toMatch(/^model\s+MAE\s+RMSE\s+MAPE %\s+sMAPE %\s+MASE\s+WAPE %$/m);
    for (const label of ['LSTM', 'naive', 'seasonal naive', 'drift']) expect(text).toMatch(new RegExp(`^${label}\\s+\\d`, 'm'));
    expect(text).toContain(`Verdict: ${result.verdict.summary}`);
    expect(text).toContain('Interval coverage, leave-one-window-out: 80% →');
    expect(text).toContain('first 3 of 6 steps');
    // Hourly times keep their hour; the series ends 2025-01-05 03:00.
    expect(text).toMatch(/^2025-01-05T04:00Z\s/m);
  });
});
