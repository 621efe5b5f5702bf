// The global LSTM against per-series LSTMs on a set of related series: five daily series that
// share a weekly profile and AR(1) dynamics but differ in level (20 to 2,000), amplitude, noise and
// trend, each only 200 days long, the case pooling is meant for. Every series is run with
// `globalLstm` on and the other four as related series, so the plain LSTM (trained on that series
// alone) and the global one are scored on exactly the same backtest windows, beside the rest.
import { ALWAYS_COMPARED, modelEntry, modelInfo } from '@/lib/forecast/compared-models';
import { runForecast } from '@/lib/forecast/forecast';
import type { RelatedSeries } from '@/lib/forecast/global';
import { createRng } from '@/lib/forecast/random';
import { syntheticSeries } from '@/lib/forecast/synthetic';
import type { ComparedModel, SeriesData } from '@/lib/forecast/types';
import { seconds, table } from './format';

/** Monday .. Sunday, relative to the level: a shape a sine wave does not have. */
const WEEKLY_PROFILE = [1.0, 1.06, 1.1, 1.08, 1.18, 0.72, 0.6];
const POINTS = 200;

interface RelatedSpec {
  name: string;
  level: number;
  /** Share of the weekly profile's swing the series shows. */
  swing: number;
  /** Noise standard deviation, as a share of the level. */
  noise: number;
  /** Growth per day, as a share of the level. */
  trend: number;
}

const SPECS: readonly RelatedSpec[] = [
  { name: 'store A', level: 20, swing: 1, noise: 0.05, trend: 0.001 },
  { name: 'store B', level: 200, swing: 0.8, noise: 0.08, trend: 0 },
  { name: 'store C', level: 2000, swing: 1.2, noise: 0.04, trend: 0.002 },
  { name: 'store D', level: 50, swing: 0.6, noise: 0.12, trend: -0.001 },
  { name: 'store E', level: 500, swing: 1, noise: 0.06, trend: 0.0015 },
];

/** level × (1 + trend) × weekly profile + AR(1) noise (φ = 0.6), seeded per series. */
function relatedSeries(spec: RelatedSpec, seed: number): SeriesData {
  const { t } = syntheticSeries({ points: POINTS, frequency: 'daily', start: Date.UTC(2024, 0, 1) });
  const rng = createRng(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  let ar = 0;
  const v = t.map((time, i) => {
    ar = 0.6 * ar + gaussian() * spec.noise * spec.level;
    const day = (new Date(time).getUTCDay() + 6) % 7; // Monday = 0
    const weekly = 1 + spec.swing * (WEEKLY_PROFILE[day] - 1);
    return spec.level * (1 + spec.trend * i) * weekly + ar;
  });
  return { t, v, frequency: 'daily' };
}

const NON_NEURAL = ALWAYS_COMPARED.filter((m) => modelInfo(m).family !== 'lstm');

/** Runs every series with the others as related series; prints and returns the comparison. */
export async function compareGlobalLstm(): Promise<string> {
  const all = SPECS.map((spec, k) => ({ spec, series: relatedSeries(spec, 100 + k) }));
  const rows: string[][] = [];
  const totals = { lstm: 0, lstmGlobal: 0, classical: 0 };
  let globalWins = 0;
  for (const { spec, series } of all) {
    const related: RelatedSeries[] = all
      .filter((o) => o.spec !== spec)
      .map((o) => ({ name: o.spec.name, ...o.series }));
    const started = performance.now();
    const result = await runForecast(series, { globalLstm: true }, {}, { related });
    const mase = (m: ComparedModel) => modelEntry(result.models, m).metrics.mase;
    const bestClassical = NON_NEURAL.reduce((a, b) => (mase(b) < mase(a) ? b : a));
    totals.lstm += mase('lstm');
    totals.lstmGlobal += mase('lstmGlobal');
    totals.classical += mase(bestClassical);
    if (mase('lstmGlobal') < mase('lstm')) globalWins++;
    rows.push([
      `${spec.name} (level ${spec.level})`,
      mase('lstm').toFixed(3),
      mase('lstmGlobal').toFixed(3),
      `${mase(bestClassical).toFixed(3)} ${bestClassical}`,
      result.champion.model === 'ensemble' ? `avg ${result.champion.members.join('+')}` : result.champion.model,
      seconds(modelEntry(result.models, 'lstm').fitMs),
      seconds(modelEntry(result.models, 'lstmGlobal').fitMs),
      seconds(performance.now() - started),
    ]);
    console.log(
      `   global LSTM: ${spec.name} done (${result.globalLstm?.series} series pooled, windows ${result.globalLstm?.windows.join('/')}).`,
    );
  }
  const n = all.length;
  rows.push([
    'average',
    (totals.lstm / n).toFixed(3),
    (totals.lstmGlobal / n).toFixed(3),
    (totals.classical / n).toFixed(3),
    '',
    '',
    '',
    '',
  ]);
  return [
    `Global vs per-series LSTM: ${n} related daily series of ${POINTS} days (shared weekly profile and AR(1) noise; levels 20-2,000), default config + globalLstm, backtest MASE:`,
    table(
      ['series', 'lstm (per series)', 'lstmGlobal', 'best non-neural', 'champion', 'lstm fit', 'global fit', 'run'],
      rows,
    ),
    `The global LSTM is below the per-series LSTM on ${globalWins} of ${n} series.`,
  ].join('\n');
}
