// What a file would import as, from its head: detection only, nothing stored. Series come
// without their points (only counts and range), so a preview stays small.
import { parseCsv, type CsvInput, type ParseOptions, type ParseResult } from '@/lib/ingest';
import type { Frequency } from '@/lib/forecast/types';

export interface PreviewSeries {
  name: string;
  frequency: Frequency;
  points: number;
  start: string | null;
  end: string | null;
  /** Timestamps missing between start and end (in the part of the file read). */
  gaps: number;
  /** Points the gap policy inserted. */
  filled: number;
  /** Values that shared a timestamp and were merged by the duplicate policy. */
  duplicates: number;
  valueColumn: string;
  /** Long layout: the id values that pick this series' rows. */
  ids?: Record<string, string>;
}

/** The `ParsedFilePreview` shape of docs/api.md. */
export type FilePreview = Omit<ParseResult, 'series'> & { series: PreviewSeries[] };

function isoOrNull(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}

export async function previewDataset(file: CsvInput, options: Omit<ParseOptions, 'partial'> = {}): Promise<FilePreview> {
  const parsed = await parseCsv(file, { ...options, partial: true });
  return {
    delimiter: parsed.delimiter,
    decimal: parsed.decimal,
    hasHeader: parsed.hasHeader,
    layout: parsed.layout,
    idColumns: parsed.idColumns,
    columns: parsed.columns,
    timeColumn: parsed.timeColumn,
    timeFormat: parsed.timeFormat,
    valueColumns: parsed.valueColumns,
    skippedColumns: parsed.skippedColumns,
    skippedSeries: parsed.skippedSeries,
    preview: parsed.preview,
    rows: parsed.rows,
    series: parsed.series.map((series) => ({
      name: series.name,
      frequency: series.frequency,
      points: series.t.length,
      start: isoOrNull(series.t[0]),
      end: isoOrNull(series.t.at(-1)),
      gaps: series.gaps,
      filled: series.filled,
      duplicates: series.duplicates,
      valueColumn: series.valueColumn,
      ...(series.ids && { ids: series.ids }),
    })),
    problems: parsed.problems,
    ok: parsed.ok,
  };
}
