// Public surface of CSV ingest: bytes in, series or problems out; pure (stores nothing, imports
// only lib/forecast's types). The pipeline, in order (parse-csv.ts drives it):
//   1. input.ts, encoding.ts  every input as one stream of UTF-8 byte chunks (UTF-16 decoded;
//                             the encodings' names in text-encodings.ts)
//   2. sniff.ts               text or not, the delimiter; options.ts checks the parse options
//   3. records.ts             CSV records (csv-parse, or plain-records.ts for quote-free files)
//   4. table-reader.ts        header, time column (columns.ts, dates.ts), decimal separator
//                             (decimal.ts), value and label columns (value-column.ts,
//                             category-column.ts) read row by row; hands table-contents.ts on
//   5. parsed-file.ts         long/wide layout and ids (id-columns.ts), rows to series (assemble.ts:
//                             time order, duplicate policy), names (series-names.ts)
//   6. prepare-series.ts      frequency (frequency.ts), resampling (resample.ts), gaps (gaps.ts)
//   7. series-checks.ts       too short, constant, gaps to report; problems.ts words every problem
// early-points.ts lets a caller store points while the file is still read; inspect.ts sums a parse
// up for `npm run inspect`. Shared types are in types.ts.
export { parseCsv, type ParseHooks } from './parse-csv';
export { EarlySeries, type EarlyPointsMatch, type EarlyPointsSink } from './early-points';
export { firstBytes } from './input';
export { DEFAULT_READ_LIMITS, readLimits, type ReadLimits } from './limits';
export { tooManySeries } from './problems';
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
export { isKnownTimeZone } from './time-zone';
export { inspectFile, summarizeSeries, type FileInspection, type SeriesSummary } from './inspect';
export type * from './types';
