// Turning every accepted input into one stream of byte chunks, without ever joining a large file
// into a single string.
import type { CsvInput } from './types';

/** Every input as Buffers, in order. Strings are encoded as UTF-8. */
export async function* byteChunks(input: CsvInput): AsyncGenerator<Buffer> {
  if (typeof input === 'string') {
    yield Buffer.from(input, 'utf8');
  } else if (input instanceof Uint8Array) {
    yield asBuffer(input);
  } else if (isReadableStream(input)) {
    const reader = input.getReader();
    let finished = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        yield asBuffer(value);
      }
      finished = true;
    } finally {
      // Stopped early (the file was rejected): tell the source to stop sending.
      if (!finished) await reader.cancel().catch(() => undefined);
      reader.releaseLock();
    }
  } else {
    for await (const chunk of input) yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : asBuffer(chunk);
  }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function isReadableStream(input: CsvInput): input is ReadableStream<Uint8Array> {
  return typeof (input as ReadableStream).getReader === 'function';
}

export interface PeekedInput {
  /** The first bytes (at least `size` unless the input is shorter). */
  head: Buffer;
  /** True when `head` is the whole input. */
  complete: boolean;
  /** All chunks again, head included. */
  chunks: AsyncGenerator<Buffer>;
}

/** Reads the first `size` bytes for sniffing, then hands back the whole stream. */
export async function peekHead(source: AsyncIterable<Buffer>, size: number): Promise<PeekedInput> {
  const iterator = source[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let length = 0;
  let complete = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      complete = true;
      break;
    }
    parts.push(next.value);
    length += next.value.length;
  }
  const head = parts.length === 1 ? parts[0] : Buffer.concat(parts);
  async function* chunks(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (complete) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, complete, chunks: chunks() };
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * For a truncated head of a file: drops whatever follows the last line break, since that line may
 * be cut. Input without any line break is kept whole, so a lone header line still reads.
 */
export async function* dropCutLastLine(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let sawLineBreak = false;
  for await (const chunk of source) {
    const end = Math.max(chunk.lastIndexOf(LF), chunk.lastIndexOf(CR));
    if (end < 0) {
      pending.push(chunk);
      continue;
    }
    sawLineBreak = true;
    for (const part of pending) yield part;
    yield chunk.subarray(0, end + 1);
    pending = [chunk.subarray(end + 1)];
  }
  if (!sawLineBreak) for (const part of pending) yield part;
}

/**
 * The first `size` bytes of a stream (then stops reading it), for a preview that must not read a
 * whole large upload. Pair with `partial: true`: the last line may be cut.
 */
export async function* firstBytes(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  let left = size;
  if (left <= 0) return;
  for await (const chunk of source) {
    if (chunk.length >= left) {
      yield chunk.subarray(0, left);
      return;
    }
    left -= chunk.length;
    yield chunk;
  }
}
