// GET /api/runs/:id/predictions: the LSTM's rows for the held-out test window and the future
// horizon, as JSON or as a CSV download named after the series and the run.
import { listPredictions, type PredictionRow } from '@/lib/db/predictions';
import type { Run } from '@/lib/db/runs';
import { getSeries } from '@/lib/db/series';
import { predictionsCsv, predictionsFileName } from './predictions-csv';

export interface PredictionsJson {
  runId: string;
  seriesId: string;
  predictions: PredictionRow[];
}

export async function predictionsAsJson(run: Run): Promise<PredictionsJson> {
  return { runId: run.id, seriesId: run.seriesId, predictions: await listPredictions(run.id) };
}

export async function predictionsAsCsv(run: Run): Promise<{ fileName: string; csv: string }> {
  const [series, rows] = await Promise.all([getSeries(run.seriesId), listPredictions(run.id)]);
  return { fileName: predictionsFileName(series?.name ?? 'series', run.id), csv: predictionsCsv(rows) };
}
