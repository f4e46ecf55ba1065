// /api/backtest in-process on the simulated default history: a window answers with the contract
// (parsed by its zod schema), a bad parameter is a 400 naming the field, and the route is in the
// OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backtestResultSchema } from '../../src/domain/backtest-schema.js';
import { buildServer } from '../../src/server/build-server.js';
import { analyzeStore } from '../../src/phase/analyze.js';
import { simulateMarket } from '../../src/sim/simulate.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import type { Store } from '../../src/store/store.js';

let store: Store;
let app: ReturnType<typeof buildServer>;

beforeAll(async () => {
  const sim = simulateMarket({ seed: 42 });
  store = await openDuckDbStore(':memory:');
  await store.ingest([
    {
      provenance: { source: 'tidemark-sim', origin: 'backtest-route.test' },
      observations: sim.observations,
      events: sim.events,
    },
  ]);
  app = buildServer({ store, analyze: analyzeStore, now: () => new Date('2026-04-02T12:00:00Z') });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await store?.close();
});

describe('/api/backtest', () => {
  it('answers the strategies over a window with curves and trades', async () => {
    const res = await app.inject({
      url: '/api/backtest?from=2025-12-01&strategies=phased-accumulation,right-side-confirmation&cash=5000',
    });
    expect(res.statusCode).toBe(200);
    const body = backtestResultSchema.parse(res.json());
    expect(body.simulated).toBe(true);
    expect(body.startCashUsd).toBe(5000);
    const runs = body.periods[0]!.runs;
    expect(runs.map((r) => r.strategy)).toEqual(['buy-and-hold', 'phased-accumulation', 'right-side-confirmation']);
    expect(runs[0]!.curve.length).toBe(body.closes.length);
    expect(body.from >= '2025-12-01').toBe(true);
    expect(body.calls.length).toBeGreaterThan(50);
  }, 120_000);

  it('answers 400 naming the field for bad parameters', async () => {
    const cases: [string, string, RegExp][] = [
      ['strategies=buy-low', 'strategies', /strategies/],
      ['feeBps=-1', 'feeBps', />=0|too small/i],
      ['from=2026-02-30', 'from', /not a real calendar date/],
      ['from=2026-03-01&to=2026-01-01', 'from', /must not be after "to"/],
      ['asset=DOGE', 'asset', /asset/],
      ['window=5', 'window', /unknown query parameter "window"/],
      ['from=2030-01-01', 'from', /no decision day with a close/],
    ];
    for (const [query, field, message] of cases) {
      const res = await app.inject({ url: `/api/backtest?${query}` });
      expect(res.statusCode, query).toBe(400);
      const error = res.json().error;
      expect(error.field, query).toBe(field);
      expect(error.message, query).toMatch(message);
    }
  }, 120_000);

  it('is described in the OpenAPI document with its parameters', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/backtest'].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual([
      'asset',
      'strategies',
      'from',
      'to',
      'asOf',
      'cash',
      'feeBps',
      'slippageBps',
    ]);
    expect(op.responses['400']).toBeDefined();
    expect(JSON.stringify(op.responses['200'])).toContain('averageEntryPriceUsd');
  });
});
