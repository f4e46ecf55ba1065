// Politeness towards public APIs: a token bucket per host, so that every connector sharing an
// HttpClient (or a ccxt venue) stays under the host's request rate.

/** Options of a token bucket: `ratePerSecond` tokens refill each second up to `burst`. */
export interface TokenBucketOptions {
  readonly ratePerSecond: number;
  readonly burst: number;
}

/** A token bucket: `take()` resolves when a token is available (waits, never rejects). */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: TokenBucketOptions,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = sleepMs,
  ) {
    if (!(options.ratePerSecond > 0) || !(options.burst >= 1)) {
      throw new RangeError(
        `TokenBucket: ratePerSecond must be > 0 and burst >= 1 (got ${options.ratePerSecond}, ${options.burst})`,
      );
    }
    this.tokens = options.burst;
    this.last = now();
  }

  /** Waits for one token. Calls are served in order. */
  take(): Promise<void> {
    const next = this.queue.then(() => this.takeNow());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async takeNow(): Promise<void> {
    for (;;) {
      const t = this.now();
      this.tokens = Math.min(this.options.burst, this.tokens + ((t - this.last) / 1000) * this.options.ratePerSecond);
      this.last = t;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.sleep(((1 - this.tokens) / this.options.ratePerSecond) * 1000);
    }
  }
}

/** Default rate per host: 2 requests/s with a burst of 4 (well under every public API's limit). */
export const DEFAULT_HOST_RATE: TokenBucketOptions = { ratePerSecond: 2, burst: 4 };

/** One token bucket per host (host:port of the URL), created on first use. */
export class HostRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  /**
   * `rates` sets a rate per host name (e.g. { 'publicreporting.cftc.gov': {...} }); other hosts use
   * `fallback` (default DEFAULT_HOST_RATE).
   */
  constructor(
    private readonly fallback: TokenBucketOptions = DEFAULT_HOST_RATE,
    private readonly rates: Readonly<Record<string, TokenBucketOptions>> = {},
  ) {}

  /** Waits for a token of the URL's host. */
  take(url: string): Promise<void> {
    const host = new URL(url).host;
    let bucket = this.buckets.get(host);
    if (!bucket) {
      bucket = new TokenBucket(this.rates[host] ?? this.fallback);
      this.buckets.set(host, bucket);
    }
    return bucket.take();
  }
}

/** Resolves after `ms` milliseconds. */
export function sleepMs(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
