import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/domain/analysis.js';
import type { Observation } from '../../src/domain/observation.js';
import { buildServer, type AnalyzeFn } from '../../src/server/build-server.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import type { Store } from '../../src/store/store.js';
import { analyzeSeries } from '../../src/phase/analyze.js';
import { buildSeriesFixture, loadAnalysisFixture } from '../fixtures/analysis/series-btc.js';

const NOW = new Date('2026-01-09T12:00:00Z'); // "today" is 2026-01-09
const obs = (
  dataset: Observation['dataset'],
  field: string,
  key: string,
  date: string,
  value: number,
  asset: Observation['asset'] = 'BTC',
): Observation => ({
  dataset,
  field,
  asset,
  key,
  date,
  value,
  knownAt: `${date}T23:00:00.000Z`,
});

describe('buildServer', () => {
  let store: Store;
  const calls: { asset: string; asOf?: string }[] = [];
  const analyze: AnalyzeFn = async (_store, options) => {
    calls.push(options);
    const fixture = loadAnalysisFixture();
    return { ...fixture, asset: options.asset, asOf: options.asOf ?? '2026-01-08' } satisfies Analysis;
  };
  const webRoot = mkdtempSync(join(tmpdir(), 'tidemark-web-'));
  let app: ReturnType<typeof buildServer>;

  beforeAll(async () => {
    store = await openDuckDbStore(':memory:');
    await store.ingest([
      {
        provenance: { source: 'test', origin: 'server.test' },
        observations: [
          obs('etf-flows', 'netFlowUsd', 'IBIT', '2026-01-05', 120e6),
          obs('etf-flows', 'netFlowUsd', 'FBTC', '2026-01-05', -30e6),
          obs('etf-flows', 'netFlowUsd', 'IBIT', '2026-01-06', -50e6),
          obs('etf-flows', 'netFlowUsd', 'IBIT', '2026-01-06', 7e6, 'ETH'),
          obs('perp', 'openInterestUsd', 'all', '2026-01-05', 33.5e9),
          obs('perp', 'fundingRate8h', 'all', '2026-01-05', 0.00004),
        ],
        events: loadAnalysisFixture().signals.events.map(
          ({ id, date, kind, title, sourceUrl, instruments, knownAt }) => ({
            id,
            date,
            kind,
            title,
            sourceUrl,
            instruments,
            knownAt,
          }),
        ),
      },
    ]);
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Tidemark</title>');
    writeFileSync(join(webRoot, 'assets', 'index-BdE3x9kQ.js'), 'console.log(1)');
    writeFileSync(join(webRoot, 'secret.txt'), 'no');
    app = buildServer({ store, analyze, loadSeries: async () => buildSeriesFixture(), webRoot, now: () => NOW });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('GET /api/analysis returns the analysis with immutable caching for a past date, computed once', async () => {
    calls.length = 0;
    const first = await app.inject({ method: 'GET', url: '/api/analysis?asOf=2026-01-07&asset=btc' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.headers['cache-control']).toBe('public, max-age=86400, immutable');
    const etag = first.headers['etag'];
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const body = first.json<Analysis>();
    expect(body).toEqual({ ...loadAnalysisFixture(), asOf: '2026-01-07', asset: 'BTC' });
    const second = await app.inject({ method: 'GET', url: '/api/analysis?asset=BTC&asOf=2026-01-07' });
    expect(second.headers['etag']).toBe(etag);
    expect(calls).toEqual([{ asset: 'BTC', asOf: '2026-01-07' }]);
    const notModified = await app.inject({
      method: 'GET',
      url: '/api/analysis?asOf=2026-01-07',
      headers: { 'if-none-match': `"zzz", ${String(etag)}` },
    });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    expect(notModified.headers['etag']).toBe(etag);
    const changed = await app.inject({
      method: 'GET',
      url: '/api/analysis?asOf=2026-01-07',
      headers: { 'if-none-match': '"other"' },
    });
    expect(changed.statusCode).toBe(200);
  });

  it('GET /api/analysis without asOf (engine default) or for today is short-cached and recomputed', async () => {
    calls.length = 0;
    const a = await app.inject({ url: '/api/analysis?asset=ETH' });
    const b = await app.inject({ url: '/api/analysis?asset=ETH&asOf=' });
    const c = await app.inject({ url: '/api/analysis?asset=ETH&asOf=2026-01-09' });
    const d = await app.inject({ url: '/api/analysis?asset=ETH&asOf=2026-01-09' });
    expect(a.statusCode).toBe(200);
    expect(a.json<Analysis>().asOf).toBe('2026-01-08');
    for (const res of [a, b, c, d]) expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(d.headers['etag']).toBe(c.headers['etag']);
    expect(calls).toEqual([
      { asset: 'ETH' },
      { asset: 'ETH' },
      { asset: 'ETH', asOf: '2026-01-09' },
      { asset: 'ETH', asOf: '2026-01-09' },
    ]);
  });

  it.each([
    ['/api/analysis?asOf=2026-13-01', 'asOf', 'invalid-parameter'],
    ['/api/analysis?asOf=2026-02-30', 'asOf', 'invalid-parameter'],
    ['/api/analysis?asOf=2026-01-10', 'asOf', 'invalid-parameter'],
    ['/api/analysis?asset=DOGE', 'asset', 'invalid-parameter'],
    ['/api/analysis?asset=SOL', 'asset', 'invalid-parameter'],
    ['/api/analysis?asOf=2026-01-07&asOf=2026-01-06', 'asOf', 'invalid-parameter'],
    ['/api/analysis?foo=1', 'foo', 'unknown-parameter'],
    ['/api/series/not-a-dataset', 'name', 'invalid-parameter'],
    ['/api/series/etf-flows?from=2026-01-06&to=2026-01-05', 'from', 'invalid-parameter'],
    ['/api/series/etf-flows?asset=DOGE', 'asset', 'invalid-parameter'],
    ['/api/series/etf-flows?to=yesterday', 'to', 'invalid-parameter'],
    ['/api/events?from=2026-02-01&to=2026-01-01', 'from', 'invalid-parameter'],
    ['/api/coverage?x=1', 'x', 'unknown-parameter'],
    [`/api/series/etf-flows?key=IBIT,${'x'.repeat(65)}`, 'key', 'invalid-parameter'],
  ])('GET %s → 400 naming %s', async (url, field, code) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; message: string; field: string } }>();
    expect(body.error.field).toBe(field);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toContain(field);
  });

  it('unknown routes and methods are JSON 404s', async () => {
    for (const [method, url] of [
      ['GET', '/api/nope'],
      ['POST', '/api/analysis'],
      ['GET', '/nothing/here'],
    ] as const) {
      const res = await app.inject({ method, url });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'not-found', message: `no route ${method} ${url}`, field: null } });
    }
  });

  it('GET /api/series/:name returns wide rows, filtered by asset, key, dates', async () => {
    const all = await app.inject({ url: '/api/series/etf-flows' });
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({
      columns: ['date', 'asset', 'fund', 'net_flow_usd'],
      rows: [
        ['2026-01-05', 'BTC', 'FBTC', -30e6],
        ['2026-01-05', 'BTC', 'IBIT', 120e6],
        ['2026-01-06', 'BTC', 'IBIT', -50e6],
        ['2026-01-06', 'ETH', 'IBIT', 7e6],
      ],
    });
    const filtered = await app.inject({
      url: '/api/series/etf-flows?asset=BTC&key=IBIT&from=2026-01-06&to=2026-01-06',
    });
    expect(filtered.json()).toEqual({
      columns: ['date', 'fund', 'net_flow_usd'],
      rows: [['2026-01-06', 'IBIT', -50e6]],
    });
    // Tickers in any case, as people type them.
    const lower = await app.inject({ url: '/api/series/etf-flows?asset=btc&key=ibit&from=2026-01-06&to=2026-01-06' });
    expect(lower.statusCode).toBe(200);
    expect(lower.json()).toEqual(filtered.json());
    const asOf = await app.inject({ url: '/api/series/etf-flows?asset=BTC&asOf=2026-01-05' });
    expect(asOf.json<{ rows: unknown[] }>().rows).toHaveLength(2);
    const perp = await app.inject({ url: '/api/series/perp?asset=BTC' });
    expect(perp.json()).toEqual({
      columns: ['date', 'venue', 'open_interest_usd', 'funding_rate8h'],
      rows: [['2026-01-05', 'all', 33.5e9, 0.00004]],
    });
  });

  it('GET /api/events, /api/coverage and /api/health', async () => {
    const events = await app.inject({ url: '/api/events?asOf=2026-01-05' });
    expect(events.json<{ events: { id: string }[] }>().events.map((e) => e.id)).toEqual([
      'crypto-liquidation-2025-10-10',
      'msci-dat-consultation-2025-10-10',
    ]);
    const all = await app.inject({ url: '/api/events' });
    expect(all.json<{ events: unknown[] }>().events).toHaveLength(3);
    const coverage = await app.inject({ url: '/api/coverage' });
    const rows = coverage.json<{ coverage: { dataset: string; asset: string; key: string; rows: number }[] }>()
      .coverage;
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.dataset === 'etf-flows' && r.asset === 'BTC' && r.key === 'IBIT')).toMatchObject({
      rows: 2,
      firstDate: '2026-01-05',
      lastDate: '2026-01-06',
    });
    const health = await app.inject({ url: '/api/health' });
    expect(health.json()).toEqual({ status: 'ok', version: '0.1.0', storeRows: 6 });
    expect(health.headers['cache-control']).toBe('no-store');
  });

  it('GET /api/openapi.json is an OpenAPI 3.1 document listing every route', async () => {
    const res = await app.inject({ url: '/api/openapi.json' });
    const doc = JSON.parse(res.body) as {
      openapi: string;
      paths: Record<string, { get: { parameters: { name: string; in: string; required: boolean }[] } }>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/analysis',
      '/api/backtest',
      '/api/coverage',
      '/api/events',
      '/api/health',
      '/api/openapi.json',
      '/api/report',
      '/api/series/{name}',
      '/api/track-record',
    ]);
    expect(doc.paths['/api/series/{name}']?.get.parameters.map((p) => `${p.in}:${p.name}:${p.required}`)).toEqual([
      'path:name:true',
      'query:from:false',
      'query:to:false',
      'query:asset:false',
      'query:key:false',
      'query:asOf:false',
    ]);
    expect(doc.paths['/api/analysis']?.get.parameters.map((p) => p.name)).toEqual(['asOf', 'asset']);
  });

  it('describes the analysis and every signal section as components, with units', async () => {
    const doc = JSON.parse((await app.inject({ url: '/api/openapi.json' })).body) as {
      paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: unknown }> }> } }>;
      components: { schemas: Record<string, { properties?: Record<string, { description?: string; $ref?: string }> }> };
    };
    expect(doc.paths['/api/analysis']?.get.responses['200']?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/Analysis',
    });
    const schemas = doc.components.schemas;
    for (const id of [
      'EtfFlowsSection',
      'PositioningSection',
      'LiquiditySection',
      'DivergenceSection',
      'TrendSignals',
    ]) {
      expect(Object.keys(schemas[id]?.properties ?? {}).length, id).toBeGreaterThan(8);
    }
    expect(schemas['TreasuriesSection']?.properties?.['strategyMnav']?.description).toBe('Strategy’s mNAV');
    expect(schemas['EtfFlowsSection']?.properties?.['netFlowUsd']?.description).toBe('Net flow over the window (USD)');
    expect(schemas['PositioningSection']?.properties?.['fundingRate8h']).toBeDefined();
    expect(schemas['LiquiditySection']?.properties?.['corwinSchultzSpread']?.description).toContain('a fraction');
    expect(schemas['Analysis']?.properties?.['wavesDetail']).toEqual({ $ref: '#/components/schemas/WavesDetail' });
  });

  it('GET /api/report renders the HTML note, cached for past dates', async () => {
    // The note reads the whole analysis contract: analyse the fixture's series (the JSON fixture predates parts of it).
    const noteApp = buildServer({
      store,
      analyze: async () => analyzeSeries(buildSeriesFixture()),
      loadSeries: async () => buildSeriesFixture(),
      webRoot,
      now: () => NOW,
    });
    const res = await noteApp.inject({ url: '/api/report?asOf=2026-01-07' });
    await noteApp.close();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('SIMULATED DATA');
    expect(res.headers['cache-control']).toBe('public, max-age=86400, immutable');
  });

  it('serves the dashboard: index at /, hashed assets immutable, nothing outside assets', async () => {
    const index = await app.inject({ url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject({ url: '/assets/index-BdE3x9kQ.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    const again = await app.inject({
      url: '/assets/index-BdE3x9kQ.js',
      headers: { 'if-none-match': String(asset.headers['etag']) },
    });
    expect(again.statusCode).toBe(304);
    expect((await app.inject({ url: '/assets/../secret.txt' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/assets/%2e%2e/secret.txt' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/assets/missing.js' })).json()).toMatchObject({ error: { code: 'not-found' } });
  });

  it('an analysis failure is a JSON 500 without internals', async () => {
    const failing = buildServer({
      store,
      analyze: async () => Promise.reject(new Error('boom at /secret/path')),
      now: () => NOW,
    });
    const res = await failing.inject({ url: '/api/analysis?asOf=2026-01-02' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: { code: 'internal', message: 'unexpected server error; see the server log', field: null },
    });
    await failing.close();
  });
});

