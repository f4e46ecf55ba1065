// An alert as people read it, in each receiver's format: plain text (stdout, e-mail), Slack mrkdwn,
// Discord markdown and Telegram HTML. Same content everywhere: the title, the as-of date, what
// changed, the evidence in numbers, the reasons and the note.
import { formatDate } from '../format/dates.js';
import type { Alert } from './alert.js';

/** Where the note is: its link when notes are served, else its path; null when no note was written. */
export function noteLocation(alert: Alert): string | null {
  return alert.note.url ?? alert.note.path;
}

function headline(alert: Alert): string {
  return `As of ${formatDate(alert.asOf)} · rule ${alert.rule}${alert.simulated ? ' · SIMULATED DATA' : ''}`;
}

/** Plain text, one fact per line. */
export function alertPlainText(alert: Alert): string {
  const note = noteLocation(alert);
  return [
    alert.title,
    headline(alert),
    `What changed: ${alert.changed}`,
    ...(alert.evidence.length > 0 ? ['Evidence:', ...alert.evidence.map((e) => `  ${e.label}: ${e.value}`)] : []),
    ...(alert.reasons.length > 0 ? ['Why:', ...alert.reasons.map((r) => `  - ${r}`)] : []),
    ...(note !== null ? [`Note: ${note}`] : []),
    `Key: ${alert.key}`,
  ].join('\n');
}

/** Slack's mrkdwn escapes: &, < and > only. */
function slackEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The body of a Slack message: mrkdwn with bold labels. */
export function alertSlackText(alert: Alert): string {
  const note = noteLocation(alert);
  return [
    `*${slackEscape(alert.title)}*`,
    `_${slackEscape(headline(alert))}_`,
    `*What changed:* ${slackEscape(alert.changed)}`,
    ...alert.evidence.map((e) => `• ${slackEscape(e.label)}: *${slackEscape(e.value)}*`),
    ...alert.reasons.map((r) => `> ${slackEscape(r)}`),
    ...(note !== null
      ? [alert.note.url !== null ? `<${alert.note.url}|Open the note>` : `Note: \`${slackEscape(note)}\``]
      : []),
  ].join('\n');
}

/** Discord markdown special characters escaped. */
function discordEscape(text: string): string {
  return text.replace(/([\\*_~`|>])/g, '\\$1');
}

/** The description of a Discord embed (≤ 4096 characters). */
export function alertDiscordText(alert: Alert): string {
  const note = noteLocation(alert);
  const text = [
    `**What changed:** ${discordEscape(alert.changed)}`,
    ...alert.evidence.map((e) => `• ${discordEscape(e.label)}: **${discordEscape(e.value)}**`),
    ...alert.reasons.map((r) => `> ${discordEscape(r)}`),
    ...(note !== null ? [alert.note.url !== null ? `[Open the note](${alert.note.url})` : `Note: \`${note}\``] : []),
  ].join('\n');
  return text.length > 4096 ? `${text.slice(0, 4095)}…` : text;
}

/** Telegram's HTML parse mode escapes. */
function htmlEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** A Telegram message in HTML parse mode (≤ 4096 characters). */
export function alertTelegramHtml(alert: Alert): string {
  const note = noteLocation(alert);
  const text = [
    `<b>${htmlEscape(alert.title)}</b>`,
    `<i>${htmlEscape(headline(alert))}</i>`,
    `<b>What changed:</b> ${htmlEscape(alert.changed)}`,
    ...alert.evidence.map((e) => `• ${htmlEscape(e.label)}: <b>${htmlEscape(e.value)}</b>`),
    ...alert.reasons.map((r) => `– ${htmlEscape(r)}`),
    ...(note !== null
      ? [
          alert.note.url !== null
            ? `<a href="${htmlEscape(alert.note.url)}">Open the note</a>`
            : `Note: <code>${htmlEscape(note)}</code>`,
        ]
      : []),
  ].join('\n');
  return text.length > 4096 ? `${text.slice(0, 4095)}…` : text;
}
