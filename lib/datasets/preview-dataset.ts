// What a file would import as, from its head: detection only, nothing stored. Series come
// without their points (only counts and range), so a preview stays small.
import { parseCsv, type CsvInput, type ParsedFile, type ParseOptions } from '@/lib/ingest';
import type { Frequency } from '@/lib/forecast/types';

export interface PreviewSeries {
  name: string;
  frequency: Frequency;
  points: number;
  start: string | null;
  end: string | null;
}

/** The `ParsedFilePreview` shape of docs/api.md. */
export type FilePreview = Omit<ParsedFile, 'series'> & { series: PreviewSeries[] };

function isoOrNull(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}

export async function previewDataset(file: CsvInput, options: Omit<ParseOptions, 'partial'> = {}): Promise<FilePreview> {
  const parsed = await parseCsv(file, { ...options, partial: true });
  return {
    delimiter: parsed.delimiter,
    columns: parsed.columns,
    timeColumn: parsed.timeColumn,
    timeFormat: parsed.timeFormat,
    valueColumns: parsed.valueColumns,
    skippedColumns: parsed.skippedColumns,
    preview: parsed.preview,
    rows: parsed.rows,
    series: parsed.series.map((series) => ({
      name: series.name,
      frequency: series.frequency,
      points: series.t.length,
      start: isoOrNull(series.t[0]),
      end: isoOrNull(series.t.at(-1)),
    })),
    problems: parsed.problems,
    ok: parsed.ok,
  };
}
