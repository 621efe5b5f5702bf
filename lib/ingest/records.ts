// The CSV reader: csv-parse over a stream of byte chunks, handing over one record at a time with
// the line it starts on. Quoting, escaped quotes, CRLF/LF/CR line ends and a UTF-8 BOM are
// csv-parse's. Records go to a callback rather than through an async iterator: for a million
// rows, a promise per record costs more than the parsing itself.
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError } from 'csv-parse';

export interface CsvRecord {
  fields: string[];
  /** 1-based line the record starts on. */
  line: number;
}

export interface RecordOptions {
  delimiter: string;
  /** Lines to skip before the header (Excel's "sep=" line). */
  linesBeforeHeader: number;
}

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
  let unreadable: CsvError | undefined;
  const parser = parse({
    delimiter: options.delimiter,
    bom: true,
    from_line: options.linesBeforeHeader + 1,
    // Rows with a different field count are reported by the caller, with their row numbers.
    relax_column_count: true,
    // A quote inside an unquoted value ("12"3") stays text instead of aborting the whole file.
    relax_quotes: true,
    // Without this, an error at the end of the input would also discard the records before it.
    skip_records_with_error: true,
    on_skip: (error) => {
      unreadable ??= error;
      return undefined;
    },
  });
  // Line numbers are counted here: csv-parse's per-record `info` allocates an object per row.
  let line = options.linesBeforeHeader + 1;
  const visitor = new Writable({
    objectMode: true,
    write(fields: string[], _encoding, done) {
      try {
        visit({ fields, line });
        line += 1 + lineBreaksIn(fields);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
  await pipeline(Readable.from(chunks), parser, visitor);
  if (unreadable) throw unreadable;
}

/** Line breaks inside quoted values (CRLF counts once), so later records keep their line. */
function lineBreaksIn(fields: string[]): number {
  let breaks = 0;
  for (const field of fields) {
    if (!field.includes('\n') && !field.includes('\r')) continue;
    for (let i = 0; i < field.length; i++) {
      const code = field.charCodeAt(i);
      if (code === 10 || (code === 13 && field.charCodeAt(i + 1) !== 10)) breaks++;
    }
  }
  return breaks;
}
