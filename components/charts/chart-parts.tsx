'use client';
// Pieces every Horizon chart shares: theme colours (CSS variables, so charts follow dark mode),
// axis styling, UTC time ticks, an HTML legend and a tooltip that matches the cards.
import type { ReactNode } from 'react';
import type { TooltipContentProps } from 'recharts';
import { axisNumber, formatNumber, formatSeriesTime, timeTickFormatter } from '@/lib/client/format';

export { axisNumber as compactNumber, timeTickFormatter };
import type { Frequency } from '@/lib/client/types';

export const COLORS = {
  grid: 'var(--chart-grid)',
  axis: 'var(--chart-axis)',
  actual: 'var(--chart-actual)',
  lstm: 'var(--chart-lstm)',
  naive: 'var(--chart-naive)',
  train: 'var(--chart-train)',
  val: 'var(--chart-val)',
  window: 'var(--chart-window)',
  /** Earlier backtest windows: a neutral tint, so the test window's blue stays the one that stands out. */
  backtest: 'color-mix(in srgb, var(--chart-axis) 14%, transparent)',
  /** The model a run chart draws in front: the champion unless another is picked. */
  main: 'var(--chart-lstm)',
  /** The better LSTM, drawn beside a front model that is not an LSTM. */
  lstmBeside: 'var(--chart-2)',
  /** The front model's colour, faded as its interval bands are drawn. */
  band: 'color-mix(in srgb, var(--chart-lstm) 25%, transparent)',
  /** Public-holiday markers: a themed palette colour, so they read in light and dark mode. */
  holiday: 'var(--chart-4)',
} as const;

/** Distinct colours for overlaid runs, in order. */
export const PALETTE = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6'].map(
  (name) => `var(${name})`,
);

export const axisProps = {
  stroke: COLORS.grid,
  tick: { fill: COLORS.axis, fontSize: 12 },
  tickLine: false,
} as const;

/** Props of the time axis every time chart shares: epoch-ms `t` values, labels sized to the span. */
export function timeAxisProps(first: number, last: number, offset?: string | null, frequency?: Frequency) {
  return {
    dataKey: 't',
    type: 'number',
    scale: 'time',
    domain: ['dataMin', 'dataMax'],
    tickFormatter: timeTickFormatter(first, last, offset, frequency),
    minTickGap: 40,
    ...axisProps,
  } as const;
}

/** Props of the value axis every time chart shares. */
export const valueAxisProps = {
  width: 56,
  tickFormatter: (value: number) => axisNumber(value),
  axisLine: false,
  domain: ['auto', 'auto'],
  ...axisProps,
} as const;

export interface LegendItem {
  label: string;
  color: string;
  variant?: 'line' | 'dashed' | 'area';
}

export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.label}>
          <span
            className={`legend-swatch${item.variant === 'dashed' ? ' legend-swatch-dashed' : ''}${item.variant === 'area' ? ' legend-swatch-area' : ''}`}
            // An area swatch is filled with its colour; lines take it as their border colour.
            style={item.variant === 'area' ? { color: item.color, background: item.color } : { color: item.color }}
            aria-hidden="true"
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * Tooltip content for time-based charts: the timestamp (in UTC, or at the series' `offset` such
 * as "+02:00"), then one row per visible line.
 */
export function timeTooltip(
  frequency?: Frequency,
  offset?: string | null,
  /** More rows read from the hovered data row, e.g. interval bounds (areas have no tooltip row of their own). */
  extra?: (row: Record<string, unknown>) => { label: string; value: string }[],
) {
  return function TimeTooltip({ active, payload, label }: TooltipContentProps) {
    if (!active || !payload?.length) return null;
    const row = (payload[0]?.payload ?? {}) as Record<string, unknown>;
    return (
      <TooltipBox title={formatSeriesTime(Number(label), frequency, offset)}>
        {payload.map((entry) =>
          entry.value === null || entry.value === undefined ? null : (
            <div className="chart-tooltip-row" key={String(entry.dataKey)}>
              <span>
                <span className="legend-swatch" style={{ color: entry.color ?? entry.stroke }} aria-hidden="true" />{' '}
                {entry.name}
              </span>
              <span>{formatNumber(Number(entry.value))}</span>
            </div>
          ),
        )}
        {extra?.(row).map((item) => (
          <div className="chart-tooltip-row" key={item.label}>
            <span>{item.label}</span>
            <span>{item.value}</span>
          </div>
        ))}
      </TooltipBox>
    );
  };
}

export function TooltipBox({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-title">{title}</div>
      {children}
    </div>
  );
}

interface ChartFigureProps {
  /** What the chart shows, for people who cannot see it. */
  description: string;
  legend?: LegendItem[];
  children: ReactNode;
  'data-testid'?: string;
}

export function ChartFigure({ description, legend, children, ...rest }: ChartFigureProps) {
  return (
    <figure className="chart" {...rest}>
      <figcaption className="visually-hidden">{description}</figcaption>
      {legend && <ChartLegend items={legend} />}
      {children}
    </figure>
  );
}
