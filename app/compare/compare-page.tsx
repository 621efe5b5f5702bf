'use client';
// Several runs side by side: forecasts overlaid on the actuals, metrics with the best marked,
// and the settings that differ highlighted.
import Link from 'next/link';
import { CompareChart, type ComparedLine } from '@/components/charts/compare-chart';
import { PALETTE } from '@/components/charts/chart-parts';
import { CompareMetricsTable } from '@/components/compare/compare-metrics-table';
import { CompareParamsTable } from '@/components/compare/compare-params-table';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { errorMessage } from '@/lib/client/api-error';
import { compareRows, contextStart } from '@/lib/client/chart-data';
import { useComparison, useDatasets, useSeriesPoints } from '@/lib/client/hooks';
import { runLabel } from '@/lib/client/run-status';
import type { Frequency, Run } from '@/lib/client/types';

const MAX_POINTS = 1000;

export function ComparePage({ ids }: { ids: string[] }) {
  const comparison = useComparison(ids);
  const datasets = useDatasets().data;

  const entries = comparison.data ?? [];
  const runs = entries.flatMap((entry) => (entry.run ? [entry.run] : []));
  const failed = entries.filter((entry) => entry.error !== undefined);

  const seriesNames = new Map<string, string>();
  const frequencies = new Map<string, Frequency>();
  for (const dataset of datasets ?? []) {
    for (const s of dataset.series) {
      seriesNames.set(s.id, datasets && datasets.length > 1 ? `${dataset.name} / ${s.name}` : s.name);
      frequencies.set(s.id, s.frequency);
    }
  }

  // Actuals can only be drawn for one series: the first run's. Runs of other series are listed
  // in the tables but left off the chart.
  const seriesId = runs[0]?.seriesId ?? null;
  const charted = entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.run?.seriesId === seriesId && entry.forecast);
  const froms = charted.flatMap(({ entry }) => (entry.run?.summary ? [contextStart(entry.run.summary, entry.run.config)] : []));
  const from = froms.length ? froms.reduce((a, b) => (a < b ? a : b)) : undefined;
  const history = useSeriesPoints(comparison.data ? seriesId : null, { from, max: MAX_POINTS });

  const colors = new Map<string, string>();
  const lines: ComparedLine[] = charted.map(({ entry, index }, position) => {
    const color = PALETTE[position % PALETTE.length];
    colors.set(entry.id, color);
    return { index, label: runLabel({ id: entry.id }), color };
  });
  const otherSeries = new Set(runs.filter((run) => run.seriesId !== seriesId).map((run) => run.seriesId));
  const unfinished = runs.filter((run) => run.status !== 'succeeded');

  const header = (
    <PageHeader
      title="Compare runs"
      breadcrumbs={seriesId ? [{ href: '/', label: 'Datasets' }, { href: `/series/${seriesId}`, label: seriesNames.get(seriesId) ?? 'Series' }] : undefined}
      meta={ids.length >= 2 ? `${ids.length} runs` : undefined}
    />
  );

  if (ids.length < 2) {
    return (
      <>
        {header}
        <div className="card">
          <EmptyState title="Pick runs to compare" action={<Link href="/runs">Go to all runs</Link>}>
            Tick two or more finished runs in a runs list and press “Compare selected”.
          </EmptyState>
        </div>
      </>
    );
  }
  if (comparison.loading) {
    return (
      <>
        {header}
        <LoadingState label="Loading the runs…" />
      </>
    );
  }
  if (!comparison.data) {
    return (
      <>
        {header}
        <div className="card">
          <ErrorState error={comparison.error} title="Could not load the runs" onRetry={comparison.reload} />
        </div>
      </>
    );
  }

  const frequency: Frequency = (seriesId && frequencies.get(seriesId)) || 'irregular';
  return (
    <>
      {header}
      {failed.length > 0 && (
        <Alert tone="warning" title={`${failed.length} run${failed.length === 1 ? '' : 's'} could not be loaded`}>
          <ul className="problem-list">
            {failed.map((entry) => (
              <li key={entry.id}>
                <code>{entry.id}</code>: {errorMessage(entry.error)}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {otherSeries.size > 0 && (
        <Alert tone="info">
          Some runs forecast a different series; the chart shows only the runs of{' '}
          {seriesId ? (seriesNames.get(seriesId) ?? 'the first run’s series') : 'the first series'}.
        </Alert>
      )}
      {unfinished.length > 0 && (
        <Alert tone="info">
          {unfinished.map(runLabel).join(', ')} {unfinished.length === 1 ? 'has' : 'have'} not succeeded, so{' '}
          {unfinished.length === 1 ? 'it has' : 'they have'} no forecast to draw.
        </Alert>
      )}

      <Card title="Forecasts" description="Solid over each run’s held-out test window, dashed into the future.">
        {lines.length === 0 ? (
          <EmptyState title="No forecasts to draw" compact />
        ) : history.loading ? (
          <LoadingState label="Loading the actuals…" />
        ) : (
          <>
            {history.error !== undefined && !history.data && (
              <Alert tone="warning">The actuals could not be loaded: {errorMessage(history.error)}</Alert>
            )}
            <CompareChart
              rows={compareRows(history.data ?? [], entries.map((entry) => (colors.has(entry.id) ? (entry.forecast ?? null) : null)))}
              lines={lines}
              frequency={frequency}
            />
          </>
        )}
      </Card>

      {runs.length > 0 && (
        <>
          <Card title="Metrics" description="Errors on each run’s held-out test window.">
            <CompareMetricsTable runs={runs} colors={colors} />
          </Card>
          <Card title="Settings">
            <CompareParamsTable runs={runs} seriesNames={seriesNames} />
          </Card>
        </>
      )}
    </>
  );
}
