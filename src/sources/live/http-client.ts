// The HTTP client every non-ccxt connector uses: per-host rate limit, bounded retries with
// backoff on 429/5xx/network errors (never on a failed DNS lookup: a host that cannot be resolved
// fails at once, and every later request to it in the same run fails without a new lookup), a
// timeout, and SourceErrors that name the URL, the status and a hint. Counts its requests
// (printed by `tidemark sync`).
import { SourceError } from '../errors.js';
import { describeDnsFailure, dnsFailure, type DnsFailure } from './dns-failure.js';
import { HostRateLimiter } from './rate-limiter.js';
import { isRetryableStatus, withRetry, type RetryPolicy } from './retry.js';

export interface HttpClientOptions {
  /** Retry policy (see retry.ts for defaults). */
  readonly retry?: RetryPolicy;
  /** Shared per-host limiter (default: a new one at 2 req/s, burst 4 per host). */
  readonly limiter?: HostRateLimiter;
  /** Abort a request after this many ms (default 30000). */
  readonly timeoutMs?: number;
  /** Sent as User-Agent (default "tidemark/0.1 (+sync)"). */
  readonly userAgent?: string;
}

export interface GetOptions {
  /** Source name for messages, e.g. "cftc". */
  readonly source: string;
  /** Appended to error messages: what the user can do. */
  readonly hint?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Looks at every response before its status is judged; returning an error fails at once
   * without retry (e.g. a bot-protection page).
   */
  readonly inspect?: (status: number, body: string) => SourceError | undefined;
}

class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`HTTP ${status}`);
  }
}

/** A small fetch wrapper with rate limiting, retries and clear errors. */
export class HttpClient {
  /** Requests sent (attempts included). */
  requests = 0;
  readonly limiter: HostRateLimiter;
  /** Hosts whose DNS lookup failed in this client's run, with that failure and the error it came in. */
  private readonly unresolved = new Map<string, { failure: DnsFailure; error: unknown }>();

  constructor(private readonly options: HttpClientOptions = {}) {
    this.limiter = options.limiter ?? new HostRateLimiter();
  }

  /** The retry policy this client uses (connectors wrapping other libraries reuse it). */
  get retryPolicy(): RetryPolicy {
    return this.options.retry ?? {};
  }

  /**
   * GETs `url` and returns the body text of a 2xx response. Retries 408/425/429/5xx and network
   * errors per the retry policy (Retry-After is honoured up to the max delay). Throws SourceError
   * with the URL, the last status and `hint` when it gives up or on any other status.
   */
  async getText(url: string, get: GetOptions): Promise<string> {
    const attempts = Math.max(1, this.options.retry?.attempts ?? 4);
    const host = hostOf(url);
    const hint = get.hint ? ` ${get.hint}` : '';
    const known = this.unresolved.get(host);
    if (known) throw dnsSourceError(get.source, url, known.failure, host, hint, known.error);
    let tries = 0;
    try {
      return await withRetry(
        async () => {
          tries++;
          await this.limiter.take(url);
          this.requests++;
          const response = await fetch(url, {
            headers: { 'user-agent': this.options.userAgent ?? 'tidemark/0.1 (+sync)', accept: '*/*', ...get.headers },
            signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
          });
          const body = await response.text();
          const inspected = get.inspect?.(response.status, body);
          if (inspected) throw inspected;
          if (!response.ok)
            throw new HttpStatusError(response.status, body, retryAfterMs(response.headers.get('retry-after')));
          return body;
        },
        (error) => {
          if (error instanceof SourceError) return { retryable: false };
          if (error instanceof HttpStatusError)
            return { retryable: isRetryableStatus(error.status), retryAfterMs: error.retryAfterMs };
          return { retryable: dnsFailure(error) === null };
        },
        this.options.retry,
      );
    } catch (error) {
      if (error instanceof SourceError) throw error;
      const dns = dnsFailure(error);
      if (dns) {
        this.unresolved.set(host, { failure: dns, error });
        throw dnsSourceError(get.source, url, dns, host, hint, error);
      }
      const after = tries > 1 ? ` after ${tries} of ${attempts} attempts` : '';
      if (error instanceof HttpStatusError) {
        const snippet = error.body.replace(/\s+/g, ' ').trim().slice(0, 160);
        throw new SourceError(
          `${get.source}: GET ${url} failed with HTTP ${error.status}${after}${snippet ? ` ("${snippet}")` : ''}.${hint}`,
          get.source,
          {
            status: error.status,
            cause: error,
          },
        );
      }
      const reason =
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new SourceError(`${get.source}: GET ${url} failed (network: ${reason})${after}.${hint}`, get.source, {
        cause: error,
      });
    }
  }

  /** GETs `url` and parses JSON; a body that is not JSON is a SourceError naming the URL. */
  async getJson(url: string, get: GetOptions): Promise<unknown> {
    const text = await this.getText(url, get);
    try {
      return JSON.parse(text) as unknown;
    } catch (cause) {
      throw new SourceError(
        `${get.source}: GET ${url}: the response is not valid JSON (starts "${text.slice(0, 60)}")`,
        get.source,
        { cause },
      );
    }
  }
}

/** The host name of `url` ('' when it is not a URL: the request then fails on its own). */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function dnsSourceError(
  source: string,
  url: string,
  failure: DnsFailure,
  host: string,
  hint: string,
  cause: unknown,
): SourceError {
  return new SourceError(`${source}: GET ${url}: ${describeDnsFailure(failure, host)}.${hint}`, source, { cause });
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}
