// A COPY into `points` that stays open while a file is read, fed point by point (the sink of
// lib/ingest's EarlySeries): PostgreSQL stores the first rows while the parser reads the next, so
// a large upload's storing overlaps its reading instead of following it. Points are gathered per
// series into blocks before they are encoded: rows of a series then land beside each other in the
// (series_key, t) index, as they would from one COPY per series, even when the file interleaves
// a hundred series row by row.
import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EarlyPointsSink } from '@/lib/ingest/early-points';
import { BinaryCopyWriter } from './binary-copy';
import { getPool } from './client';
import { POINT_ROW_BYTES, reserveSeriesKeys } from './points';
import { timeOrderedId } from './time-ordered-id';

/** Points of one series gathered before they are sent. */
const BLOCK_POINTS = 8192;
/**
 * Series keys taken from the sequence before the COPY starts (the connection is busy with it
 * afterwards), and again on another connection whenever fewer than half are left. A file with
 * more new series within one chunk of input than are left is stored the ordinary way.
 */
const KEYS_RESERVED = 256;
/** Points gathered across all series (16 bytes each) before every block is sent, full or not. */
const MAX_GATHERED_POINTS = 1 << 17;

interface Block {
  t: Float64Array;
  v: Float64Array;
  size: number;
}

export class PointCopyStream implements EarlyPointsSink {
  /** Per provisional key: the id of its series, made when the key first appears. */
  private readonly ids: string[] = [];
  /** Per provisional key: its series' key in `points`. */
  private readonly keys: number[] = [];
  /** Series keys reserved and not yet given out, ascending. */
  private readonly spareKeys: number[];
  private reserving: Promise<void> | null = null;
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
  static async open(client: pg.PoolClient): Promise<PointCopyStream> {
    return new PointCopyStream(client, await reserveSeriesKeys(client, KEYS_RESERVED));
  }

  private constructor(client: pg.PoolClient, keys: number[]) {
    this.spareKeys = keys;
    this.copy = client.query(copyFrom('COPY points (series_key, t, v) FROM STDIN (FORMAT binary)'));
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

  /** The series id of provisional key `key`. */
  seriesId(key: number): string {
    return this.ids[key];
  }

  /** The series key (in `points`) of provisional key `key`. */
  seriesKey(key: number): number {
    return this.keys[key];
  }

  point(key: number, t: number, v: number): boolean {
    let block = this.blocks[key];
    if (block === undefined) {
      const seriesKey = this.spareKeys.shift();
      if (seriesKey === undefined) return false;
      this.ids[key] = timeOrderedId();
      this.keys[key] = seriesKey;
      block = this.blocks[key] = { t: new Float64Array(BLOCK_POINTS), v: new Float64Array(BLOCK_POINTS), size: 0 };
    }
    block.t[block.size] = t;
    block.v[block.size] = v;
    block.size++;
    this.gathered++;
    if (block.size === BLOCK_POINTS) this.send(key);
    if (this.gathered >= MAX_GATHERED_POINTS) this.sendAll();
    return true;
  }

  ready(): Promise<void> | undefined {
    if (this.failure) return Promise.reject(this.failure);
    const reserving = this.spareKeys.length < KEYS_RESERVED / 2 ? this.reserveMore() : null;
    if (!this.full) return reserving ?? undefined;
    const drained = new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
    return reserving ? Promise.all([drained, reserving]).then(() => undefined) : drained;
  }

  /** More keys, on a connection of the pool (sequences are not transactional). */
  private reserveMore(): Promise<void> {
    this.reserving ??= reserveSeriesKeys(getPool(), KEYS_RESERVED).then(
      (keys) => {
        this.spareKeys.push(...keys);
        this.reserving = null;
      },
      (error: Error) => {
        this.reserving = null;
        throw error;
      },
    );
    return this.reserving;
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

  /**
   * Cancels the COPY (PostgreSQL discards it); the caller then rolls its transaction back. The
   * reason is not sent: pg-copy-streams puts it in a CopyFail message, and PostgreSQL drops the
   * connection ("protocol synchronization was lost", an uncaught error on the client) when that
   * message passes its 10,000-byte limit for small messages, as a 422 listing a long header did.
   */
  async abort(reason: Error): Promise<void> {
    if (this.copy.destroyed) return;
    const closed = once(this.copy, 'close').catch(() => undefined);
    this.copy.destroy(new Error(`upload abandoned: ${reason.name}`));
    await closed;
  }

  private sendAll(): void {
    for (let key = 0; key < this.blocks.length; key++) if (this.blocks[key]?.size) this.send(key);
  }

  private send(key: number): void {
    const block = this.blocks[key];
    const seriesKey = this.keys[key];
    for (let i = 0; i < block.size; i++) {
      const chunk = this.writer.row(3, POINT_ROW_BYTES);
      if (chunk) this.write(chunk);
      this.writer.int4(seriesKey);
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
