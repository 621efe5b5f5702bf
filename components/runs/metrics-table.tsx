import { Table } from '@/components/ui/table';
import { lowestIndexes } from '@/lib/client/compare';
import { formatNumber, formatPercentValue } from '@/lib/client/format';
import { MODEL_LABELS, MODEL_ORDER } from '@/lib/client/models';
import type { ModelMetrics, RunMetrics } from '@/lib/client/types';

type MetricKey = 'mae' | 'rmse' | 'mape' | 'smape' | 'mase' | 'wape';

/** Columns kept on narrow screens; the rest wait behind the table's toggle. */
const PRIORITY: ReadonlySet<MetricKey> = new Set(['mae', 'mase']);

const COLUMNS: {
  key: MetricKey;
  label: string;
  title: string;
  format: (value: number | null | undefined) => string;
}[] = [
  { key: 'mae', label: 'MAE', title: 'Mean absolute error', format: (v) => formatNumber(v) },
  { key: 'rmse', label: 'RMSE', title: 'Root mean squared error', format: (v) => formatNumber(v) },
  {
    key: 'mape',
    label: 'MAPE',
    title: 'Mean absolute percentage error (actual values of 0 left out)',
    format: formatPercentValue,
  },
  {
    key: 'smape',
    label: 'sMAPE',
    title: 'Symmetric mean absolute percentage error, 0–200%',
    format: formatPercentValue,
  },
  {
    key: 'mase',
    label: 'MASE',
    title: 'Mean absolute scaled error: below 1 beats a seasonal-naive forecast in-sample',
    format: (v) => formatNumber(v, 3),
  },
  {
    key: 'wape',
    label: 'WAPE',
    title: 'Weighted absolute percentage error: total error over total actual',
    format: formatPercentValue,
  },
];

/**
 * The leaderboard: every model's backtest errors, all windows pooled; the lowest value of each
 * column is marked. Runs stored before the baselines show the models and columns they have.
 */
export function MetricsTable({ metrics }: { metrics: RunMetrics }) {
  const models = MODEL_ORDER.filter((model) => metrics[model]);
  const rows: ModelMetrics[] = models.map((model) => metrics[model] ?? {});
  const columns = COLUMNS.filter((c) => rows.some((row) => row[c.key] !== undefined));
  return (
    <Table
      caption="Backtest errors of every model (lower is better; best marked)"
      data-testid="metrics-table"
      moreColumns
    >
      <thead>
        <tr>
          <th scope="col">Model</th>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={`num${PRIORITY.has(c.key) ? '' : ' col-more'}`} title={c.title}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {models.map((model, row) => (
          <tr key={model}>
            <th scope="row">{MODEL_LABELS[model]}</th>
            {columns.map((c) => {
              const best = lowestIndexes(rows.map((r) => r[c.key])).has(row);
              return (
                <td key={c.key} className={`num${best ? ' best' : ''}${PRIORITY.has(c.key) ? '' : ' col-more'}`}>
                  {c.format(rows[row][c.key])}
                  {best && <span className="visually-hidden"> (best)</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
