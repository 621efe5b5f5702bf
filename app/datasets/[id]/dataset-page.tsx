'use client';
import { useRouter } from 'next/navigation';
import { ForecastAllButton } from '@/components/batches/forecast-all-button';
import { ForecastWithCovariates } from '@/components/batches/forecast-with-covariates';
import { AppendData } from '@/components/datasets/append-data';
import { SeriesTable } from '@/components/datasets/series-table';
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
import { useDataset } from '@/lib/client/hooks';

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
            <ForecastAllButton datasetId={dataset.id} seriesCount={dataset.series.length} />
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
      {dataset.series.length > 1 && (
        <Card
          title="Forecast all series with covariates"
          description="Some series as inputs of the others: known-future ones (promotions, prices) need values for the forecast steps."
        >
          <ForecastWithCovariates datasetId={dataset.id} series={dataset.series} />
        </Card>
      )}
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
