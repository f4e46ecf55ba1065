// A throwaway node:http server for the browser tests: serves web-dist/ and answers /api/* from the
// deterministic fixtures, on 127.0.0.1 with an ephemeral port. Used when src/server is not there yet.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fixtureAnalysis, fixtureSeries } from './fixture-data.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

export interface RunningServer {
  readonly url: string;
  readonly kind: 'real' | 'fixture';
  close(): Promise<void>;
}

/** Starts the fixture server for `webRoot`; resolves once it listens. */
export async function startFixtureServer(webRoot: string): Promise<RunningServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const q = (k: string): string | undefined => url.searchParams.get(k) ?? undefined;
    if (url.pathname === '/api/analysis') {
      const asset = q('asset') === 'ETH' ? 'ETH' : 'BTC';
      return json(200, fixtureAnalysis(q('asOf'), asset));
    }
    const series = /^\/api\/series\/([a-z-]+)$/.exec(url.pathname);
    if (series) {
      const table = fixtureSeries(series[1] ?? '', q('asset') ?? 'BTC', q('from'), q('to'), q('asOf'));
      return table
        ? json(200, table)
        : json(404, { error: { code: 'not-found', message: `unknown dataset "${series[1]}"`, field: 'dataset' } });
    }
    if (url.pathname === '/api/health') return json(200, { ok: true });
    if (url.pathname.startsWith('/api/'))
      return json(404, { error: { code: 'not-found', message: `no route ${url.pathname}`, field: null } });
    const path = url.pathname === '/' ? 'index.html' : normalize(url.pathname).replace(/^[/\\]+/, '');
    if (path.includes('..')) return json(400, { error: { code: 'bad-path', message: 'bad path', field: null } });
    readFile(join(webRoot, path))
      .then((body) =>
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body),
      )
      .catch(() => json(404, { error: { code: 'not-found', message: `no file ${path}`, field: null } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    kind: 'fixture',
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
