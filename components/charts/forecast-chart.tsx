'use client';
import {
  Area,
  Brush,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartRow } from '@/lib/client/chart-data';
import type { DrawnModels } from '@/lib/client/drawn-models';
import { skillText } from '@/lib/client/evaluation';
import { formatNumber, formatSeriesRange, timeZoneLabel } from '@/lib/client/format';
import type { ChartWindow, TrainingSplit } from '@/lib/client/run-chart-data';
import type { Frequency } from '@/lib/client/types';
import {
  ChartFigure,
  COLORS,
  timeAxisProps,
  timeTickFormatter,
  timeTooltip,
  valueAxisProps,
  type LegendItem,
} from './chart-parts';
import { useBrushZoom, type OnZoom } from './use-brush-zoom';

interface ForecastChartProps {
  /**
   * From forecastRows(): actual, main / mainFuture (the drawn model) with its lo80/hi80/lo95/hi95,
   * lstm / lstmFuture and naive / naiveFuture when drawn; plus the earlier backtest windows' rows
   * under their windows' keys.
   */
  rows: ChartRow[];
  /** Which models the rows hold: named in the legend, tooltips and description. */
  drawn: DrawnModels;
  testStart: number;
  testEnd: number;
  frequency: Frequency;
  /** The series' IANA zone or file offset (seriesZone: "Europe/Berlin", "+02:00"): times are shown in it. */
  timeOffset?: string | null;
  /** Backtest windows before the test window, shaded, with their forecasts when the run kept them. */
  windows?: readonly ChartWindow[];
  /** Where validation starts, marked with a line (the test window is the last shaded area). */
  validationStart?: TrainingSplit['validationStart'];
  /** Called with the range picked with the brush, to reload it at full detail; `settled` once a drag ends. */
  onZoom?: OnZoom;
  /** Public holidays of the run's calendar (epoch ms, name): a dotted line each, the name on hover. */
  holidays?: readonly { t: number; name: string }[];
  height?: number;
}

/** A range area's [lower, upper] of one row; null bounds make a gap (an unbounded step). */
const band = (lower: string, upper: string) => (row: ChartRow) => [row[lower] ?? null, row[upper] ?? null];

/** The drawn model's interval bounds at the hovered time, for the tooltip ("80% interval  4,120 – 4,860"). */
const intervalRows = (main: string) => (row: Record<string, unknown>) =>
  ([80, 95] as const).flatMap((level) => {
    const lo = row[`lo${level}`];
    const hi = row[`hi${level}`];
    // The bands' anchor at the last actual value has lo = hi: no interval to state there.
    if (typeof lo !== 'number' || typeof hi !== 'number' || lo === hi) return [];
    return [{ label: `${main} ${level}% interval`, value: `${formatNumber(lo)} – ${formatNumber(hi)}` }];
  });

interface HolidayLineProps {
  x1?: number;
  y1?: number;
  x2?: number;
  y2?: number;
  stroke?: string;
  strokeDasharray?: string;
  strokeWidth?: number;
  clipPath?: string;
}

/** A holiday's dotted line with its name on hover (an SVG title over a wider, invisible hit area) and a dot on top. */
function HolidayLine({
  x1,
  y1,
  x2,
  y2,
  stroke,
  strokeDasharray,
  strokeWidth,
  clipPath,
  name,
}: HolidayLineProps & { name: string }) {
  if (![x1, y1, x2, y2].every((v) => typeof v === 'number' && Number.isFinite(v))) return <g />;
  const top = Math.min(y1!, y2!);
  return (
    <g clipPath={clipPath} data-testid="holiday-marker" aria-label={name}>
      <title>{name}</title>
      <line
        x1={x1}
        y1={y1}
        x2={x2}
        y2={y2}
        stroke={stroke}
        strokeDasharray={strokeDasharray}
        strokeWidth={strokeWidth}
      />
      <line x1={x1} y1={y1} x2={x2} y2={y2} stroke="transparent" strokeWidth={10} />
      <circle cx={x1} cy={top + 4} r={3.5} fill={stroke} />
    </g>
  );
}

const areaLabel = (value: string) => ({
  value,
  position: 'insideTop' as const,
  fill: COLORS.axis,
  fontSize: 11,
  offset: 6,
});

