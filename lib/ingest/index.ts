// Public surface of CSV ingest.
export { parseCsv, type ParseHooks } from './parse-csv';
export { EarlySeries, type EarlyPointsMatch, type EarlyPointsSink } from './early-points';
export { firstBytes } from './input';
export {
  AGGREGATIONS,
  DECIMAL_SEPARATORS,
  DUPLICATE_POLICIES,
  GAP_POLICIES,
  LAYOUTS,
  RESAMPLE_FREQUENCIES,
  TEXT_ENCODINGS,
} from './options';
export { createDateColumnReader, detectDateFormat, parseDateColumn } from './dates';
export type { DateColumn, DateColumnReader, DateFormat, DateFormatId } from './dates';
export { addSteps, countGaps, firstGap, inferFrequency, stepsBetween } from './frequency';
export { isFormulaLike } from './formula-cells';
export { isMissingValue, parseNumber } from './numbers';
export { inspectFile, summarizeSeries, type FileInspection, type SeriesSummary } from './inspect';
export type * from './types';
