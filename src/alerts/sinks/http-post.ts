// One JSON POST for the HTTP sinks (webhook, Slack, Discord, Telegram), with a timeout, and the
// receiver's answer turned into success or a SinkError: 2xx accepted; 408, 425, 429 and 5xx, a
// refused connection or no answer in time are worth another attempt (honouring Retry-After);
// other statuses are not. Messages name the host only — webhook URLs and bot tokens are secrets.
import { SinkError } from './sink.js';

export interface PostOptions {
  readonly sink: string;
  /** Safe to print: "hooks.slack.com", "127.0.0.1:8080". */
  readonly host: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

export interface PostAnswer {
  readonly status: number;
  readonly text: string;
}

const RETRYABLE_STATUS = new Set([408, 425, 429]);

/** Seconds from Retry-After (seconds or an HTTP date), as ms; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET') return 'connection closed by the receiver';
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') return 'host not found';
  return cause?.code ?? (error as Error).message;
}

/**
 * POSTs `body` as JSON to `url`; resolves with the 2xx answer. Throws SinkError (retryable or not,
 * see the header) naming the sink, the host and the status with the first 200 characters of the body.
 */
export async function postJson(url: string, body: unknown, options: PostOptions): Promise<PostAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
    throw new SinkError(
      options.sink,
      timedOut
        ? `no answer from ${options.host} within ${options.timeoutMs / 1000} s`
        : `cannot reach ${options.host}: ${networkReason(error)}`,
      { retryable: true },
    );
  }
  let text = '';
  try {
    text = await response.text();
  } catch {
    // The status decides; a body cut off is no reason to retry a 2xx.
  }
  if (response.ok) return { status: response.status, text };
  const retryable = RETRYABLE_STATUS.has(response.status) || response.status >= 500;
  const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  throw new SinkError(
    options.sink,
    `${options.host} answered HTTP ${response.status}${snippet ? `: ${snippet}` : ''}`,
    {
      retryable,
      retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
    },
  );
}

/** "hooks.slack.com" of a URL (scheme, path and query left out: they may hold a secret). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid URL';
  }
}
