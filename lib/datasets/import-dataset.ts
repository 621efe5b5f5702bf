// Upload → dataset: parse the whole file, refuse it with every problem listed if it cannot be
// imported, else store it in one transaction.
import { unprocessable } from '@/lib/api/errors';
import { createDataset, type Dataset } from '@/lib/db/datasets';
import { parseCsv, type CsvInput, type ParseOptions, type Problem } from '@/lib/ingest';

export interface DatasetUpload {
  file: CsvInput;
  fileName: string | null;
  /** Defaults to the file name without its extension. */
  name?: string;
  options?: Omit<ParseOptions, 'partial'>;
}

function invalidCsv(problems: Problem[]): Error {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''}, listed in details)` : '';
  return unprocessable('invalid_csv', `The file cannot be imported: ${errors[0]?.message ?? 'it has errors.'}${more}`, {
    problems,
  });
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
