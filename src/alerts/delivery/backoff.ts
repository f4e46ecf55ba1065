// How long to wait before the next attempt: the base delay doubled per failed attempt, capped, and
// never sooner than the receiver asked (Retry-After). No jitter: one process sends per sink.

export interface BackoffPolicy {
  /** Delay after the first failed attempt, in ms. */
  readonly baseMs: number;
  /** Longest delay, in ms. */
  readonly maxMs: number;
}

/**
 * The delay after failed attempt number `attempt` (1-based): baseMs · 2^(attempt−1), at most maxMs,
 * at least `retryAfterMs` when given. retryDelayMs(3, {baseMs: 30_000, maxMs: 1_800_000}) → 120_000.
 */
export function retryDelayMs(attempt: number, policy: BackoffPolicy, retryAfterMs: number | null = null): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(exponential, retryAfterMs === null ? 0 : Math.min(retryAfterMs, Math.max(policy.maxMs, 0)));
}
