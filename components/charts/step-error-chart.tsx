'use client';
// How the error grows with the forecast step: the LSTM against the baselines, per horizon step,
// pooled over the backtest windows (evaluation.backtest.byStep).
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { formatNumber } from '@/lib/client/format';
import { MODEL_LABELS } from '@/lib/client/models';
import { stepErrorRows, type StepMetric } from '@/lib/client/run-chart-data';
import type { ComparedModel, RunEvaluation } from '@/lib/client/types';
import { epochTicks, lossTick } from './loss-chart';
import { axisProps, ChartFigure, COLORS, PALETTE, TooltipBox } from './chart-parts';

/** The LSTM and the baselines, each in the colour it has on the other charts. */
const DRAWN: readonly { model: ComparedModel; color: string; dash?: string }[] = [
  { model: 'lstm', color: COLORS.lstm },
  { model: 'seasonalNaive', color: COLORS.naive },
  // Naive and drift often score alike: different dashes keep both visible where they overlap.
  { model: 'naive', color: PALETTE[2], dash: '6 4' },
  { model: 'drift', color: PALETTE[4], dash: '2 3' },
];

const METRIC_LABEL: Record<StepMetric, string> = { mase: 'MASE', mae: 'MAE' };

function stepTooltip(metric: StepMetric) {
  return function StepTooltip({ active, payload, label }: TooltipContentProps) {
    if (!active || !payload?.length) return null;
    return (
      <TooltipBox title={`${label} step${Number(label) === 1 ? '' : 's'} ahead · ${METRIC_LABEL[metric]}`}>
        {payload.map((entry) => (
          <div className="chart-tooltip-row" key={String(entry.dataKey)}>
            <span>
              <span className="legend-swatch" style={{ color: entry.color ?? entry.stroke }} aria-hidden="true" /> {entry.name}
            </span>
            <span>{formatNumber(Number(entry.value))}</span>
          </div>
        ))}
      </TooltipBox>
    );
  };
}

export function StepErrorChart({ byStep, height = 260 }: { byStep: RunEvaluation['backtest']['byStep']; height?: number }) {
  const models = DRAWN.filter(({ model }) => (byStep[model]?.length ?? 0) > 0);
  const { metric, rows } = stepErrorRows(byStep, models.map(({ model }) => model));
  if (rows.length === 0) {
    return (
      <div className="chart-placeholder" style={{ height }} data-testid="step-error-chart">
        This run stored no per-step errors.
      </div>
    );
  }
  const lastStep = Math.max(rows.length, 2);
  const worst = (model: ComparedModel) => formatNumber(rows[rows.length - 1][model] ?? null);
  return (
    <ChartFigure
      description={`${METRIC_LABEL[metric]} per forecast step, 1 to ${rows.length} steps ahead, over the backtest windows. At the last step: ${models.map(({ model }) => `${MODEL_LABELS[model]} ${worst(model)}`).join(', ')}.`}
      legend={models.map(({ model, color, dash }) => ({ label: MODEL_LABELS[model], color, variant: dash ? 'dashed' : 'line' }))}
      data-testid="step-error-chart"
    >
      <LineChart responsive data={rows} style={{ width: '100%', height }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={COLORS.grid} vertical={false} />
        <XAxis
          dataKey="step"
          type="number"
          domain={[1, lastStep]}
          ticks={epochTicks(lastStep)}
          tickFormatter={(step: number) => `+${step}`}
          {...axisProps}
        />
        <YAxis
          width={64}
          domain={[0, 'auto']}
          tickFormatter={lossTick}
          axisLine={false}
          label={{ value: METRIC_LABEL[metric], angle: -90, position: 'insideLeft', fill: COLORS.axis, fontSize: 12 }}
          {...axisProps}
        />
        <Tooltip content={stepTooltip(metric)} />
        {models.map(({ model, color, dash }) => (
          <Line
            key={model}
            dataKey={model}
            name={MODEL_LABELS[model]}
            stroke={color}
            strokeWidth={model === 'lstm' ? 2.4 : 1.8}
            strokeDasharray={dash}
            dot={rows.length <= 24 ? { r: 2.5 } : false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartFigure>
  );
}
