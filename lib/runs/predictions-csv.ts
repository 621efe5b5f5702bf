// The CSV download of one model's predictions. `timestamp,forecast,actual` come first (scripts
// read them by position), then the interval bounds, then what the rows are: segment, model (the
// stable key: "ensemble" for the champion's average), modelName (the name the run page shows:
// "Average of AutoARIMA + LSTM") and series, and last the quantiles P10/P50/P90 (P10 and P90 repeat the 80% bounds, under the names
// quantile-forecast tools read). Empty cells: `actual` of future points, bounds and quantiles on
// the test window or where the backtest was too short to promise the level.
import type { PredictionRow } from '@/lib/db/predictions';
import { isFormulaLike } from '@/lib/ingest/formula-cells';

export const PREDICTIONS_CSV_HEADER =
  'timestamp,forecast,actual,lo80,hi80,lo95,hi95,segment,model,modelName,series,p10,p50,p90';

/**
 * One text cell, quoted when it holds a delimiter, quote or line break. Text a spreadsheet would
 * evaluate as a formula (a series named "=HYPERLINK(...)") gets a leading apostrophe, the usual
 * neutraliser, so the download cannot run anything; text that reads as a number ("-5") stays as is.
 */
export function csvText(text: string): string {
  const safe = isFormulaLike(text) || /^[\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A number cell: empty for null and for what JSON cannot hold. */
export function csvNumber(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : String(value);
}

export function predictionsCsv(
  rows: PredictionRow[],
  { model, modelName, series }: { model: string; modelName: string; series: string },
): string {
  const labels = `${csvText(model)},${csvText(modelName)},${csvText(series)}`;
  const lines = rows.map((row) =>
    [
      csvText(row.timestamp),
      csvNumber(row.forecast),
      csvNumber(row.actual),
      csvNumber(row.lo80),
      csvNumber(row.hi80),
      csvNumber(row.lo95),
      csvNumber(row.hi95),
      csvText(row.segment),
      labels,
      csvNumber(row.p10),
      csvNumber(row.p50),
      csvNumber(row.p90),
    ].join(','),
  );
  return [PREDICTIONS_CSV_HEADER, ...lines].join('\n') + '\n';
}

/**
 * `<series>-<model>-run-<runId>-predictions.<csv|json>`: series, model and run, whichever model
 * (the champion included) and format, reduced to characters every filesystem accepts.
 */
export function predictionsFileName(
  seriesName: string,
  runId: string,
  model: string,
  format: 'csv' | 'json' | 'parquet' = 'csv',
): string {
  const safe = (text: string, fallback: string) =>
    text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || fallback;
  return `${safe(seriesName, 'series')}-${safe(model, 'model')}-run-${safe(runId, 'run')}-predictions.${format}`;
}
