// The generic webhook: the alert as a JSON body ({"type": "tidemark.alert", "alert": {...}}), signed
// (webhook-signature.ts), with the alert's key in Idempotency-Key so a receiver can drop a repeat.
import type { Alert } from '../alert.js';
import { hostOf, postJson } from './http-post.js';
import type { AlertSink } from './sink.js';
import { IDEMPOTENCY_HEADER, signBody, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhook-signature.js';

/** A sink POSTing to `url`, signing with `secret`. `now` gives the signing time (tests fix it). */
export function webhookSink(
  name: string,
  options: { url: string; secret: string; timeoutMs: number; now?: () => number },
): AlertSink {
  const host = hostOf(options.url);
  return {
    name,
    type: 'webhook',
    target: `webhook at ${host}`,
    async send(alert: Alert): Promise<void> {
      const body = JSON.stringify({ type: 'tidemark.alert', alert });
      const timestamp = Math.floor((options.now?.() ?? Date.now()) / 1000);
      await postJson(options.url, body, {
        sink: name,
        host,
        timeoutMs: options.timeoutMs,
        headers: {
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signBody(options.secret, timestamp, body),
          [IDEMPOTENCY_HEADER]: alert.key,
        },
      });
    },
  };
}
