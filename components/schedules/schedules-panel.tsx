'use client';
import { Card } from '@/components/ui/card';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useSchedules } from '@/lib/client/hooks';
import type { ForecastConfig, Series } from '@/lib/client/types';
import { ScheduleForm } from './schedule-form';
import { ScheduleList } from './schedule-list';

interface SchedulesPanelProps {
  seriesId: string;
  defaults: ForecastConfig | null;
  /** Other series of the dataset with this series' frequency: what a global LSTM would pool. */
  relatedSeries: number;
  /** Called when something may have created runs, so the runs list can refresh. */
  onRunsChanged?: () => void;
  /** The series and its dataset's series: the covariates to choose from. */
  series?: Series;
  datasetSeries?: readonly Series[];
}

export function SchedulesPanel({
  seriesId,
  defaults,
  relatedSeries,
  onRunsChanged,
  series,
  datasetSeries,
}: SchedulesPanelProps) {
  const { data: schedules, error, loading, reload } = useSchedules(seriesId);
  const changed = () => {
    reload();
    onRunsChanged?.();
  };

  return (
    <Card title="Schedules" description="Retrain on the newest data automatically." data-testid="schedules-panel">
      <div className="grid-2">
        <ScheduleForm
          seriesId={seriesId}
          defaults={defaults}
          relatedSeries={relatedSeries}
          onCreated={changed}
          series={series}
          datasetSeries={datasetSeries}
        />
        <div>
          {loading ? (
            <LoadingState label="Loading schedules…" compact />
          ) : error && !schedules ? (
            <ErrorState error={error} title="Could not load the schedules" onRetry={reload} compact />
          ) : !schedules || schedules.length === 0 ? (
            <EmptyState title="No schedules" compact>
              Create one to retrain this series at an interval or on a cron expression.
            </EmptyState>
          ) : (
            <ScheduleList schedules={schedules} onChange={changed} />
          )}
        </div>
      </div>
    </Card>
  );
}
