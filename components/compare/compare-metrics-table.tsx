import Link from 'next/link';
import { RunStatusBadge } from '@/components/runs/run-status-badge';
import { Table } from '@/components/ui/table';
import { lowestIndexes } from '@/lib/client/compare';
import { formatDuration, formatNumber, formatPercentValue } from '@/lib/client/format';
import { runLabel } from '@/lib/client/run-status';
import type { Run } from '@/lib/client/types';

interface Column {
  label: string;
  title?: string;
  value: (run: Run) => number | null | undefined;
  format: (value: number | null | undefined) => string;
}

const metric = (digits: number) => (value: number | null | undefined) => formatNumber(value, digits);

const COLUMNS: Column[] = [
  { label: 'LSTM MAE', value: (r) => r.metrics?.lstm?.mae, format: (v) => formatNumber(v) },
  { label: 'LSTM RMSE', value: (r) => r.metrics?.lstm?.rmse, format: (v) => formatNumber(v) },
  { label: 'LSTM MAPE', title: 'Mean absolute percentage error, in percent', value: (r) => r.metrics?.lstm?.mape, format: formatPercentValue },
  { label: 'LSTM WAPE', title: 'Weighted absolute percentage error: total error over total actual, in percent', value: (r) => r.metrics?.lstm?.wape, format: formatPercentValue },
  { label: 'LSTM MASE', title: 'Mean absolute scaled error (lower is better)', value: (r) => r.metrics?.lstm?.mase, format: metric(3) },
  { label: 'Naive MASE', title: 'Seasonal-naive baseline on the same windows', value: (r) => r.metrics?.seasonalNaive?.mase, format: metric(3) },
  { label: 'Training time', value: (r) => r.durationMs, format: formatDuration },
];

/** One row per run; the best (lowest) value of each column is marked. */
export function CompareMetricsTable({ runs, colors }: { runs: readonly Run[]; colors: ReadonlyMap<string, string> }) {
  const best = COLUMNS.map((column) => lowestIndexes(runs.map(column.value)));
  return (
    <Table caption="Metrics of the compared runs (lower is better; best marked)" data-testid="compare-metrics">
      <thead>
        <tr>
          <th scope="col">Run</th>
          <th scope="col">Status</th>
          {COLUMNS.map((c) => (
            <th key={c.label} scope="col" className="num" title={c.title}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {runs.map((run, row) => (
          <tr key={run.id}>
            <th scope="row">
              <span className="row">
                {colors.has(run.id) && <span className="legend-swatch" style={{ color: colors.get(run.id) }} aria-hidden="true" />}
                <Link href={`/runs/${run.id}`}>{runLabel(run)}</Link>
              </span>
            </th>
            <td>
              <RunStatusBadge status={run.status} />
            </td>
            {COLUMNS.map((column, index) => {
              const isBest = best[index].has(row) && runs.length > 1;
              return (
                <td key={column.label} className={`num${isBest ? ' best' : ''}`}>
                  {column.format(column.value(run))}
                  {isBest && <span className="tag">best</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
