// Delivery from the outbox in a real DuckDB store to real receivers on 127.0.0.1: the generic webhook
// (JSON body, HMAC-SHA256 over timestamp.body), Slack, Discord and Telegram formats, e-mail over SMTP
// with STARTTLS and a login; an alert stored again is not sent again; and the faults — receiver
// down, slow, answering 500, refusing for good — retried with backoff or given up and reported.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/alerts/alert.js';
import { alertKey } from '../../src/alerts/alert.js';
import { drainOutbox, type DeliveryPolicy } from '../../src/alerts/delivery/deliver.js';
import { Secrets } from '../../src/alerts/config/secrets.js';
import { discordSink } from '../../src/alerts/sinks/discord-sink.js';
import { alertMessageId, emailSink } from '../../src/alerts/sinks/email-sink.js';
import type { AlertSink } from '../../src/alerts/sinks/sink.js';
import { slackSink } from '../../src/alerts/sinks/slack-sink.js';
import { telegramSink } from '../../src/alerts/sinks/telegram-sink.js';
import { verifySignature } from '../../src/alerts/sinks/webhook-signature.js';
import { webhookSink } from '../../src/alerts/sinks/webhook-sink.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import type { Store } from '../../src/store/store.js';
import { startHttpReceiver, startSmtpReceiver, type HttpReceiver } from '../helpers/alert-receivers.js';

const SECRET = 'whsec-test-0123456789';
const TOKEN = '123456:telegram-test-token';

function alertOf(rule: string, asOf: string): Alert {
  return {
    key: alertKey(rule, 'BTC', asOf),
    rule,
    asset: 'BTC',
    asOf,
    title: `BTC: ${rule} fired`,
    changed: 'phase trend-decline → bottoming',
    evidence: [{ label: 'net ETF flow (5 days)', value: '−$1.20B' }],
    reasons: ['ETF outflows slowed for 3 days'],
    phase: { label: 'bottoming', confidence: 0.72 },
    note: { path: '/notes/btc-2026-02-06.md', url: null },
    simulated: false,
    createdAt: '2026-02-07T02:30:00.000Z',
  };
}

async function record(
  store: Store,
  asOf: string,
  alerts: readonly Alert[],
  sinks: readonly string[],
): Promise<string[]> {
  const { added } = await store.alertOutbox().recordAnalysis(
    {
      asset: 'BTC',
      asOf,
      analysedAt: '2026-02-07T02:30:00.000Z',
      phase: 'bottoming',
      confidence: 0.72,
      snapshot: '{}',
      notePath: null,
    },
    alerts.map((a) => ({
      key: a.key,
      rule: a.rule,
      asset: a.asset,
      asOf: a.asOf,
      createdAt: a.createdAt,
      status: 'queued' as const,
      reason: null,
      payload: JSON.stringify(a),
      deliveries: sinks.map((sink) => ({ sink, notBefore: '2026-02-07T02:30:00.000Z' })),
    })),
  );
  return added;
}

/** Fast policy: 3 attempts, 20 ms doubling backoff. */
const POLICY: DeliveryPolicy = { maxAttempts: 3, baseMs: 20, maxMs: 200, leaseMs: 60_000 };

