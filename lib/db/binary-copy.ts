// Writing PostgreSQL's binary COPY format into a series of large Buffers, for bulk loads that
// stream (the rows are encoded as the COPY consumes them, never as one big buffer). Binary rather
// than text: no timestamp text to format here or to parse on the server.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Bytes per COPY write: large enough that stream overhead per write does not matter. */
const CHUNK_BYTES = 1024 * 1024;
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Binary timestamps count microseconds from 2000-01-01T00:00:00Z. */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_32 = 2 ** 32;

/** Bytes of one field in a row, length word included. */
export const FIELD_BYTES = { int4: 4 + 4, float8: 4 + 8, timestamptz: 4 + 8 } as const;
export const textFieldBytes = (text: Buffer) => 4 + text.length;

/**
 * One chunk being filled. Callers reserve room for a whole row (`room`), which hands back the
 * previous chunk once it is full, then write the row's fields.
 */
export class BinaryCopyWriter {
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private at = 0;

  constructor() {
    SIGNATURE.copy(this.chunk, 0);
    this.at = this.chunk.writeInt32BE(0, this.chunk.writeInt32BE(0, SIGNATURE.length)); // flags, header extension
  }

  /** Makes room for a row of `fieldBytes` (the fields' bytes) and starts it; returns the chunk filled before, if any. */
  row(fieldCount: number, fieldBytes: number): Buffer | null {
    const full = this.room(2 + fieldBytes);
    this.at = this.chunk.writeInt16BE(fieldCount, this.at);
    return full;
  }

  text(bytes: Buffer): void {
    this.at = this.chunk.writeInt32BE(bytes.length, this.at);
    this.at += bytes.copy(this.chunk, this.at);
  }

  int4(value: number): void {
    this.at = this.chunk.writeInt32BE(4, this.at);
    this.at = this.chunk.writeInt32BE(value, this.at);
  }

  float8(value: number): void {
    this.at = this.chunk.writeInt32BE(8, this.at);
    this.at = this.chunk.writeDoubleBE(value, this.at);
  }

  /** Epoch milliseconds. */
  timestamptz(ms: number): void {
    // int64 microseconds as two 32-bit halves: exact, and no BigInt per row.
    const micros = (ms - PG_EPOCH_MS) * 1000;
    const high = Math.floor(micros / TWO_32);
    this.at = this.chunk.writeInt32BE(8, this.at);
    this.at = this.chunk.writeInt32BE(high, this.at);
    this.at = this.chunk.writeUInt32BE(micros - high * TWO_32, this.at);
  }

  /** The last chunk, with the trailer. */
  end(): Buffer[] {
    const full = this.room(2);
    this.at = this.chunk.writeInt16BE(-1, this.at);
    const last = this.chunk.subarray(0, this.at);
    return full ? [full, last] : [last];
  }

  private room(bytes: number): Buffer | null {
    if (this.at + bytes <= this.chunk.length) return null;
    const full = this.chunk.subarray(0, this.at);
    this.chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
    this.at = 0;
    return full;
  }
}

/**
 * Runs `COPY <target> FROM STDIN (FORMAT binary)` on the caller's client (so it joins the caller's
 * transaction) with the chunks of `rows`; returns the number of rows copied. `target` is a
 * trusted table and column list, never user input.
 */
export async function copyBinary(client: pg.PoolClient, target: string, rows: Iterable<Buffer>): Promise<number> {
  const copy = client.query(copyFrom(`COPY ${target} FROM STDIN (FORMAT binary)`));
  await pipeline(Readable.from(rows, { objectMode: false }), copy);
  return copy.rowCount;
}
