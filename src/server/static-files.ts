// Serves the built dashboard (web-dist/): index.html at `/` (revalidated on every load) and
// files under /assets/ (a year, immutable, when the name carries a content hash). Paths are
// confined to the web root; anything else under /assets/ is a 404.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error.js';
import { strongEtag, ifNoneMatchHits } from './http-cache.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite names built assets like index-BdE3x9kQ.js: a dash and ≥ 8 URL-safe characters before the extension. */
export function isHashedAssetName(fileName: string): boolean {
  return /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(fileName);
}

async function sendFile(
  app: FastifyInstance,
  root: string,
  relative: string,
  cacheControl: string,
  request: { headers: Record<string, string | string[] | undefined> },
): Promise<{ status: number; headers: Record<string, string>; body?: Buffer }> {
  const path = resolve(root, relative);
  if (path !== root && !path.startsWith(root + sep))
    throw new ApiError('not-found', 'not-found', `no such file: /${relative}`);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new ApiError('not-found', 'not-found', `no such file: /${relative}`);
  const body = await readFile(path);
  const etag = strongEtag(body);
  const headers = {
    'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    'cache-control': cacheControl,
    etag,
  };
  const inm = request.headers['if-none-match'];
  app.log.debug({ path }, 'static file');
  if (ifNoneMatchHits(typeof inm === 'string' ? inm : undefined, etag)) return { status: 304, headers };
  return { status: 200, headers, body };
}

/** Registers `/` and `/assets/*` serving files from `webRoot`. */
export function registerStaticFiles(app: FastifyInstance, webRoot: string): void {
  const root = resolve(webRoot);
  app.get('/', async (request, reply) => {
    const out = await sendFile(app, root, 'index.html', 'no-cache', request);
    return reply.code(out.status).headers(out.headers).send(out.body);
  });
  app.get('/assets/*', async (request, reply) => {
    const rest = (request.params as { '*': string })['*'];
    const name = rest.split('/').at(-1) ?? '';
    const cacheControl = isHashedAssetName(name) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
    const out = await sendFile(app, root, join('assets', rest), cacheControl, request);
    return reply.code(out.status).headers(out.headers).send(out.body);
  });
}
