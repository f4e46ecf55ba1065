// A local HTTP server on 127.0.0.1 for connector tests: routes by path, logs every request, and
// can be told to answer the next N requests of a path with a scripted failure (429, 500, junk).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface Reply {
  readonly status?: number;
  /** A string is sent as is; anything else as JSON. */
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

export type Handler = (url: URL) => Reply;

export interface FixtureServer {
  readonly url: string;
  /** Every request as "path?query" in order. */
  readonly requests: string[];
  /** Requests whose path is `path`, parsed. */
  requestsTo(path: string): URL[];
  /** The next `count` requests to `path` get `reply` (count Infinity = forever). */
  fail(path: string, reply: Reply, count?: number): void;
  close(): Promise<void>;
}

export const FIXTURES = resolve(process.cwd(), 'test/fixtures/live');

/** Reads a JSON fixture of test/fixtures/live. */
export function fixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(resolve(FIXTURES, name), 'utf8')) as T;
}

/** Starts the server with `routes` (path → handler); unknown paths answer 404 JSON. */
export async function startFixtureServer(routes: Record<string, Handler>): Promise<FixtureServer> {
  const requests: string[] = [];
  const failures = new Map<string, { reply: Reply; left: number }>();
  const send = (res: ServerResponse, reply: Reply): void => {
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status ?? 200, {
      'content-type': typeof reply.body === 'string' ? 'text/html; charset=utf-8' : 'application/json',
      ...reply.headers,
    });
    res.end(text);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    const failure = failures.get(url.pathname);
    if (failure && failure.left > 0) {
      failure.left--;
      send(res, failure.reply);
      return;
    }
    const handler = routes[url.pathname];
    if (!handler) {
      send(res, { status: 404, body: { code: -1, msg: `no fixture for ${url.pathname}` } });
      return;
    }
    try {
      send(res, handler(url));
    } catch (error) {
      send(res, { status: 500, body: { msg: String(error) } });
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    requestsTo: (path) => requests.filter((r) => r.split('?')[0] === path).map((r) => new URL(r, 'http://127.0.0.1')),
    fail: (path, reply, count = 1) => failures.set(path, { reply, left: count }),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
