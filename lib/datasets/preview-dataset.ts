// What a file would import as, from its head: detection only, nothing stored. Series come
// without their points (only counts and range), so a preview stays small. When the client sent
// the whole file (and it fits PREVIEW_MAX_BYTES) it is read exactly as the import reads it, so the
// preview counts what the import will store: a head of a file instead drops its possibly cut last
// line, and that must not happen to the last line of a file without a trailing newline.
import type { FilePreview, PreviewSeries } from '@/lib/api/schemas/responses';
import { firstBytes, parseCsv, summarizeSeries, type ParseOptions } from '@/lib/ingest';

/** A preview reads at most this much of what it is sent (the upload page sends 256 KB). */
export const PREVIEW_MAX_BYTES = 1024 * 1024;

/**
 * The answer's shape (lib/api/schemas/responses.ts, `FilePreview`); a detected series is the
 * inspect summary plus what the upload UI shows beside it.
 */
export type { FilePreview, PreviewSeries };

/** The first `size` bytes of a stream, and whether there was more (then it stops reading). */
async function headOf(source: AsyncIterable<Uint8Array>, size: number): Promise<{ head: Buffer; cut: boolean }> {
  const parts: Uint8Array[] = [];
  for await (const chunk of firstBytes(source, size + 1)) parts.push(chunk);
  const bytes = Buffer.concat(parts);
  return { head: bytes.subarray(0, size), cut: bytes.length > size };
}

export interface PreviewScope {
  /** The client sent the whole file, not just its head: read it as the import will. */
  whole?: boolean;
}

export async function previewDataset(
  file: AsyncIterable<Uint8Array>,
  options: Omit<ParseOptions, 'partial'> = {},
  { whole = false }: PreviewScope = {},
): Promise<FilePreview> {
  const { head, cut } = await headOf(file, PREVIEW_MAX_BYTES);
  const parsed = await parseCsv(head, { ...options, partial: !whole || cut });
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
    timeZone: parsed.timeZone,
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
    futureRows: parsed.futureRows,
    problems: parsed.problems,
    ok: parsed.ok,
  };
}
