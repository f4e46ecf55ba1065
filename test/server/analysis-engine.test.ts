// The worker-pool engine answers exactly what analyzeStore gives at the date — on the simulator, on
// dates before the data (no call), at the default date, after a restated value and after an import,
// and to concurrent HTTP requests — and refuses work beyond its queue with 503 `busy`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysedAsset } from '../../src/domain/assets.js';
import { analyzeStore } from '../../src/phase/analyze.js';
import { AnalysisEngine } from '../../src/server/analysis-engine.js';
import { ClientGoneError } from '../../src/server/client-gone.js';
import { AnalysisPool } from '../../src/server/analysis-pool.js';
import { ApiError } from '../../src/server/api-error.js';
import { buildServer } from '../../src/server/build-server.js';
import { analysisResponseSchema } from '../../src/server/schemas.js';
import { simulateMarket, type SimulatedMarket } from '../../src/sim/simulate.js';
import { openDuckDbStore, type DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';

let sim: SimulatedMarket;
let store: DuckDbStore;
let engine: AnalysisEngine;
const now = (): Date => new Date('2026-03-31T23:00:00Z'); // the simulator's last day

beforeAll(async () => {
  sim = simulateMarket({ seed: 42 });
  store = await openDuckDbStore(':memory:');
  await store.ingest([
    {
      provenance: { source: 'tidemark-sim', origin: 'analysis-engine.test' },
      observations: sim.observations,
      events: sim.events,
    },
  ]);
  engine = new AnalysisEngine({ store, now, workers: 2 });
}, 120_000);
afterAll(async () => {
  await engine?.close();
  await store?.close();
});

/** The engine's answer and analyzeStore's, as JSON text. */
async function both(asset: AnalysedAsset, asOf?: string): Promise<[string, string]> {
  const options = asOf === undefined ? { asset } : { asset, asOf };
  return [await engine.analyzeJson(options), JSON.stringify(await analyzeStore(store, options))];
}

describe('AnalysisEngine vs analyzeStore on the simulator', () => {
  it('gives the same analysis, byte for byte, on early, middle, late, weekend and pre-data dates', async () => {
    const days = sim.truth.days.map((d) => d.date);
    const dates = [
      '2023-03-20', // before the data: no call
      days[3]!,
      days[Math.floor(days.length * 0.3)]!,
      days[Math.floor(days.length * 0.65)]!,
      '2025-11-22', // a Saturday
      days[days.length - 1]!,
    ];
    for (const asset of ['BTC', 'ETH'] as const)
      for (const asOf of dates) {
        const [pooled, direct] = await both(asset, asOf);
        expect({ asset, asOf, same: pooled === direct }).toEqual({ asset, asOf, same: true });
      }
    const [early] = await both('BTC', '2023-03-20');
    expect(JSON.parse(early)).toMatchObject({ phase: { label: null, confidence: null } });
    expect(engine.stats.sliced).toBe(12); // the 12 in the loop; the early date again is a kept answer
    expect(engine.stats.kept).toBe(1);
    expect(engine.stats.loaded).toBe(0);
  }, 300_000);

  it('answers the default as-of date like analyzeStore', async () => {
    const [pooled, direct] = await both('BTC');
    expect(pooled).toBe(direct);
  }, 120_000);

  it('answers concurrent requests for many dates from one history per asset', async () => {
    // 2 workers running + 8 waiting: the pool's default queue for 2 workers.
    const days = sim.truth.days.map((d) => d.date).filter((_, i) => i % 120 === 0);
    const answers = await Promise.all(days.map((asOf) => engine.analyzeJson({ asset: 'BTC', asOf })));
    expect(answers.map((a) => (JSON.parse(a) as { asOf: string }).asOf)).toEqual(days);
    expect(engine.stats.histories.map((h) => h.asset).sort()).toEqual(['BTC', 'ETH']);
  }, 120_000);

  it('slices dates where a restated value was visible from a history loaded before the restatement, and reloads after an import', async () => {
    const [row] = await store.read({
      dataset: 'spot',
      asset: 'BTC',
      fields: ['close'],
      from: '2025-06-02',
      to: '2025-06-02',
    });
    expect(row).toBeDefined();
    // The 2025-06-02 close restated on 2025-06-20: between those dates the first figure was what was known.
    await store.ingest([
      {
        provenance: { source: 'tidemark-sim', origin: 'restatement', observedAt: '2025-06-20T00:00:00.000Z' },
        observations: [{ ...row!, value: row!.value * 1.3 }],
      },
    ]);
    const before = engine.stats;
    for (const asOf of ['2025-06-10', '2025-06-25', '2025-06-05', '2025-06-19', '2025-06-20']) {
      const [pooled, direct] = await both('BTC', asOf);
      expect({ asOf, same: pooled === direct }).toEqual({ asOf, same: true });
    }
    // 2025-06-05, -10 and -19 (the first figure visible) from one history loaded on 2025-06-19; the others from today's.
    expect(engine.stats.loaded).toBe(before.loaded);
    expect(engine.stats.epochSliced).toBe(before.epochSliced + 3);
    expect(engine.stats.sliced).toBe(before.sliced + 2);
    expect(engine.stats.histories.filter((h) => h.asset === 'BTC' && h.today === '2025-06-19')).toHaveLength(1);
    expect(engine.stats.histories.find((h) => h.asset === 'BTC')?.revision).toBe(await store.revision());
  }, 120_000);
});

describe('AnalysisPool limits', () => {
  it('refuses jobs beyond its queue with ApiError 503 busy and Retry-After 1', async () => {
    const pool = new AnalysisPool({ workers: 1, queueLimit: 1 });
    const series = (await import('../helpers/market-series.js')).emptyMarketSeries();
    try {
      const results = await Promise.allSettled([1, 2, 3, 4].map(() => pool.analyzeSeries(series)));
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
      const refused = (results[2] as PromiseRejectedResult).reason as ApiError;
      expect(refused).toBeInstanceOf(ApiError);
      expect([refused.statusCode, refused.code, refused.retryAfterSeconds]).toEqual([503, 'busy', 1]);
      expect(pool.stats).toMatchObject({ workers: 1, completed: 2, refused: 2, queued: 0, running: 0 });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('drops a waiting job whose client went away, and never starts it', async () => {
    const pool = new AnalysisPool({ workers: 1, queueLimit: 4 });
    const series = (await import('../helpers/market-series.js')).emptyMarketSeries();
    try {
      const gone = new AbortController();
      const running = pool.analyzeSeries(series);
      const waiting = pool.analyzeSeries(series, gone.signal);
      const after = pool.analyzeSeries(series);
      expect(pool.stats).toMatchObject({ running: 1, queued: 2 });
      gone.abort(new ClientGoneError());
      expect(pool.stats).toMatchObject({ queued: 1, dropped: 1 });
      await expect(waiting).rejects.toBeInstanceOf(ClientGoneError);
      await Promise.all([running, after]);
      expect(pool.stats).toMatchObject({ completed: 2, dropped: 1, queued: 0 });
      // Already gone when asked: refused at once.
      await expect(pool.analyzeSeries(series, gone.signal)).rejects.toBeInstanceOf(ClientGoneError);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('fails the job of a worker that stops, and replaces the worker', async () => {
    const pool = new AnalysisPool({ workers: 1, workerUrl: new URL('./fixtures/stopping-worker.ts', import.meta.url) });
    const series = (await import('../helpers/market-series.js')).emptyMarketSeries();
    try {
      await expect(pool.analyzeSeries(series)).rejects.toThrow(
        /analysis worker stopped while analysing: exited with code 3/,
      );
      expect(pool.stats.restarts).toBe(1);
      await expect(pool.analyzeSeries(series)).rejects.toThrow(/exited with code 3/);
      expect(pool.stats.restarts).toBe(2);
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe('/api/analysis through the engine', () => {
  it('answers concurrent requests for different dates and assets exactly as single-threaded analyzeStore, health meanwhile', async () => {
    const app = buildServer({
      store,
      analyze: (_s, o) => engine.analyze(o),
      analyzeJson: (o) => engine.analyzeJson(o),
      now,
    });
    try {
      // 10 at once: the 2 workers' running jobs plus the default queue of 8, so none is refused.
      const days = sim.truth.days.map((d) => d.date);
      const asked = [0.12, 0.21, 0.33, 0.47, 0.58, 0.66, 0.74, 0.81, 0.9, 0.97].map((f, i) => ({
        asset: i % 2 === 0 ? ('BTC' as const) : ('ETH' as const),
        asOf: days[Math.floor(days.length * f)]!,
      }));
      let pending = asked.length;
      const answers = asked.map(({ asset, asOf }) =>
        app.inject({ method: 'GET', url: `/api/analysis?asset=${asset}&asOf=${asOf}` }).finally(() => (pending -= 1)),
      );
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      const pendingAtHealth = pending;
      const bodies = await Promise.all(answers);
      expect(health.statusCode).toBe(200);
      expect(pendingAtHealth).toBeGreaterThan(0); // health did not wait for the analyses
      for (const [i, { asset, asOf }] of asked.entries()) {
        const direct = JSON.stringify(await analyzeStore(store, { asset, asOf }));
        expect({ asset, asOf, status: bodies[i]!.statusCode, same: bodies[i]!.body === direct }).toEqual({
          asset,
          asOf,
          status: 200,
          same: true,
        });
      }
    } finally {
      await app.close();
    }
  }, 300_000);

  it('answers 503 busy with Retry-After when the queue is full, in the one error shape', async () => {
    const small = new AnalysisEngine({ store, now, workers: 1, queueLimit: 0 });
    const app = buildServer({
      store,
      analyze: (_s, o) => small.analyze(o),
      analyzeJson: (o) => small.analyzeJson(o),
      now,
    });
    try {
      await small.analyzeJson({ asset: 'ETH', asOf: '2025-01-02' }); // history loaded
      const answers = await Promise.all(
        ['2025-01-06', '2025-01-07', '2025-01-08'].map((d) =>
          app.inject({ method: 'GET', url: `/api/analysis?asset=ETH&asOf=${d}` }),
        ),
      );
      const busy = answers.filter((a) => a.statusCode === 503);
      expect(answers.filter((a) => a.statusCode === 200).length).toBeGreaterThanOrEqual(1);
      expect(busy.length).toBeGreaterThanOrEqual(1);
      expect(busy[0]!.headers['retry-after']).toBe('1');
      expect(busy[0]!.json()).toMatchObject({ error: { code: 'busy', field: null } });
    } finally {
      await app.close();
      await small.close();
    }
  }, 120_000);

  it('an empty store answers no call with the reason, in the documented schema', async () => {
    const empty = await openDuckDbStore(':memory:');
    const none = new AnalysisEngine({ store: empty, now, workers: 1 });
    const app = buildServer({
      store: empty,
      analyze: (_s, o) => none.analyze(o),
      analyzeJson: (o) => none.analyzeJson(o),
      now,
    });
    try {
      for (const url of ['/api/analysis?asset=BTC&asOf=2026-01-07', '/api/analysis?asset=ETH']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(200);
        const { phase } = analysisResponseSchema.parse(res.json());
        expect(phase.label).toBeNull();
        expect(phase.confidence).toBeNull();
        // Without asOf the default is the day after the newest data, capped at today (the system clock).
        expect('noCallReason' in phase ? phase.noCallReason : '').toMatch(
          /^no data for (BTC|ETH) was known by \d{1,2} [A-Z][a-z]{2} \d{4} \(no price/,
        );
      }
    } finally {
      await app.close();
      await none.close();
      await empty.close();
    }
  }, 120_000);
});
