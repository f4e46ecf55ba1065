// E-mail over SMTP (nodemailer): submission with STARTTLS by default — the connection is upgraded
// and nothing is sent without TLS (requireTLS) — or TLS from the start (port 465). The certificate is
// verified (a private CA via caFile). The Message-ID is derived from the alert's key, so a copy sent
// again after a crash is the same message to mail systems that de-duplicate on it. SMTP 4xx and
// connection failures are retried; 5xx and refused logins are not.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createTransport } from 'nodemailer';
import type { Alert } from '../alert.js';
import { alertPlainText } from '../alert-text.js';
import { SinkError, type AlertSink } from './sink.js';

export interface EmailOptions {
  readonly host: string;
  readonly port: number;
  readonly tls: 'starttls' | 'implicit';
  readonly user?: string;
  readonly password?: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly caFile?: string;
  readonly timeoutMs: number;
}

/** <32 hex of sha256(key)@tidemark>: the same alert always has the same Message-ID. */
export function alertMessageId(key: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@tidemark>`;
}

const RETRYABLE_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNRESET', 'ECONNREFUSED']);

/** A sink sending each alert as one e-mail. */
export function emailSink(name: string, options: EmailOptions): AlertSink {
  const transport = createTransport({
    host: options.host,
    port: options.port,
    secure: options.tls === 'implicit',
    requireTLS: options.tls === 'starttls',
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    ...(options.user !== undefined && options.password !== undefined
      ? { auth: { user: options.user, pass: options.password } }
      : {}),
    tls: {
      minVersion: 'TLSv1.2',
      ...(options.caFile !== undefined ? { ca: readFileSync(options.caFile, 'utf8') } : {}),
    },
  });
  return {
    name,
    type: 'email',
    target: `SMTP ${options.host}:${options.port} (${options.tls === 'implicit' ? 'TLS' : 'STARTTLS'}) to ${options.to.join(', ')}`,
    async send(alert: Alert): Promise<void> {
      try {
        await transport.sendMail({
          from: options.from,
          to: [...options.to],
          subject: `[Tidemark] ${alert.title}`,
          text: alertPlainText(alert),
          messageId: alertMessageId(alert.key),
          headers: { 'X-Tidemark-Alert-Key': alert.key },
        });
      } catch (error) {
        const e = error as { code?: string; responseCode?: number; message?: string };
        const transient =
          (e.responseCode !== undefined && e.responseCode >= 400 && e.responseCode < 500) ||
          (e.code !== undefined && RETRYABLE_CODES.has(e.code));
        throw new SinkError(
          name,
          `SMTP ${options.host}:${options.port}: ${e.responseCode !== undefined ? `${e.responseCode} ` : ''}${(e.message ?? String(error)).split('\n')[0]}`,
          { retryable: transient, cause: error },
        );
      }
    },
    close(): Promise<void> {
      transport.close();
      return Promise.resolve();
    },
  };
}
