'use client';
// Pieces every Horizon chart shares: theme colours (CSS variables, so charts follow dark mode),
// axis styling, UTC time ticks, an HTML legend and a tooltip that matches the cards.
import type { ReactNode } from 'react';
import type { TooltipContentProps } from 'recharts';
import { atOffset, formatNumber, formatSeriesTime, utcDate, utcMonth, utcTime } from '@/lib/client/format';
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

const DAY = 24 * 3600 * 1000;

/** Tick labels sized to the visible span, in UTC: months for years of data, hours for a day. */
/** `offset` ("+02:00"): label the ticks at the series' own UTC offset instead of in UTC. */
export function timeTickFormatter(first: number, last: number, offset?: string | null): (value: number) => string {
  const span = Math.abs(last - first);
  const format = (date: Date) =>
    span > 400 * DAY
      ? utcMonth(date)
      : span > 3 * DAY
        ? utcDate(date, false)
        : span > DAY
          ? `${utcDate(date, false)} ${utcTime(date)}`
          : utcTime(date);
  return (value) => (Number.isFinite(value) ? format(atOffset(value, offset)) : '');
}

/** Props of the time axis every time chart shares: epoch-ms `t` values, labels sized to the span. */
export function timeAxisProps(first: number, last: number, offset?: string | null) {
  return {
    dataKey: 't',
    type: 'number',
    scale: 'time',
    domain: ['dataMin', 'dataMax'],
    tickFormatter: timeTickFormatter(first, last, offset),
    minTickGap: 40,
    ...axisProps,
  } as const;
}

/** Props of the value axis every time chart shares. */
export const valueAxisProps = {
  width: 56,
  tickFormatter: (value: number) => compactNumber(value),
  axisLine: false,
  domain: ['auto', 'auto'],
  ...axisProps,
} as const;

export function compactNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${(value / 1e9).toFixed(1)}B`;
  if (abs >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${(value / 1e3).toFixed(0)}k`;
  return formatNumber(value);
}

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
export function timeTooltip(frequency?: Frequency, offset?: string | null) {
  return function TimeTooltip({ active, payload, label }: TooltipContentProps) {
    if (!active || !payload?.length) return null;
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
