// Covariates and holidays (issue 22): does the LSTM family use what it is told about the future?
// Two synthetic daily series; on each, the plain and the hybrid LSTM are backtested with and
// without their inputs on the same windows (the run's procedure: warm-started fits per window,
// covariates scaled per fit), and scored by MASE. The classical models are left out to keep the
// section short on a shared machine; a full run reports the same comparison as covariateEffect.
//   - sales: a weekly profile, promotions on a random quarter of the days (+60%) and a price that
//     changes every three weeks (sales fall 8% per unit of price), both known for the future days;
//   - visits: a weekly profile and US public holidays on which the place is closed (5% of a normal
//     day), forecast with the US holiday calendar and nothing else.
// Target: at least 20% lower backtest MASE with the covariates, and with the calendar.
import { initBackend } from '@/lib/forecast/backend';
import { backtestOrigins, runBacktest, scoreBacktest } from '@/lib/forecast/backtest';
import { resolveConfig } from '@/lib/forecast/config';
import { covariateBlock } from '@/lib/forecast/covariates';
import { holidaysBetween } from '@/lib/forecast/holidays';
import { createRng } from '@/lib/forecast/random';
import { MODEL_REGISTRY } from '@/lib/forecast/registry';
import { resolveSeason } from '@/lib/forecast/season';
import { nextTimestamps } from '@/lib/forecast/time-steps';
import type { CovariateSeries, ForecastConfig, LstmFamilyName, SeriesData } from '@/lib/forecast/types';
import { seconds, table } from './format';
import type { BenchSection } from './section';

const DAY = 86_400_000;
const HORIZON = 14;
const WINDOWS = 3;
/** Monday .. Sunday. */
const WEEKLY = [0.9, 0.95, 1, 1.05, 1.2, 1.3, 0.6];
/** Small on purpose: the machine is shared; enough for the LSTMs to learn a step effect. */
const CONFIG: Partial<ForecastConfig> = {
  horizon: HORIZON,
  lookback: 28,
  backtestWindows: WINDOWS,
  epochs: 20,
  units: 16,
  seed: 7,
};
const MODELS: LstmFamilyName[] = ['lstm', 'lstmHybrid'];

function gaussian(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

const weekday = (t: number) => (new Date(t).getUTCDay() + 6) % 7;

/** Daily sales driven by known-future promotions and price: 364 days, then 14 future rows of both. */
export function salesSeries(seed = 11): { data: SeriesData; covariates: CovariateSeries[] } {
  const rng = createRng(seed);
  const points = 364;
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

/** Daily visits, closed on US public holidays: October 2023 to the end of 2024. */
export function visitsSeries(seed = 12): SeriesData {
  const rng = createRng(seed);
  const start = Date.UTC(2023, 9, 1);
  const end = Date.UTC(2024, 11, 31);
  const t = Array.from({ length: (end - start) / DAY + 1 }, (_, i) => start + i * DAY);
  const closed = new Set(holidaysBetween('US', start, end).map((h) => h.day));
  const v = t.map((time) => (closed.has(time) ? 0.05 : 1) * 300 * WEEKLY[weekday(time)] + 8 * gaussian(rng));
  return { t, v, frequency: 'daily' };
}

/** Backtest MASE of `model` on `data`, with and without the covariates and holidays of `inputs`. */
async function withAndWithout(
  model: LstmFamilyName,
  data: SeriesData,
  inputs: Pick<ForecastConfig, 'covariates' | 'holidays'>,
  covariates: readonly CovariateSeries[],
): Promise<{ with: number; without: number }> {
  const config = resolveConfig({ ...CONFIG, ...inputs }, { frequency: data.frequency, points: data.v.length });
  const origins = backtestOrigins(data.v.length, HORIZON, WINDOWS);
  const season = resolveSeason(data.frequency, data.v.slice(0, origins[0]));
  const futureT = nextTimestamps(data.t, data.frequency, HORIZON);
  const block = covariateBlock(data, futureT, config, covariates)!;
  const mase = async (withInputs: boolean) => {
    const run = MODEL_REGISTRY[model].create({
      data,
      config,
      season,
      windowCount: origins.length,
      related: [],
      callbacks: {},
      ...(withInputs && { covariates: block }),
    });
    try {
      const backtest = await runBacktest(data.v, HORIZON, origins, season.length, { [model]: run.fit });
      return scoreBacktest(backtest).metrics[model].mase;
    } finally {
      run.dispose();
    }
  };
  return { with: await mase(true), without: await mase(false) };
}

export const covariates: BenchSection = {
  name: 'covariates',
  description: 'LSTM-family MASE with and without known-future covariates (sales) and a holiday calendar (visits)',
  async run() {
    await initBackend();
    const sales = salesSeries();
    const cases = [
      {
        name: 'sales: promotions, price',
        data: sales.data,
        inputs: {
          covariates: sales.covariates.map((c) => ({ seriesId: c.seriesId, knownFuture: true })),
          holidays: null,
        },
        covariates: sales.covariates,
      },
      { name: 'visits: US holidays', data: visitsSeries(), inputs: { covariates: [], holidays: 'US' }, covariates: [] },
    ];
    const rows: string[][] = [];
    const lines: string[] = [];
    for (const c of cases) {
      for (const model of MODELS) {
        const started = performance.now();
        const mase = await withAndWithout(model, c.data, c.inputs, c.covariates);
        const change = (mase.with - mase.without) / mase.without;
        rows.push([
          c.name,
          model,
          mase.with.toFixed(3),
          mase.without.toFixed(3),
          `${(change * 100).toFixed(0)}%`,
          change <= -0.2 ? 'met' : 'NOT met',
          seconds(performance.now() - started),
        ]);
      }
    }
    const visits = cases[1].data;
    const windowStart = visits.t[visits.t.length - WINDOWS * HORIZON];
    const inWindows = holidaysBetween('US', windowStart, visits.t.at(-1)!).map((h) => `${h.name} (${h.date})`);
    lines.push(
      `${WINDOWS} backtest windows of ${HORIZON} days; each model fit per window on the values before it, with and without the inputs.`,
      `Target: >= 20% lower MASE with the inputs. Holidays in the visits windows: ${inWindows.join(', ')}.`,
    );
    return [table(['series', 'model', 'MASE with', 'MASE without', 'change', 'target', 'time'], rows), ...lines].join(
      '\n',
    );
  },
};
