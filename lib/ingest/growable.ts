// Per-row columns of a file being read (timestamps, values, label codes, row numbers) as typed
// arrays grown by doubling. A million-row long file keeps five of these: as plain JS arrays each
// reallocation leaves its old backing store as garbage in V8's large-object space until a full GC,
// which was most of the web process's peak memory; typed arrays also hold integers in 4 bytes.

type Storage = Float64Array | Int32Array;

class Growable<T extends Storage> {
  private data: T;
  private viewed: T | null = null;
  length = 0;

  constructor(private readonly allocate: (size: number) => T) {
    this.data = allocate(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.allocate(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The value pushed last; undefined before the first push. */
  last(): number | undefined {
    return this.length === 0 ? undefined : this.data[this.length - 1];
  }

  /** The values pushed so far (a view: later pushes may or may not show in it). */
  view(): T {
    // Kept until the next push: callers read it per row, e.g. `column.codes[row]`.
    if (this.viewed === null || this.viewed.length !== this.length)
      this.viewed = this.data.subarray(0, this.length) as T;
    return this.viewed;
  }
}

export class GrowableFloat64 extends Growable<Float64Array> {
  constructor() {
    super((size) => new Float64Array(size));
  }
}

export class GrowableInt32 extends Growable<Int32Array> {
  constructor() {
    super((size) => new Int32Array(size));
  }
}
