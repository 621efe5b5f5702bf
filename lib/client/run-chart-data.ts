// What the run chart marks besides actuals and forecasts: the split of the fit scored on the test
// window (training, validation for early stopping, test) and the earlier backtest windows with
// their forecasts. Pure, so it is unit-tested.
import { MAX_VALIDATION_WINDOWS } from '@/lib/forecast/config';
import { windowCount } from '@/lib/forecast/windows';
import type { ChartRow } from './chart-data';
import { mainValue, type DrawnModels } from './drawn-models';
import type { ComparedModel, ForecastConfig, RunEvaluation, RunSummary } from './types';

const ms = (iso: string) => new Date(iso).getTime();

export interface TrainingSplit {
  trainStart: number;
  /** First point only validation windows predict; null when the fit kept no validation windows. */
  validationStart: number | null;
  testStart: number;
  testEnd: number;
  /** Milliseconds between points (last training point to first test point); NaN if unknown. */
  step: number;
}

/**
 * The split of the fit scored on the test window, as lib/forecast/train.ts takes it: that fit
 * trains on the points before the test window, and holds out the most recent of its sliding
 * windows for validation (validationSplit of them, at most MAX_VALIDATION_WINDOWS, always leaving
 * one to train on). The last of those windows' targets, `validationCount` points, are what only
 * validation sees. Positions are counted in steps back from the last training point, so on a
 * series with gaps the line is approximate.
 */
export function trainingSplit(
  summary: RunSummary,
  config: Pick<ForecastConfig, 'horizon' | 'lookback' | 'validationSplit'>,
): TrainingSplit {
  const trainStart = ms(summary.trainStart);
  const trainEnd = ms(summary.trainEnd);
  const testStart = ms(summary.testStart);
  const step = testStart - trainEnd > 0 ? testStart - trainEnd : NaN;
  const split = { trainStart, validationStart: null, testStart, testEnd: ms(summary.testEnd), step };
  const windows = windowCount(summary.points - config.horizon, config.lookback, config.horizon);
  const validationCount = Math.min(
    Math.floor(windows * (config.validationSplit ?? 0)),
    windows - 1,
    MAX_VALIDATION_WINDOWS,
  );
  if (validationCount <= 0 || Number.isNaN(step)) return split;
  return { ...split, validationStart: Math.max(trainStart, trainEnd - (validationCount - 1) * step) };
}

export interface ChartWindow {
  /** 1-based, oldest first. */
  number: number;
  start: number;
  end: number;
  /**
   * Row keys of this window's forecasts by the drawn models (lstm and naive only when drawn);
   * absent when the run kept none.
   */
  keys?: { main: string; lstm?: string; naive?: string };
}

/**
 * The backtest windows before the test window (the last window is the test window, drawn from
 * the forecast rows), each with its own row keys for the `drawn` models' forecasts, so one
 * window's line does not run on into the next window's.
 */
export function earlierBacktestWindows(
  evaluation: RunEvaluation | null | undefined,
  drawn: DrawnModels,
): {
  windows: ChartWindow[];
  rows: ChartRow[];
} {
  const stored = evaluation?.backtest.windows.slice(0, -1) ?? [];
  const rows: ChartRow[] = [];
  const windows = stored.map((w, index): ChartWindow => {
    const window: ChartWindow = { number: index + 1, start: ms(w.start), end: ms(w.end) };
    const forecasts = w.forecasts;
    if (!forecasts) return window;
    const keys = {
      main: `bt${index}main`,
      ...(drawn.lstm && { lstm: `bt${index}lstm` }),
      ...(drawn.baseline && { naive: `bt${index}naive` }),
    };
    forecasts.t.forEach((t, i) => {
      const at = (model: ComparedModel) => forecasts.values[model]?.[i] ?? null;
      const values = Object.fromEntries(drawn.members.map((m) => [m, at(m)]));
      rows.push({
        t: ms(t),
        [keys.main]: mainValue(values, drawn),
        ...(keys.lstm && drawn.lstm && { [keys.lstm]: at(drawn.lstm.model) }),
        ...(keys.naive && drawn.baseline && { [keys.naive]: at(drawn.baseline) }),
      } as ChartRow);
    });
    return { ...window, keys };
  });
  return { windows, rows };
}

/**
 * The range the run chart opens on: the backtest and test windows with the model's lookback (or
 * three horizons) of history before them, to the last point drawn (`end`, usually the last future
 * step). The start of the validation part is included when it lies at most that much earlier
 * again; a longer validation part is seen by zooming out (the whole series).
 */
export function runChartRange(
  split: TrainingSplit,
  windows: readonly ChartWindow[],
  config: Pick<ForecastConfig, 'horizon' | 'lookback'>,
  end: number,
): { from: number; to: number } {
  const firstWindow = Math.min(split.testStart, windows[0]?.start ?? Infinity);
  const context = Number.isNaN(split.step) ? 0 : split.step * Math.max(config.lookback, 3 * config.horizon);
  let from = firstWindow - context;
  const margin = split.step || 0;
  if (
    split.validationStart !== null &&
    split.validationStart < from + margin &&
    split.validationStart >= from - context
  ) {
    from = split.validationStart - margin;
  }
  return { from: Math.max(split.trainStart, from), to: end };
}

export type StepMetric = 'mase' | 'mae';

/**
 * Rows of the per-step error chart, one per horizon step, with each of `models`' error at that
 * step, and the metric: MASE when every model has it at every step (it compares across series),
 * else MAE.
 */
export function stepErrorRows(
  byStep: RunEvaluation['backtest']['byStep'],
  models: readonly ComparedModel[],
): { metric: StepMetric; rows: ({ step: number } & Partial<Record<ComparedModel, number | null>>)[] } {
  const steps = Math.max(0, ...models.map((model) => byStep[model]?.length ?? 0));
  const hasMase = models.every((model) => byStep[model]?.every((m) => m.mase !== null && m.mase !== undefined));
  const metric: StepMetric = hasMase ? 'mase' : 'mae';
  const rows = Array.from({ length: steps }, (_, h) => ({
    step: h + 1,
    ...Object.fromEntries(models.map((model) => [model, byStep[model]?.[h]?.[metric] ?? null])),
  }));
  return { metric, rows };
}
