// HTTP caching helpers: strong ETags from body bytes, If-None-Match matching, and the two
// Cache-Control policies (immutable for past as-of dates, short for today).
import { createHash } from 'node:crypto';

/** A serialised answer (UTF-8 bytes: half the memory of a JS string with non-Latin-1 text) with its strong validator. */
export interface CachedBody {
  readonly body: Buffer;
  readonly etag: string;
}

/** One day, immutable: for answers that can never change (analyses of past as-of dates). */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=86400, immutable';
/** Today's answers change as data arrives: browsers may reuse them for a minute. */
export const SHORT_CACHE_CONTROL = 'public, max-age=60';

/** A strong ETag: quoted first 32 hex digits of the body's SHA-256. */
export function strongEtag(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
}

/** Wraps a body (encoded as UTF-8) with its ETag. */
export function withEtag(body: string): CachedBody {
  const bytes = Buffer.from(body, 'utf8');
  return { body: bytes, etag: strongEtag(bytes) };
}

/**
 * True when an If-None-Match header value matches `etag`: `*`, or any listed tag equal to it
 * under weak comparison (W/ prefixes ignored), as RFC 9110 §13.1.2 prescribes for GET.
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined || header === '') return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}