describe('delivery to receivers on 127.0.0.1', () => {
  let store: Store;
  let http: HttpReceiver;

  beforeEach(async () => {
    store = await openDuckDbStore(':memory:');
    http = await startHttpReceiver();
  });
  afterEach(async () => {
    await http.close();
    await store.close();
  });

  it('sends the webhook (HMAC-signed), Slack, Discord and Telegram formats once each; re-recording sends nothing', async () => {
    const sinks: AlertSink[] = [
      webhookSink('hook', { url: `${http.url}/hook`, secret: SECRET, timeoutMs: 2000 }),
      slackSink('slack', { url: `${http.url}/slack/T000/B000/xyz`, timeoutMs: 2000 }),
      discordSink('discord', { url: `${http.url}/discord/api/webhooks/1/abc`, timeoutMs: 2000 }),
      telegramSink('tg', { token: TOKEN, chatId: -100123, apiUrl: http.url, timeoutMs: 2000 }),
    ];
    const alert = alertOf('phase-flip', '2026-02-06');
    expect(await record(store, '2026-02-06', [alert], ['hook', 'slack', 'discord', 'tg'])).toEqual([alert.key]);
    const result = await drainOutbox({ outbox: store.alertOutbox(), sinks, policy: POLICY }, { waitMs: 0 });
    expect(result.counts).toEqual({ pending: 0, sending: 0, delivered: 4, failed: 0 });

    const byPath = (prefix: string): { body: string; headers: Record<string, unknown> }[] =>
      http.requests.filter((r) => r.path.startsWith(prefix));
    const [hook] = byPath('/hook');
    expect(hook).toBeDefined();
    const timestamp = Number(hook!.headers['x-tidemark-timestamp']);
    expect(verifySignature(SECRET, hook!.body, timestamp, String(hook!.headers['x-tidemark-signature']))).toBe(true);
    expect(
      verifySignature('another-secret', hook!.body, timestamp, String(hook!.headers['x-tidemark-signature'])),
    ).toBe(false);
    expect(hook!.headers['idempotency-key']).toBe('phase-flip|BTC|2026-02-06');
    const hookBody = JSON.parse(hook!.body) as { type: string; alert: Alert };
    expect(hookBody.type).toBe('tidemark.alert');
    expect(hookBody.alert).toEqual(alert);

    const slack = JSON.parse(byPath('/slack')[0]!.body) as { text: string; blocks: { type: string }[] };
    expect(slack.text).toBe('BTC: phase-flip fired');
    expect(slack.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context']);
    expect(JSON.stringify(slack.blocks[1])).toContain('−$1.20B');
    const discord = JSON.parse(byPath('/discord')[0]!.body) as { content?: string; embeds?: unknown[] };
    expect(JSON.stringify(discord)).toContain('BTC: phase-flip fired');
    const tgRequest = http.requests.find((r) => r.path === `/bot${TOKEN}/sendMessage`);
    const tg = JSON.parse(tgRequest!.body) as { chat_id: number; text: string; parse_mode: string };
    expect(tg.chat_id).toBe(-100123);
    expect(tg.parse_mode).toBe('HTML');
    expect(tg.text).toContain('<b>BTC: phase-flip fired</b>');

    // The same analysis re-run (same rule, asset, as-of): nothing new is queued, nothing sent again.
    expect(await record(store, '2026-02-06', [alert], ['hook', 'slack', 'discord', 'tg'])).toEqual([]);
    await drainOutbox({ outbox: store.alertOutbox(), sinks, policy: POLICY }, { waitMs: 0 });
    expect(http.requests).toHaveLength(4);
  });

  it('e-mails over SMTP with STARTTLS and a login; the Message-ID derives from the alert key', async () => {
    const smtp = await startSmtpReceiver({ user: 'desk', password: 'smtp-pass-9876' });
    try {
      const sink = emailSink('mail', {
        host: '127.0.0.1',
        port: smtp.port,
        tls: 'starttls',
        user: 'desk',
        password: 'smtp-pass-9876',
        from: 'tidemark@example.test',
        to: ['desk@example.test', 'risk@example.test'],
        caFile: smtp.caFile,
        timeoutMs: 5000,
      });
      const alert = alertOf('waves', '2026-02-06');
      await record(store, '2026-02-06', [alert], ['mail']);
      const result = await drainOutbox({ outbox: store.alertOutbox(), sinks: [sink], policy: POLICY }, { waitMs: 0 });
      await sink.close?.();
      expect(result.counts.delivered).toBe(1);
      expect(smtp.mails).toHaveLength(1);
      const mail = smtp.mails[0]!;
      expect(mail.secure).toBe(true);
      expect(mail.user).toBe('desk');
      expect(mail.from).toBe('tidemark@example.test');
      expect(mail.to).toEqual(['desk@example.test', 'risk@example.test']);
      expect(mail.raw).toContain('Subject: [Tidemark] BTC: waves fired');
      expect(mail.raw).toContain(`Message-ID: ${alertMessageId(alert.key)}`);
      expect(mail.raw).toContain('X-Tidemark-Alert-Key: waves|BTC|2026-02-06');
      expect(mail.raw).toContain('What changed: phase trend-decline');
    } finally {
      await smtp.close();
    }
  });

  it('a wrong SMTP password is not retried: the delivery is given up and reported without the password', async () => {
    const smtp = await startSmtpReceiver({ user: 'desk', password: 'right-password' });
    try {
      const sink = emailSink('mail', {
        host: '127.0.0.1',
        port: smtp.port,
        tls: 'starttls',
        user: 'desk',
        password: 'wrong-password-xyz',
        from: 'tidemark@example.test',
        to: ['desk@example.test'],
        caFile: smtp.caFile,
        timeoutMs: 5000,
      });
      await record(store, '2026-02-06', [alertOf('waves', '2026-02-06')], ['mail']);
      const secrets = new Secrets({ PW: 'wrong-password-xyz' });
      secrets.read('PW');
      const result = await drainOutbox(
        { outbox: store.alertOutbox(), sinks: [sink], policy: POLICY, redact: (t) => secrets.redact(t) },
        { waitMs: 0 },
      );
      await sink.close?.();
      expect(result.counts.failed).toBe(1);
      expect(result.events.map((e) => e.outcome)).toEqual(['failed']);
      expect(smtp.mails).toHaveLength(0);
      const [listed] = await store.alertOutbox().list();
      expect(listed!.deliveries[0]!.lastError).toMatch(/535|auth|invalid login/i);
      expect(listed!.deliveries[0]!.lastError).not.toContain('wrong-password-xyz');
    } finally {
      await smtp.close();
    }
  });

  it('receiver down: the attempt fails, stays pending with its retry time, and is delivered once it is back', async () => {
    const port = Number(new URL(http.url).port);
    await http.close();
    const sink = webhookSink('hook', { url: `http://127.0.0.1:${port}/hook`, secret: SECRET, timeoutMs: 1000 });
    await record(store, '2026-02-06', [alertOf('phase-flip', '2026-02-06')], ['hook']);
    let clock = Date.parse('2026-02-07T03:00:00.000Z');
    const context = { outbox: store.alertOutbox(), sinks: [sink], policy: POLICY, now: () => clock };
    const first = await drainOutbox(context, { waitMs: 0 });
    expect(first.events.map((e) => e.outcome)).toEqual(['retry']);
    expect(first.events[0]!.error).toContain('connection refused');
    expect(first.counts.pending).toBe(1);
    expect(first.nextDue).toBe('2026-02-07T03:00:00.020Z');
    // Not due yet: nothing is attempted.
    expect((await drainOutbox(context, { waitMs: 0 })).events).toEqual([]);
    http = await startHttpReceiver(port);
    clock += 20;
    const second = await drainOutbox(context, { waitMs: 0 });
    expect(second.events.map((e) => [e.outcome, e.attempt])).toEqual([['delivered', 2]]);
    expect(http.requests).toHaveLength(1);
  });

  it('answers 500 twice then 200: retried with backoff within the wait, delivered on the third attempt', async () => {
    http.answer = (_r, i) => (i < 2 ? { status: 500, body: 'upstream broke' } : { status: 200 });
    const sink = webhookSink('hook', { url: `${http.url}/hook`, secret: SECRET, timeoutMs: 1000 });
    await record(store, '2026-02-06', [alertOf('phase-flip', '2026-02-06')], ['hook']);
    const result = await drainOutbox({ outbox: store.alertOutbox(), sinks: [sink], policy: POLICY }, { waitMs: 5000 });
    expect(result.events.map((e) => e.outcome)).toEqual(['retry', 'retry', 'delivered']);
    expect(result.events[0]!.error).toContain('HTTP 500: upstream broke');
    expect(http.requests).toHaveLength(3);
    // Every attempt carries the same idempotency key.
    expect(new Set(http.requests.map((r) => r.headers['idempotency-key']))).toEqual(
      new Set(['phase-flip|BTC|2026-02-06']),
    );
  });

  it('a slow receiver times out and is retried; a receiver that keeps failing is given up after maxAttempts', async () => {
    http.answer = () => ({ status: 200, delayMs: 1500 });
    const sink = webhookSink('hook', { url: `${http.url}/hook`, secret: SECRET, timeoutMs: 300 });
    await record(store, '2026-02-06', [alertOf('phase-flip', '2026-02-06')], ['hook']);
    const result = await drainOutbox({ outbox: store.alertOutbox(), sinks: [sink], policy: POLICY }, { waitMs: 5000 });
    expect(result.events.map((e) => e.outcome)).toEqual(['retry', 'retry', 'failed']);
    expect(result.events[0]!.error).toContain('no answer from 127.0.0.1');
    expect(result.counts).toEqual({ pending: 0, sending: 0, delivered: 0, failed: 1 });
    const [listed] = await store.alertOutbox().list();
    expect(listed!.deliveries[0]).toMatchObject({ status: 'failed', attempts: 3 });
    // Given up means given up: a later pass does not try again.
    expect(
      (await drainOutbox({ outbox: store.alertOutbox(), sinks: [sink], policy: POLICY }, { waitMs: 0 })).events,
    ).toEqual([]);
  });

  it('a 404 (webhook removed) is not retried; the Telegram token never shows in the stored error', async () => {
    http.answer = () => ({ status: 404, body: '{"ok":false,"error_code":404,"description":"Not Found"}' });
    const secrets = new Secrets({ TG: TOKEN });
    const sink = telegramSink('tg', { token: secrets.read('TG')!, chatId: 5, apiUrl: http.url, timeoutMs: 1000 });
    await record(store, '2026-02-06', [alertOf('phase-flip', '2026-02-06')], ['tg']);
    const result = await drainOutbox(
      { outbox: store.alertOutbox(), sinks: [sink], policy: POLICY, redact: (t) => secrets.redact(t) },
      { waitMs: 5000 },
    );
    expect(result.events.map((e) => e.outcome)).toEqual(['failed']);
    expect(http.requests).toHaveLength(1);
    const [listed] = await store.alertOutbox().list();
    expect(listed!.deliveries[0]!.lastError).toContain('HTTP 404');
    expect(listed!.deliveries[0]!.lastError).not.toContain(TOKEN);
  });

  it('honours Retry-After of a 429 over the shorter backoff', async () => {
    http.answer = (_r, i) => (i === 0 ? { status: 429, headers: { 'retry-after': '2' } } : { status: 200 });
    const sink = slackSink('slack', { url: `${http.url}/slack`, timeoutMs: 1000 });
    await record(store, '2026-02-06', [alertOf('phase-flip', '2026-02-06')], ['slack']);
    const clock = Date.parse('2026-02-07T03:00:00.000Z');
    const result = await drainOutbox(
      { outbox: store.alertOutbox(), sinks: [sink], policy: { ...POLICY, maxMs: 10_000 }, now: () => clock },
      { waitMs: 0 },
    );
    expect(result.events[0]).toMatchObject({ outcome: 'retry', nextAttemptAt: '2026-02-07T03:00:02.000Z' });
  });
});
