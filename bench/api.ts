// Benchmark: GET /api/analysis on a cached (past) date over real loopback HTTP with autocannon —
// a fixed 1,000 req/s for ~10 s (p50/p99 latency, target p99 < 20 ms), then an unthrottled run
// for the ceiling. The server is `tidemark serve` in its own process on a simulated database file.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSimulatedDataset } from '../src/sim/simulate.js';
import { openDuckDbStore } from '../src/store/duckdb/duckdb-store.js';
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
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  overallRate?: number;
}) => Promise<AutocannonResult>;

const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as Autocannon;

/** The as-of date measured: inside the simulator's default range and in the past. */
export const BENCH_AS_OF = '2026-01-07';

/** Starts `tidemark serve` on `db` as its own process (as users run it) and resolves its base URL. */
function startServer(db: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--db', db, '--port', '0'], {
    cwd: resolve(dirname(fileURLToPath(import.meta.url)), '..'),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((done, fail) => {
    let stderr = '';
    const timer = setTimeout(
      () => fail(new Error(`bench/api: server did not start within 120 s:\n${stderr}`)),
      120_000,
    );
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        done({ url: match[1]!, child });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`bench/api: server exited with ${code}:\n${stderr}`));
    });
  });
}

/**
 * Runs the benchmark; `durationSeconds` (default 10) and `rate` (default 1,000 req/s). The server
 * runs in its own process on a simulated database file; autocannon runs in this one.
 */
export async function main(options: { durationSeconds?: number; rate?: number } = {}): Promise<BenchResult[]> {
  const duration = options.durationSeconds ?? 10;
  const rate = options.rate ?? 1000;
  const dir = mkdtempSync(join(tmpdir(), 'tidemark-api-bench-'));
  const db = join(dir, 'sim.duckdb');
  const store = await openDuckDbStore(db);
  await writeSimulatedDataset(store, { seed: 42 });
  await store.close();
  const source = 'tidemark serve (own process) on the simulated database (seed 42)';
  const { url: base, child } = await startServer(db);
  try {
    const url = `${base}/api/analysis?asset=BTC&asOf=${BENCH_AS_OF}`;
    const t0 = performance.now();
    const first = await fetch(url);
    const coldMs = performance.now() - t0;
    if (first.status !== 200)
      throw new Error(`bench/api: warm-up request answered ${first.status}: ${await first.text()}`);
    await first.arrayBuffer();
    await autocannon({ url, connections: 10, duration: 2 }); // JIT warm-up, not reported
    const fixed = await autocannon({ url, connections: 10, duration, overallRate: rate });
    const flat = await autocannon({ url, connections: 10, duration: Math.max(3, Math.round(duration / 2)) });
    const failures = fixed.non2xx + fixed.errors + fixed.timeouts + flat.non2xx + flat.errors + flat.timeouts;
    const detail = `${source}; ${fixed.requests.total.toLocaleString('en-US')} requests, ${failures} failed`;
    return [
      {
        name: 'API /api/analysis first (uncached) request',
        value: coldMs,
        unit: 'ms',
        target: '',
        ok: null,
        detail: source,
      },
      {
        name: `API /api/analysis cached, ${rate} req/s for ${duration} s: p50`,
        value: fixed.latency.p50,
        unit: 'ms',
        target: '',
        ok: null,
        detail,
      },
      {
        name: `API /api/analysis cached, ${rate} req/s for ${duration} s: p99`,
        value: fixed.latency.p99,
        unit: 'ms',
        target: '< 20 ms',
        ok: fixed.latency.p99 < 20 && failures === 0,
        detail,
      },
      {
        name: 'API /api/analysis cached: sustained req/s at the fixed rate',
        value: fixed.requests.average,
        unit: 'req/s',
        target: `>= ${rate}`,
        ok: fixed.requests.average >= rate * 0.98,
        detail,
      },
      {
        name: 'API /api/analysis cached: unthrottled req/s (10 connections)',
        value: flat.requests.average,
        unit: 'req/s',
        target: '',
        ok: null,
        detail: `p99 ${flat.latency.p99} ms`,
      },
    ];
  } finally {
    child.kill('SIGINT');
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('bench/api.ts')) {
  for (const r of await main())
    console.log(
      `${r.name}: ${r.value === null ? 'skipped' : r.value.toFixed(2)} ${r.unit} ${r.target ? `(target ${r.target}: ${r.ok ? 'met' : 'NOT met'})` : ''} — ${r.detail}`,
    );
}
