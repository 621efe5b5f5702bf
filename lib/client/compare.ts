// Column logic of the comparison tables: which runs can be compared on which numbers, which run
// is best on a column, which settings differ. "Best" is only ever marked among comparable numbers:
// errors in the series' units (MAE, RMSE) and percentages only between runs of one series scored
// on the same backtest windows; across series or windows only the scale-free MASE and skill; a
// baseline's column never (it is the yardstick, not a contender).
import { CHAMPION_TITLE, describeVerdict } from './verdict';
import type { Run } from './types';

/** Indexes holding the lowest finite value (ties all win); empty when no value is finite. */
export function lowestIndexes(values: readonly (number | null | undefined)[]): Set<number> {
  let best = Infinity;
  for (const value of values) if (typeof value === 'number' && Number.isFinite(value) && value < best) best = value;
  const winners = new Set<number>();
  if (best === Infinity) return winners;
  values.forEach((value, index) => {
    if (value === best) winners.add(index);
  });
  return winners;
}

/** Indexes holding the highest finite value (ties all win). */
export function highestIndexes(values: readonly (number | null | undefined)[]): Set<number> {
  return lowestIndexes(values.map((value) => (typeof value === 'number' ? -value : value)));
}

/** True when the rows do not all hold the same value (compared as JSON, so null ≠ 0). */
export function differs(values: readonly unknown[]): boolean {
  return new Set(values.map((value) => JSON.stringify(value ?? null))).size > 1;
}

export interface Comparability {
  sameSeries: boolean;
  /** Same series and the same backtest windows (first and last timestamp of each). */
  sameWindows: boolean;
  /** Why only scale-free numbers are marked; null when everything is comparable. */
  reason: string | null;
}

/** The scored windows of a run: each backtest window's first and last timestamp (or the old single test window). */
function windowsKey(run: Pick<Run, 'evaluation' | 'summary' | 'config'>): string {
  const windows = run.evaluation?.backtest.windows.map((w) => [w.start, w.end]);
  if (windows && windows.length > 0) return JSON.stringify(windows);
  return JSON.stringify([[run.summary?.testStart ?? null, run.summary?.testEnd ?? null, run.config.horizon]]);
}

export function comparability(
  runs: readonly Pick<Run, 'seriesId' | 'evaluation' | 'summary' | 'config'>[],
): Comparability {
  const sameSeries = new Set(runs.map((run) => run.seriesId)).size <= 1;
  const sameWindows = sameSeries && new Set(runs.map(windowsKey)).size <= 1;
  const reason = !sameSeries
    ? 'These runs forecast different series, so their MAE and RMSE are in different units and their percentages describe different data: only the scale-free MASE and skill are marked best.'
    : !sameWindows
      ? `These runs were scored on different backtest windows${differs(runs.map((r) => r.config.horizon)) ? ` (horizons ${[...new Set(runs.map((r) => r.config.horizon))].join(' and ')})` : ''}, so their errors measure different stretches of the series: only the scale-free MASE and skill are marked best.`
      : null;
  return { sameSeries, sameWindows, reason };
}

/** What a column's numbers are, which decides when "best" may be marked. */
export type ColumnKind = 'name' | 'scale-free' | 'units' | 'baseline' | 'time';

export interface CompareColumn {
  key: string;
  label: string;
  title?: string;
  kind: ColumnKind;
  /** Higher is better (skill); otherwise lower is. */
  higherIsBetter?: boolean;
  /** Kept on narrow screens; the other columns wait behind the table's toggle. */
  priority?: boolean;
  /** Text columns (model names) have no value to mark. */
  text?: (run: Run) => string;
  value: (run: Run) => number | null | undefined;
}

const champion = (run: Run) => describeVerdict(run).champion;
const bestLstm = (run: Run) => describeVerdict(run).bestLstm;
/** Every metric of the best LSTM (the leaderboard row carries only MASE and MAE). */
const bestLstmMetrics = (run: Run) => {
  const model = bestLstm(run)?.model;
  return model && model !== 'ensemble' ? run.metrics?.[model] : undefined;
};

