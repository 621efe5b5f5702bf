'use client';
// Several runs side by side: forecasts overlaid on the actuals (one panel per series when the
// runs forecast several), metrics with the best marked, and the settings that differ highlighted.
import Link from 'next/link';
import { PALETTE } from '@/components/charts/chart-parts';
import { CompareMetricsTable } from '@/components/compare/compare-metrics-table';
import { CompareParamsTable } from '@/components/compare/compare-params-table';
import { CompareSeriesPanel, type PanelRun } from '@/components/compare/compare-series-panel';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { errorMessage } from '@/lib/client/api-error';
import { seriesZone } from '@/lib/client/format';
import { useComparison, useDatasets } from '@/lib/client/hooks';
import { runLabel } from '@/lib/client/run-status';
import type { Frequency } from '@/lib/client/types';

export function ComparePage({ ids }: { ids: string[] }) {
  const comparison = useComparison(ids);
  const datasets = useDatasets().data;

  const entries = comparison.data ?? [];
  const runs = entries.flatMap((entry) => (entry.run ? [entry.run] : []));
  const failed = entries.filter((entry) => entry.error !== undefined);

  const seriesNames = new Map<string, string>();
  const frequencies = new Map<string, Frequency>();
  const offsets = new Map<string, string | null>();
  for (const dataset of datasets ?? []) {
    for (const s of dataset.series) {
      seriesNames.set(s.id, datasets && datasets.length > 1 ? `${dataset.name} / ${s.name}` : s.name);
      frequencies.set(s.id, s.frequency);
      offsets.set(s.id, seriesZone(s));
    }
  }

  // Each succeeded run goes in its series' panel, in the colour the metrics table gives it too.
  const colors = new Map<string, string>();
  const panels = new Map<string, PanelRun[]>();
  entries.forEach((entry, index) => {
    if (!entry.run || !entry.forecast) return;
    const color = PALETTE[colors.size % PALETTE.length];
    colors.set(entry.id, color);
    const panel = panels.get(entry.run.seriesId) ?? [];
    panel.push({ run: entry.run, forecast: entry.forecast, index, label: runLabel(entry.run), color });
    panels.set(entry.run.seriesId, panel);
  });
  const seriesIds = [...new Set(runs.map((run) => run.seriesId))];
  // Breadcrumbs lead to the series when there is one.
  const seriesId = seriesIds.length === 1 ? seriesIds[0] : null;
  const unfinished = runs.filter((run) => run.status !== 'succeeded');

  const header = (
    <PageHeader
      title="Compare runs"
      breadcrumbs={
        seriesId
          ? [
              { href: '/', label: 'Datasets' },
              { href: `/series/${seriesId}`, label: seriesNames.get(seriesId) ?? 'Series' },
            ]
          : undefined
      }
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
      {unfinished.length > 0 && (
        <Alert tone="info">
          {unfinished.map(runLabel).join(', ')} {unfinished.length === 1 ? 'has' : 'have'} not succeeded, so{' '}
          {unfinished.length === 1 ? 'it has' : 'they have'} no forecast to draw.
        </Alert>
      )}

      <Card
        title="Forecasts"
        description={
          panels.size > 1
            ? 'One panel per series, each on its own scale. Solid over each run’s last backtest window, dashed into the future.'
            : 'Solid over each run’s last backtest window, dashed into the future.'
        }
      >
        {panels.size === 0 ? (
          <EmptyState title="No forecasts to draw" compact />
        ) : panels.size === 1 ? (
          [...panels].map(([id, panelRuns]) => (
            <CompareSeriesPanel
              key={id}
              seriesId={id}
              frequency={frequencies.get(id) ?? 'irregular'}
              timeOffset={offsets.get(id)}
              runs={panelRuns}
            />
          ))
        ) : (
          <div className="grid-2">
            {[...panels].map(([id, panelRuns]) => (
              <CompareSeriesPanel
                key={id}
                seriesId={id}
                title={seriesNames.get(id) ?? 'Series'}
                frequency={frequencies.get(id) ?? 'irregular'}
                timeOffset={offsets.get(id)}
                runs={panelRuns}
                height={280}
              />
            ))}
          </div>
        )}
      </Card>

      {runs.length > 0 && (
        <>
          <Card
            title="Metrics"
            description="Errors pooled over each run’s backtest windows; MASE and skill are relative to seasonal naive on the same windows."
          >
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
