// Where alerts go. A sink sends one alert and resolves once the receiver accepted it, or throws a
// SinkError that says whether trying again can help (a receiver down, slow, rate-limiting or
// failing with 5xx) or not (a removed webhook, a refused token). Messages name the sink and never
// carry its secret.
import type { Alert } from '../alert.js';
import type { SinkType } from '../config/config-schema.js';

export interface AlertSink {
  readonly name: string;
  readonly type: SinkType;
  /** Where it sends, safe to print ("Slack webhook at hooks.slack.com", "alerts.jsonl"). */
  readonly target: string;
  /** Sends `alert`; resolves when the receiver accepted it, throws SinkError otherwise. */
  send(alert: Alert): Promise<void>;
  /** Releases connections (SMTP pools). */
  close?(): Promise<void>;
}

/** A failed send: `retryable` when another attempt may succeed; `retryAfterMs` when the receiver said when. */
export class SinkError extends Error {
  override readonly name = 'SinkError';
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;

  constructor(
    readonly sink: string,
    message: string,
    options: { retryable: boolean; retryAfterMs?: number | null; cause?: unknown },
  ) {
    super(`${sink}: ${message}`, { cause: options.cause });
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}
