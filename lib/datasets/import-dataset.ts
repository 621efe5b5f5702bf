// Upload → dataset: read the file as it streams in, refuse it with every problem listed if it
// cannot be imported, else store it in one transaction (COPY). The points are copied while the
// file is read, in a transaction committed only once the whole file has been read and checked,
// so a rejected or cut-off upload stores nothing.
import type { Scope } from '@/lib/auth/scope';
import { createDatasetWhileReading, type Dataset } from '@/lib/db/datasets';
import { EarlySeries, parseCsv, type CsvInput, type ParseOptions } from '@/lib/ingest';
import { invalidCsv } from './invalid-csv';
import type { ImportProgress } from './upload-progress';

export interface DatasetUpload {
  file: CsvInput;
  fileName: string | null;
  /** Defaults to the file name without its extension. */
  name?: string;
  options?: Omit<ParseOptions, 'partial'>;
  progress?: ImportProgress;
}

function nameFromFile(fileName: string | null): string {
  const base = fileName?.replace(/\.[^.]*$/, '').trim();
  return base || 'Untitled dataset';
}

/** Stores the dataset as the scope's user's. */
export async function importDataset(
  scope: Scope,
  { file, fileName, name, options = {}, progress }: DatasetUpload,
): Promise<Dataset> {
  return createDatasetWhileReading(scope, async (sink) => {
    const early = sink ? new EarlySeries(sink, options) : undefined;
    const parsed = await parseCsv(file, options, { onRows: progress?.rowsParsed, early });
    if (!parsed.ok) throw invalidCsv(parsed.problems);
    progress?.storing();
    return {
      dataset: { name: name ?? nameFromFile(fileName), fileName, series: parsed.series },
      early: early?.match(parsed) ?? null,
    };
  });
}
