// Upload → dataset: parse the whole file, refuse it with every problem listed if it cannot be
// imported, else store it in one transaction.
import { createDataset, type Dataset } from '@/lib/db/datasets';
import { parseCsv, type CsvInput, type ParseOptions } from '@/lib/ingest';
import { invalidCsv } from './invalid-csv';

export interface DatasetUpload {
  file: CsvInput;
  fileName: string | null;
  /** Defaults to the file name without its extension. */
  name?: string;
  options?: Omit<ParseOptions, 'partial'>;
}

function nameFromFile(fileName: string | null): string {
  const base = fileName?.replace(/\.[^.]*$/, '').trim();
  return base || 'Untitled dataset';
}

export async function importDataset({ file, fileName, name, options = {} }: DatasetUpload): Promise<Dataset> {
  const parsed = await parseCsv(file, options);
  if (!parsed.ok) throw invalidCsv(parsed.problems);
  return createDataset({ name: name ?? nameFromFile(fileName), fileName, series: parsed.series });
}
