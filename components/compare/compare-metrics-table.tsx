import Link from 'next/link';
import { RunStatusBadge } from '@/components/runs/run-status-badge';
import { Table } from '@/components/ui/table';
import { bestByColumn, COMPARE_COLUMNS, comparability, type CompareColumn } from '@/lib/client/compare';
import { skillText } from '@/lib/client/evaluation';
import { formatDuration, formatNumber, formatPercentValue } from '@/lib/client/format';
import { runLabel } from '@/lib/client/run-status';
import type { Run } from '@/lib/client/types';

const FORMATS: Record<string, (value: number | null | undefined) => string> = {
  championTestMase: (v) => formatNumber(v, 3),
  championMase: (v) => formatNumber(v, 3),
  lstmMase: (v) => formatNumber(v, 3),
  naiveMase: (v) => formatNumber(v, 3),
  championSkill: (v) => skillText(v ?? null),
  lstmSkill: (v) => skillText(v ?? null),
  lstmWape: formatPercentValue,
  duration: formatDuration,
};

const columnClass = (column: CompareColumn) =>
  [column.text ? '' : 'num', column.priority ? '' : 'col-more'].filter(Boolean).join(' ');

const cell = (column: CompareColumn, run: Run) =>
  column.text
    ? column.text(run)
    : (FORMATS[column.key] ?? ((v: number | null | undefined) => formatNumber(v)))(column.value(run));

/**
 * One row per run; "best" is marked only among comparable numbers (see lib/client/compare.ts),
 * and a note says why when the runs' errors cannot all be compared.
 */
export function CompareMetricsTable({ runs, colors }: { runs: readonly Run[]; colors: ReadonlyMap<string, string> }) {
  const best = bestByColumn(runs);
  const { reason } = comparability(runs);
  return (
    <div className="stack stack-sm">
      {reason && (
        <p className="muted" data-testid="compare-not-comparable">
          {reason}
        </p>
      )}
      <Table
        caption="Backtest errors of the compared runs (best marked among comparable numbers)"
        data-testid="compare-metrics"
        moreColumns
      >
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col" className="col-more">
              Status
            </th>
            {COMPARE_COLUMNS.map((c) => (
              <th key={c.key} scope="col" className={columnClass(c)} title={c.title}>
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
                  {colors.has(run.id) && (
                    <span className="legend-swatch" style={{ color: colors.get(run.id) }} aria-hidden="true" />
                  )}
                  <Link href={`/runs/${run.id}`}>{runLabel(run)}</Link>
                </span>
              </th>
              <td className="col-more">
                <RunStatusBadge status={run.status} />
              </td>
              {COMPARE_COLUMNS.map((column, index) => {
                const isBest = best[index].has(row);
                return (
                  <td
                    key={column.key}
                    className={`${columnClass(column)}${isBest ? ' best' : ''}`}
                    data-column={column.key}
                  >
                    {cell(column, run)}
                    {isBest && <span className="tag">best</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
