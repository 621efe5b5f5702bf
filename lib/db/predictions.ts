// Predicted points of a run, for every compared model (and the champion's average when the
// champion is an ensemble): the held-out test window (actual known) and the future horizon with
// its prediction intervals. Written once, with the run's result.
import type { IntervalBounds, PredictionRow, RunForecast } from '@/lib/api/schemas/responses';
import { ALWAYS_COMPARED, modelEntry, modelsIn } from '@/lib/forecast/compared-models';
import type { ForecastResult, ModelIntervals, ModelRecord, PredictionModel } from '@/lib/forecast/types';
import { getPool, getPrisma } from './client';
import type { Prisma } from './generated/prisma/client';
import { COMPARED_MODELS } from './run-evaluation';

export type Segment = 'test' | 'future';

/** 80% and 95% interval bounds (lib/api/schemas/responses.ts); null where the backtest was too short to promise the level. */
export type { IntervalBounds };

/**
 * The forecast's quantiles: P10 and P90 are the 80% bounds, P50 the median forecast (the forecast
 * plus the median backtest error). Null on the test window, on runs stored before P50 was kept
 * (p50 only), and where the backtest was too short to promise the level.
 */
export interface Quantiles {
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

/** One row of GET /api/runs/:id/predictions (lib/api/schemas/responses.ts). */
export type { PredictionRow };

/**
 * GET /api/runs/:id/forecast (lib/api/schemas/responses.ts): every model side by side, for charts.
 * A model's forecast at one time is null when the run stored none for it (runs from before
 * baselines). `ensemble` is there only when the run's champion is that average, `lstmGlobal` only
 * when the run trained it.
 */
export type { RunForecast };
type ModelValues = Omit<RunForecast['test'][number], 't' | 'actual'>;

const NO_BOUNDS: IntervalBounds = { lo80: null, hi80: null, lo95: null, hi95: null };

type StoredResult = Pick<ForecastResult, 'futureT' | 'backtest' | 'models' | 'intervals'> &
  Partial<Pick<ForecastResult, 'champion'>>;

/** What one model's rows are made of. */
interface ModelRows {
  testForecast: readonly number[];
  future: readonly number[];
  bands: ModelIntervals['bands'];
  p50: readonly number[] | undefined;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Every compared model, plus 'ensemble' (its members' average) when that is the champion. */
function rowsPerModel(result: StoredResult): [PredictionModel, ModelRows][] {
  const { backtest, models, intervals, champion } = result;
  // The last backtest window is the held-out test window; it has every model's forecast.
  const testForecasts = backtest.windows.at(-1)?.forecasts;
  // Every model the run fit: the global LSTM only when it trained one.
  const perModel: [PredictionModel, ModelRows][] = modelsIn(models).map((model) => [
    model,
    {
      testForecast: testForecasts?.[model] ?? [],
      future: modelEntry(models, model).future,
      bands: modelEntry(intervals, model).bands,
      p50: modelEntry(intervals, model).p50,
    },
  ]);
  if (champion?.model === 'ensemble') {
    const testForecast = backtest.windows
      .at(-1)!
      .t.map((_, i) => mean(champion.members.map((m) => testForecasts?.[m]?.[i] ?? Number.NaN)));
    perModel.push([
      'ensemble',
      { testForecast, future: champion.future, bands: champion.intervals.bands, p50: champion.intervals.p50 },
    ]);
  }
  return perModel;
}

/** Inserts the test and future rows of every model; call inside the transaction that completes the run. */
export async function insertPredictions(
  tx: Prisma.TransactionClient,
  runId: string,
  result: StoredResult,
): Promise<void> {
  // The held-out test window is the last backtest window.
  const test = result.backtest.windows.at(-1)!;
  const future = { t: result.futureT };
  const data: Prisma.PredictionCreateManyInput[] = rowsPerModel(result).flatMap(([model, rows]) => {
    const { 80: band80, 95: band95 } = rows.bands;
    return [
      ...test.t.map((t, i) => ({
        runId,
        model,
        t: new Date(t),
        segment: 'test',
        forecast: rows.testForecast[i] ?? Number.NaN,
        actual: test.actual[i],
      })),
      ...future.t.map((t, i) => ({
        runId,
        model,
        t: new Date(t),
        segment: 'future',
        forecast: rows.future[i],
        actual: null,
        lo80: band80.lower[i],
        hi80: band80.upper[i],
        lo95: band95.lower[i],
        hi95: band95.upper[i],
        p50: rows.p50?.[i] ?? null,
      })),
    ];
  });
  await tx.prediction.createMany({ data });
}

/** One model's rows in time order (test window, then future); empty if the run stored none for it. */
export async function listPredictionsAsSystem(
  runId: string,
  model: PredictionModel = 'lstm',
): Promise<PredictionRow[]> {
  const rows = await getPrisma().prediction.findMany({ where: { runId, model }, orderBy: { t: 'asc' } });
  return rows.map((row) => ({
    timestamp: row.t.toISOString(),
    forecast: row.forecast,
    actual: row.actual,
    lo80: row.lo80,
    hi80: row.hi80,
    lo95: row.lo95,
    hi95: row.hi95,
    p10: row.lo80,
    p50: row.p50,
    p90: row.hi80,
    segment: row.segment as Segment,
  }));
}

const noValues = () => Object.fromEntries(ALWAYS_COMPARED.map((m) => [m, null])) as ModelValues;
const noBounds = () => Object.fromEntries(ALWAYS_COMPARED.map((m) => [m, NO_BOUNDS])) as ModelRecord<IntervalBounds>;

/** Empty arrays until the run has succeeded. */
export async function getRunForecastAsSystem(runId: string): Promise<RunForecast> {
  const rows = await getPrisma().prediction.findMany({ where: { runId }, orderBy: { t: 'asc' } });
  const test = new Map<string, RunForecast['test'][number]>();
  const future = new Map<string, RunForecast['future'][number]>();
  for (const row of rows) {
    const t = row.t.toISOString();
    const model = row.model as PredictionModel;
    if (model !== 'ensemble' && !COMPARED_MODELS.includes(model)) continue;
    if (row.segment === 'test') {
      const point: RunForecast['test'][number] = test.get(t) ?? { t, actual: row.actual, ...noValues() };
      point[model] = row.forecast;
      test.set(t, point);
    } else {
      const point: RunForecast['future'][number] = future.get(t) ?? { t, ...noValues(), intervals: noBounds() };
      point[model] = row.forecast;
      point.intervals[model] = { lo80: row.lo80, hi80: row.hi80, lo95: row.lo95, hi95: row.hi95 };
      future.set(t, point);
    }
  }
  return { test: [...test.values()], future: [...future.values()] };
}

/** The future forecast of one model per run, in time order; runs without one are left out. */
export async function futureForecastsAsSystem(
  picks: readonly { runId: string; model: PredictionModel }[],
): Promise<Map<string, number[]>> {
  if (picks.length === 0) return new Map();
  const { rows } = await getPool().query<{ run_id: string; forecast: number }>(
    `SELECT p.run_id, p.forecast
       FROM predictions p JOIN unnest($1::text[], $2::text[]) AS pick(run_id, model)
         ON p.run_id = pick.run_id AND p.model = pick.model
      WHERE p.segment = 'future'
      ORDER BY p.run_id, p.t`,
    [picks.map((pick) => pick.runId), picks.map((pick) => pick.model)],
  );
  const byRun = new Map<string, number[]>();
  for (const row of rows) {
    const list = byRun.get(row.run_id) ?? [];
    list.push(row.forecast);
    byRun.set(row.run_id, list);
  }
  return byRun;
}
