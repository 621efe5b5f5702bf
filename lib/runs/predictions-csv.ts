// The CSV download of a run's predictions: timestamp,forecast,actual with an empty actual for
// future points.
import type { PredictionRow } from '@/lib/db/predictions';

export function predictionsCsv(rows: PredictionRow[]): string {
  const lines = rows.map((row) => `${row.timestamp},${row.forecast},${row.actual ?? ''}`);
  return ['timestamp,forecast,actual', ...lines].join('\n') + '\n';
}

/** `<series>-<runId>-predictions.csv`, reduced to characters every filesystem accepts. */
export function predictionsFileName(seriesName: string, runId: string): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'series';
  return `${safe(seriesName)}-${safe(runId)}-predictions.csv`;
}
