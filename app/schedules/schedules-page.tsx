'use client';
// Every schedule of the user in one list, each saying what it retrains (a series, or a dataset's
// series as a batch per firing), and a form for a new dataset schedule. Series schedules are made on
// their series' page, where the series' defaults and history are at hand.
import Link from 'next/link';
import { useState } from 'react';
import { ScheduleForm } from '@/components/schedules/schedule-form';
import { ScheduleList } from '@/components/schedules/schedule-list';
import { Card } from '@/components/ui/card';
import { SelectField } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useDatasets, useSchedules } from '@/lib/client/hooks';
import type { Dataset, Schedule } from '@/lib/client/types';

const enc = encodeURIComponent;

function targetOf(schedule: Schedule, datasets: readonly Dataset[]) {
  if (schedule.datasetId !== null) {
    const dataset = datasets.find((d) => d.id === schedule.datasetId);
    return (
      <>
        Dataset <Link href={`/datasets/${enc(schedule.datasetId)}`}>{dataset?.name ?? schedule.datasetId}</Link>
        {' · '}a batch per firing
      </>
    );
  }
  const seriesId = schedule.seriesId ?? '';
  const dataset = datasets.find((d) => d.series.some((s) => s.id === seriesId));
  const series = dataset?.series.find((s) => s.id === seriesId);
  return (
    <>
      Series <Link href={`/series/${enc(seriesId)}`}>{series ? `${dataset?.name} / ${series.name}` : seriesId}</Link>
    </>
  );
}

export function SchedulesPage() {
  const schedules = useSchedules(null);
  const datasets = useDatasets();
  const withSeries = (datasets.data ?? []).filter((d) => d.series.length > 0);
  const [chosen, setChosen] = useState<string>('');
  const dataset = withSeries.find((d) => d.id === chosen) ?? withSeries[0];
  const seriesNames = new Map(withSeries.flatMap((d) => d.series.map((s) => [s.id, s.name] as const)));

  return (
    <>
      <PageHeader title="Schedules" meta="Retraining on the newest data, of single series and of whole datasets." />
      <Card
        title="New dataset schedule"
        description="Forecast a dataset’s series again at an interval or on a cron expression: one batch per firing. Schedule a single series on its page."
      >
        {datasets.loading ? (
          <LoadingState label="Loading datasets…" compact />
        ) : datasets.error && !datasets.data ? (
          <ErrorState error={datasets.error} title="Could not load the datasets" onRetry={datasets.reload} compact />
        ) : !dataset ? (
          <EmptyState title="No datasets yet" compact>
            Upload a dataset first; then schedule it here or on its page.
          </EmptyState>
        ) : (
          <div className="stack">
            <SelectField
              label="Dataset"
              value={dataset.id}
              onChange={(event) => setChosen(event.target.value)}
              className="field-search"
            >
              {withSeries.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} ({d.series.length} series)
                </option>
              ))}
            </SelectField>
            <ScheduleForm
              key={dataset.id}
              target={{ datasetId: dataset.id, series: dataset.series }}
              defaults={null}
              relatedSeries={0}
              onCreated={schedules.reload}
            />
          </div>
        )}
      </Card>
      <Card title="All schedules" data-testid="all-schedules">
        {schedules.loading ? (
          <LoadingState label="Loading schedules…" />
        ) : schedules.error && !schedules.data ? (
          <ErrorState error={schedules.error} title="Could not load the schedules" onRetry={schedules.reload} />
        ) : !schedules.data || schedules.data.length === 0 ? (
          <EmptyState title="No schedules yet">
            Create one above for a dataset, or on a series’ page for that series.
          </EmptyState>
        ) : (
          <ScheduleList
            schedules={schedules.data}
            onChange={schedules.reload}
            seriesNames={seriesNames}
            targetOf={(schedule) => targetOf(schedule, datasets.data ?? [])}
          />
        )}
      </Card>
    </>
  );
}
