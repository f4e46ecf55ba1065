// Recognising a failed DNS lookup (ENOTFOUND: no such host; EAI_AGAIN: no answer from the resolver,
// as when the machine is offline). Retrying one is pointless within a sync — the same lookup fails
// again — so connectors give up at once and say so in one line.
/** What a failed lookup tells: its code and, when known, the host name. */
export interface DnsFailure {
  readonly code: 'ENOTFOUND' | 'EAI_AGAIN';
  readonly hostname: string | null;
}

const LOOKUP_IN_MESSAGE = /getaddrinfo (ENOTFOUND|EAI_AGAIN)(?: (\S+))?/;

/**
 * The DNS failure behind `error` (looked for in its `code`, then down its `cause` chain, then in the
 * messages, since ccxt folds the cause into its text), or null when it is something else.
 * Example: fetch's `TypeError('fetch failed', { cause: { code: 'ENOTFOUND', hostname: 'x.io' } })`
 * → `{ code: 'ENOTFOUND', hostname: 'x.io' }`.
 */
export function dnsFailure(error: unknown): DnsFailure | null {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; depth++) {
    const { code, hostname, message, cause } = e as {
      code?: unknown;
      hostname?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
      return { code, hostname: typeof hostname === 'string' ? hostname : null };
    const match = typeof message === 'string' ? LOOKUP_IN_MESSAGE.exec(message) : null;
    if (match) return { code: match[1] as DnsFailure['code'], hostname: match[2] ?? null };
    e = cause;
  }
  return null;
}

/** One line for a failed lookup: "cannot resolve api.binance.com (ENOTFOUND: offline, or a wrong endpoint?)". */
export function describeDnsFailure(failure: DnsFailure, fallbackHost: string): string {
  const why = failure.code === 'EAI_AGAIN' ? 'the resolver did not answer' : 'no such host';
  return `cannot resolve ${failure.hostname ?? fallbackHost} (${failure.code}: ${why} — offline, or a wrong endpoint?)`;
}
