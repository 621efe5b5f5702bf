'use client';
// How the error grows with the forecast step: the model the run page draws (the champion unless
// another is picked), the better LSTM beside it and seasonal naive, per horizon step, pooled over
// the backtest windows (evaluation.backtest.byStep). Other models are a tick away: drawn by default
// they set the scale (naive and drift often reach MASE 20+) and flatten the models that matter.
import { useId, useState } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { DrawnModels } from '@/lib/client/drawn-models';
import { formatNumber } from '@/lib/client/format';
import { MODEL_LABELS, MODEL_ORDER } from '@/lib/client/models';
import { stepErrorRows, type StepMetric } from '@/lib/client/run-chart-data';
import type { ComparedModel, RunEvaluation } from '@/lib/client/types';
import { valueAxis } from '@/lib/client/axis-ticks';
import { epochTicks, lossTick } from './loss-chart';
import { axisProps, ChartFigure, COLORS, PALETTE, TooltipBox } from './chart-parts';

interface StepLine {
  model: ComparedModel;
  label: string;
  color: string;
  dash?: string;
  /** The drawn model (or a member of the drawn average): a thicker line. */
  front?: boolean;
}

/** Dashes that tell an average's members apart, all in the drawn model's colour. */
const MEMBER_DASHES = [undefined, '8 3', '3 3'];

/** Colours of the models a user adds, in MODEL_ORDER, away from the drawn ones' colours. */
const EXTRA_COLORS = [PALETTE[2], PALETTE[4], PALETTE[5], PALETTE[3]];
const EXTRA_DASHES = ['6 4', '2 3', undefined, '8 3'];

/**
 * The drawn model in front (an average's members, since per-step errors are kept per single
 * model), the better LSTM, seasonal naive, then the models the user added, each in the colour it
 * has on the forecast chart; a model is drawn once.
 */
function stepLines(drawn: DrawnModels, added: readonly ComparedModel[]): StepLine[] {
  const averaged = drawn.main === 'ensemble';
  const lines: StepLine[] = [
    ...drawn.members.map((model, i) => ({
      model,
      label: averaged ? `${MODEL_LABELS[model]} (averaged)` : MODEL_LABELS[model],
      color: COLORS.main,
      dash: MEMBER_DASHES[i % MEMBER_DASHES.length],
      front: true,
    })),
    ...(drawn.lstm
      ? [{ model: drawn.lstm.model, label: `${drawn.lstm.label} (best LSTM)`, color: COLORS.lstmBeside }]
      : []),
    { model: 'seasonalNaive', label: MODEL_LABELS.seasonalNaive, color: COLORS.naive },
    // Naive and drift often score alike: different dashes keep both visible where they overlap.
    ...added.map((model) => {
      const i = MODEL_ORDER.indexOf(model);
      return {
        model,
        label: MODEL_LABELS[model],
        color: EXTRA_COLORS[i % EXTRA_COLORS.length],
        dash: EXTRA_DASHES[i % EXTRA_DASHES.length],
      };
    }),
  ];
  return lines.filter((line, i) => lines.findIndex((other) => other.model === line.model) === i);
}

const METRIC_LABEL: Record<StepMetric, string> = { mase: 'MASE', mae: 'MAE' };

function stepTooltip(metric: StepMetric) {
  return function StepTooltip({ active, payload, label }: TooltipContentProps) {
    if (!active || !payload?.length) return null;
    return (
      <TooltipBox title={`${label} step${Number(label) === 1 ? '' : 's'} ahead · ${METRIC_LABEL[metric]}`}>
        {payload.map((entry) => (
          <div className="chart-tooltip-row" key={String(entry.dataKey)}>
            <span>
              <span className="legend-swatch" style={{ color: entry.color ?? entry.stroke }} aria-hidden="true" />{' '}
              {entry.name}
            </span>
            <span>{formatNumber(Number(entry.value))}</span>
          </div>
        ))}
      </TooltipBox>
    );
  };
}

interface StepErrorChartProps {
  byStep: RunEvaluation['backtest']['byStep'];
  /** The models the run page draws; the step chart follows its pick. */
  drawn: DrawnModels;
  height?: number;
  /** Offers SVG/PNG downloads named from these parts (series, run); absent: none. */
  exportName?: readonly (string | null | undefined)[];
}

export function StepErrorChart({ byStep, drawn, height = 260, exportName }: StepErrorChartProps) {
  const [added, setAdded] = useState<readonly ComparedModel[]>([]);
  const toggleName = useId();
  const stored = (model: ComparedModel) => (byStep[model]?.length ?? 0) > 0;
  const shownByDefault = stepLines(drawn, []).map((line) => line.model);
  const addable = MODEL_ORDER.filter((model) => stored(model) && !shownByDefault.includes(model));
  const models = stepLines(
    drawn,
    addable.filter((model) => added.includes(model)),
  ).filter(({ model }) => stored(model));
  const { metric, rows } = stepErrorRows(
    byStep,
    models.map(({ model }) => model),
  );
  if (rows.length === 0) {
    return (
      <div className="chart-placeholder" style={{ height }} data-testid="step-error-chart">
        This run stored no per-step errors.
      </div>
    );
  }
  const lastStep = Math.max(rows.length, 2);
  const axis = valueAxis(
    rows.flatMap((row) => models.map(({ model }) => row[model] as number | null | undefined)),
    { fromZero: true },
  );
  const worst = (model: ComparedModel) => formatNumber(rows[rows.length - 1][model] ?? null);
  return (
    <ChartFigure
      exportAs={exportName && { name: [...exportName, 'error-by-step'], label: 'error-by-step chart' }}
      description={
        `${METRIC_LABEL[metric]} per forecast step, 1 to ${rows.length} steps ahead, over the backtest windows` +
        (drawn.main === 'ensemble'
          ? `, for the models ${drawn.mainLabel} averages (errors are kept per single model)`
          : '') +
        `. At the last step: ${models.map(({ model, label }) => `${label} ${worst(model)}`).join(', ')}.`
      }
      legend={models.map(({ label, color, dash }) => ({ label, color, variant: dash ? 'dashed' : 'line' }))}
      data-testid="step-error-chart"
    >
      <LineChart
        responsive
        data={rows}
        style={{ width: '100%', height }}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
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
          domain={axis?.domain ?? [0, 'auto']}
          ticks={axis?.ticks}
          tickFormatter={axis?.tickFormatter ?? lossTick}
          axisLine={false}
          label={{ value: METRIC_LABEL[metric], angle: -90, position: 'insideLeft', fill: COLORS.axis, fontSize: 12 }}
          {...axisProps}
        />
        <Tooltip content={stepTooltip(metric)} />
        {models.map(({ model, label, color, dash, front }) => (
          <Line
            key={model}
            dataKey={model}
            name={label}
            stroke={color}
            strokeWidth={front ? 2.4 : 1.8}
            strokeDasharray={dash}
            dot={rows.length <= 24 ? { r: 2.5 } : false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
      {addable.length > 0 && (
        <fieldset className="step-models" data-testid="step-error-models">
          <legend>Also draw</legend>
          {addable.map((model) => (
            <label key={model} className="checkbox-inline">
              <input
                type="checkbox"
                name={toggleName}
                checked={added.includes(model)}
                onChange={(event) =>
                  setAdded((current) =>
                    event.target.checked ? [...current, model] : current.filter((m) => m !== model),
                  )
                }
              />{' '}
              {MODEL_LABELS[model]}
            </label>
          ))}
        </fieldset>
      )}
    </ChartFigure>
  );
}
