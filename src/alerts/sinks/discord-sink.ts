// Discord webhook: one embed (title, description, fields, timestamp, footer with the key), mentions
// disabled. Discord answers 204 (200 with ?wait=true); 429 carries retry_after (seconds) in its body.
import type { Alert } from '../alert.js';
import { alertDiscordText } from '../alert-text.js';
import { hostOf, postJson } from './http-post.js';
import { SinkError, type AlertSink } from './sink.js';

/** Embed colours by the call: red for trend-decline, amber topping, blue bottoming, green uptrend. */
const PHASE_COLOURS: Readonly<Record<string, number>> = {
  'trend-decline': 0xc0392b,
  topping: 0xe67e22,
  bottoming: 0x2e86c1,
  uptrend: 0x27ae60,
};

/** The Discord message of an alert. */
export function discordPayload(alert: Alert): Record<string, unknown> {
  return {
    allowed_mentions: { parse: [] },
    embeds: [
      {
        title: alert.title.slice(0, 256),
        description: alertDiscordText(alert),
        color: PHASE_COLOURS[alert.phase.label] ?? 0x7f8c8d,
        timestamp: alert.createdAt,
        footer: { text: `as of ${alert.asOf} · ${alert.key}`.slice(0, 2048) },
      },
    ],
  };
}

/** A sink posting to the Discord webhook `url`. */
export function discordSink(name: string, options: { url: string; timeoutMs: number }): AlertSink {
  const host = hostOf(options.url);
  return {
    name,
    type: 'discord',
    target: `Discord webhook at ${host}`,
    async send(alert: Alert): Promise<void> {
      try {
        await postJson(options.url, discordPayload(alert), { sink: name, host, timeoutMs: options.timeoutMs });
      } catch (error) {
        // Discord's 429 body says how long to wait: {"retry_after": 1.5, ...}.
        const match = error instanceof SinkError ? /"retry_after":\s*([\d.]+)/.exec(error.message) : null;
        if (error instanceof SinkError && match !== null && error.retryAfterMs === null)
          throw new SinkError(name, error.message.slice(name.length + 2), {
            retryable: error.retryable,
            retryAfterMs: Number(match[1]) * 1000,
          });
        throw error;
      }
    },
  };
}
