// Shapes API answers into chart rows: one row per timestamp (epoch ms), one key per line, so
// actuals, test-window forecasts and future forecasts share a time axis.
import { mainValue, type DrawnModels } from './drawn-models';
import type { ForecastConfig, Point, PredictionModel, RunForecast, RunSummary } from './types';

export type ChartRow = { t: number } & Record<string, number | null>;

/** Merges partial rows that share a timestamp and sorts them by time. */
export function mergeByTime(rows: Iterable<{ t: number } & Record<string, number | null | undefined>>): ChartRow[] {
  const byTime = new Map<number, ChartRow>();
  for (const row of rows) {
    if (!Number.isFinite(row.t)) continue;
    const target = byTime.get(row.t) ?? ({ t: row.t } as ChartRow);
    for (const [key, value] of Object.entries(row)) {
      if (key !== 't' && value !== undefined && value !== null) target[key] = value;
    }
    byTime.set(row.t, target);
  }
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}

const ms = (iso: string) => new Date(iso).getTime();

/**
 * Rows of the run chart, for the models `drawn` picks: `main` over the test window and `mainFuture`
 * after it, with main's interval bounds lo80 / hi80 / lo95 / hi95 (absent where unbounded); the
 * same for the LSTM beside it (`lstm`, `lstmFuture`) and seasonal naive (`naive`, `naiveFuture`)
 * when drawn. The bands start at the last actual value, so they grow out of the line.
 */
export function forecastRows(history: readonly Point[], forecast: RunForecast, drawn: DrawnModels): ChartRow[] {
  const lastActual = forecast.test.at(-1);
  const beside = (values: Partial<Record<PredictionModel, number | null>>, suffix = '') => ({
    ...(drawn.lstm ? { [`lstm${suffix}`]: values[drawn.lstm.model] } : {}),
    ...(drawn.baseline ? { [`naive${suffix}`]: values[drawn.baseline] } : {}),
  });
  const bandsOf = (p: RunForecast['future'][number]) => p.intervals[drawn.main];
  return mergeByTime([
    ...history.map((p) => ({ t: ms(p.t), actual: p.v })),
    ...forecast.test.map((p) => ({ t: ms(p.t), actual: p.actual, main: mainValue(p, drawn), ...beside(p) })),
    ...forecast.future.map((p) => ({
      t: ms(p.t),
      mainFuture: mainValue(p, drawn),
      ...beside(p, 'Future'),
      ...bandsOf(p),
    })),
    ...(lastActual && forecast.future.some((p) => bandsOf(p)?.lo80 != null)
      ? [
          {
            t: ms(lastActual.t),
            lo80: lastActual.actual,
            hi80: lastActual.actual,
            lo95: lastActual.actual,
            hi95: lastActual.actual,
          },
        ]
      : []),
  ]);
}

/** Key of run number `index` in comparison rows: `r0` over the test window, `r0f` in the future. */
export const compareKeys = (index: number) => ({ test: `r${index}`, future: `r${index}f` });

/** Rows of the comparison chart: actuals plus each run's test and future forecasts. */
export function compareRows(history: readonly Point[], forecasts: readonly (RunForecast | null)[]): ChartRow[] {
  const rows: ({ t: number } & Record<string, number | null>)[] = history.map((p) => ({ t: ms(p.t), actual: p.v }));
  forecasts.forEach((forecast, index) => {
    if (!forecast) return;
    const keys = compareKeys(index);
    for (const p of forecast.test) rows.push({ t: ms(p.t), actual: p.actual, [keys.test]: p.lstm ?? null });
    for (const p of forecast.future) rows.push({ t: ms(p.t), [keys.future]: p.lstm ?? null });
  });
  return mergeByTime(rows);
}

/**
 * Start of the history worth showing before a test window: enough steps to see the pattern the
 * model learnt from (its lookback, or three horizons), not the whole series squeezed to fit.
 * The step is the gap between the last training point and the first test point.
 */
export function contextStart(summary: RunSummary, config: Pick<ForecastConfig, 'horizon' | 'lookback'>): string {
  const testStart = ms(summary.testStart);
  const step = testStart - ms(summary.trainEnd);
  const steps = Math.min(500, Math.max(config.lookback, 3 * config.horizon));
  const from = step > 0 ? Math.max(ms(summary.trainStart), testStart - step * steps) : ms(summary.trainStart);
  return new Date(from).toISOString();
}
