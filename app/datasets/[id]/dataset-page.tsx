'use client';
import { useRouter } from 'next/navigation';
import { ForecastAllForm } from '@/components/batches/forecast-all-form';
import { AppendData } from '@/components/datasets/append-data';
import { SeriesTable } from '@/components/datasets/series-table';
import { RunList } from '@/components/runs/run-list';
import { SchedulesPanel } from '@/components/schedules/schedules-panel';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/ui/relative-time';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { datasetExportUrl, deleteDataset } from '@/lib/client/api';
import { ApiError } from '@/lib/client/api-error';
import { formatCount } from '@/lib/client/format';
import { useDataset, useDatasetRuns } from '@/lib/client/hooks';
import type { Dataset } from '@/lib/client/types';

const HOME = [{ href: '/', label: 'Datasets' }];

export function DatasetPage({ id }: { id: string }) {
  const router = useRouter();
  const { data: dataset, error, loading, reload, setData } = useDataset(id);

  if (loading) return <LoadingState label="Loading the dataset…" />;
  if (!dataset) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <>
        <PageHeader title={missing ? 'Dataset not found' : 'Dataset'} breadcrumbs={HOME} />
        <div className="card">
          <ErrorState
            error={error}
            title={missing ? 'This dataset does not exist (any more)' : 'Could not load the dataset'}
            onRetry={missing ? undefined : reload}
          />
        </div>
      </>
    );
  }

  const points = dataset.series.reduce((sum, s) => sum + s.points, 0);
  return (
    <>
      <PageHeader
        title={dataset.name}
        breadcrumbs={HOME}
        meta={
          <>
            {dataset.fileName && <span>{dataset.fileName}</span>}
            <span>
              {formatCount(dataset.series.length)} series · {formatCount(points)} points
            </span>
            <span>
              Uploaded <RelativeTime value={dataset.createdAt} />
            </span>
          </>
        }
        actions={
          <>
            <ButtonLink href={datasetExportUrl(dataset.id)} download data-testid="download-dataset">
              Download CSV
            </ButtonLink>
            <ConfirmButton
              title={`Delete “${dataset.name}”?`}
              description="Its series, points, runs and schedules are deleted with it. This cannot be undone."
              confirmLabel="Delete dataset"
              onConfirm={async () => {
                await deleteDataset(dataset.id);
                router.push('/');
              }}
            >
              Delete dataset
            </ConfirmButton>
          </>
        }
      />
      <Card title="Series" description="Open a series to see its history and train a forecaster on it.">
        {dataset.series.length === 0 ? (
          <EmptyState title="This dataset has no series" />
        ) : (
          <SeriesTable series={dataset.series} />
        )}
      </Card>
      {dataset.series.length > 0 && (
        <Card
          title="Forecast all series"
          description="One batch: every series compares its models on its own backtest, and the batch page sums them up. Other series of the dataset can be inputs of the rest (promotions, prices), with a holiday calendar."
        >
          <ForecastAllForm datasetId={dataset.id} series={dataset.series} />
        </Card>
      )}
      <DatasetRuns dataset={dataset} />
      <Card
        title="Append data"
        description="Add newer rows from a CSV; scheduled retraining uses them from its next run."
      >
        <AppendData datasetId={dataset.id} onAppended={setData} />
      </Card>
      {dataset.series.length > 0 && (
        <SchedulesPanel target={{ datasetId: dataset.id, series: dataset.series }} defaults={null} relatedSeries={0} />
      )}
    </>
  );
}

/** Every run of the dataset's series, newest first, with its series, status, champion and MASE. */
function DatasetRuns({ dataset }: { dataset: Dataset }) {
  const runs = useDatasetRuns(dataset.id);
  const seriesNames = new Map(dataset.series.map((s) => [s.id, s.name]));
  return (
    <Card
      title="Runs"
      description="Training runs of every series in this dataset, newest first."
      data-testid="dataset-runs"
    >
      {runs.loading ? (
        <LoadingState label="Loading runs…" />
      ) : runs.error && !runs.data ? (
        <ErrorState error={runs.error} title="Could not load the runs" onRetry={runs.reload} />
      ) : !runs.data || runs.data.length === 0 ? (
        <EmptyState title="No runs yet" compact>
          Open a series above and train a forecast, or forecast every series at once.
        </EmptyState>
      ) : (
        <RunList runs={runs.data} seriesNames={seriesNames} />
      )}
    </Card>
  );
}
