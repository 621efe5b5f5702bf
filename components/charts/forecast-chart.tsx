'use client';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRow } from '@/lib/client/chart-data';
import { formatSeriesRange } from '@/lib/client/format';
import type { Frequency } from '@/lib/client/types';
import { ChartFigure, COLORS, timeAxisProps, timeTooltip, valueAxisProps } from './chart-parts';

interface ForecastChartProps {
  /** From forecastRows(): actual, lstm, naive, lstmFuture, naiveFuture, lo80/hi80/lo95/hi95. */
  rows: ChartRow[];
  testStart: number;
  testEnd: number;
  frequency: Frequency;
  height?: number;
}

/** A range area's [lower, upper] of one row; null bounds make a gap (an unbounded step). */
const band = (lower: string, upper: string) => (row: ChartRow) => [row[lower] ?? null, row[upper] ?? null];

/**
 * Recent actuals, the held-out test window (shaded) with both models' forecasts over it, and the
 * future forecast after the last actual. Forecasts over the test window are solid, future dashed;
 * the LSTM's 95% and 80% prediction intervals shade around its future forecast.
 */
export function ForecastChart({ rows, testStart, testEnd, frequency, height = 360 }: ForecastChartProps) {
  const first = rows[0]?.t ?? 0;
  const last = rows[rows.length - 1]?.t ?? 0;
  const line = { dot: false, isAnimationActive: false, connectNulls: false, type: 'linear' } as const;
  const area = { ...line, stroke: 'none', fill: COLORS.lstm, activeDot: false, tooltipType: 'none' } as const;
  const hasBands = rows.some((row) => row.lo80 !== undefined || row.lo95 !== undefined);
  return (
    <ChartFigure
      description={`Actual values with the LSTM and seasonal-naive forecasts. Test window ${formatSeriesRange(new Date(testStart).toISOString(), new Date(testEnd).toISOString(), frequency)} is shaded; the future forecast follows the last actual value${hasBands ? ', with the LSTM’s 80% and 95% prediction intervals shaded around it' : ''}.`}
      legend={[
        { label: 'Actual', color: COLORS.actual },
        { label: 'LSTM', color: COLORS.lstm },
        { label: 'Seasonal naive', color: COLORS.naive },
        { label: 'LSTM future', color: COLORS.lstm, variant: 'dashed' },
        { label: 'Seasonal naive future', color: COLORS.naive, variant: 'dashed' },
        { label: 'Test window', color: COLORS.window, variant: 'area' },
        ...(hasBands ? [{ label: 'LSTM 80% / 95% interval', color: COLORS.band, variant: 'area' as const }] : []),
      ]}
      data-testid="forecast-chart"
    >
      <ComposedChart responsive data={rows} style={{ width: '100%', height }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={COLORS.grid} vertical={false} />
        <XAxis {...timeAxisProps(first, last)} />
        <YAxis {...valueAxisProps} />
        <ReferenceArea x1={testStart} x2={testEnd} fill={COLORS.window} fillOpacity={1} ifOverflow="extendDomain" />
        <Tooltip content={timeTooltip(frequency)} />
        {hasBands && <Area dataKey={band('lo95', 'hi95')} name="LSTM 95% interval" fillOpacity={0.12} {...area} />}
        {hasBands && <Area dataKey={band('lo80', 'hi80')} name="LSTM 80% interval" fillOpacity={0.2} {...area} />}
        <Line dataKey="actual" name="Actual" stroke={COLORS.actual} strokeWidth={1.6} {...line} />
        <Line dataKey="naive" name="Seasonal naive" stroke={COLORS.naive} strokeWidth={2} {...line} />
        <Line dataKey="lstm" name="LSTM" stroke={COLORS.lstm} strokeWidth={2.2} {...line} />
        <Line dataKey="naiveFuture" name="Seasonal naive future" stroke={COLORS.naive} strokeWidth={1.8} strokeDasharray="5 4" {...line} />
        <Line dataKey="lstmFuture" name="LSTM future" stroke={COLORS.lstm} strokeWidth={2.2} strokeDasharray="5 4" {...line} />
      </ComposedChart>
    </ChartFigure>
  );
}
