// Slack incoming webhook: {"text": fallback, "blocks": [header, section]} POSTed to the webhook URL
// (a secret: from the environment). Slack answers 200 "ok"; 4xx names the problem (invalid_payload,
// no_service, channel_is_archived) and is not retried; 429 and 5xx are.
import type { Alert } from '../alert.js';
import { alertSlackText } from '../alert-text.js';
import { hostOf, postJson } from './http-post.js';
import type { AlertSink } from './sink.js';

/** The Slack message of an alert. */
export function slackPayload(alert: Alert): Record<string, unknown> {
  const text = alertSlackText(alert);
  return {
    text: alert.title,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: alert.title.slice(0, 150), emoji: false } },
      { type: 'section', text: { type: 'mrkdwn', text: text.length > 3000 ? `${text.slice(0, 2999)}…` : text } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `key \`${alert.key}\`` }] },
    ],
  };
}

/** A sink posting to the Slack webhook `url`. */
export function slackSink(name: string, options: { url: string; timeoutMs: number }): AlertSink {
  const host = hostOf(options.url);
  return {
    name,
    type: 'slack',
    target: `Slack webhook at ${host}`,
    async send(alert: Alert): Promise<void> {
      await postJson(options.url, slackPayload(alert), { sink: name, host, timeoutMs: options.timeoutMs });
    },
  };
}
