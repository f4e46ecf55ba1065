// The server's kept answers and background precomputation: the pairs' order and completeness
// frontier by hand; the bound and the revision rule of the kept answers; on the simulator, a run
// that answers every past date in its window exactly as analyzeStore does, reports its progress in
// /api/health, stops at the bound, starts again after an import; and /api/analysis sending the
// worker's gzipped bytes to clients that accept gzip, the JSON to those that do not.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { analyzeStore } from '../../src/phase/analyze.js';
import {
  AnalysisAnswers,
  keptAnswersBytesFromEnv,
  KEPT_ANSWERS_DEFAULT_BYTES,
} from '../../src/server/analysis-answers.js';
import { AnalysisEngine } from '../../src/server/analysis-engine.js';
import type { EncodedAnalysis } from '../../src/server/analysis-pool.js';
import { precomputePairs, type PrecomputeProgress } from '../../src/server/analysis-precompute.js';
import { acceptsGzip, buildServer } from '../../src/server/build-server.js';
import { healthResponseSchema } from '../../src/server/schemas.js';
import { simulateMarket, type SimulatedMarket } from '../../src/sim/simulate.js';
import { openDuckDbStore, type DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';

const answer = (bytes: number, etag = '"e"'): EncodedAnalysis => ({
  gzip: Buffer.alloc(bytes),
  etag,
  jsonBytes: bytes * 5,
});

describe('precomputePairs', () => {
  it('lists every past date newest first, the assets interleaved by day, each from its own first date', () => {
    const pairs = precomputePairs(
      new Map([
        ['BTC', '2025-01-01'],
        ['ETH', '2025-01-03'],
      ]),
      new Map([
        ['BTC', '2025-01-05'],
        ['ETH', '2025-01-05'],
      ]),
    );
    expect(pairs.map((p) => `${p.asset} ${p.asOf}`)).toEqual([
      'BTC 2025-01-04',
      'ETH 2025-01-04',
      'BTC 2025-01-03',
      'ETH 2025-01-03',
      'BTC 2025-01-02',
      'BTC 2025-01-01',
    ]);
  });

  it('is empty when the data starts today', () => {
    expect(precomputePairs(new Map([['BTC', '2025-01-05']]), new Map([['BTC', '2025-01-05']]))).toEqual([]);
  });
});

describe('AnalysisAnswers', () => {
  it('keeps answers for the current revision only, up to its byte bound, and empties on a new revision', () => {
    const book = new AnalysisAnswers(250);
    expect(book.syncRevision(7)).toBe(true);
    expect(book.syncRevision(7)).toBe(false);
    expect(book.put(7, 'BTC', '2025-01-01', answer(100))).toBe(true);
    expect(book.put(7, 'BTC', '2025-01-01', answer(100))).toBe(true); // already kept: not counted twice
    expect(book.put(6, 'ETH', '2025-01-01', answer(10))).toBe(false); // an older revision's answer
    expect(book.put(7, 'ETH', '2025-01-01', answer(100))).toBe(true);
    expect(book.put(7, 'ETH', '2025-01-02', answer(100))).toBe(false); // 300 > 250
    expect([book.count, book.bytes, book.refused]).toEqual([2, 200, 1]);
    expect(book.isFull(50)).toBe(false);
    expect(book.isFull(51)).toBe(true);
    expect(book.get(7, 'BTC', '2025-01-01')?.gzip.byteLength).toBe(100);
    expect(book.get(8, 'BTC', '2025-01-01')).toBeUndefined();
    expect(book.syncRevision(8)).toBe(true);
    expect([book.count, book.bytes, book.get(8, 'BTC', '2025-01-01')]).toEqual([0, 0, undefined]);
  });

  it('reads its bound from TIDEMARK_ANSWERS_MB, else 200 MiB', () => {
    expect(keptAnswersBytesFromEnv({ TIDEMARK_ANSWERS_MB: '1.5' })).toBe(1572864);
    expect(keptAnswersBytesFromEnv({ TIDEMARK_ANSWERS_MB: '0' })).toBe(0);
    expect(keptAnswersBytesFromEnv({ TIDEMARK_ANSWERS_MB: 'lots' })).toBe(KEPT_ANSWERS_DEFAULT_BYTES);
    expect(keptAnswersBytesFromEnv({})).toBe(200 * 1024 * 1024);
  });
});

describe('acceptsGzip', () => {
  it('reads Accept-Encoding as RFC 9110 lists it, q=0 refusing', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe('precomputation on the simulator', () => {
  let sim: SimulatedMarket;
  let store: DuckDbStore;
  const now = (): Date => new Date('2026-03-31T23:00:00Z'); // the simulator's last day
  const today = '2026-03-31';
  const since = addDays(today, -12);

  beforeAll(async () => {
    sim = simulateMarket({ seed: 42 });
    store = await openDuckDbStore(':memory:');
    await store.ingest([
      {
        provenance: { source: 'tidemark-sim', origin: 'analysis-precompute.test' },
        observations: sim.observations,
        events: sim.events,
      },
    ]);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  /** Resolves the progress once the run is no longer running (polling, as a client of /api/health would). */
  async function settled(engine: AnalysisEngine): Promise<PrecomputeProgress> {
    for (;;) {
      const progress = engine.precomputeProgress();
      if (progress.state !== 'running' && progress.state !== 'waiting') return progress;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('answers every past date of its window as analyzeStore does, reports progress in /api/health, sends gzip to who accepts it', async () => {
    const engine = new AnalysisEngine({ store, now, workers: 2, precompute: true, precomputeSince: since });
    const app = buildServer({
      store,
      analyze: (_s, o) => engine.analyze(o),
      analysisAnswer: (o) => engine.answer(o),
      precomputeProgress: () => engine.precomputeProgress(),
      now,
    });
    try {
      await engine.start();
      const progress = await settled(engine);
      // 12 days before today, both assets.
      expect(progress).toMatchObject({
        state: 'done',
        dates: 24,
        answered: 24,
        failed: 0,
        keptAnswers: 24,
        completeSince: since,
      });
      expect(progress.keptBytes).toBeGreaterThan(0);
      const health = healthResponseSchema.parse((await app.inject({ method: 'GET', url: '/api/health' })).json());
      expect(health.precompute).toMatchObject({ state: 'done', answered: 24, revision: await store.revision() });

      const before = engine.stats;
      for (const [asset, asOf] of [
        ['BTC', since],
        ['ETH', addDays(today, -1)],
        ['BTC', addDays(today, -6)],
      ] as const) {
        const direct = JSON.stringify(await analyzeStore(store, { asset, asOf }));
        const plain = await app.inject({ method: 'GET', url: `/api/analysis?asset=${asset}&asOf=${asOf}` });
        const zipped = await app.inject({
          method: 'GET',
          url: `/api/analysis?asset=${asset}&asOf=${asOf}`,
          headers: { 'accept-encoding': 'gzip, br' },
        });
        expect(plain.headers['content-encoding']).toBeUndefined();
        expect(plain.body === direct).toBe(true);
        expect(zipped.headers['content-encoding']).toBe('gzip');
        expect(zipped.headers['vary']).toBe('accept-encoding');
        expect(gunzipSync(zipped.rawPayload).toString('utf8') === direct).toBe(true);
        expect(zipped.headers['etag']).toBe(`W/${String(plain.headers['etag'])}`);
        // Either representation's validator revalidates.
        const again = await app.inject({
          method: 'GET',
          url: `/api/analysis?asset=${asset}&asOf=${asOf}`,
          headers: { 'accept-encoding': 'gzip', 'if-none-match': String(zipped.headers['etag']) },
        });
        expect(again.statusCode).toBe(304);
      }
      // All six requests (and the three revalidations) answered from kept answers: nothing analysed again.
      expect(engine.stats.kept - before.kept).toBe(9);
      expect(engine.stats.sliced).toBe(before.sliced);
    } finally {
      await app.close();
      await engine.close();
    }
  }, 300_000);

  it('stops at its byte bound (state full) and keeps nothing when the bound is 0', async () => {
    const bounded = new AnalysisEngine({
      store,
      now,
      workers: 1,
      precompute: true,
      precomputeSince: since,
      keptAnswersBytes: 1, // smaller than any answer
    });
    try {
      await bounded.start();
      const progress = await settled(bounded);
      expect(progress).toMatchObject({ state: 'full', answered: 0, keptAnswers: 0, keptBytes: 0, maxBytes: 1 });
      // Still answered when asked, computed again each time.
      const first = await bounded.analyzeJson({ asset: 'BTC', asOf: since });
      expect(first).toBe(JSON.stringify(await analyzeStore(store, { asset: 'BTC', asOf: since })));
      expect(bounded.stats.kept).toBe(0);
    } finally {
      await bounded.close();
    }
  }, 300_000);

  it('starts no background job while requests arrive, and finishes in the lull after them', async () => {
    const engine = new AnalysisEngine({
      store,
      now,
      workers: 1,
      precompute: true,
      precomputeSince: addDays(today, -6),
    });
    try {
      await engine.analyzeJson({ asset: 'BTC', asOf: '2025-06-02' }); // a request first: the run starts in its wake
      await engine.start();
      const atStart = engine.precomputeProgress().answered;
      // Requests every 50 ms for 1.5 s (under QUIET_MS apart): at most the one job already running finishes.
      for (let i = 0; i < 30; i += 1) {
        await engine.analyzeJson({ asset: 'BTC', asOf: '2025-06-02' });
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(engine.precomputeProgress().answered).toBeLessThanOrEqual(atStart + 1);
      const done = await settled(engine);
      expect(done).toMatchObject({ state: 'done', dates: 12, answered: 12 });
    } finally {
      await engine.close();
    }
  }, 300_000);

  it('starts again after an import: the new revision empties the kept answers and is precomputed', async () => {
    const engine = new AnalysisEngine({
      store,
      now,
      workers: 2,
      precompute: true,
      precomputeSince: addDays(today, -3),
    });
    try {
      await engine.start();
      const first = await settled(engine);
      expect(first).toMatchObject({ state: 'done', answered: 6 });
      const [row] = await store.read({
        dataset: 'spot',
        asset: 'BTC',
        fields: ['close'],
        from: addDays(today, -2),
        to: addDays(today, -2),
      });
      await store.ingest([
        {
          provenance: { source: 'tidemark-sim', origin: 'restatement', observedAt: '2026-03-31T12:00:00.000Z' },
          observations: [{ ...row!, value: row!.value * 1.1 }],
        },
      ]);
      // The next request notices the revision: its answer is computed at the new revision, and a new run starts.
      const asked = await engine.analyzeJson({ asset: 'BTC', asOf: addDays(today, -1) });
      expect(asked).toBe(JSON.stringify(await analyzeStore(store, { asset: 'BTC', asOf: addDays(today, -1) })));
      const second = await settled(engine);
      expect(second).toMatchObject({ state: 'done', revision: await store.revision(), answered: 6, keptAnswers: 6 });
      expect(second.revision).not.toBe(first.revision);
    } finally {
      await engine.close();
    }
  }, 300_000);
});
