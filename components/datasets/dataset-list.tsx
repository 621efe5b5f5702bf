'use client';
import Link from 'next/link';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Card } from '@/components/ui/card';
import { RelativeTime } from '@/components/ui/relative-time';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { Table } from '@/components/ui/table';
import { deleteDataset } from '@/lib/client/api';
import { formatCount } from '@/lib/client/format';
import { useDatasets } from '@/lib/client/hooks';

export function DatasetList() {
  const { data: datasets, error, loading, reload } = useDatasets();

  return (
    <Card
      title="Datasets"
      description={datasets && datasets.length > 0 ? `${datasets.length} uploaded, newest first.` : undefined}
      data-testid="dataset-list"
    >
      {loading ? (
        <LoadingState label="Loading datasets…" />
      ) : error && !datasets ? (
        <ErrorState error={error} title="Could not load the datasets" onRetry={reload} />
      ) : !datasets || datasets.length === 0 ? (
        <EmptyState title="No datasets yet">Upload a CSV above to create your first dataset.</EmptyState>
      ) : (
        <Table caption="Datasets" moreColumns>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="col-more">
                File
              </th>
              <th scope="col" className="num">
                Series
              </th>
              <th scope="col" className="col-more">
                Created
              </th>
              <th scope="col" className="actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((dataset) => (
              <tr key={dataset.id}>
                <th scope="row">
                  <Link href={`/datasets/${dataset.id}`}>{dataset.name}</Link>
                </th>
                <td className="muted col-more">{dataset.fileName ?? '—'}</td>
                <td className="num">{formatCount(dataset.series.length)}</td>
                <td className="col-more">
                  <RelativeTime value={dataset.createdAt} />
                </td>
                <td className="actions">
                  <ConfirmButton
                    variant="ghost"
                    size="sm"
                    aria-label={`Delete dataset ${dataset.name}`}
                    title={`Delete “${dataset.name}”?`}
                    description="Its series, points, runs and schedules are deleted with it. This cannot be undone."
                    confirmLabel="Delete dataset"
                    onConfirm={async () => {
                      await deleteDataset(dataset.id);
                      reload();
                    }}
                  >
                    Delete
                  </ConfirmButton>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
