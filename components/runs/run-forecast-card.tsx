'use client';
import { useMemo } from 'react';
import { ForecastChart } from '@/components/charts/forecast-chart';
import { ZoomBar } from '@/components/charts/zoom-bar';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { forecastRows, mergeByTime } from '@/lib/client/chart-data';
import { formatCount, formatSeriesRange, formatSeriesTime } from '@/lib/client/format';
import { useRunForecast } from '@/lib/client/hooks';
import { earlierBacktestWindows, runChartRange, trainingSplit } from '@/lib/client/run-chart-data';
import type { Frequency, Run } from '@/lib/client/types';
import { useZoomablePoints } from '@/lib/client/use-zoomable-points';
import { DownloadLinks } from './download-links';

/** Points of history drawn (about the chart's width); the API downsamples longer ranges. */
const MAX_POINTS = 1000;

export function RunForecastCard({ run, frequency }: { run: Run; frequency: Frequency }) {
  const forecast = useRunForecast(run.id, true);
  const split = run.summary ? trainingSplit(run.summary, run.config) : null;
  const backtest = useMemo(() => earlierBacktestWindows(run.evaluation), [run.evaluation]);
  // Opens on the evaluation: the validation part, every backtest window, the test window.
  const opening = split ? runChartRange(split, backtest.windows, run.config, split.testEnd) : null;
  const history = useZoomablePoints(run.seriesId, { max: MAX_POINTS, defaultRange: opening });

  const loading = forecast.loading || history.loading;
  const error = forecast.error ?? history.error;
  const testStart = split?.testStart ?? Date.parse(forecast.data?.test[0]?.t ?? '');
  const testEnd = split?.testEnd ?? Date.parse(forecast.data?.test[forecast.data.test.length - 1]?.t ?? '');
  const zoom = history.zoom;
  const validationStart = split?.validationStart ?? null;
  const lastStep = Date.parse(forecast.data?.future.at(-1)?.t ?? '') || testEnd;
  // Kept while its inputs are the same: new rows mid-drag would make the brush drop the drag.
  const rows = useMemo(
    () =>
      forecast.data && history.points
        ? mergeByTime([...forecastRows(history.points, forecast.data), ...backtest.rows]).filter(
            (row) => !zoom || (row.t >= zoom.from && row.t <= zoom.to),
          )
        : [],
    [forecast.data, history.points, backtest.rows, zoom],
  );

  return (
    <Card
      title="Forecast"
      description="Shaded: the earlier backtest windows and the held-out test window, each forecast by models fit only on the data before it. Dashed: the forecast beyond the last point. Drag the handles under the chart to zoom."
      actions={<DownloadLinks run={run} />}
    >
      {loading ? (
        <LoadingState label="Loading the forecast…" />
      ) : error && (!forecast.data || !history.points) ? (
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
        <div className="stack stack-sm">
          <ZoomBar
            summary={
              `${formatSeriesRange(new Date(rows[0]?.t ?? testStart).toISOString(), new Date(rows[rows.length - 1]?.t ?? testEnd).toISOString(), frequency)} · ${formatCount(history.points?.length)} actual points drawn` +
              // The split stays findable when its validation line is out of view.
              (validationStart !== null && rows.length > 0 && validationStart < rows[0].t
                ? ` · validation from ${formatSeriesTime(validationStart, frequency)}`
                : '')
            }
            zoomed={zoom !== null}
            refreshing={history.refreshing}
            onReset={history.reset}
          >
            {split && (
              <Button size="sm" variant="ghost" onClick={() => history.zoomTo({ from: split.trainStart, to: lastStep })} data-testid="whole-series">
                Whole series
              </Button>
            )}
          </ZoomBar>
          <ForecastChart
            rows={rows}
            testStart={testStart}
            testEnd={testEnd}
            frequency={frequency}
            windows={backtest.windows}
            validationStart={validationStart}
            onZoom={history.zoomTo}
          />
        </div>
      )}
    </Card>
  );
}
