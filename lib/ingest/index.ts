// Public surface of CSV ingest.
export { parseCsv } from './parse-csv';
export { createDateColumnReader, detectDateFormat, parseDateColumn } from './dates';
export type { DateColumn, DateColumnReader, DateFormat, DateFormatId } from './dates';
export { addSteps, countGaps, firstGap, inferFrequency, stepsBetween } from './frequency';
export { isMissingValue, parseNumber } from './numbers';
export type * from './types';
