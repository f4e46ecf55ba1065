// The generic webhook's signature: HMAC-SHA256 over "<timestamp>.<body>" with the shared secret, hex,
// sent as `X-Tidemark-Signature: sha256=<hex>` beside `X-Tidemark-Timestamp: <unix seconds>`. Signing
// the timestamp lets a receiver refuse replays older than a few minutes; verifySignature is what a
// receiver runs (the tests use it too).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-tidemark-signature';
export const TIMESTAMP_HEADER = 'x-tidemark-timestamp';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** "sha256=<hex>" of HMAC-SHA256(secret, `${timestamp}.${body}`). */
export function signBody(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Whether `signature` is the signature of `body` at `timestamp` and the timestamp is within
 * `toleranceSeconds` (default 300) of `nowSeconds`. Compares in constant time.
 */
export function verifySignature(
  secret: string,
  body: string,
  timestamp: number,
  signature: string,
  nowSeconds: number = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): boolean {
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signBody(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