export const COMPARE_COLUMNS: readonly CompareColumn[] = [
  {
    key: 'champion',
    label: 'Champion',
    title: CHAMPION_TITLE,
    kind: 'name',
    priority: true,
    text: (r) => champion(r)?.label ?? '—',
    value: () => null,
  },
  {
    key: 'championTestMase',
    label: 'Champion test MASE',
    title:
      "The champion's MASE on the backtest windows it was not chosen on, each forecast by the model picked on the windows before it (lower is better; — on runs without it)",
    kind: 'scale-free',
    priority: true,
    value: (r) => r.evaluation?.champion?.testMase,
  },
  {
    key: 'championMase',
    label: 'Champion MASE',
    title:
      "The champion's mean absolute scaled error over the backtest windows, where it was chosen, which flatters it (lower is better)",
    kind: 'scale-free',
    value: (r) => champion(r)?.mase,
  },
  {
    key: 'championSkill',
    label: 'Champion skill',
    title:
      '1 − MASE / MASE(seasonal naive) over the backtest windows: the share of seasonal naive’s error the champion removes (higher is better)',
    kind: 'scale-free',
    higherIsBetter: true,
    value: (r) => champion(r)?.skill,
  },
  {
    key: 'bestLstm',
    label: 'Best LSTM',
    title: 'The LSTM (plain, hybrid or global) with the lowest backtest error',
    kind: 'name',
    text: (r) => bestLstm(r)?.label ?? '—',
    value: () => null,
  },
  {
    key: 'lstmMase',
    label: 'Best LSTM MASE',
    title: 'Mean absolute scaled error over the backtest windows (lower is better)',
    kind: 'scale-free',
    value: (r) => bestLstm(r)?.mase,
  },
  {
    key: 'lstmSkill',
    label: 'Best LSTM skill',
    title: '1 − MASE / MASE(seasonal naive) (higher is better)',
    kind: 'scale-free',
    priority: true,
    higherIsBetter: true,
    value: (r) => bestLstm(r)?.skill,
  },
  {
    key: 'lstmMae',
    label: 'Best LSTM MAE',
    title: 'Mean absolute error, in the series’ units',
    kind: 'units',
    value: (r) => bestLstm(r)?.mae,
  },
  {
    key: 'lstmRmse',
    label: 'Best LSTM RMSE',
    title: 'Root mean squared error, in the series’ units',
    kind: 'units',
    value: (r) => bestLstmMetrics(r)?.rmse,
  },
  {
    key: 'lstmWape',
    label: 'Best LSTM WAPE',
    title: 'Weighted absolute percentage error: total error over total actual, in percent',
    kind: 'units',
    value: (r) => bestLstmMetrics(r)?.wape,
  },
  {
    key: 'naiveMase',
    label: 'Seasonal-naive MASE',
    title: 'The seasonal-naive baseline on the same backtest windows: the yardstick, never marked best',
    kind: 'baseline',
    value: (r) => r.metrics?.seasonalNaive?.mase,
  },
  { key: 'duration', label: 'Training time', kind: 'time', value: (r) => r.durationMs },
];

/**
 * Per column, the indexes of the runs to mark best: empty for baselines, names, numbers that are
 * not comparable, and columns where every run ties.
 */
export function bestByColumn(runs: readonly Run[], columns: readonly CompareColumn[] = COMPARE_COLUMNS): Set<number>[] {
  const { sameWindows } = comparability(runs);
  return columns.map((column) => {
    if (runs.length < 2 || column.kind === 'name' || column.kind === 'baseline') return new Set<number>();
    if (column.kind === 'units' && !sameWindows) return new Set<number>();
    const values = runs.map(column.value);
    const winners = column.higherIsBetter ? highestIndexes(values) : lowestIndexes(values);
    // A tie of every run is no news: nothing is marked.
    const known = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).length;
    return winners.size === known ? new Set<number>() : winners;
  });
}
