// An in-process cache of computed values that holds at most `maxBytes` of them, dropping the least
// recently used first. Concurrent requests for a key that is being computed share that one
// computation, so a burst of identical reads of a cold key does the work once. A failed
// computation is not kept: the next request tries again.

export interface BoundedCacheOptions<V> {
  maxBytes: number;
  /** The size a value counts for against maxBytes. */
  sizeOf: (value: V) => number;
}

export class BoundedCache<V> {
  /** Map order is use order: the first key is the least recently used. */
  private readonly stored = new Map<string, { value: V; bytes: number }>();
  private readonly computing = new Map<string, Promise<V>>();
  private storedBytes = 0;

  constructor(private readonly options: BoundedCacheOptions<V>) {}

  get bytes(): number {
    return this.storedBytes;
  }

  get size(): number {
    return this.stored.size;
  }

  has(key: string): boolean {
    return this.stored.has(key);
  }

  /** The cached value of `key`, or `compute()`'s, which is then cached. */
  async getOrCompute(key: string, compute: () => Promise<V>): Promise<V> {
    const hit = this.stored.get(key);
    if (hit) {
      this.stored.delete(key);
      this.stored.set(key, hit);
      return hit.value;
    }
    const pending = this.computing.get(key);
    if (pending) return pending;
    const computation = compute()
      .then((value) => {
        this.store(key, value);
        return value;
      })
      .finally(() => this.computing.delete(key));
    this.computing.set(key, computation);
    return computation;
  }

  private store(key: string, value: V): void {
    const bytes = this.options.sizeOf(value);
    // A value larger than the whole cache would only push everything else out.
    if (bytes > this.options.maxBytes) return;
    const replaced = this.stored.get(key);
    if (replaced) {
      this.stored.delete(key);
      this.storedBytes -= replaced.bytes;
    }
    this.stored.set(key, { value, bytes });
    this.storedBytes += bytes;
    for (const [oldest, entry] of this.stored) {
      if (this.storedBytes <= this.options.maxBytes) break;
      this.stored.delete(oldest);
      this.storedBytes -= entry.bytes;
    }
  }
}
