'use client';
import { HistoryChart } from '@/components/charts/history-chart';
import { RunList } from '@/components/runs/run-list';
import { TrainForm } from '@/components/runs/train-form';
import { SchedulesPanel } from '@/components/schedules/schedules-panel';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { ApiError } from '@/lib/client/api-error';
import { formatCount, formatFrequency, formatSeriesRange } from '@/lib/client/format';
import { useDataset, useRuns, useSeries, useSeriesPoints } from '@/lib/client/hooks';

/** Points drawn in the history chart; the API downsamples longer series evenly. */
const HISTORY_POINTS = 1500;

export function SeriesPage({ id }: { id: string }) {
  const seriesResource = useSeries(id);
  const { data, error, loading, reload } = seriesResource;
  const dataset = useDataset(data?.series.datasetId ?? null).data;
  const points = useSeriesPoints(id, { max: HISTORY_POINTS });
  const runs = useRuns(id);

  if (loading) return <LoadingState label="Loading the series…" />;
  if (!data) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <>
        <PageHeader title={missing ? 'Series not found' : 'Series'} breadcrumbs={[{ href: '/', label: 'Datasets' }]} />
        <div className="card">
          <ErrorState
            error={error}
            title={missing ? 'This series does not exist (any more)' : 'Could not load the series'}
            onRetry={missing ? undefined : reload}
          />
        </div>
      </>
    );
  }

  const { series, defaultConfig } = data;
  return (
    <>
      <PageHeader
        title={series.name}
        breadcrumbs={[
          { href: '/', label: 'Datasets' },
          { href: `/datasets/${series.datasetId}`, label: dataset?.name ?? 'Dataset' },
        ]}
        meta={
          <>
            <span>{formatFrequency(series.frequency)}</span>
            <span>{formatCount(series.points)} points</span>
            <span>{formatSeriesRange(series.start, series.end, series.frequency)}</span>
          </>
        }
      />

      <Card title="History">
        {points.loading ? (
          <LoadingState label="Loading points…" />
        ) : points.error && !points.data ? (
          <ErrorState error={points.error} title="Could not load the points" onRetry={points.reload} />
        ) : !points.data || points.data.length === 0 ? (
          <EmptyState title="No points stored for this series" />
        ) : (
          <HistoryChart points={points.data} frequency={series.frequency} name={series.name} />
        )}
      </Card>

      <Card
        title="Train a forecast"
        description={defaultConfig ? 'Pre-filled with the defaults for this series.' : 'Blank fields use the server defaults.'}
      >
        <TrainForm key={id} seriesId={id} defaults={defaultConfig} />
      </Card>

      <Card title="Runs" description="Each run is scored on a held-out test window against a seasonal-naive baseline.">
        {runs.loading ? (
          <LoadingState label="Loading runs…" compact />
        ) : runs.error && !runs.data ? (
          <ErrorState error={runs.error} title="Could not load the runs" onRetry={runs.reload} compact />
        ) : !runs.data || runs.data.length === 0 ? (
          <EmptyState title="No runs yet" compact>
            Train a forecast to see how an LSTM does on this series.
          </EmptyState>
        ) : (
          <RunList runs={runs.data} />
        )}
      </Card>

      <SchedulesPanel seriesId={id} defaults={defaultConfig} onRunsChanged={runs.reload} />
    </>
  );
}
