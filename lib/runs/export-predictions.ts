// GET /api/runs/:id/predictions: one model's rows (the run's champion unless asked) for the last
// backtest window and the future horizon with its intervals, as JSON or as a CSV download named
// after the series, the model and the run. Forecasts and bounds are rounded to the series' own
// precision (read from its actual values) plus two digits, not 17 significant digits.
import { decimalsOf, roundTo } from './precision';
import { listPredictionsAsSystem, type PredictionRow } from '@/lib/db/predictions';
import type { Run } from '@/lib/db/runs';
import { getSeriesAsSystem } from '@/lib/db/series';
import { predictionModelName } from '@/lib/forecast/compared-models';
import type { ComparedModel, PredictionModel } from '@/lib/forecast/types';
import { predictionsCsv, predictionsFileName } from './predictions-csv';
import { predictionsParquet } from './predictions-parquet';

export interface PredictionsJson {
  runId: string;
  seriesId: string;
  /** The stable key ('ensemble' for the champion's average). */
  model: PredictionModel;
  /** The name the run page shows: 'MSTL', 'Average of AutoARIMA + LSTM'. */
  modelName: string;
  predictions: PredictionRow[];
}

/** The run's champion (of a run or a batch's run row); the LSTM for runs stored before champions existed. */
export function defaultPredictionModel(run: {
  evaluation: { champion?: { model: PredictionModel } } | null;
}): PredictionModel {
  return run.evaluation?.champion?.model ?? 'lstm';
}

/** The name the run page gives `model`: an ensemble names the run's champion members. */
export function runModelName(
  run: { evaluation: { champion?: { members: readonly ComparedModel[] } } | null },
  model: PredictionModel,
): string {
  return predictionModelName(model, model === 'ensemble' ? (run.evaluation?.champion?.members ?? []) : []);
}

/** Digits the series' values carry beyond its own precision when they are forecasts. */
const EXTRA_DECIMALS = 2;

/** Forecast, bounds and quantiles at the series' precision plus EXTRA_DECIMALS; actuals as stored. */
export function roundedPredictions(rows: PredictionRow[]): PredictionRow[] {
  const decimals = decimalsOf(rows.map((row) => row.actual)) + EXTRA_DECIMALS;
  return rows.map((row) => ({
    ...row,
    forecast: roundTo(row.forecast, decimals) ?? row.forecast,
    lo80: roundTo(row.lo80, decimals),
    hi80: roundTo(row.hi80, decimals),
    lo95: roundTo(row.lo95, decimals),
    hi95: roundTo(row.hi95, decimals),
    p10: roundTo(row.p10, decimals),
    p50: roundTo(row.p50, decimals),
    p90: roundTo(row.p90, decimals),
  }));
}

async function modelRows(run: Run, model: PredictionModel) {
  const [series, rows] = await Promise.all([getSeriesAsSystem(run.seriesId), listPredictionsAsSystem(run.id, model)]);
  return { seriesName: series?.name ?? 'series', rows: roundedPredictions(rows) };
}

export async function predictionsAsJson(
  run: Run,
  model: PredictionModel = defaultPredictionModel(run),
): Promise<{ fileName: string; body: PredictionsJson }> {
  const { seriesName, rows } = await modelRows(run, model);
  return {
    fileName: predictionsFileName(seriesName, run.id, model, 'json'),
    body: { runId: run.id, seriesId: run.seriesId, model, modelName: runModelName(run, model), predictions: rows },
  };
}

/** `requested` absent: the champion. */
export async function predictionsAsCsv(
  run: Run,
  requested?: PredictionModel,
): Promise<{ fileName: string; csv: string }> {
  const model = requested ?? defaultPredictionModel(run);
  const { seriesName, rows } = await modelRows(run, model);
  return {
    fileName: predictionsFileName(seriesName, run.id, model),
    csv: predictionsCsv(rows, { model, modelName: runModelName(run, model), series: seriesName }),
  };
}

/** The same rows and columns as the CSV (rounded the same way), as a Parquet file. */
export async function predictionsAsParquet(
  run: Run,
  requested?: PredictionModel,
): Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer> }> {
  const model = requested ?? defaultPredictionModel(run);
  const { seriesName, rows } = await modelRows(run, model);
  const label = (value: string) => ({ values: rows.map(() => value) });
  return {
    fileName: predictionsFileName(seriesName, run.id, model, 'parquet'),
    bytes: predictionsParquet(
      rows,
      [],
      [
        { name: 'model', ...label(model) },
        { name: 'modelName', ...label(runModelName(run, model)) },
        { name: 'series', ...label(seriesName) },
      ],
    ),
  };
}
