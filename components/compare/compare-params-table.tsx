import Link from 'next/link';
import { backendName } from '@/lib/client/readable-names';
import { Table } from '@/components/ui/table';
import { differs } from '@/lib/client/compare';
import { formatNumber } from '@/lib/client/format';
import { runLabel } from '@/lib/client/run-status';
import { CONFIG_LABELS, formatConfigValue } from '@/lib/client/training-fields';
import type { ForecastConfig, Run } from '@/lib/client/types';

interface Param {
  label: string;
  value: (run: Run) => string | number | null;
}

/** Settings side by side, one column per run; rows whose values differ are highlighted. */
export function CompareParamsTable({
  runs,
  seriesNames,
}: {
  runs: readonly Run[];
  seriesNames: ReadonlyMap<string, string>;
}) {
  const params: Param[] = [
    { label: 'Series', value: (run) => seriesNames.get(run.seriesId) ?? run.seriesId },
    ...(Object.keys(CONFIG_LABELS) as (keyof ForecastConfig)[]).map((key) => ({
      label: CONFIG_LABELS[key],
      value: (run: Run) => {
        const value = run.config?.[key];
        return typeof value === 'boolean' || typeof value === 'object'
          ? formatConfigValue(value, seriesNames)
          : (value ?? null);
      },
    })),
    { label: 'Backend', value: (run) => backendName(run.backend) },
  ];
  return (
    <Table caption="Settings of the compared runs (differences highlighted)" data-testid="compare-params">
      <thead>
        <tr>
          <th scope="col">Setting</th>
          {runs.map((run) => (
            <th key={run.id} scope="col" className="num">
              <Link href={`/runs/${run.id}`}>{runLabel(run)}</Link>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {params.map((param) => {
          const values = runs.map(param.value);
          const different = differs(values);
          return (
            <tr
              key={param.label}
              className={different ? 'is-different' : undefined}
              data-differs={different || undefined}
            >
              <th scope="row">
                {param.label}
                {different && <span className="tag tag-warning">differs</span>}
              </th>
              {values.map((value, index) => (
                <td key={runs[index].id} className="num">
                  {typeof value === 'number' ? formatNumber(value) : (value ?? '—')}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
