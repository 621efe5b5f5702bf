'use client';
// One series' part of a comparison: its actuals with the forecasts of the compared runs that
// forecast it. A comparison across several series shows one panel per series (small multiples),
// each on its own value scale, with every run in the colour it has in the metrics table.
import { CompareChart, type ComparedLine } from '@/components/charts/compare-chart';
import { Alert } from '@/components/ui/alert';
import { LoadingState } from '@/components/ui/states';
import { errorMessage } from '@/lib/client/api-error';
import { compareRows, contextStart } from '@/lib/client/chart-data';
import { timeZoneLabel } from '@/lib/client/format';
import { useSeriesPoints } from '@/lib/client/hooks';
import type { Frequency, Run, RunForecast } from '@/lib/client/types';

/** Points of history per panel (about its width); the API downsamples longer ranges. */
const MAX_POINTS = 1000;

export interface PanelRun {
  run: Run;
  forecast: RunForecast;
  /** The run's position among all compared runs: its row keys in compareRows(). */
  index: number;
  label: string;
  color: string;
}

interface CompareSeriesPanelProps {
  seriesId: string;
  /** Heading of the panel; omitted when the comparison has one series. */
  title?: string;
  frequency: Frequency;
  /** The series' UTC offset ("+02:00"): times are shown at it. */
  timeOffset?: string | null;
  runs: readonly PanelRun[];
  height?: number;
}

export function CompareSeriesPanel({ seriesId, title, frequency, timeOffset, runs, height }: CompareSeriesPanelProps) {
  const froms = runs.flatMap(({ run }) => (run.summary ? [contextStart(run.summary, run.config)] : []));
  const from = froms.length ? froms.reduce((a, b) => (a < b ? a : b)) : undefined;
  const history = useSeriesPoints(seriesId, { from, max: MAX_POINTS });

  const forecasts: (RunForecast | null)[] = [];
  for (const { index, forecast } of runs) forecasts[index] = forecast;
  const lines: ComparedLine[] = runs.map(({ index, label, color }) => ({ index, label, color }));

  return (
    <section
      className="stack stack-sm"
      aria-label={title ? `Forecasts of ${title}` : undefined}
      data-testid="compare-panel"
    >
      <div className="row-between">
        {title ? <h3>{title}</h3> : <span />}
        <span className="muted" data-testid="compare-time-zone">
          Times in {timeZoneLabel(timeOffset)}
        </span>
      </div>
      {history.loading ? (
        <LoadingState label="Loading the actuals…" compact />
      ) : (
        <>
          {history.error !== undefined && !history.data && (
            <Alert tone="warning">The actuals could not be loaded: {errorMessage(history.error)}</Alert>
          )}
          <CompareChart
            exportName={[title ?? 'series', `${runs.length}-runs`]}
            rows={compareRows(history.data ?? [], forecasts)}
            lines={lines}
            frequency={frequency}
            timeOffset={timeOffset}
            height={height}
          />
        </>
      )}
    </section>
  );
}
