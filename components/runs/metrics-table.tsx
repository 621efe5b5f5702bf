import { Table } from '@/components/ui/table';
import { lowestIndexes } from '@/lib/client/compare';
import { formatNumber } from '@/lib/client/format';
import type { Metrics, ModelName } from '@/lib/client/types';

const MODELS: { key: ModelName; label: string }[] = [
  { key: 'lstm', label: 'LSTM' },
  { key: 'seasonalNaive', label: 'Seasonal naive' },
];

const COLUMNS: { key: keyof Metrics; label: string; title: string; digits?: number }[] = [
  { key: 'mae', label: 'MAE', title: 'Mean absolute error' },
  { key: 'rmse', label: 'RMSE', title: 'Root mean squared error' },
  {
    key: 'mase',
    label: 'MASE',
    title: 'Mean absolute scaled error: below 1 beats a seasonal-naive forecast in-sample',
    digits: 3,
  },
];

/** Errors of both models on the held-out test window; the lower value of each column is marked. */
export function MetricsTable({ metrics }: { metrics: Record<ModelName, Metrics> }) {
  return (
    <Table caption="Errors on the held-out test window (lower is better)" data-testid="metrics-table">
      <thead>
        <tr>
          <th scope="col">Model</th>
          {COLUMNS.map((c) => (
            <th key={c.key} scope="col" className="num" title={c.title}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {MODELS.map((model, row) => (
          <tr key={model.key}>
            <th scope="row">{model.label}</th>
            {COLUMNS.map((c) => {
              const best = lowestIndexes(MODELS.map((m) => metrics[m.key]?.[c.key])).has(row);
              return (
                <td key={c.key} className={`num${best ? ' best' : ''}`}>
                  {formatNumber(metrics[model.key]?.[c.key], c.digits)}
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
