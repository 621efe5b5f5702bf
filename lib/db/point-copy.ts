// A COPY into `points` that stays open while a file is read, fed point by point (the sink of
// lib/ingest's EarlySeries): PostgreSQL stores the first rows while the parser reads the next, so
// a large upload's storing overlaps its reading instead of following it. Points are gathered per
// series into blocks before they are encoded: rows of a series then land beside each other in the
// (series_id, t) index, as they would from one COPY per series, even when the file interleaves
// a hundred series row by row.
import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EarlyPointsSink } from '@/lib/ingest/early-points';
import { BinaryCopyWriter, FIELD_BYTES, textFieldBytes } from './binary-copy';
import { timeOrderedId } from './time-ordered-id';

/** Points of one series gathered before they are sent. */
const BLOCK_POINTS = 8192;
/** Points gathered across all series (16 bytes each) before every block is sent, full or not. */
const MAX_GATHERED_POINTS = 1 << 17;

interface Block {
  t: Float64Array;
  v: Float64Array;
  size: number;
}

export class PointCopyStream implements EarlyPointsSink {
  /** Per key: the id of its series, made when the key first appears (time-ordered, see time-ordered-id.ts). */
  private readonly ids: Buffer[] = [];
  private readonly blocks: Block[] = [];
  private gathered = 0;
  private readonly writer = new BinaryCopyWriter();
  private readonly copy;
  private readonly finished: Promise<unknown>;
  private failure: Error | null = null;
  /** The stream's buffer is over its mark: the reader waits for 'drain'. */
  private full = false;
  private readonly waiting: { resolve(): void; reject(error: Error): void }[] = [];

  /** Starts `COPY points` on `client`, in the caller's transaction. */
  constructor(client: pg.PoolClient) {
    this.copy = client.query(copyFrom('COPY points (series_id, t, v) FROM STDIN (FORMAT binary)'));
    this.copy.on('error', (error: Error) => {
      this.failure ??= error;
      for (const waiter of this.waiting.splice(0)) waiter.reject(this.failure);
    });
    this.copy.on('drain', () => {
      this.full = false;
      for (const waiter of this.waiting.splice(0)) waiter.resolve();
    });
    // Settles when PostgreSQL has taken the whole stream (or refused it).
    this.finished = once(this.copy, 'finish').catch(() => undefined);
  }

  /** The series id of `key`. */
  seriesId(key: number): string {
    return this.ids[key].toString('utf8');
  }

  point(key: number, t: number, v: number): void {
    let block = this.blocks[key];
    if (block === undefined) {
      this.ids[key] = Buffer.from(timeOrderedId(), 'utf8');
      block = this.blocks[key] = { t: new Float64Array(BLOCK_POINTS), v: new Float64Array(BLOCK_POINTS), size: 0 };
    }
    block.t[block.size] = t;
    block.v[block.size] = v;
    block.size++;
    this.gathered++;
    if (block.size === BLOCK_POINTS) this.send(key);
    if (this.gathered >= MAX_GATHERED_POINTS) this.sendAll();
  }

  ready(): Promise<void> | undefined {
    if (this.failure) return Promise.reject(this.failure);
    if (!this.full) return undefined;
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Sends what is gathered and ends the COPY; resolves with the rows PostgreSQL stored. */
  async end(): Promise<number> {
    this.sendAll();
    for (const chunk of this.writer.end()) this.write(chunk);
    this.copy.end();
    await this.finished;
    if (this.failure) throw this.failure;
    return this.copy.rowCount;
  }

  /** Cancels the COPY (PostgreSQL discards it); the caller then rolls its transaction back. */
  async abort(reason: Error): Promise<void> {
    if (this.copy.destroyed) return;
    const closed = once(this.copy, 'close').catch(() => undefined);
    this.copy.destroy(reason);
    await closed;
  }

  private sendAll(): void {
    for (let key = 0; key < this.blocks.length; key++) if (this.blocks[key]?.size) this.send(key);
  }

  private send(key: number): void {
    const block = this.blocks[key];
    const id = this.ids[key];
    const rowBytes = textFieldBytes(id) + FIELD_BYTES.timestamptz + FIELD_BYTES.float8;
    for (let i = 0; i < block.size; i++) {
      const chunk = this.writer.row(3, rowBytes);
      if (chunk) this.write(chunk);
      this.writer.text(id);
      this.writer.timestamptz(block.t[i]);
      this.writer.float8(block.v[i]);
    }
    this.gathered -= block.size;
    block.size = 0;
  }

  private write(chunk: Buffer): void {
    if (!this.copy.write(chunk)) this.full = true;
  }
}
