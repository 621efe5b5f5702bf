'use client';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { valueAxis } from '@/lib/client/axis-ticks';
import { formatNumber } from '@/lib/client/format';
import type { EpochLog } from '@/lib/client/types';
import { axisProps, ChartFigure, COLORS, TooltipBox } from './chart-parts';

function LossTooltip({ active, payload, label }: TooltipContentProps) {
  if (!active || !payload?.length) return null;
  return (
    <TooltipBox title={`Epoch ${label}`}>
      {payload.map((entry) => (
        <div className="chart-tooltip-row" key={String(entry.dataKey)}>
          <span>{entry.name}</span>
          <span>{formatNumber(Number(entry.value))}</span>
        </div>
      ))}
    </TooltipBox>
  );
}

/** Whole-epoch ticks at a round step (1, 2, 5, 10, 20, 50, …), starting from epoch 1. */
export function epochTicks(last: number, target = 8): number[] {
  const raw = Math.max(1, last / target);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks = [1];
  for (let t = step; t <= last; t += step) if (t > 1) ticks.push(t);
  return ticks;
}

/**
 * Loss ticks with three significant digits, for tooltips and a fallback axis. The axes themselves
 * use valueAxis, whose labels follow the ticks' step (a loss that barely moves needs more digits).
 */
export function lossTick(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(3))) : '';
}

interface LossChartProps {
  history: readonly EpochLog[];
  /** Planned epochs: while training, the axis spans them so the curve fills in; omit when done. */
  epochs?: number;
  height?: number;
  /** Offers SVG/PNG downloads named from these parts (series, run); absent: none. */
  exportName?: readonly (string | null | undefined)[];
}

/** Training and validation loss per epoch; updates live while a run trains. */
export function LossChart({ history, epochs, height = 240, exportName }: LossChartProps) {
  const hasValidation = history.some((h) => h.valLoss !== undefined && h.valLoss !== null);
  const last = history[history.length - 1];
  if (!last) {
    return (
      <div className="chart-placeholder" style={{ height }} data-testid="loss-chart">
        The loss curve appears after the first epoch.
      </div>
    );
  }
  const lastEpoch = Math.max(epochs ?? 0, last.epoch, 2);
  // A line needs two epochs; a fit of one epoch (e.g. a short fine-tune) is drawn as dots.
  const dot = history.length === 1 ? { r: 3, strokeDasharray: 'none' } : false;
  const axis = valueAxis(history.flatMap((h) => [h.loss, h.valLoss]));
  return (
    <ChartFigure
      exportAs={exportName && { name: [...exportName, 'loss'], label: 'loss chart' }}
      description={`Loss per epoch over ${history.length} epoch${history.length === 1 ? '' : 's'}; last training loss ${formatNumber(last.loss)}${last.valLoss !== undefined ? `, validation loss ${formatNumber(last.valLoss)}` : ''}.`}
      legend={[
        { label: 'Training loss', color: COLORS.train },
        ...(hasValidation ? [{ label: 'Validation loss', color: COLORS.val, variant: 'dashed' as const }] : []),
      ]}
      data-testid="loss-chart"
    >
      <LineChart
        responsive
        data={[...history]}
        style={{ width: '100%', height }}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke={COLORS.grid} vertical={false} />
        <XAxis dataKey="epoch" type="number" domain={[1, lastEpoch]} ticks={epochTicks(lastEpoch)} {...axisProps} />
        <YAxis
          // Wide enough for "0.00765" whole.
          width={64}
          domain={axis?.domain ?? ['auto', 'auto']}
          ticks={axis?.ticks}
          tickFormatter={axis?.tickFormatter ?? lossTick}
          axisLine={false}
          {...axisProps}
        />
        <Tooltip content={LossTooltip} />
        <Line
          dataKey="loss"
          name="Training loss"
          stroke={COLORS.train}
          strokeWidth={2}
          dot={dot}
          isAnimationActive={false}
        />
        {hasValidation && (
          <Line
            dataKey="valLoss"
            name="Validation loss"
            stroke={COLORS.val}
            strokeWidth={2}
            strokeDasharray="5 4"
            dot={dot}
            isAnimationActive={false}
          />
        )}
      </LineChart>
    </ChartFigure>
  );
}
