'use client';
import { HistoryChart } from '@/components/charts/history-chart';
import { ZoomBar } from '@/components/charts/zoom-bar';
import { RunList } from '@/components/runs/run-list';
import { TrainForm } from '@/components/runs/train-form';
import { SchedulesPanel } from '@/components/schedules/schedules-panel';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { ApiError } from '@/lib/client/api-error';
import { formatCount, formatFrequency, formatSeriesRange, seriesZone } from '@/lib/client/format';
import { useDataset, useRuns, useSeries } from '@/lib/client/hooks';
import { useZoomablePoints } from '@/lib/client/use-zoomable-points';

/** Points drawn in the history chart (about its width in pixels); the API downsamples longer ranges. */
const HISTORY_POINTS = 1500;

export function SeriesPage({ id }: { id: string }) {
  const seriesResource = useSeries(id);
  const { data, error, loading, reload } = seriesResource;
  const dataset = useDataset(data?.series.datasetId ?? null).data;
  const points = useZoomablePoints(id, { max: HISTORY_POINTS });
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
  // Siblings the global LSTM could pool (it needs the same frequency); 0 until the dataset loads.
  const relatedSeries = dataset?.series.filter((s) => s.id !== id && s.frequency === series.frequency).length ?? 0;
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
            <span data-testid="series-range">
              {formatSeriesRange(series.start, series.end, series.frequency, seriesZone(series))}
            </span>
          </>
        }
      />

      <Card
        title="History"
        description="Drag the handles under the chart to zoom in: the zoomed range loads at full detail."
      >
        {points.loading ? (
          <LoadingState label="Loading points…" />
        ) : points.error && !points.points ? (
          <ErrorState error={points.error} title="Could not load the points" onRetry={points.reload} />
        ) : !points.points || points.points.length === 0 ? (
          <EmptyState title="No points stored for this series" />
        ) : (
          <div className="stack stack-sm">
            <ZoomBar
              summary={`${formatSeriesRange(points.points[0].t, points.points[points.points.length - 1].t, series.frequency, seriesZone(series))} · ${formatCount(points.points.length)} of ${formatCount(series.points)} points drawn`}
              zoomed={points.zoom !== null}
              refreshing={points.refreshing}
              onReset={points.reset}
            />
            <HistoryChart
              points={points.points}
              frequency={series.frequency}
              timeOffset={seriesZone(series)}
              name={series.name}
              onZoom={points.zoomTo}
              zoomed={points.zoom !== null}
            />
          </div>
        )}
      </Card>

      <Card
        title="Train a forecast"
        description={
          defaultConfig ? 'Pre-filled with the defaults for this series.' : 'Blank fields use the server defaults.'
        }
      >
        <TrainForm
          key={id}
          seriesId={id}
          defaults={defaultConfig}
          points={series.points}
          relatedSeries={relatedSeries}
          series={series}
          datasetSeries={dataset?.series}
        />
      </Card>

      <Card
        title="Runs"
        description="Each run scores every model on backtest windows at the end of the series, against a seasonal-naive baseline."
      >
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

      <SchedulesPanel
        target={{ seriesId: id }}
        defaults={defaultConfig}
        relatedSeries={relatedSeries}
        onRunsChanged={runs.reload}
        series={series}
        datasetSeries={dataset?.series}
      />
    </>
  );
}
