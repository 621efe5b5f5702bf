// Entry point of CSV ingest: bytes in, series or problems out. Nothing is stored here, so a file
// with an error can be rejected as a whole.
import { CsvError } from 'csv-parse';
import { byteChunks, dropCutLastLine, peekHead } from './input';
import * as problem from './problems';
import { forEachRecord } from './records';
import { detectDialect, detectNotCsv, headText, isBlank } from './sniff';
import type { CsvInput, ParsedFile, ParseOptions, Problem } from './types';
import { problemFile, WideTableReader } from './wide-table';

/** Bytes sniffed for the file type and delimiter. */
const HEAD_BYTES = 64 * 1024;

/**
 * Reads a CSV in the wide layout (a time column and one numeric column per series), streaming:
 * memory grows with the number of values, not with the file's text.
 */
export async function parseCsv(input: CsvInput, options: ParseOptions = {}): Promise<ParsedFile> {
  let chunks: AsyncIterable<Buffer> = byteChunks(input);
  if (options.partial) chunks = dropCutLastLine(chunks);
  const peeked = await peekHead(chunks, HEAD_BYTES);

  // A string or Buffer input arrives as one chunk: sniff only its first bytes.
  const head = peeked.head.subarray(0, HEAD_BYTES);
  const wholeFile = peeked.complete && peeked.head.length === head.length;
  const notCsv = detectNotCsv(head);
  if (notCsv) return problemFile(options.delimiter ?? ',', [problem.notCsv(notCsv)]);
  if (wholeFile && isBlank(head)) return problemFile(options.delimiter ?? ',', [problem.emptyFile()]);

  const detected = detectDialect(headText(head), wholeFile);
  const dialect = options.delimiter ? { ...detected, delimiter: options.delimiter } : detected;
  const table = new WideTableReader(dialect.delimiter, options);
  let lastRow = dialect.linesBeforeHeader;
  try {
    await forEachRecord(peeked.chunks, dialect, (record) => {
      table.add(record);
      lastRow = record.line;
    });
  } catch (error) {
    const unreadable = csvProblem(error, lastRow + 1, options.partial ?? false);
    if (unreadable) return problemFile(dialect.delimiter, [unreadable]);
  }
  return table.finish();
}

/**
 * The problem a csv-parse error stands for; null for an unclosed quote in a preview, where the
 * cut last line is the likely cause. Other errors (I/O) are not the file's fault and propagate.
 * `row`: the row after the last one read, where the unreadable record starts.
 */
function csvProblem(error: unknown, row: number, partial: boolean): Problem | null {
  if (!(error instanceof CsvError)) throw error;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return partial ? null : problem.unclosedQuote(row);
    case 'CSV_MAX_RECORD_SIZE':
      return problem.rowTooLong(row);
    default:
      return problem.unreadableCsv(error.message);
  }
}