describe('buildServer logging', () => {
  it('logs only server errors and slow answers unless the access log is on', async () => {
    const store = await openDuckDbStore(':memory:');
    const lines: { msg: string; statusCode?: number }[] = [];
    const stream = { write: (line: string): void => void lines.push(JSON.parse(line) as { msg: string }) };
    const failing: AnalyzeFn = async () => {
      throw new Error('boom');
    };
    for (const accessLog of [false, true]) {
      lines.length = 0;
      const app = buildServer({
        store,
        analyze: failing,
        now: () => NOW,
        logger: { level: 'info', stream },
        accessLog,
      });
      try {
        expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
        expect((await app.inject({ method: 'GET', url: '/api/analysis?asset=BTC&asOf=2026-01-07' })).statusCode).toBe(
          500,
        );
      } finally {
        await app.close();
      }
      const messages = lines.map((l) => l.msg);
      if (accessLog) {
        expect(messages.filter((m) => m === 'incoming request')).toHaveLength(2);
        expect(messages.filter((m) => m === 'request completed')).toHaveLength(2);
      } else {
        // The unexpected error itself, then one line for the 500; nothing for the health check.
        expect(messages).toEqual(['unexpected error', 'server error']);
        expect(lines[1]).toMatchObject({ statusCode: 500 });
      }
    }
    await store.close();
  });
});
