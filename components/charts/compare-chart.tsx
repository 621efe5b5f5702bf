'use client';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { compareKeys, type ChartRow } from '@/lib/client/chart-data';
import { timeZoneLabel } from '@/lib/client/format';
import type { Frequency } from '@/lib/client/types';
import { ChartFigure, COLORS, timeAxisProps, timeTooltip, valueAxisProps, type LegendItem } from './chart-parts';

export interface ComparedLine {
  /** Position of the run in compareRows()' input. */
  index: number;
  label: string;
  color: string;
}

interface CompareChartProps {
  rows: ChartRow[];
  lines: ComparedLine[];
  frequency: Frequency;
  /** The series' IANA zone or file offset (seriesZone: "Europe/Berlin", "+02:00"): times are shown in it. */
  timeOffset?: string | null;
  height?: number;
  /** Offers SVG/PNG downloads named from these parts (series, run); absent: none. */
  exportName?: readonly (string | null | undefined)[];
}

/** Actuals with every run's forecast: solid over its test window, dashed into the future. */
export function CompareChart({ rows, lines, frequency, timeOffset, height = 380, exportName }: CompareChartProps) {
  const first = rows[0]?.t ?? 0;
  const last = rows[rows.length - 1]?.t ?? 0;
  const line = { dot: false, isAnimationActive: false, type: 'linear' } as const;
  const legend: LegendItem[] = [
    { label: 'Actual', color: COLORS.actual },
    ...lines.map((l) => ({ label: l.label, color: l.color })),
    { label: 'Future (dashed)', color: COLORS.axis, variant: 'dashed' },
  ];
  return (
    <ChartFigure
      exportAs={exportName && { name: [...exportName, 'comparison'], label: 'comparison chart' }}
      description={`Actual values with the forecasts of ${lines.map((l) => l.label).join(', ')}: solid over each run's last backtest window, dashed after the last actual value. Times in ${timeZoneLabel(timeOffset)}.`}
      legend={legend}
      data-testid="compare-chart"
    >
      <LineChart
        responsive
        data={rows}
        style={{ width: '100%', height }}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke={COLORS.grid} vertical={false} />
        <XAxis {...timeAxisProps(first, last, timeOffset, frequency)} />
        <YAxis {...valueAxisProps} />
        <Tooltip content={timeTooltip(frequency, timeOffset)} />
        <Line dataKey="actual" name="Actual" stroke={COLORS.actual} strokeWidth={1.6} {...line} />
        {lines.map((l) => {
          const keys = compareKeys(l.index);
          return [
            <Line key={keys.test} dataKey={keys.test} name={l.label} stroke={l.color} strokeWidth={2.2} {...line} />,
            <Line
              key={keys.future}
              dataKey={keys.future}
              name={`${l.label} (future)`}
              stroke={l.color}
              strokeWidth={2}
              strokeDasharray="5 4"
              {...line}
            />,
          ];
        })}
      </LineChart>
    </ChartFigure>
  );
}
