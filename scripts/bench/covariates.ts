// Covariates and holidays (issue 22): does the LSTM family use what it is told about the future?
// Two synthetic daily series, each run once through runForecast with its inputs; the run itself
// backtests its best LSTM again without them on the same windows (covariateEffect), so "with" and
// "without" are scored alike.
//   - sales: a weekly profile, promotions on a random quarter of the days (+60%) and a price that
//     changes every few weeks (sales fall 8% per unit of price), both known for the 14 future days;
//   - visits: a weekly profile and US public holidays on which the place is closed (5% of a normal
//     day), forecast with the US holiday calendar and nothing else.
// Target: at least 20% lower backtest MASE with the covariates, and with the calendar.
import { modelsIn } from '@/lib/forecast/compared-models';
import { runForecast } from '@/lib/forecast/forecast';
import { holidaysBetween } from '@/lib/forecast/holidays';
import { createRng } from '@/lib/forecast/random';
import type { CovariateSeries, ForecastConfig, ForecastResult, SeriesData } from '@/lib/forecast/types';
import { seconds, table } from './format';
import type { BenchSection } from './section';

const DAY = 86_400_000;
const HORIZON = 14;
/** Monday .. Sunday. */
const WEEKLY = [0.9, 0.95, 1, 1.05, 1.2, 1.3, 0.6];
/** Small on purpose: the machine is shared; enough for the LSTMs to learn a step effect. */
const CONFIG: Partial<ForecastConfig> = {
  horizon: HORIZON,
  lookback: 28,
  backtestWindows: 3,
  epochs: 40,
  units: 32,
  seed: 7,
};

function gaussian(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

const weekday = (t: number) => (new Date(t).getUTCDay() + 6) % 7;

/** Daily sales driven by known-future promotions and price: 400 days, then 14 future rows of both. */
export function salesSeries(seed = 11): { data: SeriesData; covariates: CovariateSeries[] } {
  const rng = createRng(seed);
  const points = 400;
  const t = Array.from({ length: points + HORIZON }, (_, i) => Date.UTC(2024, 0, 1) + i * DAY);
  const promo = t.map(() => (rng() < 0.25 ? 1 : 0));
  let price = 10;
  const prices = t.map((_, i) => (i % 21 === 0 ? (price = 8 + Math.round(rng() * 4)) : price));
  const v = t
    .slice(0, points)
    .map(
      (time, i) =>
        200 * WEEKLY[weekday(time)] * (1 + 0.6 * promo[i]) * (1 - 0.08 * (prices[i] - 10)) + 6 * gaussian(rng),
    );
  return {
    data: { t: t.slice(0, points), v, frequency: 'daily' },
    covariates: [
      { seriesId: 'promo', name: 'promotions', knownFuture: true, t, v: promo },
      { seriesId: 'price', name: 'price', knownFuture: true, t, v: prices },
    ],
  };
}

/** Daily visits, closed on US public holidays: July 2023 to the end of 2024. */
export function visitsSeries(seed = 12): SeriesData {
  const rng = createRng(seed);
  const start = Date.UTC(2023, 6, 1);
  const end = Date.UTC(2024, 11, 31);
  const t = Array.from({ length: (end - start) / DAY + 1 }, (_, i) => start + i * DAY);
  const closed = new Set(holidaysBetween('US', start, end).map((h) => h.day));
  const v = t.map((time) => (closed.has(time) ? 0.05 : 1) * 300 * WEEKLY[weekday(time)] + 8 * gaussian(rng));
  return { t, v, frequency: 'daily' };
}

function rowsOf(name: string, result: ForecastResult): string[][] {
  const effect = result.covariateEffect!;
  const lstms = modelsIn(result.models).filter((m) => m === 'lstm' || m === 'lstmHybrid' || m === 'lstmGlobal');
  return [
    ...lstms.map((m) => [
      name,
      m,
      result.models[m]!.metrics.mase.toFixed(3),
      m === effect.model ? effect.withoutMase.toFixed(3) : '',
      m === effect.model ? `${(effect.change * 100).toFixed(0)}%` : '',
    ]),
    [name, 'autoArima', result.models.autoArima.metrics.mase.toFixed(3), '', ''],
    [name, 'seasonalNaive', result.models.seasonalNaive.metrics.mase.toFixed(3), '', ''],
  ];
}

export const covariates: BenchSection = {
  name: 'covariates',
  description: 'LSTM-family MASE with and without known-future covariates (sales) and a holiday calendar (visits)',
  async run() {
    const started = performance.now();
    const sales = salesSeries();
    const salesResult = await runForecast(
      sales.data,
      {
        ...CONFIG,
        covariates: sales.covariates.map((c) => ({ seriesId: c.seriesId, knownFuture: true })),
      },
      {},
      { covariates: sales.covariates },
    );
    const salesSeconds = performance.now() - started;
    const visitsResult = await runForecast(visitsSeries(), { ...CONFIG, holidays: 'US' });
    const visitsSeconds = performance.now() - started - salesSeconds;
    const verdict = (result: ForecastResult) =>
      `${result.covariateEffect!.sentence} Target (>= 20% lower): ${result.covariateEffect!.change <= -0.2 ? 'met' : 'NOT met'}.`;
    return [
      table(
        ['series', 'model', 'MASE with', 'MASE without', 'change'],
        [...rowsOf('sales (promotions, price)', salesResult), ...rowsOf('visits (US holidays)', visitsResult)],
      ),
      `"without": the best LSTM backtested again without the inputs on the same ${salesResult.backtest.windows.length} windows of ${HORIZON} days.`,
      `sales: ${verdict(salesResult)} (${seconds(salesSeconds)})`,
      `visits: ${verdict(visitsResult)} Holidays in the windows: ${
        visitsResult.holidays!.dates.filter((h) => h.t >= visitsResult.backtest.windows[0].t[0]).length
      }. (${seconds(visitsSeconds)})`,
    ].join('\n');
  },
};
