// GET /api/runs/:id/predictions: one model's rows (the run's champion unless asked) for the
// held-out test window and the future horizon with its intervals, as JSON or as a CSV download
// named after the series and the run.
import { listPredictions, type PredictionRow } from '@/lib/db/predictions';
import type { Run } from '@/lib/db/runs';
import { getSeriesAsSystem } from '@/lib/db/series';
import type { PredictionModel } from '@/lib/forecast/types';
import { predictionsCsv, predictionsFileName } from './predictions-csv';
import { predictionsParquet } from './predictions-parquet';

export interface PredictionsJson {
  runId: string;
  seriesId: string;
  model: PredictionModel;
  predictions: PredictionRow[];
}

/** The run's champion; the LSTM for runs stored before champions existed. */
export function defaultPredictionModel(run: Pick<Run, 'evaluation'>): PredictionModel {
  return run.evaluation?.champion?.model ?? 'lstm';
}

export async function predictionsAsJson(run: Run, model: PredictionModel = defaultPredictionModel(run)): Promise<PredictionsJson> {
  return { runId: run.id, seriesId: run.seriesId, model, predictions: await listPredictions(run.id, model) };
}

/** `requested` absent: the champion, in a file named without a model (the run's default download). */
export async function predictionsAsCsv(run: Run, requested?: PredictionModel): Promise<{ fileName: string; csv: string }> {
  const model = requested ?? defaultPredictionModel(run);
  const [series, rows] = await Promise.all([getSeriesAsSystem(run.seriesId), listPredictions(run.id, model)]);
  const seriesName = series?.name ?? 'series';
  return { fileName: predictionsFileName(seriesName, run.id, requested), csv: predictionsCsv(rows, { model, series: seriesName }) };
}

/** The same rows and columns as the CSV, as a Parquet file. */
export async function predictionsAsParquet(run: Run, requested?: PredictionModel): Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer> }> {
  const model = requested ?? defaultPredictionModel(run);
  const [series, rows] = await Promise.all([getSeriesAsSystem(run.seriesId), listPredictions(run.id, model)]);
  const seriesName = series?.name ?? 'series';
  const label = (value: string) => ({ values: rows.map(() => value) });
  return {
    fileName: predictionsFileName(seriesName, run.id, requested).replace(/\.csv$/, '.parquet'),
    bytes: predictionsParquet(rows, [], [{ name: 'model', ...label(model) }, { name: 'series', ...label(seriesName) }]),
  };
}
