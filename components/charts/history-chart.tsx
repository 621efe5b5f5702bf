'use client';
import { useId } from 'react';
import { Area, AreaChart, Brush, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatSeriesRange } from '@/lib/client/format';
import type { Frequency, Point } from '@/lib/client/types';
import { ChartFigure, COLORS, timeAxisProps, timeTickFormatter, timeTooltip, valueAxisProps } from './chart-parts';

interface HistoryChartProps {
  points: readonly Point[];
  frequency: Frequency;
  name: string;
  height?: number;
}

/** Above this many points a range selector under the chart lets the user zoom in. */
const BRUSH_FROM = 300;

/** The whole history of a series (downsampled by the API to fit the width). */
export function HistoryChart({ points, frequency, name, height = 300 }: HistoryChartProps) {
  const data = points.map((p) => ({ t: new Date(p.t).getTime(), v: p.v }));
  const first = data[0]?.t ?? 0;
  const last = data[data.length - 1]?.t ?? 0;
  // A document-unique id: url(#…) references are global to the page.
  const gradientId = `history-fill-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <ChartFigure
      description={`Line chart of ${name}: ${formatCount(points.length)} points shown, ${formatSeriesRange(points[0]?.t, points[points.length - 1]?.t, frequency)}.`}
      data-testid="history-chart"
    >
      <AreaChart responsive data={data} style={{ width: '100%', height }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <defs>
          <linearGradient id={gradientId} x1="0" y1="0" x2="0" y2="1">
            <stop offset="0%" stopColor={COLORS.lstm} stopOpacity={0.22} />
            <stop offset="100%" stopColor={COLORS.lstm} stopOpacity={0} />
          </linearGradient>
        </defs>
        <CartesianGrid stroke={COLORS.grid} vertical={false} />
        <XAxis {...timeAxisProps(first, last)} />
        <YAxis {...valueAxisProps} />
        <Tooltip content={timeTooltip(frequency)} />
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
        {data.length > BRUSH_FROM && (
          <Brush
            dataKey="t"
            height={28}
            travellerWidth={8}
            stroke="var(--border-strong)"
            fill="var(--surface)"
            tickFormatter={timeTickFormatter(first, last)}
            aria-label="Zoom: drag the handles to choose a time range"
          />
        )}
      </AreaChart>
    </ChartFigure>
  );
}
