// The three perp venues read through ccxt: how to build each exchange (markets kept to what we
// need, URLs overridable), their symbols, page limits and history depth, and a retrying call
// wrapper that turns ccxt errors into SourceErrors naming the venue, method and URL. ccxt itself
// (over a second of CPU to load) is imported on first use, so a sync of other sources never loads it.
import type { Exchange } from 'ccxt';
import type { AnalysedAsset } from '../../domain/assets.js';
import { SourceError } from '../errors.js';
import { describeDnsFailure, dnsFailure } from './dns-failure.js';
import type { HostRateLimiter } from './rate-limiter.js';
import { withRetry, type RetryPolicy } from './retry.js';

export type VenueId = 'binance' | 'bybit' | 'okx';

export interface VenueSpec {
  readonly id: VenueId;
  /** Builds the exchange (loading ccxt on first use); `baseUrl` replaces the scheme and host of every REST URL. */
  create(baseUrl: string | undefined): Promise<Exchange>;
  /** The USDT-margined perpetual's unified symbol. */
  perpSymbol(asset: AnalysedAsset): string;
  /** Max items per request, per method (the venue's documented page size). */
  readonly limits: { readonly ohlcv: number; readonly funding: number; readonly openInterest: number };
  /** How far back open-interest history goes, in days (Binance keeps ~30). */
  readonly openInterestDays: number;
  /** Extra params that bound a page's end (ms, inclusive) for funding history. */
  fundingUntil(until: number): Record<string, unknown>;
}

/** Replaces the origin (scheme://host) of every http(s) string under `api` with `base`, keeping paths. */
export function pointApiAt(api: unknown, base: string): unknown {
  if (typeof api === 'string') return /^https?:\/\//.test(api) ? api.replace(/^https?:\/\/[^/]+/, base) : api;
  if (api && typeof api === 'object') {
    for (const [k, v] of Object.entries(api as Record<string, unknown>))
      (api as Record<string, unknown>)[k] = pointApiAt(v, base);
  }
  return api;
}

function build(exchange: Exchange, baseUrl: string | undefined): Exchange {
  if (baseUrl) exchange.urls['api'] = pointApiAt(exchange.urls['api'], baseUrl) as (typeof exchange.urls)['api'];
  return exchange;
}

const usdtPerp = (asset: AnalysedAsset): string => `${asset}/USDT:USDT`;

type Ccxt = typeof import('ccxt');
let ccxtModule: Promise<Ccxt> | null = null;

/** The ccxt module, imported once on first use. */
function loadCcxt(): Promise<Ccxt> {
  ccxtModule ??= import('ccxt');
  return ccxtModule;
}

export const VENUES: Readonly<Record<VenueId, VenueSpec>> = {
  binance: {
    id: 'binance',
    // Spot (for the spot bars) and USD-M futures only; no margin pairs, no currencies (private).
    create: async (base) =>
      build(
        new (await loadCcxt()).binance({
          enableRateLimit: true,
          options: { fetchMarkets: { types: ['spot', 'linear'] }, fetchMargins: false, fetchCurrencies: false },
        }),
        base,
      ),
    perpSymbol: usdtPerp,
    limits: { ohlcv: 1000, funding: 1000, openInterest: 500 },
    openInterestDays: 29,
    fundingUntil: (until) => ({ until }),
  },
  bybit: {
    id: 'bybit',
    create: async (base) =>
      build(
        new (await loadCcxt()).bybit({ enableRateLimit: true, options: { fetchMarkets: { types: ['linear'] } } }),
        base,
      ),
    perpSymbol: usdtPerp,
    limits: { ohlcv: 1000, funding: 200, openInterest: 200 },
    openInterestDays: 720,
    fundingUntil: (until) => ({ until }),
  },
  okx: {
    id: 'okx',
    create: async (base) =>
      build(
        new (await loadCcxt()).okx({
          enableRateLimit: true,
          options: { fetchMarkets: { types: ['swap'] }, defaultType: 'swap' },
        }),
        base,
      ),
    perpSymbol: usdtPerp,
    limits: { ohlcv: 100, funding: 100, openInterest: 100 },
    openInterestDays: 180,
    // ccxt maps `since` to OKX's `before`; `after` (records older than) bounds the page's end.
    fundingUntil: (until) => ({ after: until + 1 }),
  },
};

export interface CallOptions {
  readonly retry: RetryPolicy;
  readonly limiter: HostRateLimiter;
  /** A URL of the venue's host, for the rate limiter. */
  readonly hostUrl: string;
  /** The exchange being called: its last response body is checked for JSON (see below). */
  readonly exchange?: Exchange;
}

/** ccxt quietly returns [] when a body is not JSON; this makes that an error naming the URL. */
class NotJsonError extends Error {}

/** The host name of a venue URL (the URL itself when it does not parse). */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function checkLastBody(exchange: Exchange | undefined): void {
  const body: unknown = exchange?.last_http_response;
  if (typeof body !== 'string' || body.trim() === '') return;
  try {
    JSON.parse(body);
  } catch {
    throw new NotJsonError(
      `GET ${String(exchange?.last_request_url)}: the response is not valid JSON (starts "${body.slice(0, 60)}")`,
    );
  }
}

/**
 * Calls a ccxt method with the host's rate limit and bounded retries (ccxt NetworkError and its
 * subclasses — rate limit, DDoS protection, timeouts, exchange not available, HTTP 5xx — are
 * retried). Gives up with a SourceError naming the venue, the method, the HTTP status when ccxt
 * reports one, and the URL ccxt put in its message. A 200 whose body is not JSON (which ccxt
 * would turn into an empty result) fails at once with the URL.
 */
export async function callVenue<T>(
  venue: VenueId,
  method: string,
  call: () => Promise<T>,
  options: CallOptions,
): Promise<T> {
  const { NetworkError } = await loadCcxt();
  let tries = 0;
  try {
    return await withRetry(
      async () => {
        tries++;
        await options.limiter.take(options.hostUrl);
        if (options.exchange) options.exchange.last_http_response = undefined;
        const result = await call();
        checkLastBody(options.exchange);
        return result;
      },
      // A failed DNS lookup (offline, a wrong host) fails the same way on every retry.
      (error) => ({ retryable: error instanceof NetworkError && dnsFailure(error) === null }),
      options.retry,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof NotJsonError)
      throw new SourceError(`${venue}: ${method}: ${message}`, venue, { cause: error });
    const dns = dnsFailure(error);
    if (dns)
      throw new SourceError(`${venue}: ${method}: ${describeDnsFailure(dns, hostOf(options.hostUrl))}.`, venue, {
        cause: error,
      });
    // ccxt writes HTTP failures as "<venue> GET <url> <status> <text> <body>".
    const status = / (?:GET|POST) \S+ (\d{3})\b/.exec(message)?.[1];
    const after = tries > 1 ? ` after ${tries} attempts` : '';
    throw new SourceError(
      `${venue}: ${method} failed${after}: ${message.slice(0, 300)}. ${error instanceof NetworkError ? 'The venue is unreachable or rate-limiting; retry later.' : 'Unexpected response; check the endpoint.'}`,
      venue,
      { cause: error, status: status ? Number(status) : undefined },
    );
  }
}
