'use client';
import { ForecastChart } from '@/components/charts/forecast-chart';
import { Card } from '@/components/ui/card';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { contextStart, forecastRows } from '@/lib/client/chart-data';
import { useRunForecast, useSeriesPoints } from '@/lib/client/hooks';
import type { Frequency, Run } from '@/lib/client/types';
import { DownloadLinks } from './download-links';

/** Points of recent history drawn before the test window (the API downsamples beyond that). */
const MAX_POINTS = 1000;

export function RunForecastCard({ run, frequency }: { run: Run; frequency: Frequency }) {
  const forecast = useRunForecast(run.id, true);
  const from = run.summary ? contextStart(run.summary, run.config) : undefined;
  const history = useSeriesPoints(run.seriesId, { from, max: MAX_POINTS });

  const loading = forecast.loading || history.loading;
  const error = forecast.error ?? history.error;
  const testStart = run.summary ? Date.parse(run.summary.testStart) : Date.parse(forecast.data?.test[0]?.t ?? '');
  const testEnd = run.summary
    ? Date.parse(run.summary.testEnd)
    : Date.parse(forecast.data?.test[forecast.data.test.length - 1]?.t ?? '');

  return (
    <Card
      title="Forecast"
      description="The shaded test window was held out from training; the dashed lines forecast beyond the last point."
      actions={<DownloadLinks runId={run.id} />}
    >
      {loading ? (
        <LoadingState label="Loading the forecast…" />
      ) : error && (!forecast.data || !history.data) ? (
        <ErrorState
          error={error}
          title="Could not load the forecast"
          onRetry={() => {
            forecast.reload();
            history.reload();
          }}
        />
      ) : !forecast.data || forecast.data.test.length + forecast.data.future.length === 0 ? (
        <EmptyState title="This run stored no forecast" />
      ) : (
        <ForecastChart
          rows={forecastRows(history.data ?? [], forecast.data)}
          testStart={testStart}
          testEnd={testEnd}
          frequency={frequency}
        />
      )}
    </Card>
  );
}
