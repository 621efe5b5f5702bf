'use client';
import Link from 'next/link';
import { BatchGroups, groupRunsByBatch } from '@/components/batches/batch-groups';
import { RunList } from '@/components/runs/run-list';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useDatasets, useRuns } from '@/lib/client/hooks';

/** Every run of every series, newest first. */
export function RunsPage() {
  const runs = useRuns();
  const datasets = useDatasets().data;
  const seriesNames = new Map<string, string>();
  for (const dataset of datasets ?? []) {
    for (const s of dataset.series) seriesNames.set(s.id, `${dataset.name} / ${s.name}`);
  }

  // A batch's runs are one row each batch, above the single runs.
  const grouped = groupRunsByBatch(runs.data ?? []);

  return (
    <>
      <PageHeader title="Runs" meta="All training runs, newest first." />
      {grouped.batches.length > 0 && (
        <Card
          title="Batches"
          description="Forecasts of many series at once; open one for its scores and its series' runs."
        >
          <BatchGroups groups={grouped.batches} />
        </Card>
      )}
      <Card title={grouped.batches.length > 0 ? 'Single runs' : 'All runs'}>
        {runs.loading ? (
          <LoadingState label="Loading runs…" />
        ) : runs.error && !runs.data ? (
          <ErrorState error={runs.error} title="Could not load the runs" onRetry={runs.reload} />
        ) : !runs.data || grouped.single.length === 0 ? (
          <EmptyState
            title={grouped.batches.length > 0 ? 'No single runs yet' : 'No runs yet'}
            action={<Link href="/">Open a dataset</Link>}
          >
            Open a series and train a forecast to start.
          </EmptyState>
        ) : (
          <RunList runs={grouped.single} seriesNames={seriesNames} />
        )}
      </Card>
    </>
  );
}
