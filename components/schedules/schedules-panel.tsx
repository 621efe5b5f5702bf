'use client';
import { Card } from '@/components/ui/card';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useSchedules } from '@/lib/client/hooks';
import type { ForecastConfig, Series } from '@/lib/client/types';
import { ScheduleForm, type ScheduleFormTarget } from './schedule-form';
import { ScheduleList } from './schedule-list';

interface SchedulesPanelProps {
  /** A series' schedules (a run per firing), or a dataset's own (a batch of its series per firing). */
  target: ScheduleFormTarget;
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
  target,
  defaults,
  relatedSeries,
  onRunsChanged,
  series,
  datasetSeries,
}: SchedulesPanelProps) {
  const dataset = 'datasetId' in target;
  const {
    data: schedules,
    error,
    loading,
    reload,
  } = useSchedules(dataset ? { datasetId: target.datasetId } : { seriesId: target.seriesId });
  const changed = () => {
    reload();
    onRunsChanged?.();
  };

  return (
    <Card
      title="Schedules"
      description={
        dataset
          ? 'Forecast the dataset’s series again on the newest data automatically: one batch per firing.'
          : 'Retrain on the newest data automatically.'
      }
      data-testid="schedules-panel"
    >
      <div className="grid-2">
        <ScheduleForm
          target={target}
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
              {dataset
                ? 'Create one to forecast this dataset’s series again at an interval or on a cron expression.'
                : 'Create one to retrain this series at an interval or on a cron expression.'}
            </EmptyState>
          ) : (
            <ScheduleList
              schedules={schedules}
              onChange={changed}
              seriesNames={dataset ? new Map(target.series.map((s) => [s.id, s.name])) : undefined}
            />
          )}
        </div>
      </div>
    </Card>
  );
}
