'use client';
// Runs in a table, newest first, with checkboxes to pick finished runs for the comparison page.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table } from '@/components/ui/table';
import { skillText } from '@/lib/client/evaluation';
import { formatNumber } from '@/lib/client/format';
import { runLabel } from '@/lib/client/run-status';
import type { Run } from '@/lib/client/types';
import { CHAMPION_TITLE, describeVerdict, ordinal } from '@/lib/client/verdict';
import { RunProgressCell } from './run-progress';
import { RunStatusBadge } from './run-status-badge';

interface RunListProps {
  runs: readonly Run[];
  /** Adds a Series column (for lists spanning several series). */
  seriesNames?: ReadonlyMap<string, string>;
}

export function compareHref(ids: readonly string[]): string {
  return `/compare?runs=${ids.map(encodeURIComponent).join(',')}`;
}

export function RunList({ runs, seriesNames }: RunListProps) {
  const router = useRouter();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // Runs deleted since they were ticked no longer count.
  const picked = runs.filter((run) => selected.has(run.id) && run.status === 'succeeded').map((run) => run.id);

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <div className="stack">
      <div className="row-between">
        <p className="muted" aria-live="polite">
          {picked.length === 0
            ? 'Tick two or more finished runs to compare them.'
            : `${picked.length} run${picked.length === 1 ? '' : 's'} selected.`}
        </p>
        <Button
          variant="secondary"
          size="sm"
          disabled={picked.length < 2}
          onClick={() => router.push(compareHref(picked))}
          data-testid="compare-button"
        >
          Compare selected{picked.length > 0 ? ` (${picked.length})` : ''}
        </Button>
      </div>
      <Table caption="Training runs" data-testid="run-list" moreColumns>
        <thead>
          <tr>
            <th scope="col" className="shrink">
              <span className="visually-hidden">Select</span>
            </th>
            <th scope="col">Run</th>
            {seriesNames && (
              <th scope="col" className="col-more">
                Series
              </th>
            )}
            <th scope="col">Status</th>
            <th scope="col" className="col-more">
              Progress
            </th>
            <th scope="col" title={CHAMPION_TITLE}>
              Champion
            </th>
            <th
              scope="col"
              className="num col-more"
              title="The champion's MASE on the backtest windows it was not chosen on, each forecast by the model picked on the windows before it (lower is better; — on runs without it)"
            >
              Champion test MASE
            </th>
            <th
              scope="col"
              className="col-more"
              title="The LSTM (plain, hybrid or global) with the lowest backtest error, and its rank"
            >
              Best LSTM
            </th>
            <th
              scope="col"
              className="num col-more"
              title="1 − MASE / MASE(seasonal naive): the share of seasonal naive's error the best LSTM removes"
            >
              LSTM skill vs seasonal naive
            </th>
            <th scope="col" className="col-more">
              Created
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const { champion, bestLstm } = describeVerdict(run);
            const checked = selected.has(run.id);
            return (
              <tr key={run.id} className={checked ? 'is-selected' : undefined} data-run-id={run.id}>
                <td className="shrink">
                  <input
                    type="checkbox"
                    className="row-check"
                    aria-label={`Select ${runLabel(run)} for comparison`}
                    checked={checked}
                    disabled={run.status !== 'succeeded'}
                    title={run.status === 'succeeded' ? undefined : 'Only finished runs can be compared'}
                    onChange={(event) => toggle(run.id, event.target.checked)}
                  />
                </td>
                <th scope="row">
                  <Link href={`/runs/${run.id}`}>{runLabel(run)}</Link>
                  {run.scheduleId && <span className="tag tag-muted">scheduled</span>}
                </th>
                {seriesNames && (
                  <td className="col-more">
                    <Link href={`/series/${run.seriesId}`}>{seriesNames.get(run.seriesId) ?? 'Series'}</Link>
                  </td>
                )}
                <td>
                  <RunStatusBadge status={run.status} />
                </td>
                <td className="progress-col col-more">
                  <RunProgressCell run={run} />
                </td>
                <td data-testid="run-champion">{champion?.label ?? '—'}</td>
                <td className="num col-more">{formatNumber(run.evaluation?.champion?.testMase, 2)}</td>
                <td className="col-more" data-testid="run-best-lstm">
                  {bestLstm ? (
                    <>
                      {bestLstm.label} <span className="muted">({ordinal(bestLstm.rank)})</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="num col-more">{skillText(bestLstm?.skill ?? null)}</td>
                <td className="col-more">
                  <RelativeTime value={run.createdAt} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
