// Shared setup of connector tests: an in-memory store, a fixed clock, tiny retry delays, and
// endpoints that point every source at the local fixture server.
import type { AnalysedAsset } from '../../src/domain/assets.js';
import type { SyncContext } from '../../src/sources/live/connector.js';
import { resolveEndpoints, SOURCE_NAMES } from '../../src/sources/live/endpoints.js';
import { HttpClient } from '../../src/sources/live/http-client.js';
import { HostRateLimiter } from '../../src/sources/live/rate-limiter.js';
import type { RetryPolicy } from '../../src/sources/live/retry.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import type { Store } from '../../src/store/store.js';

/** The tests' clock: Saturday 2026-01-10 12:00 UTC (so 2026-01-10 is an incomplete day). */
export const NOW = new Date('2026-01-10T12:00:00Z');
export const FAST_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 };

/** A SyncContext against `baseUrl` for every source. */
export async function testContext(
  baseUrl: string,
  options: { assets?: AnalysedAsset[]; since?: string; store?: Store } = {},
): Promise<SyncContext> {
  const store = options.store ?? (await openDuckDbStore(':memory:'));
  const endpoints = resolveEndpoints(Object.fromEntries(SOURCE_NAMES.map((n) => [n, baseUrl])), {});
  return {
    store,
    assets: options.assets ?? ['BTC'],
    since: options.since,
    now: NOW,
    http: new HttpClient({ retry: FAST_RETRY, limiter: new HostRateLimiter({ ratePerSecond: 10_000, burst: 10_000 }) }),
    endpoints,
    retry: FAST_RETRY,
  };
}
