// Bounded retries with exponential backoff for live sources: 429, 5xx and network errors are
// retried; anything else fails at once.
import { sleepMs } from './rate-limiter.js';

/** How a request is retried. Defaults: 4 attempts, 500 ms doubling up to 8 s, ±20 % jitter. */
export interface RetryPolicy {
  /** Total attempts including the first (default 4). */
  readonly attempts?: number;
  /** Delay before the first retry in ms (default 500); tests pass 1. */
  readonly baseDelayMs?: number;
  /** Cap of one delay in ms (default 8000). */
  readonly maxDelayMs?: number;
  /** Sleep function (tests may replace it). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Thrown by an attempt to say whether it may be retried; `retryAfterMs` honours Retry-After. */
export interface RetryDecision {
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
}

/** True for HTTP statuses worth retrying: 408, 425, 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** The delay before retry number `retry` (1-based): base × 2^(retry−1), capped, with ±20 % jitter. */
export function backoffDelayMs(retry: number, policy: RetryPolicy = {}, random: () => number = Math.random): number {
  const base = policy.baseDelayMs ?? 500;
  const cap = policy.maxDelayMs ?? 8000;
  const raw = Math.min(cap, base * 2 ** (retry - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

/**
 * Runs `attempt` until it succeeds, `classify` says its error is not retryable, or the attempts
 * are used up; then rethrows the last error. `onRetry` is told about each retry (for logs).
 */
export async function withRetry<T>(
  attempt: (n: number) => Promise<T>,
  classify: (error: unknown) => RetryDecision,
  policy: RetryPolicy = {},
  onRetry?: (error: unknown, retry: number, delayMs: number) => void,
): Promise<T> {
  const attempts = Math.max(1, policy.attempts ?? 4);
  const sleep = policy.sleep ?? sleepMs;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      const decision = classify(error);
      if (!decision.retryable || n >= attempts) throw error;
      const delay = Math.min(
        policy.maxDelayMs ?? 8000,
        Math.max(decision.retryAfterMs ?? 0, backoffDelayMs(n, policy)),
      );
      onRetry?.(error, n, delay);
      await sleep(delay);
    }
  }
}
