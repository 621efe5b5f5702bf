// The CSV reader: byte chunks in, one record at a time out, with the line it starts on. Text
// without quote characters is split by the fast path (plain-records.ts); from the first chunk
// with a quote on, csv-parse reads the rest, from the start of a record. Quoting, escaped quotes,
// CRLF/LF/CR line ends and a UTF-8 BOM are csv-parse's rules, which the fast path follows.
// Records go to a callback rather than through an async iterator: for a million rows, a promise
// per record costs more than the parsing itself.
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError } from 'csv-parse';
import { lineBreaksIn, PlainRecordSplitter, type LineEnding } from './plain-records';
import type { CsvRecord } from './types';

export type { CsvRecord };

export interface RecordOptions {
  delimiter: string;
  /** Lines to skip before the header (Excel's "sep=" line). */
  linesBeforeHeader: number;
  /** A longer record ends the input with LineTooLongError or csv-parse's CSV_MAX_RECORD_SIZE. */
  maxLineBytes?: number;
}

const QUOTE = 0x22;

/**
 * Calls `visit` with every readable record, blank lines included (as one empty field). A record
 * csv-parse cannot read (a quote never closed, a record over its size limit) ends the input; its
 * error rejects the promise after the records before it were visited.
 */
export async function forEachRecord(
  chunks: AsyncIterable<Buffer>,
  options: RecordOptions,
  visit: (record: CsvRecord) => void,
): Promise<void> {
  const { delimiter, linesBeforeHeader, maxLineBytes } = options;
  const plainDelimiter = delimiter.length === 1 && !'"\r\n'.includes(delimiter);
  if (!plainDelimiter || linesBeforeHeader > 0) {
    const start = {
      delimiter,
      skipLines: linesBeforeHeader,
      firstLine: linesBeforeHeader + 1,
      atStart: true,
      maxLineBytes,
    };
    return csvParseRecords(chunks, start, visit);
  }
  const splitter = new PlainRecordSplitter(delimiter, visit, 1, maxLineBytes);
  const iterator = chunks[Symbol.asyncIterator]();
  let handedOver = false;
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (next.value.includes(QUOTE)) {
        handedOver = true;
        const rest = continueWith(Buffer.concat([splitter.rest(), next.value]), iterator);
        const from = {
          delimiter,
          skipLines: 0,
          firstLine: splitter.line,
          atStart: splitter.atStart,
          lineEnding: splitter.lineEnding,
          maxLineBytes,
        };
        return await csvParseRecords(rest, from, visit);
      }
      splitter.push(next.value);
    }
    splitter.end();
  } finally {
    // Stopped early (a visitor threw): let the source know. csv-parse's stream closes it itself.
    if (!handedOver) await iterator.return?.();
  }
}

async function* continueWith(head: Buffer, iterator: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}

export interface CsvParseStart {
  delimiter: string;
  /** Lines csv-parse skips before the first record. */
  skipLines: number;
  /** The file line of the first record. */
  firstLine: number;
  /** The input starts at the file's first byte (so a BOM there is dropped). */
  atStart: boolean;
  /** The file's line ending when already seen; else csv-parse finds it. */
  lineEnding?: LineEnding | null;
  /** csv-parse's max_record_size (characters); none when left out. */
  maxLineBytes?: number;
}

/** Reads every record with csv-parse; forEachRecord uses it from the first quote on. */
export async function csvParseRecords(
  chunks: AsyncIterable<Buffer>,
  start: CsvParseStart,
  visit: (record: CsvRecord) => void,
): Promise<void> {
  let unreadable: CsvError | undefined;
  const parser = parse({
    delimiter: start.delimiter,
    bom: start.atStart,
    from_line: start.skipLines + 1,
    ...(start.lineEnding ? { record_delimiter: start.lineEnding } : {}),
    ...(start.maxLineBytes !== undefined && Number.isFinite(start.maxLineBytes)
      ? { max_record_size: start.maxLineBytes }
      : {}),
    // Rows with a different field count are reported by the caller, with their row numbers.
    relax_column_count: true,
    // A quote inside an unquoted value ("12"3") stays text instead of aborting the whole file.
    relax_quotes: true,
    // Without this, an error at the end of the input would also discard the records before it.
    skip_records_with_error: true,
    on_skip: (error) => {
      // A record over the size limit ends the input: reading on would hold the rest as one record.
      if (error?.code === 'CSV_MAX_RECORD_SIZE') throw error;
      unreadable ??= error;
      return undefined;
    },
  });
  // Line numbers are counted here: csv-parse's per-record `info` allocates an object per row.
  let line = start.firstLine;
  const visitor = new Writable({
    objectMode: true,
    write(fields: string[], _encoding, done) {
      try {
        visit({ fields, line });
        line += 1;
        for (const field of fields) line += lineBreaksIn(field);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
  await pipeline(Readable.from(chunks), parser, visitor);
  if (unreadable) throw unreadable;
}
