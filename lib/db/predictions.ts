// Predicted points of a run: the held-out test window (actual known) and the future horizon, for
// the LSTM and the seasonal-naive baseline. Written once, with the run's result.
import type { ForecastResult, ModelName } from '@/lib/forecast/types';
import { getPrisma } from './client';
import type { Prisma } from './generated/prisma/client';

export type Segment = 'test' | 'future';

/** One row of GET /api/runs/:id/predictions. */
export interface PredictionRow {
  timestamp: string;
  forecast: number;
  actual: number | null;
  segment: Segment;
}

/** GET /api/runs/:id/forecast: both models side by side, for charts. */
export interface RunForecast {
  test: { t: string; actual: number; lstm: number; seasonalNaive: number }[];
  future: { t: string; lstm: number; seasonalNaive: number }[];
}

const MODELS: ModelName[] = ['lstm', 'seasonalNaive'];

/** Inserts the test and future rows of both models; call inside the transaction that completes the run. */
export async function insertPredictions(
  tx: Prisma.TransactionClient,
  runId: string,
  { test, future }: Pick<ForecastResult, 'test' | 'future'>,
): Promise<void> {
  const data: Prisma.PredictionCreateManyInput[] = MODELS.flatMap((model) => [
    ...test.t.map((t, i) => ({
      runId,
      model,
      t: new Date(t),
      segment: 'test',
      forecast: test.forecasts[model][i],
      actual: test.actual[i],
    })),
    ...future.t.map((t, i) => ({
      runId,
      model,
      t: new Date(t),
      segment: 'future',
      forecast: future.forecasts[model][i],
      actual: null,
    })),
  ]);
  await tx.prediction.createMany({ data });
}

/** One model's rows in time order (test window, then future). */
export async function listPredictions(runId: string, model: ModelName = 'lstm'): Promise<PredictionRow[]> {
  const rows = await getPrisma().prediction.findMany({ where: { runId, model }, orderBy: { t: 'asc' } });
  return rows.map((row) => ({
    timestamp: row.t.toISOString(),
    forecast: row.forecast,
    actual: row.actual,
    segment: row.segment as Segment,
  }));
}

/** Empty arrays until the run has succeeded. */
export async function getRunForecast(runId: string): Promise<RunForecast> {
  const rows = await getPrisma().prediction.findMany({ where: { runId }, orderBy: { t: 'asc' } });
  const test = new Map<string, RunForecast['test'][number]>();
  const future = new Map<string, RunForecast['future'][number]>();
  for (const row of rows) {
    const t = row.t.toISOString();
    const model = row.model as ModelName;
    if (row.segment === 'test') {
      const point = test.get(t) ?? { t, actual: row.actual ?? Number.NaN, lstm: Number.NaN, seasonalNaive: Number.NaN };
      point[model] = row.forecast;
      test.set(t, point);
    } else {
      const point = future.get(t) ?? { t, lstm: Number.NaN, seasonalNaive: Number.NaN };
      point[model] = row.forecast;
      future.set(t, point);
    }
  }
  return { test: [...test.values()], future: [...future.values()] };
}
