'use client';
import Link from 'next/link';
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

  return (
    <>
      <PageHeader title="Runs" meta="All training runs, newest first." />
      <Card title="All runs">
        {runs.loading ? (
          <LoadingState label="Loading runs…" />
        ) : runs.error && !runs.data ? (
          <ErrorState error={runs.error} title="Could not load the runs" onRetry={runs.reload} />
        ) : !runs.data || runs.data.length === 0 ? (
          <EmptyState title="No runs yet" action={<Link href="/">Open a dataset</Link>}>
            Open a series and train a forecast to start.
          </EmptyState>
        ) : (
          <RunList runs={runs.data} seriesNames={seriesNames} />
        )}
      </Card>
    </>
  );
}
