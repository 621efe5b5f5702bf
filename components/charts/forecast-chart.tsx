'use client';
import { CartesianGrid, Line, LineChart, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRow } from '@/lib/client/chart-data';
import { formatSeriesRange } from '@/lib/client/format';
import type { Frequency } from '@/lib/client/types';
import { axisProps, ChartFigure, COLORS, compactNumber, timeTickFormatter, timeTooltip } from './chart-parts';

interface ForecastChartProps {
  /** From forecastRows(): actual, lstm, naive, lstmFuture, naiveFuture. */
  rows: ChartRow[];
  testStart: number;
  testEnd: number;
  frequency: Frequency;
  height?: number;
}

/**
 * Recent actuals, the held-out test window (shaded) with both models' forecasts over it, and the
 * future forecast after the last actual. Forecasts over the test window are solid, future dashed.
 */
export function ForecastChart({ rows, testStart, testEnd, frequency, height = 360 }: ForecastChartProps) {
  const first = rows[0]?.t ?? 0;
  const last = rows[rows.length - 1]?.t ?? 0;
  const line = { dot: false, isAnimationActive: false, connectNulls: false, type: 'linear' } as const;
  return (
    <ChartFigure
      description={`Actual values with the LSTM and seasonal-naive forecasts. Test window ${formatSeriesRange(new Date(testStart).toISOString(), new Date(testEnd).toISOString(), frequency)} is shaded; the future forecast follows the last actual value.`}
      legend={[
        { label: 'Actual', color: COLORS.actual },
        { label: 'LSTM', color: COLORS.lstm },
        { label: 'Seasonal naive', color: COLORS.naive },
        { label: 'LSTM future', color: COLORS.lstm, variant: 'dashed' },
        { label: 'Seasonal naive future', color: COLORS.naive, variant: 'dashed' },
        { label: 'Test window', color: COLORS.window, variant: 'area' },
      ]}
      data-testid="forecast-chart"
    >
      <LineChart responsive data={rows} style={{ width: '100%', height }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={COLORS.grid} vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={timeTickFormatter(first, last)}
          minTickGap={40}
          {...axisProps}
        />
        <YAxis width={56} tickFormatter={compactNumber} axisLine={false} domain={['auto', 'auto']} {...axisProps} />
        <ReferenceArea x1={testStart} x2={testEnd} fill={COLORS.window} fillOpacity={1} ifOverflow="extendDomain" />
        <Tooltip content={timeTooltip(frequency)} />
        <Line dataKey="actual" name="Actual" stroke={COLORS.actual} strokeWidth={1.6} {...line} />
        <Line dataKey="naive" name="Seasonal naive" stroke={COLORS.naive} strokeWidth={2} {...line} />
        <Line dataKey="lstm" name="LSTM" stroke={COLORS.lstm} strokeWidth={2.2} {...line} />
        <Line dataKey="naiveFuture" name="Seasonal naive future" stroke={COLORS.naive} strokeWidth={1.8} strokeDasharray="5 4" {...line} />
        <Line dataKey="lstmFuture" name="LSTM future" stroke={COLORS.lstm} strokeWidth={2.2} strokeDasharray="5 4" {...line} />
      </LineChart>
    </ChartFigure>
  );
}
