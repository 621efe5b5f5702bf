// GET /api/batches/:id/predictions: every series' predictions in one long table, one row per
// series x timestamp, from each succeeded run's champion (test window, then future horizon with its
// intervals). `series,timestamp,forecast,actual` come first, as the issue and scripts expect; the
// quantiles P10/P50/P90 come last, as in a single run's download (lib/runs/predictions-csv.ts).
import type { Batch } from '@/lib/db/batches';
import { listBatchRunsAsSystem } from '@/lib/db/batches';
import type { BatchPredictionRow } from '@/lib/api/schemas/responses';
import { listPredictionsAsSystem } from '@/lib/db/predictions';
import { defaultPredictionModel, roundedPredictions, runModelName } from '@/lib/runs/export-predictions';
import { csvNumber, csvText } from '@/lib/runs/predictions-csv';
import { predictionsParquet } from '@/lib/runs/predictions-parquet';

export const BATCH_PREDICTIONS_CSV_HEADER =
  'series,timestamp,forecast,actual,lo80,hi80,lo95,hi95,segment,model,modelName,seriesId,runId,p10,p50,p90';

/** One row of the long table (lib/api/schemas/responses.ts). */
export type { BatchPredictionRow };

/** Series by name; only succeeded runs have predictions. */
export async function batchPredictionRows(batch: Batch): Promise<BatchPredictionRow[]> {
  const rows: BatchPredictionRow[] = [];
  for (const run of await listBatchRunsAsSystem(batch.id)) {
    if (run.status !== 'succeeded') continue;
    const model = defaultPredictionModel(run);
    const modelName = runModelName(run, model);
    // Rounded to the series' own precision, as a single run's download.
    for (const row of roundedPredictions(await listPredictionsAsSystem(run.runId, model))) {
      rows.push({ series: run.name, ...row, seriesId: run.seriesId, runId: run.runId, model, modelName });
    }
  }
  return rows;
}

export function batchPredictionsCsv(rows: readonly BatchPredictionRow[]): string {
  const lines = rows.map((row) =>
    [
      csvText(row.series),
      csvText(row.timestamp),
      csvNumber(row.forecast),
      csvNumber(row.actual),
      csvNumber(row.lo80),
      csvNumber(row.hi80),
      csvNumber(row.lo95),
      csvNumber(row.hi95),
      csvText(row.segment),
      csvText(row.model),
      csvText(row.modelName),
      csvText(row.seriesId),
      csvText(row.runId),
      csvNumber(row.p10),
      csvNumber(row.p50),
      csvNumber(row.p90),
    ].join(','),
  );
  return [BATCH_PREDICTIONS_CSV_HEADER, ...lines].join('\n') + '\n';
}

export function batchPredictionsFileName(batchId: string): string {
  return `batch-${batchId.replace(/[^A-Za-z0-9._-]+/g, '-')}-predictions`;
}

export function batchPredictionsParquet(rows: readonly BatchPredictionRow[]): Uint8Array<ArrayBuffer> {
  return predictionsParquet(
    rows,
    [{ name: 'series', values: rows.map((row) => row.series) }],
    [
      { name: 'model', values: rows.map((row) => row.model) },
      { name: 'modelName', values: rows.map((row) => row.modelName) },
      { name: 'seriesId', values: rows.map((row) => row.seriesId) },
      { name: 'runId', values: rows.map((row) => row.runId) },
    ],
  );
}
