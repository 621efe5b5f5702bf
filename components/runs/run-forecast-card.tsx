'use client';
import { useMemo } from 'react';
import { ForecastChart } from '@/components/charts/forecast-chart';
import { ZoomBar } from '@/components/charts/zoom-bar';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { forecastRows, mergeByTime } from '@/lib/client/chart-data';
import type { DrawnModels } from '@/lib/client/drawn-models';
import { formatCount, formatSeriesRange, formatSeriesTime, timeZoneLabel } from '@/lib/client/format';
import { seriesDecimals } from '@/lib/client/forecast-table';
import { useRunForecast } from '@/lib/client/hooks';
import { earlierBacktestWindows, runChartRange, trainingSplit } from '@/lib/client/run-chart-data';
import type { Frequency, PredictionModel, Run } from '@/lib/client/types';
import { useZoomablePoints } from '@/lib/client/use-zoomable-points';
import { DownloadLinks } from './download-links';
import { ForecastTable } from './forecast-table';

/** Points of history drawn (about the chart's width); the API downsamples longer ranges. */
const MAX_POINTS = 1000;

interface RunForecastCardProps {
  run: Run;
  frequency: Frequency;
  /** The series' UTC offset ("+02:00"): times are shown at it. */
  timeOffset?: string | null;
  /** The models drawn: the picked one (the champion by default) and those beside it. */
  drawn: DrawnModels;
  /** The model picked in the leaderboard or the picker; null for the champion. */
  picked: PredictionModel | null;
  onPick: (model: PredictionModel | null) => void;
}

export function RunForecastCard({ run, frequency, timeOffset, drawn, picked, onPick }: RunForecastCardProps) {
  const forecast = useRunForecast(run.id, true);
  const split = run.summary ? trainingSplit(run.summary, run.config) : null;
  const backtest = useMemo(() => earlierBacktestWindows(run.evaluation, drawn), [run.evaluation, drawn]);
  // Opens on the evaluation: the validation part, every backtest window, the test window.
  const opening = split ? runChartRange(split, backtest.windows, run.config, split.testEnd) : null;
  const history = useZoomablePoints(run.seriesId, { max: MAX_POINTS, defaultRange: opening });

  const loading = forecast.loading || history.loading;
  const error = forecast.error ?? history.error;
  const testStart = split?.testStart ?? Date.parse(forecast.data?.test[0]?.t ?? '');
  const testEnd = split?.testEnd ?? Date.parse(forecast.data?.test[forecast.data.test.length - 1]?.t ?? '');
  const zoom = history.zoom;
  const validationStart = split?.validationStart ?? null;
  const holidays = useMemo(
    () => (run.evaluation?.holidays?.dates ?? []).map((h) => ({ t: Date.parse(h.t), name: `${h.name} (${h.date})` })),
    [run.evaluation],
  );
  const lastStep = Date.parse(forecast.data?.future.at(-1)?.t ?? '') || testEnd;
  // Kept while its inputs are the same: new rows mid-drag would make the brush drop the drag.
  const rows = useMemo(
    () =>
      forecast.data && history.points
        ? mergeByTime([...forecastRows(history.points, forecast.data, drawn), ...backtest.rows]).filter(
            (row) => !zoom || (row.t >= zoom.from && row.t <= zoom.to),
          )
        : [],
    [forecast.data, history.points, backtest.rows, zoom, drawn],
  );

  // The series' own precision (from the actual values drawn), for the forecast table.
  const decimals = useMemo(() => seriesDecimals(history.points?.map((p) => p.v) ?? []), [history.points]);

  return (
    <Card
      title="Forecast"
      description="Shaded: the backtest windows (the last one in blue), each forecast by models fit only on the data before it. Dashed: the forecast beyond the last point. Pick a model here or in the leaderboard to draw it. Drag the handles under the chart to zoom."
      actions={<DownloadLinks run={run} model={picked} onModelChange={onPick} />}
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
              `${formatSeriesRange(new Date(rows[0]?.t ?? testStart).toISOString(), new Date(rows[rows.length - 1]?.t ?? testEnd).toISOString(), frequency, timeOffset, false)} · ${formatCount(history.points?.length)} actual points drawn` +
              // The split stays findable when its validation line is out of view; the zone is said once.
              (validationStart !== null && rows.length > 0 && validationStart < rows[0].t
                ? ` · validation from ${formatSeriesTime(validationStart, frequency, timeOffset, false)}`
                : '') +
              ` · times in ${timeZoneLabel(timeOffset)}`
            }
            zoomed={zoom !== null}
            refreshing={history.refreshing}
            onReset={history.reset}
          >
            {split && (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => history.zoomTo({ from: split.trainStart, to: lastStep })}
                data-testid="whole-series"
              >
                Whole series
              </Button>
            )}
          </ZoomBar>
          <ForecastChart
            rows={rows}
            drawn={drawn}
            timeOffset={timeOffset}
            testStart={testStart}
            testEnd={testEnd}
            frequency={frequency}
            windows={backtest.windows}
            validationStart={validationStart}
            onZoom={history.zoomTo}
            holidays={holidays}
          />
          <ForecastTable
            forecast={forecast.data}
            drawn={drawn}
            frequency={frequency}
            timeOffset={timeOffset}
            decimals={decimals}
          />
        </div>
      )}
    </Card>
  );
}
