// Multipart uploads, streamed: busboy reads the body as it arrives and hands the file part over as
// a stream of chunks, so a 200 MB file never sits in memory. Text fields must come BEFORE the file
// part (FormData keeps insertion order): they say how to read the file, so they have to be known
// when its first byte is. The size limit is checked from Content-Length up front and again while
// the file streams (a chunked request has no length).
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { ApiError, badRequest, fileTooLarge } from './errors';

const DEFAULT_MAX_UPLOAD_MB = 200;
/** Text fields are short option values; anything longer is a mistake, not a parse option. */
const MAX_FIELD_BYTES = 64 * 1024;
const MAX_FIELDS = 50;

export function maxUploadMb(): number {
  const configured = Number(process.env.HORIZON_MAX_UPLOAD_MB);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_MAX_UPLOAD_MB;
}

export interface CsvUpload {
  /** The text fields sent before the file part, for the route's schema. */
  fields: Record<string, string>;
  fileName: string | null;
  /**
   * The file's bytes as they arrive. The stream ends only once the whole request body has been
   * read and checked, so a consumer that has read it to the end knows the upload is complete and
   * valid (a field after the file, a second file or an oversized file fail the read instead).
   */
  file: AsyncIterable<Buffer>;
  /** Bytes of the file received so far. */
  bytesReceived(): number;
  /** The request's Content-Length (the file plus the form around it); null when not sent. */
  bytesTotal: number | null;
}

const FILE_FIELD = 'file';

function unreadableBody(error: unknown): ApiError {
  const reason = error instanceof Error ? error.message : String(error);
  return badRequest(
    `The multipart body could not be read (${reason}); it may have been cut off before its closing boundary. Send it again with FormData or curl -F.`,
  );
}

function noFile(): Error {
  return badRequest('The form has no file: put the CSV in a field named "file", after the other fields.', {
    issues: [{ path: FILE_FIELD, message: 'Required: a file' }],
  });
}

function fieldAfterFile(name: string): Error {
  return badRequest(
    `The field "${name}" came after the file. Send the text fields first and the "file" part last ` +
      '(with FormData: append the file after the other fields).',
    { issues: [{ path: name, message: 'Must come before the file part' }] },
  );
}

/**
 * Reads a multipart upload with a `file` part and hands it to `consume` as soon as the file part
 * starts; resolves with what `consume` returns. 413 over the limit, 400 without a file.
 */
export async function withCsvUpload<T>(request: Request, consume: (upload: CsvUpload) => Promise<T>): Promise<T> {
  const limitMb = maxUploadMb();
  // Whole bytes: busboy detects the limit by equality.
  const limitBytes = Math.floor(limitMb * 1024 * 1024);
  const length = request.headers.get('content-length');
  const bytesTotal = length === null || !Number.isFinite(Number(length)) ? null : Number(length);
  if (bytesTotal !== null && bytesTotal > limitBytes) throw fileTooLarge(limitMb);
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(contentType) || !request.body) {
    throw badRequest('Send the CSV as multipart/form-data with the file in a field named "file".');
  }

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // busboy flags a file that reaches fileSize: one byte more lets a file of exactly the limit in.
      limits: { fileSize: limitBytes + 1, files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES },
    });
  } catch {
    throw badRequest('The multipart body has no boundary: send it with FormData or curl -F.');
  }
  const body = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
  const upload = receive(parser, limitMb, bytesTotal);
  body.on('error', (error) => parser.destroy(error));
  body.pipe(parser);
  try {
    return await consume(await upload.started);
  } finally {
    upload.stop();
    await drain(body, parser, limitBytes);
  }
}

interface Reception {
  started: Promise<CsvUpload>;
  /** Ends the file stream (the consumer is done or gave up). */
  stop(): void;
}

function receive(parser: busboy.Busboy, limitMb: number, bytesTotal: number | null): Reception {
  const fields: Record<string, string> = {};
  let fileStream: Readable | null = null;
  let received = 0;
  let failure: Error | null = null;
  let finished = false;
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  const fail = (error: Error) => {
    failure ??= error;
    fileStream?.destroy(failure);
    wake();
  };

  let resolveStart!: (upload: CsvUpload) => void;
  let rejectStart!: (error: Error) => void;
  const started = new Promise<CsvUpload>((resolve, reject) => {
    resolveStart = resolve;
    rejectStart = reject;
  });

  parser.on('field', (name, value, info) => {
    if (fileStream) return fail(fieldAfterFile(name));
    if (info.valueTruncated)
      return fail(badRequest(`The field "${name}" is too long (over ${MAX_FIELD_BYTES} bytes).`));
    fields[name] = value;
  });
  parser.on('file', (name, stream, info) => {
    if (name !== FILE_FIELD || fileStream) {
      stream.resume();
      return fail(badRequest(`Unexpected file field "${name}": send one CSV, in the field named "file".`));
    }
    if (failure) {
      stream.resume();
      return rejectStart(failure);
    }
    fileStream = stream;
    stream.on('limit', () => fail(fileTooLarge(limitMb)));
    // A failure may destroy the stream before the consumer reads it (it may open a transaction
    // first): without a listener that 'error' event would crash the process. The consumer's
    // read still throws it (see chunks).
    stream.on('error', () => undefined);
    resolveStart({
      fields,
      fileName: info.filename?.trim() || null,
      file: chunks(stream),
      bytesReceived: () => received,
      bytesTotal,
    });
  });
  parser.on('filesLimit', () => fail(badRequest('Send one file per upload, in the field named "file".')));
  parser.on('fieldsLimit', () => fail(badRequest(`Too many form fields (at most ${MAX_FIELDS}).`)));
  parser.on('error', (error: Error) => {
    const unreadable = unreadableBody(error);
    fail(unreadable);
    rejectStart(unreadable);
  });
  parser.on('close', () => {
    finished = true;
    wake();
    rejectStart(failure ?? noFile());
  });

  async function* chunks(stream: Readable): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        received += chunk.length;
        yield chunk;
      }
    } catch (error) {
      // busboy fails the file stream with its own error (e.g. "Unexpected end of form") before
      // the parser reports it: that is the body's fault, a 400, whichever comes first.
      throw failure ?? (error instanceof ApiError ? error : unreadableBody(error));
    }
    // The file ended; wait for the rest of the body so that late fields and limits are seen.
    while (!finished && !failure) await new Promise<void>((resolve) => waiters.push(resolve));
    if (failure) throw failure;
  }

  return {
    started,
    stop() {
      failure ??= new Error('upload consumer finished');
      fileStream?.resume();
      wake();
    },
  };
}

/**
 * Reads what is left of the body (an early answer, e.g. a 422 found in the file's head) so the
 * client gets the response instead of a connection reset; up to the size limit, else drops it.
 */
async function drain(body: Readable, parser: busboy.Busboy, limitBytes: number): Promise<void> {
  body.unpipe(parser);
  if (body.readableEnded || body.destroyed) return;
  let left = limitBytes;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      left -= chunk.length;
      if (left < 0) break;
    }
  } catch {
    // The client went away: nothing left to answer.
  } finally {
    body.destroy();
  }
}
