// GET /api/batches/:id/sparklines: what the batch page's series table draws in one answer for every
// row — each series' newest values, then its champion's forecast once its run has succeeded. Two
// queries for the whole batch, so the table needs no request per row (and no row waits to be
// scrolled into view before it is drawn).
import type { BatchSparkline } from '@/lib/api/schemas/responses';
import { listBatchRunsAsSystem, type Batch } from '@/lib/db/batches';
import { recentValuesAsSystem } from '@/lib/db/points';
import { futureForecastsAsSystem } from '@/lib/db/predictions';
import { defaultPredictionModel } from '@/lib/runs/export-predictions';

/** History points per sparkline: four horizons, so the forecast is a fifth of the line, within these bounds. */
export const SPARKLINE_HISTORY = { min: 28, max: 90, horizons: 4 };

export function historyLength(horizon: number): number {
  return Math.min(SPARKLINE_HISTORY.max, Math.max(SPARKLINE_HISTORY.min, SPARKLINE_HISTORY.horizons * horizon));
}

export async function batchSparklines(batch: Batch): Promise<BatchSparkline[]> {
  const runs = await listBatchRunsAsSystem(batch.id);
  const picks = runs.flatMap((run) =>
    run.status === 'succeeded' ? [{ runId: run.runId, model: defaultPredictionModel(run) }] : [],
  );
  const [history, forecasts] = await Promise.all([
    recentValuesAsSystem(
      runs.map((run) => run.seriesId),
      SPARKLINE_HISTORY.max,
    ),
    futureForecastsAsSystem(picks),
  ]);
  const models = new Map(picks.map((pick) => [pick.runId, pick.model]));
  return runs.map((run) => ({
    seriesId: run.seriesId,
    runId: run.runId,
    model: forecasts.has(run.runId) ? (models.get(run.runId) ?? null) : null,
    history: (history.get(run.seriesId) ?? []).slice(-historyLength(run.horizon)),
    forecast: forecasts.get(run.runId) ?? [],
  }));
}
