'use client';
import { useId, useMemo } from 'react';
import { Area, AreaChart, Brush, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatSeriesRange } from '@/lib/client/format';
import type { Frequency, Point } from '@/lib/client/types';
import { ChartFigure, COLORS, timeAxisProps, timeTickFormatter, timeTooltip, valueAxisProps } from './chart-parts';
import { useBrushZoom, type OnZoom } from './use-brush-zoom';

interface HistoryChartProps {
  points: readonly Point[];
  frequency: Frequency;
  name: string;
  height?: number;
  /**
   * Called with the range picked with the brush, to load it at full resolution (the chart redraws
   * with the new points, brush reset); `settled` once a drag ends, false for each step before.
   * Without it the brush only magnifies the points it has.
   */
  onZoom?: OnZoom;
  /** Keep the brush even when few points are shown: they are a zoomed range that can be zoomed further. */
  zoomed?: boolean;
  /** The series' IANA zone or file offset (seriesZone: "Europe/Berlin", "+02:00"): times are shown in it. */
  timeOffset?: string | null;
  /** Offers SVG/PNG downloads named from these parts (series, run); absent: none. */
  exportName?: readonly (string | null | undefined)[];
}

/** Above this many points a range selector under the chart lets the user zoom in. */
const BRUSH_FROM = 300;

/** The history of a series, or of a zoomed range of it (downsampled by the API to fit the width). */
export function HistoryChart({
  points,
  frequency,
  name,
  height = 300,
  onZoom,
  zoomed = false,
  timeOffset,
  exportName,
}: HistoryChartProps) {
  // The same array while the points are the same: a new one would make the brush drop a drag in progress.
  const data = useMemo(() => points.map((p) => ({ t: new Date(p.t).getTime(), v: p.v })), [points]);
  const brushZoom = useBrushZoom(data, onZoom);
  const first = data[0]?.t ?? 0;
  const last = data[data.length - 1]?.t ?? 0;
  // A document-unique id: url(#…) references are global to the page.
  const gradientId = `history-fill-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <ChartFigure
      exportAs={exportName && { name: [...exportName, 'history'], label: 'history chart' }}
      description={`Line chart of ${name}: ${formatCount(points.length)} points shown, ${formatSeriesRange(points[0]?.t, points[points.length - 1]?.t, frequency, timeOffset)}.`}
      data-testid="history-chart"
    >
      {/* A new set of points is a new chart: the brush starts again from the full width. */}
      <div {...brushZoom.containerProps}>
        <AreaChart
          key={`${first}:${last}:${data.length}`}
          responsive
          data={data}
          style={{ width: '100%', height }}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        >
          <defs>
            <linearGradient id={gradientId} x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor={COLORS.lstm} stopOpacity={0.22} />
              <stop offset="100%" stopColor={COLORS.lstm} stopOpacity={0} />
            </linearGradient>
          </defs>
          <CartesianGrid stroke={COLORS.grid} vertical={false} />
          <XAxis {...timeAxisProps(first, last, timeOffset, frequency)} />
          <YAxis {...valueAxisProps} />
          <Tooltip content={timeTooltip(frequency, timeOffset)} />
          <Area
            dataKey="v"
            name={name}
            type="linear"
            baseValue="dataMin"
            stroke={COLORS.lstm}
            strokeWidth={1.6}
            fill={`url(#${gradientId})`}
            isAnimationActive={false}
            dot={false}
          />
          {(data.length > BRUSH_FROM || (zoomed && data.length > 2)) && (
            <Brush
              {...brushZoom.brushProps}
              dataKey="t"
              height={28}
              travellerWidth={8}
              stroke="var(--border-strong)"
              fill="var(--surface)"
              tickFormatter={timeTickFormatter(first, last, timeOffset, frequency)}
              aria-label="Zoom: drag the handles to choose a time range"
            />
          )}
        </AreaChart>
      </div>
    </ChartFigure>
  );
}
