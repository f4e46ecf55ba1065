// GET /api/track-record in-process over a simulated store: the contract (zod), compute-once caching per
// parameters and store revision, the omit= trimming, 400s naming the field, 404 for too little history,
// and the route in the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type AnalyzeFn } from '../../src/server/build-server.js';
import type { TrackRecordFn } from '../../src/server/track-record-answers.js';
import { trackRecordResponseSchema, type TrackRecordResponse } from '../../src/server/track-record-schemas.js';
import { writeSimulatedDataset } from '../../src/sim/simulate.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import type { Store } from '../../src/store/store.js';
import { loadMarketSeries } from '../../src/store/market-series-loader.js';
import { trackRecordFromStore } from '../../src/track-record/load-track-record.js';
import { analyzeSeries } from '../../src/phase/analyze.js';
import { buildSeriesFixture, loadAnalysisFixture } from '../fixtures/analysis/series-btc.js';

const END = '2026-03-31';
// The note reads the whole analysis contract: analyse the fixture's series (the JSON fixture predates parts of it).
const analyze: AnalyzeFn = async (_store, options) => ({
  ...analyzeSeries(buildSeriesFixture()),
  asset: options.asset,
});

describe('GET /api/track-record', () => {
  let store: Store;
  let empty: Store;
  let app: ReturnType<typeof buildServer>;
  let bare: ReturnType<typeof buildServer>;
  const computed: { asset: string; to?: string; from?: string; horizons?: readonly number[] }[] = [];
  const trackRecord: TrackRecordFn = (s, request) => {
    const { asset, to, from, horizons } = request;
    computed.push({ asset, ...(to ? { to } : {}), ...(from ? { from } : {}), ...(horizons ? { horizons } : {}) });
    return trackRecordFromStore(s, request);
  };

  beforeAll(async () => {
    store = await openDuckDbStore(':memory:');
    await writeSimulatedDataset(store, { seed: 42, endDate: END });
    app = buildServer({
      store,
      analyze,
      trackRecord,
      loadSeries: (s, o) => loadMarketSeries(s, o),
      now: () => new Date(`${END}T23:00:00Z`),
    });
    empty = await openDuckDbStore(':memory:');
    bare = buildServer({ store: empty, analyze, now: () => new Date(`${END}T23:00:00Z`) });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await bare?.close();
    await store?.close();
    await empty?.close();
  });

  it('answers the contract for the latest data, computed once and then served from memory', async () => {
    computed.length = 0;
    const t0 = performance.now();
    const first = await app.inject({ url: '/api/track-record?asset=btc' });
    const firstMs = performance.now() - t0;
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const body = trackRecordResponseSchema.parse(first.json()) as TrackRecordResponse;
    expect(body.asset).toBe('BTC');
    expect(body.simulated).toBe(true);
    expect(body.replay.days).toBeGreaterThan(400);
    expect(body.periods.map((p) => p.sample)).toEqual(['in-sample']);
    expect(body.periods[0]!.engines.engine.calls).toBe(body.replay.days - body.warmUpCallsDropped);
    expect(body.periods[0]!.verdicts.length).toBeGreaterThan(5);
    expect(body.days!.length).toBeGreaterThan(700);
    expect(body.periods[0]!.equityCurves!.length).toBeGreaterThan(400);
    expect(body.method.horizonsDays).toEqual([20, 60, 120]);

    const t1 = performance.now();
    const second = await app.inject({ url: '/api/track-record?asset=BTC&horizons=20,60,120' });
    const secondMs = performance.now() - t1;
    expect(second.statusCode).toBe(200);
    expect(second.headers['etag']).toBe(first.headers['etag']);
    expect(computed).toEqual([{ asset: 'BTC', to: '2026-04-01' }]);
    expect(secondMs).toBeLessThan(Math.max(50, firstMs / 5));
    const notModified = await app.inject({
      url: '/api/track-record?asset=BTC',
      headers: { 'if-none-match': String(first.headers['etag']) },
    });
    expect(notModified.statusCode).toBe(304);
  });

  it('leaves out the omitted parts (absent, not emptied) from the same computed record', async () => {
    computed.length = 0;
    const full = await app.inject({ url: '/api/track-record?asset=BTC' });
    const trimmed = await app.inject({ url: '/api/track-record?asset=BTC&omit=days,scoredCalls&omit=equityCurves' });
    expect(trimmed.statusCode).toBe(200);
    const body = trimmed.json<Record<string, unknown> & { periods: Record<string, unknown>[] }>();
    expect(trackRecordResponseSchema.safeParse(body).success).toBe(true);
    expect('days' in body).toBe(false);
    expect('scoredCalls' in body).toBe(false);
    expect('equityCurves' in body.periods[0]!).toBe(false);
    expect(body.periods[0]!['verdicts']).toEqual(
      full.json<{ periods: { verdicts: unknown }[] }>().periods[0]!.verdicts,
    );
    expect(trimmed.body.length).toBeLessThan(full.body.length / 4);
    expect(computed).toEqual([]);
  });

  it('recomputes for other horizons or a past end date; a past end date is immutable', async () => {
    computed.length = 0;
    const horizons = await app.inject({ url: '/api/track-record?asset=BTC&horizons=60,20,60&omit=days' });
    expect(horizons.json<TrackRecordResponse>().method.horizonsDays).toEqual([20, 60]);
    const past = await app.inject({ url: '/api/track-record?asset=ETH&to=2025-12-31&omit=days' });
    expect(past.statusCode).toBe(200);
    expect(past.headers['cache-control']).toBe('public, max-age=86400, immutable');
    const record = past.json<TrackRecordResponse>();
    expect(record.asset).toBe('ETH');
    expect(record.lastDate <= '2025-12-31').toBe(true);
    expect(record.periods[0]!.lastCallDate! <= '2025-12-31').toBe(true);
    expect(computed).toEqual([
      { asset: 'BTC', to: '2026-04-01', horizons: [20, 60] },
      { asset: 'ETH', to: '2025-12-31' },
    ]);
  });

  it.each([
    ['/api/track-record?asset=XRP', 'asset', 'invalid-parameter'],
    ['/api/track-record?from=2025-02-30', 'from', 'invalid-parameter'],
    ['/api/track-record?from=2025-06-01&to=2025-01-01', 'from', 'invalid-parameter'],
    ['/api/track-record?to=2026-04-02', 'to', 'invalid-parameter'],
    ['/api/track-record?horizons=0', 'horizons', 'invalid-parameter'],
    ['/api/track-record?horizons=20,abc', 'horizons', 'invalid-parameter'],
    ['/api/track-record?horizons=1,2,3,4,5,6,7', 'horizons', 'invalid-parameter'],
    ['/api/track-record?omit=everything', 'omit', 'invalid-parameter'],
    ['/api/track-record?days=false', 'days', 'unknown-parameter'],
  ])('GET %s → 400 naming %s', async (url, field, code) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; message: string; field: string } }>();
    expect(body.error).toMatchObject({ code, field });
    expect(body.error.message).toContain(field);
  });

  it('answers 404 not-enough-history when the store has too few closes', async () => {
    const res = await bare.inject({ url: '/api/track-record?asset=ETH&to=2026-01-08' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: {
        code: 'not-enough-history',
        message:
          'track record of ETH to 2026-01-08: the store holds 0 daily closes known by then; the first call needs 201 (the 200-day average)',
        field: null,
      },
    });
  });

  it('puts the same cached record in the analyst note of /api/report (to = the note’s as-of date)', async () => {
    computed.length = 0;
    const asOf = loadAnalysisFixture().asOf;
    const note = await app.inject({ url: `/api/report?asset=BTC&asOf=${asOf}` });
    expect(note.statusCode).toBe(200);
    expect(note.body).toContain('<section id="track-record"><h2>Track record (SIMULATED DATA)</h2>');
    expect(note.body).toContain('<section id="track-record-in-sample">');
    const api = await app.inject({ url: `/api/track-record?asset=BTC&to=${asOf}&omit=days` });
    expect(api.statusCode).toBe(200);
    expect(computed).toEqual([{ asset: 'BTC', to: asOf }]);
  });

  it('is in the OpenAPI document with its parameters and the TrackRecord component', async () => {
    const doc = JSON.parse((await app.inject({ url: '/api/openapi.json' })).body) as {
      paths: Record<
        string,
        {
          get: {
            parameters: { name: string }[];
            responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
          };
        }
      >;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    };
    const route = doc.paths['/api/track-record']!.get;
    expect(route.parameters.map((p) => p.name)).toEqual(['asset', 'from', 'to', 'horizons', 'omit']);
    expect(route.responses['200']!.content!['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/TrackRecord',
    });
    expect(route.responses['304']).toBeDefined();
    const schema = doc.components.schemas['TrackRecord']!;
    expect(Object.keys(schema.properties ?? {})).toEqual(
      expect.arrayContaining(['periods', 'turningPoints', 'days', 'scoredCalls', 'simulated', 'replay']),
    );
    expect(schema.required).not.toContain('days');
    expect(schema.required).toContain('periods');
  });
});
