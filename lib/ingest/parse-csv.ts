// Entry point of CSV ingest: bytes in, series or problems out. Nothing is stored here, so a file
// with an error can be rejected as a whole.
import { CsvError } from 'csv-parse';
import type { EarlySeries } from './early-points';
import {
  checkUtf8,
  decodeUtf16,
  decodeWindows1252Stream,
  detectTextEncoding,
  EncodingError,
  type TextEncoding,
} from './encoding';
import { byteChunks, dropCutLastLine, peekHead } from './input';
import { readLimits, ReadLimitError, type ReadLimits } from './limits';
import { LineTooLongError } from './plain-records';
import { optionProblems } from './options';
import * as problem from './problems';
import { forEachRecord } from './records';
import { detectDialect, detectNotCsv, headText, isBlank } from './sniff';
import { problemFile, TableReader } from './table-reader';
import type { CsvInput, ParseOptions, ParseResult, Problem } from './types';

/** Bytes sniffed for the encoding, the file type and the delimiter. */
const HEAD_BYTES = 64 * 1024;
/** How often `onRows` hears of the rows read: often enough for a progress bar, rarely enough to cost nothing. */
const ROWS_PER_REPORT = 10_000;

/** Callbacks for a caller showing progress; they do not change the result. */
export interface ParseHooks {
  /** Records read so far (header included), every few thousand and once at the end. */
  onRows?(rows: number): void;
  /** Hands out the points as rows are read, before the file is checked (see early-points.ts). */
  early?: EarlySeries;
  /** Limits to apply instead of those of the environment (limits.ts). */
  limits?: Partial<ReadLimits>;
}

/**
 * Reads a CSV in the wide layout (a time column and one numeric column per series) or the long one
 * (id columns say which series a row belongs to), streaming: memory grows with the number of
 * values, not with the file's text.
 */
export async function parseCsv(
  input: CsvInput,
  options: ParseOptions = {},
  hooks: ParseHooks = {},
): Promise<ParseResult> {
  const fallbackDelimiter = options.delimiter ?? ',';
  const invalid = optionProblems(options);
  if (invalid.length > 0) return problemFile(fallbackDelimiter, invalid);

  const raw = await peekHead(byteChunks(input), HEAD_BYTES);
  const encoding =
    options.encoding ??
    detectTextEncoding(raw.head.subarray(0, HEAD_BYTES), raw.complete && raw.head.length <= HEAD_BYTES);
  let chunks = decoded(raw.chunks, encoding);
  if (options.partial) chunks = dropCutLastLine(chunks);
  const peeked = await peekHead(chunks, HEAD_BYTES);

  // A string or Buffer input arrives as one chunk: sniff only its first bytes.
  const head = peeked.head.subarray(0, HEAD_BYTES);
  const wholeFile = peeked.complete && peeked.head.length === head.length;
  const notCsv = detectNotCsv(head);
  if (notCsv) return problemFile(fallbackDelimiter, [problem.notCsv(notCsv)]);
  if (wholeFile && isBlank(head)) return problemFile(fallbackDelimiter, [problem.emptyFile()]);

  const detected = detectDialect(headText(head), wholeFile);
  const dialect = options.delimiter ? { ...detected, delimiter: options.delimiter } : detected;
  const limits = readLimits(hooks.limits);
  const table = new TableReader(dialect.delimiter, options, hooks.early, limits);
  // Decoded UTF-16 is valid UTF-8 by construction; anything else is checked as it streams.
  const checked = encoding === 'utf8' ? checkUtf8(peeked.chunks, options.partial) : peeked.chunks;
  const text = hooks.early ? pacedBy(hooks.early, checked) : checked;
  let lastRow = dialect.linesBeforeHeader;
  let records = 0;
  try {
    await forEachRecord(text, { ...dialect, maxLineBytes: limits.maxLineBytes }, (record) => {
      table.add(record);
      lastRow = record.line;
      if (++records % ROWS_PER_REPORT === 0) hooks.onRows?.(records);
    });
    hooks.onRows?.(records);
  } catch (error) {
    const unreadable = readProblem(error, lastRow + 1, options.partial ?? false, limits);
    if (unreadable) return problemFile(dialect.delimiter, [unreadable]);
  }
  const result = table.finish();
  if (result.series.length > limits.maxSeries) {
    return problemFile(
      dialect.delimiter,
      [problem.tooManySeries(result.series.length, 0, limits.maxSeries)],
      result.columns,
    );
  }
  result.encoding = encoding;
  if (encoding === 'windows-1252' && options.encoding === undefined) {
    result.problems.unshift(problem.convertedEncoding(encoding));
  }
  return result;
}

/** The chunks as UTF-8. */
function decoded(chunks: AsyncIterable<Buffer>, encoding: TextEncoding): AsyncIterable<Buffer> {
  switch (encoding) {
    case 'utf8':
      return chunks;
    case 'windows-1252':
      return decodeWindows1252Stream(chunks);
    default:
      return decodeUtf16(chunks, encoding);
  }
}

/** `chunks`, each one asked for only once `early`'s sink can take the points of the one before. */
async function* pacedBy(early: EarlySeries, chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    yield chunk;
    await early.ready();
  }
}

/**
 * The problem a reading error stands for; null for an unclosed quote in a preview, where the cut
 * last line is the likely cause. Other errors (I/O) are not the file's fault and propagate.
 * `row`: the row after the last one read, where the unreadable record starts.
 */
function readProblem(error: unknown, row: number, partial: boolean, limits: ReadLimits): Problem | null {
  if (error instanceof EncodingError) return problem.unsupportedEncoding(error);
  if (error instanceof ReadLimitError) return error.problem;
  // In a preview (the file's first bytes, cut) a long last line is still too long.
  if (error instanceof LineTooLongError) return problem.lineTooLong(error.line, error.maxBytes);
  if (!(error instanceof CsvError)) throw error;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return partial ? null : problem.unclosedQuote(row);
    case 'CSV_MAX_RECORD_SIZE':
      return problem.lineTooLong(row, limits.maxLineBytes);
    default:
      return problem.unreadableCsv(error.message);
  }
}
