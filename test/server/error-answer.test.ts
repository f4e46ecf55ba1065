// Every error the server can give leaves in one shape with the status of its kind — the API's own,
// the store's, fastify's and Node's HTTP-level ones — and every status is in the OpenAPI document.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/build-server.js';
import { API_ERROR_STATUS } from '../../src/server/api-error.js';
import { STORE_LOCKED_RETRY_AFTER_S, toApiError, UNEXPECTED_MESSAGE } from '../../src/server/error-answer.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { IdleReleasingStore } from '../../src/store/idle-releasing-store.js';
import { StoreError, STORE_ERROR_KINDS, type StoreErrorKind } from '../../src/store/store-error.js';
import type { Store } from '../../src/store/store.js';
import { loadAnalysisFixture } from '../fixtures/analysis/series-btc.js';
import { holdDatabase } from '../helpers/other-process.js';

const analyze = async (): Promise<ReturnType<typeof loadAnalysisFixture>> => loadAnalysisFixture();

/** Sends raw bytes to 127.0.0.1:port and returns status, headers (lower-cased) and body. */
function rawRequest(
  port: number,
  bytes: string,
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('error', fail);
    socket.on('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      done({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
  });
}

describe('toApiError: one answer per kind', () => {
  const expected: Record<StoreErrorKind, [number, string]> = {
    locked: [503, 'store-locked'],
    unavailable: [503, 'store-unavailable'],
    missing: [503, 'store-unavailable'],
    'read-only': [503, 'store-read-only'],
    conflict: [409, 'store-conflict'],
    invalid: [400, 'invalid-value'],
    foreign: [500, 'internal'],
    corrupt: [500, 'internal'],
  };
  it.each(STORE_ERROR_KINDS)('StoreError %s', (kind) => {
    const answer = toApiError(new StoreError(kind, `store /x.duckdb: ${kind}`));
    expect([answer.statusCode, answer.code]).toEqual(expected[kind]);
    // An unusable store is a server fault: its path and details stay in the log.
    expect(answer.message).toBe(answer.statusCode === 500 ? UNEXPECTED_MESSAGE : `store /x.duckdb: ${kind}`);
    expect(answer.retryAfterSeconds).toBe(kind === 'locked' ? STORE_LOCKED_RETRY_AFTER_S : undefined);
  });

  it('an error of no known kind is a 500 "internal" with a generic message', () => {
    const answer = toApiError(new TypeError('x is undefined at /secret/path.ts:12'));
    expect([answer.statusCode, answer.code, answer.message]).toEqual([500, 'internal', UNEXPECTED_MESSAGE]);
  });
});

describe('HTTP-level errors over a real socket', () => {
  let store: Store;
  let app: ReturnType<typeof buildServer>;
  let port: number;
  let documented: Set<string>;

  beforeAll(async () => {
    store = await openDuckDbStore(':memory:');
    app = buildServer({ store, analyze, now: () => new Date('2026-01-09T12:00:00Z') });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    port = Number(new URL(address).port);
    const doc = (await app.inject({ url: '/api/openapi.json' })).json<{
      components: { responses: Record<string, unknown> };
      paths: Record<string, { get: { responses: Record<string, unknown> } }>;
    }>();
    documented = new Set(Object.keys(doc.components.responses));
    // Every route refers to every error response.
    for (const path of Object.values(doc.paths))
      for (const status of documented)
        expect(path.get.responses[status]).toEqual({ $ref: `#/components/responses/${status}` });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('documents exactly the statuses of the error kinds', () => {
    expect([...documented].sort()).toEqual([...new Set(Object.values(API_ERROR_STATUS).map(String))].sort());
  });

  it.each([
    [
      'an over-long path parameter',
      `GET /api/series/${'a'.repeat(200)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      414,
      'uri-too-long',
    ],
    [
      'oversized headers',
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      'headers-too-large',
    ],
    [
      'a 100 kB query string',
      `GET /api/events?from=${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      431,
      'headers-too-large',
    ],
    ['undecodable percent-encoding', 'GET /api/series/%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'bad-url'],
    [
      'a JSON body that is not JSON',
      'POST /api/health HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 3\r\n\r\n{x:',
      400,
      'invalid-json',
    ],
    ['bytes that are not HTTP', 'BLAH\r\n\r\n', 400, 'malformed-request'],
    ['an unknown route', 'GET /api/nope HTTP/1.1\r\nHost: x\r\n\r\n', 404, 'not-found'],
  ])('%s → %i %s in the one shape, documented', async (_what, bytes, status, code) => {
    const res = await rawRequest(port, `${bytes}`.replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n'));
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(res.body) as { error: { code: string; message: string; field: string | null } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error).sort()).toEqual(['code', 'field', 'message']);
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(0);
    expect(documented.has(String(status))).toBe(true);
  });
});

describe('a store held by an import in another process', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tidemark-503-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is answered 503 store-locked with Retry-After, and served again once released', async () => {
    const path = join(dir, 'store.duckdb');
    await (await openDuckDbStore(path)).close();
    const store = new IdleReleasingStore({
      open: () => openDuckDbStore(path, { mode: 'read', lockWaitMs: 300 }),
      releaseAfterMs: 50,
    });
    const app = buildServer({ store, analyze });
    const holder = await holdDatabase(path, 'write');
    try {
      const res = await app.inject({ url: '/api/coverage' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe(String(STORE_LOCKED_RETRY_AFTER_S));
      expect(res.json()).toEqual({
        error: {
          code: 'store-locked',
          message: expect.stringMatching(
            new RegExp(`^store ${path} is in use by another process \\(PID ${holder.pid}\\)`),
          ) as unknown as string,
          field: null,
        },
      });
    } finally {
      await holder.stop();
    }
    expect((await app.inject({ url: '/api/coverage' })).statusCode).toBe(200);
    await app.close();
    await store.close();
  });
});