/**
 * Actuals with the run's evaluation laid over them, for the drawn model (the champion unless
 * another is picked), the better LSTM beside it when it is not an LSTM, and seasonal naive: each
 * earlier backtest window shaded with their forecasts of it, a line where the validation part of
 * the scored fit begins, the held-out test window (shaded) with their forecasts over it, and the
 * future forecast after the last actual with the drawn model's 80% and 95% prediction intervals.
 * Forecasts of past windows are solid, future ones dashed. Marks outside the drawn range are left
 * out, not squeezed in.
 */
export function ForecastChart({
  rows,
  drawn,
  testStart,
  testEnd,
  frequency,
  timeOffset,
  windows = [],
  validationStart = null,
  onZoom,
  holidays = [],
  height = 360,
}: ForecastChartProps) {
  const first = rows[0]?.t ?? 0;
  const last = rows[rows.length - 1]?.t ?? 0;
  const inView = (t: number) => t >= first && t <= last;
  const line = { dot: false, isAnimationActive: false, connectNulls: false, type: 'linear' } as const;
  const area = { ...line, stroke: 'none', fill: COLORS.main, activeDot: false, tooltipType: 'none' } as const;
  const hasBands = rows.some((row) => row.lo80 !== undefined || row.lo95 !== undefined);
  const shownWindows = windows.filter((w) => w.end >= first && w.start <= last);
  const showValidation = validationStart !== null && inView(validationStart);
  const shownHolidays = holidays.filter((h) => inView(h.t));
  const range = formatSeriesRange(
    new Date(testStart).toISOString(),
    new Date(testEnd).toISOString(),
    frequency,
    timeOffset,
  );
  const brushZoom = useBrushZoom(rows, onZoom);

  const main = drawn.mainLabel;
  const lstm = drawn.lstm;
  const lstmName = lstm ? `${lstm.label} (best LSTM)` : '';
  const legend: LegendItem[] = [
    { label: 'Actual', color: COLORS.actual },
    { label: drawn.isChampion ? `${main} (champion)` : main, color: COLORS.main },
    ...(lstm ? [{ label: `${lstmName}, skill ${skillText(lstm.skill)}`, color: COLORS.lstmBeside }] : []),
    ...(drawn.baseline ? [{ label: 'Seasonal naive', color: COLORS.naive }] : []),
    { label: 'Future (dashed)', color: COLORS.axis, variant: 'dashed' },
    ...(shownWindows.length > 0
      ? [{ label: 'Backtest windows B1, B2, …', color: COLORS.backtest, variant: 'area' as const }]
      : []),
    { label: 'Last backtest window', color: COLORS.window, variant: 'area' },
    ...(showValidation ? [{ label: 'Validation starts', color: COLORS.val, variant: 'dashed' as const }] : []),
    ...(hasBands ? [{ label: `${main} 80% / 95% interval`, color: COLORS.band, variant: 'area' as const }] : []),
    ...(shownHolidays.length > 0
      ? [{ label: 'Public holiday', color: COLORS.holiday, variant: 'dashed' as const }]
      : []),
  ];
  const drawnList =
    `${main}${drawn.isChampion ? ' (the champion)' : ''}` +
    (lstm ? `, ${lstmName} with skill ${skillText(lstm.skill)} against seasonal naive` : '') +
    (drawn.baseline ? ' and seasonal naive' : '');
  return (
    <ChartFigure
      description={
        `Actual values with the forecasts of ${drawnList}. Times in ${timeZoneLabel(timeOffset)}. ` +
        (shownWindows.length > 0
          ? `${shownWindows.length} earlier backtest window${shownWindows.length === 1 ? '' : 's'} shaded with their forecasts; `
          : '') +
        (showValidation ? `a line marks where the scored fit's validation part starts; ` : '') +
        `the last backtest window ${range} is shaded; the future forecast follows the last actual value` +
        `${hasBands ? `, with ${main}’s 80% and 95% prediction intervals shaded around it` : ''}.` +
        (shownHolidays.length > 0
          ? ` Dotted lines mark ${shownHolidays.length} public holiday${shownHolidays.length === 1 ? '' : 's'}: ${shownHolidays
              .slice(0, 6)
              .map((h) => h.name)
              .join(', ')}${shownHolidays.length > 6 ? ', …' : ''}.`
          : '')
      }
      legend={legend}
      data-testid="forecast-chart"
    >
      {/* A new set of rows is a new chart: the brush starts again from the full width. */}
      <div {...brushZoom.containerProps}>
        <ComposedChart
          key={`${first}:${last}:${rows.length}`}
          responsive
          data={rows}
          style={{ width: '100%', height }}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        >
          <CartesianGrid stroke={COLORS.grid} vertical={false} />
          <XAxis {...timeAxisProps(first, last, timeOffset, frequency)} />
          <YAxis {...valueAxisProps} />
          {shownWindows.map((w) => (
            <ReferenceArea
              key={`window-${w.number}`}
              x1={Math.max(w.start, first)}
              x2={Math.min(w.end, last)}
              fill={COLORS.backtest}
              fillOpacity={1}
              ifOverflow="hidden"
              label={areaLabel(`B${w.number}`)}
            />
          ))}
          {testEnd >= first && testStart <= last && (
            <ReferenceArea
              x1={Math.max(testStart, first)}
              x2={Math.min(testEnd, last)}
              fill={COLORS.window}
              fillOpacity={1}
              ifOverflow="hidden"
              label={areaLabel('Last')}
            />
          )}
          {showValidation && (
            <ReferenceLine
              x={validationStart}
              stroke={COLORS.val}
              strokeDasharray="4 3"
              ifOverflow="hidden"
              label={{
                value: 'Validation →',
                position: 'insideBottomRight',
                fill: COLORS.val,
                fontSize: 11,
                offset: 6,
              }}
            />
          )}
          {shownHolidays.map((h) => (
            <ReferenceLine
              key={`holiday-${h.t}`}
              x={h.t}
              stroke={COLORS.holiday}
              strokeDasharray="1 3"
              strokeWidth={1.5}
              ifOverflow="hidden"
              shape={(props: HolidayLineProps) => <HolidayLine {...props} name={h.name} />}
            />
          ))}
          <Tooltip content={timeTooltip(frequency, timeOffset, hasBands ? intervalRows(main) : undefined)} />
          {hasBands && (
            <Area dataKey={band('lo95', 'hi95')} name={`${main} 95% interval`} fillOpacity={0.12} {...area} />
          )}
          {hasBands && (
            <Area dataKey={band('lo80', 'hi80')} name={`${main} 80% interval`} fillOpacity={0.2} {...area} />
          )}
          <Line dataKey="actual" name="Actual" stroke={COLORS.actual} strokeWidth={1.6} {...line} />
          {shownWindows.flatMap((w) => {
            const keys = w.keys;
            if (!keys) return [];
            return [
              keys.naive && (
                <Line
                  key={keys.naive}
                  dataKey={keys.naive}
                  name={`Seasonal naive (backtest ${w.number})`}
                  stroke={COLORS.naive}
                  strokeWidth={1.8}
                  {...line}
                />
              ),
              keys.lstm && (
                <Line
                  key={keys.lstm}
                  dataKey={keys.lstm}
                  name={`${lstmName} (backtest ${w.number})`}
                  stroke={COLORS.lstmBeside}
                  strokeWidth={1.8}
                  {...line}
                />
              ),
              <Line
                key={keys.main}
                dataKey={keys.main}
                name={`${main} (backtest ${w.number})`}
                stroke={COLORS.main}
                strokeWidth={2}
                {...line}
              />,
            ];
          })}
          {drawn.baseline && (
            <Line dataKey="naive" name="Seasonal naive" stroke={COLORS.naive} strokeWidth={2} {...line} />
          )}
          {lstm && <Line dataKey="lstm" name={lstmName} stroke={COLORS.lstmBeside} strokeWidth={2} {...line} />}
          <Line dataKey="main" name={main} stroke={COLORS.main} strokeWidth={2.2} {...line} />
          {drawn.baseline && (
            <Line
              dataKey="naiveFuture"
              name="Seasonal naive future"
              stroke={COLORS.naive}
              strokeWidth={1.8}
              strokeDasharray="5 4"
              {...line}
            />
          )}
          {lstm && (
            <Line
              dataKey="lstmFuture"
              name={`${lstmName} future`}
              stroke={COLORS.lstmBeside}
              strokeWidth={1.8}
              strokeDasharray="5 4"
              {...line}
            />
          )}
          <Line
            dataKey="mainFuture"
            name={`${main} future`}
            stroke={COLORS.main}
            strokeWidth={2.2}
            strokeDasharray="5 4"
            {...line}
          />
          {onZoom && rows.length > 2 && (
            <Brush
              dataKey="t"
              height={28}
              travellerWidth={8}
              stroke="var(--border-strong)"
              fill="var(--surface)"
              tickFormatter={timeTickFormatter(first, last, timeOffset, frequency)}
              aria-label="Zoom: drag the handles to choose a time range"
              {...brushZoom.brushProps}
            />
          )}
        </ComposedChart>
      </div>
    </ChartFigure>
  );
}
