// Telegram Bot API sendMessage: POST <api>/bot<token>/sendMessage with {chat_id, text, parse_mode:
// HTML}. The token is a secret (environment only) and is never put in a message: errors name
// "Telegram API at api.telegram.org". Telegram answers {"ok": true, ...}; errors carry
// error_code, description and, for 429, parameters.retry_after.
import type { Alert } from '../alert.js';
import { alertTelegramHtml } from '../alert-text.js';
import { hostOf, postJson } from './http-post.js';
import { SinkError, type AlertSink } from './sink.js';

/** The default Bot API base URL. */
export const TELEGRAM_API_URL = 'https://api.telegram.org';

/** The sendMessage body of an alert. */
export function telegramPayload(alert: Alert, chatId: string | number): Record<string, unknown> {
  return {
    chat_id: chatId,
    text: alertTelegramHtml(alert),
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
  };
}

/** A sink sending to chat `chatId` with bot `token`. */
export function telegramSink(
  name: string,
  options: { token: string; chatId: string | number; apiUrl?: string; timeoutMs: number },
): AlertSink {
  const api = (options.apiUrl ?? TELEGRAM_API_URL).replace(/\/+$/, '');
  const host = hostOf(api);
  return {
    name,
    type: 'telegram',
    target: `Telegram chat ${options.chatId} via ${host}`,
    async send(alert: Alert): Promise<void> {
      let answer;
      try {
        answer = await postJson(`${api}/bot${options.token}/sendMessage`, telegramPayload(alert, options.chatId), {
          sink: name,
          host,
          timeoutMs: options.timeoutMs,
        });
      } catch (error) {
        const match = error instanceof SinkError ? /"retry_after":\s*(\d+)/.exec(error.message) : null;
        if (error instanceof SinkError && match !== null && error.retryAfterMs === null)
          throw new SinkError(name, error.message.slice(name.length + 2), {
            retryable: error.retryable,
            retryAfterMs: Number(match[1]) * 1000,
          });
        throw error;
      }
      let ok = false;
      try {
        ok = (JSON.parse(answer.text) as { ok?: unknown }).ok === true;
      } catch {
        ok = false;
      }
      if (!ok)
        throw new SinkError(name, `${host} did not confirm the message: ${answer.text.slice(0, 200)}`, {
          retryable: false,
        });
    },
  };
}
