// What a file would import as, from its head: detection only, nothing stored. Series come
// without their points (only counts and range), so a preview stays small.
import {
  firstBytes,
  parseCsv,
  summarizeSeries,
  type ParseOptions,
  type ParseResult,
  type SeriesSummary,
} from '@/lib/ingest';

/** A preview reads at most this much of what it is sent (the upload page sends 256 KB). */
export const PREVIEW_MAX_BYTES = 1024 * 1024;

/** A detected series: the inspect summary plus what the upload UI shows beside it. */
export interface PreviewSeries extends SeriesSummary {
  /** Points the gap policy inserted. */
  filled: number;
  valueColumn: string;
  /** Long layout: the id values that pick this series' rows. */
  ids?: Record<string, string>;
}

/** The `ParsedFilePreview` shape of docs/api.md. */
export type FilePreview = Omit<ParseResult, 'series'> & { series: PreviewSeries[] };

export async function previewDataset(
  file: AsyncIterable<Uint8Array>,
  options: Omit<ParseOptions, 'partial'> = {},
): Promise<FilePreview> {
  const parsed = await parseCsv(firstBytes(file, PREVIEW_MAX_BYTES), { ...options, partial: true });
  return {
    delimiter: parsed.delimiter,
    decimal: parsed.decimal,
    hasHeader: parsed.hasHeader,
    layout: parsed.layout,
    idColumns: parsed.idColumns,
    columns: parsed.columns,
    timeColumn: parsed.timeColumn,
    timeFormat: parsed.timeFormat,
    timeOffset: parsed.timeOffset,
    ...(parsed.encoding && { encoding: parsed.encoding }),
    valueColumns: parsed.valueColumns,
    skippedColumns: parsed.skippedColumns,
    skippedSeries: parsed.skippedSeries,
    preview: parsed.preview,
    rows: parsed.rows,
    series: parsed.series.map((series) => ({
      ...summarizeSeries(series),
      filled: series.filled,
      valueColumn: series.valueColumn,
      ...(series.ids && { ids: series.ids }),
    })),
    problems: parsed.problems,
    ok: parsed.ok,
  };
}
