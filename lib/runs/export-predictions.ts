// GET /api/runs/:id/predictions: one model's rows (the LSTM unless asked) for the held-out test
// window and the future horizon with its intervals, as JSON or as a CSV download named after the
// series and the run.
import { listPredictions, type PredictionRow } from '@/lib/db/predictions';
import type { Run } from '@/lib/db/runs';
import { getSeries } from '@/lib/db/series';
import type { ComparedModel } from '@/lib/forecast/types';
import { predictionsCsv, predictionsFileName } from './predictions-csv';

export interface PredictionsJson {
  runId: string;
  seriesId: string;
  model: ComparedModel;
  predictions: PredictionRow[];
}

export async function predictionsAsJson(run: Run, model: ComparedModel = 'lstm'): Promise<PredictionsJson> {
  return { runId: run.id, seriesId: run.seriesId, model, predictions: await listPredictions(run.id, model) };
}

export async function predictionsAsCsv(run: Run, model: ComparedModel = 'lstm'): Promise<{ fileName: string; csv: string }> {
  const [series, rows] = await Promise.all([getSeries(run.seriesId), listPredictions(run.id, model)]);
  const seriesName = series?.name ?? 'series';
  return { fileName: predictionsFileName(seriesName, run.id, model), csv: predictionsCsv(rows, { model, series: seriesName }) };
}
