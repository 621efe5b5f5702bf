// Upload → more points for a stored dataset: parse the whole file like an import, then extend the
// series with matching names and add the others, in one transaction. Scheduled runs pick the new
// points up by themselves (the worker loads a series' points when a run starts).
import { mustExist, notFound } from '@/lib/api/errors';
import type { Scope } from '@/lib/auth/scope';
import {
  appendPointsAsSystem,
  DatasetGoneError,
  OverlapError,
  type AppendedSeries,
  type OverlapPolicy,
} from '@/lib/db/append-points';
import { getDataset, type Dataset } from '@/lib/db/datasets';
import {
  parseCsv,
  readLimits,
  tooManySeries,
  type CsvInput,
  type DuplicatePolicy,
  type ParseOptions,
  type Problem,
} from '@/lib/ingest';
import { invalidCsv } from './invalid-csv';
import type { ImportProgress } from './upload-progress';

export interface DatasetAppend {
  datasetId: string;
  file: CsvInput;
  options?: Omit<ParseOptions, 'partial'>;
  progress?: ImportProgress;
}

export interface AppendResult {
  dataset: Dataset;
  series: AppendedSeries[];
}

/**
 * A stored value at a timestamp the file also has: the new value wins unless a duplicate policy
 * was chosen, which then merges the two as it merges repeats within the file ('error' refuses).
 */
function overlapPolicy(duplicatePolicy: DuplicatePolicy | undefined): OverlapPolicy {
  switch (duplicatePolicy) {
    case 'error':
      return 'reject';
    case 'sum':
    case 'mean':
      return duplicatePolicy;
    default:
      return 'replace';
  }
}

function overlapProblems(error: OverlapError): Problem[] {
  return error.overlaps.map(({ name, count, first }) => ({
    code: 'duplicate_timestamps',
    severity: 'error',
    column: name,
    count,
    message:
      `Series "${name}" already has ${count === 1 ? 'a point' : `${count} points`} at timestamps of this file ` +
      `(first ${first}). Leave duplicatePolicy unset to let the new values win, or choose "mean" or "sum" to merge them.`,
  }));
}

/** The caller checks that the dataset exists in `scope`; one deleted meanwhile still answers 404. */
export async function appendToDataset(
  scope: Scope,
  { datasetId, file, options = {}, progress }: DatasetAppend,
): Promise<AppendResult> {
  // More rows of the same data: read in the zone the dataset was imported with unless one is given.
  const storedZone = options.timeZone
    ? undefined
    : (await getDataset(scope, datasetId))?.series.find((s) => s.timeZone)?.timeZone;
  const parsed = await parseCsv(file, storedZone ? { ...options, timeZone: storedZone } : options, {
    onRows: progress?.rowsParsed,
  });
  if (!parsed.ok) throw invalidCsv(parsed.problems);
  await checkSeriesLimit(scope, datasetId, parsed.series);
  progress?.storing();
  let series: AppendedSeries[];
  try {
    series = await appendPointsAsSystem(datasetId, parsed.series, overlapPolicy(options.duplicatePolicy));
  } catch (error) {
    if (error instanceof OverlapError) throw invalidCsv(overlapProblems(error));
    if (error instanceof DatasetGoneError) throw notFound('dataset', datasetId);
    throw error;
  }
  const dataset = mustExist('dataset', datasetId, await getDataset(scope, datasetId));
  return { dataset, series };
}

/** A dataset holds at most HORIZON_MAX_SERIES series, appends included (a file alone is checked by parseCsv). */
async function checkSeriesLimit(scope: Scope, datasetId: string, series: readonly { name: string }[]): Promise<void> {
  const dataset = mustExist('dataset', datasetId, await getDataset(scope, datasetId));
  const names = new Set(dataset.series.map((s) => s.name));
  const added = series.filter((s) => !names.has(s.name)).length;
  const { maxSeries } = readLimits();
  if (added > 0 && dataset.series.length + added > maxSeries)
    throw invalidCsv([tooManySeries(added, dataset.series.length, maxSeries)]);
}
