// Test receivers on 127.0.0.1: an HTTP server standing in for the webhook, Slack, Discord and
// Telegram endpoints (it records every request and answers as the test scripts it: 200, 500, a
// slow answer, no answer), and an SMTP server (smtp-server) with STARTTLS and a login, recording
// each message. Both are real servers on real sockets; nothing in Tidemark is mocked.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface ReceivedRequest {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** What the receiver does with a request: answer with a status (and body), or hold it (never answer). */
export type Answer = { status: number; body?: string; delayMs?: number; headers?: Record<string, string> } | 'hold';

export interface HttpReceiver {
  readonly url: string;
  readonly requests: ReceivedRequest[];
  /** Sets how the next requests are answered (default 200 {"ok":true}). */
  answer: (request: ReceivedRequest, index: number) => Answer;
  /** Called when a request arrives (before it is answered). */
  onRequest: ((request: ReceivedRequest) => void) | null;
  close(): Promise<void>;
}

/** Starts an HTTP receiver on 127.0.0.1 (port 0 = a free one, or the given port to come back on). */
export async function startHttpReceiver(port = 0): Promise<HttpReceiver> {
  const held: ServerResponse[] = [];
  const receiver: HttpReceiver = {
    url: '',
    requests: [],
    answer: () => ({ status: 200, body: '{"ok":true}' }),
    onRequest: null,
    close: () => Promise.resolve(),
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const request = { path: req.url ?? '/', headers: req.headers, body };
      const index = receiver.requests.push(request) - 1;
      receiver.onRequest?.(request);
      const answer = receiver.answer(request, index);
      if (answer === 'hold') {
        held.push(res);
        return;
      }
      const send = (): void => {
        if (res.destroyed) return;
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(answer.body ?? '{"ok":true}');
      };
      if (answer.delayMs !== undefined) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((done) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => done());
      }),
  });
}

export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
  readonly secure: boolean;
  readonly user: string | undefined;
}

export interface SmtpReceiver {
  readonly port: number;
  readonly mails: ReceivedMail[];
  /** The CA file clients trust (the server's self-signed certificate for 127.0.0.1). */
  readonly caFile: string;
  close(): Promise<void>;
}

const TLS_DIR = resolve(import.meta.dirname, '../fixtures/tls');

/** Starts an SMTP server on 127.0.0.1 offering STARTTLS and requiring a login (user/password). */
export async function startSmtpReceiver(login: { user: string; password: string }): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    key: readFileSync(resolve(TLS_DIR, 'localhost-key.pem')),
    cert: readFileSync(resolve(TLS_DIR, 'localhost-cert.pem')),
    authMethods: ['PLAIN', 'LOGIN'],
    disabledCommands: [],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === login.user && auth.password === login.password) callback(null, { user: auth.username });
      else callback(new Error('invalid login'));
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (c: string) => (raw += c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          secure: session.secure,
          user: typeof session.user === 'string' ? session.user : undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    caFile: resolve(TLS_DIR, 'localhost-cert.pem'),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
