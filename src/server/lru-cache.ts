// A small least-recently-used cache of computed answers, with in-flight de-duplication: concurrent
// requests for the same key share one computation; a failed computation is not cached. Bounded by
// an entry count and, optionally, by a total weight (e.g. bytes): whichever binds first evicts.

export interface LruCacheOptions<V> {
  /** Total weight kept (e.g. bytes); default: no weight bound. An entry heavier than this is not kept. */
  readonly maxWeight?: number;
  /** The weight of one value (default 1). */
  readonly weigh?: (value: V) => number;
}

export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>();
  private readonly pending = new Map<string, Promise<V>>();
  private readonly maxWeight: number;
  private readonly weigh: (value: V) => number;
  private weightHeld = 0;

  /**
   * `capacity` = entries kept (≥ 1); the least recently read is evicted first. `options.maxWeight`
   * bounds the sum of `options.weigh(value)` too.
   */
  constructor(
    readonly capacity: number,
    options: LruCacheOptions<V> = {},
  ) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`LruCache: capacity must be a positive integer, got ${capacity}`);
    this.maxWeight = options.maxWeight ?? Number.POSITIVE_INFINITY;
    if (!(this.maxWeight > 0)) throw new RangeError(`LruCache: maxWeight must be positive, got ${this.maxWeight}`);
    this.weigh = options.weigh ?? ((): number => 1);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The summed weight of the values held. */
  get weight(): number {
    return this.weightHeld;
  }

  /** The cached value (marking it most recently used), or undefined. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry?.value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    const weight = this.weigh(value);
    if (weight > this.maxWeight) return;
    this.entries.set(key, { value, weight });
    this.weightHeld += weight;
    while (this.entries.size > this.capacity || this.weightHeld > this.maxWeight) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.weightHeld -= entry.weight;
  }

  /** The cached value, else computes it once (concurrent callers share the promise) and caches it. */
  async getOrCompute(key: string, compute: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const promise = compute().then(
      (value) => {
        this.pending.delete(key);
        this.set(key, value);
        return value;
      },
      (error: unknown) => {
        this.pending.delete(key);
        throw error;
      },
    );
    this.pending.set(key, promise);
    return promise;
  }
}
