// Benchmark: GET /api/analysis on a cached (past) date over real loopback HTTP with autocannon —
// a fixed 1,000 req/s for ~10 s (p50/p99 latency, target p99 < 20 ms), then an unthrottled run
// for the ceiling. The store is filled by the simulator when it is available, else a fixture.
import { createRequire } from 'node:module';
import type { AnalyzeFn } from '../src/server/build-server.js';
import { buildServer } from '../src/server/build-server.js';
import { openDuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import type { Store } from '../src/store/store.js';
import { loadAnalysisFixture } from '../test/fixtures/analysis/series-btc.js';
import type { BenchResult } from './result.js';

interface Histogram {
  readonly average: number;
  readonly p50: number;
  readonly p99: number;
}
interface AutocannonResult {
  readonly latency: Histogram;
  readonly requests: Histogram & { readonly total: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}
type Autocannon = (options: { url: string; connections: number; duration: number; overallRate?: number; workers?: number }) => Promise<AutocannonResult>;

const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as Autocannon;

/** The as-of date measured: inside the simulator's default range and in the past. */
export const BENCH_AS_OF = '2026-01-07';

/** Fills `store` from the simulator and returns the real analysis; falls back to the fixture. */
async function analysisSource(store: Store): Promise<{ analyze: AnalyzeFn; source: string }> {
  try {
    const { writeSimulatedDataset } = await import('../src/sim/simulate.js');
    const { analyzeStore } = await import('../src/phase/analyze.js');
    await writeSimulatedDataset(store, { seed: 42 });
    return { analyze: (s, options) => analyzeStore(s, options), source: 'simulated store (seed 42) + analyzeStore' };
  } catch (error) {
    const fixture = loadAnalysisFixture();
    return { analyze: async (_s, options) => ({ ...fixture, ...options }), source: `fixture analysis (simulator/analyze unavailable: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
}

/** Runs the benchmark; `durationSeconds` (default 10) and `rate` (default 1,000 req/s). */
export async function main(options: { durationSeconds?: number; rate?: number } = {}): Promise<BenchResult[]> {
  const duration = options.durationSeconds ?? 10;
  const rate = options.rate ?? 1000;
  const store = await openDuckDbStore(':memory:');
  const { analyze, source } = await analysisSource(store);
  const app = buildServer({ store, analyze });
  try {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `${address}/api/analysis?asset=BTC&asOf=${BENCH_AS_OF}`;
    const t0 = performance.now();
    const first = await fetch(url);
    const coldMs = performance.now() - t0;
    if (first.status !== 200) throw new Error(`bench/api: warm-up request answered ${first.status}: ${await first.text()}`);
    await first.arrayBuffer();
    // The load generator runs in a worker thread so it does not share the server's event loop.
    await autocannon({ url, connections: 10, duration: 2, workers: 1 }); // JIT warm-up, not reported
    const fixed = await autocannon({ url, connections: 10, duration, overallRate: rate, workers: 1 });
    const flat = await autocannon({ url, connections: 10, duration: Math.max(3, Math.round(duration / 2)), workers: 1 });
    const failures = fixed.non2xx + fixed.errors + fixed.timeouts + flat.non2xx + flat.errors + flat.timeouts;
    const detail = `${source}; ${fixed.requests.total.toLocaleString('en-US')} requests, ${failures} failed`;
    return [
      { name: 'API /api/analysis first (uncached) request', value: coldMs, unit: 'ms', target: '', ok: null, detail: source },
      { name: `API /api/analysis cached, ${rate} req/s for ${duration} s: p50`, value: fixed.latency.p50, unit: 'ms', target: '', ok: null, detail },
      { name: `API /api/analysis cached, ${rate} req/s for ${duration} s: p99`, value: fixed.latency.p99, unit: 'ms', target: '< 20 ms', ok: fixed.latency.p99 < 20 && failures === 0, detail },
      { name: 'API /api/analysis cached: sustained req/s at the fixed rate', value: fixed.requests.average, unit: 'req/s', target: `>= ${rate}`, ok: fixed.requests.average >= rate * 0.98, detail },
      { name: 'API /api/analysis cached: unthrottled req/s (10 connections)', value: flat.requests.average, unit: 'req/s', target: '', ok: null, detail: `p99 ${flat.latency.p99} ms` },
    ];
  } finally {
    await app.close();
    await store.close();
  }
}

if (process.argv[1]?.endsWith('bench/api.ts')) {
  for (const r of await main()) console.log(`${r.name}: ${r.value === null ? 'skipped' : r.value.toFixed(2)} ${r.unit} ${r.target ? `(target ${r.target}: ${r.ok ? 'met' : 'NOT met'})` : ''} — ${r.detail}`);
}
