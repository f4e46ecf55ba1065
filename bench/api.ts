// Benchmark: GET /api/analysis over real loopback HTTP with autocannon, two mixes, each against a
// fresh `tidemark serve` in its own process. Cached: one past date at a fixed 1,000 req/s for ~10 s
// (p50/p99, target p99 < 20 ms), then unthrottled for the ceiling. Uncached: 1,000 different dates
// (BTC and ETH), each asked once, from `connections` clients (target ≥ 200 req/s, p99 < 250 ms),
// while a second client asks /api/health 20 times a second (target p99 < 20 ms). The database is a
// copy of TIDEMARK_BENCH_DB (default /tmp/tm/real.duckdb, the real data) when it exists, else the
// simulated dataset.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays } from '../src/domain/dates.js';
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
interface AutocannonRequest {
  readonly method: 'GET';
  readonly path: string;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  overallRate?: number;
  headers?: Record<string, string>;
  /** Seconds before a request counts as timed out (default 10). */
  timeout?: number;
  requests?: { setupRequest: (request: AutocannonRequest) => AutocannonRequest }[];
}) => Promise<AutocannonResult> & { stop: () => void };

const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as Autocannon;

/** The as-of date measured: inside the simulator's default range and in the past. */
export const BENCH_AS_OF = '2026-01-07';

/** The real-data store the uncached mix reads, when present (copied: the server never writes, the copy is for safety). */
export const BENCH_REAL_DB = process.env['TIDEMARK_BENCH_DB'] ?? '/tmp/tm/real.duckdb';

/** Starts `tidemark serve` on `db` as its own process (as users run it) and resolves its base URL. */
function startServer(db: string, extra: readonly string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--db', db, '--port', '0', ...extra];
  const child = spawn(process.execPath, args, {
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

/** A fresh database for one run: a copy of the real-data store when present, else the simulated dataset. */
async function benchDatabase(dir: string): Promise<{ db: string; source: string }> {
  const db = join(dir, 'bench.duckdb');
  if (existsSync(BENCH_REAL_DB)) {
    copyFileSync(BENCH_REAL_DB, db);
    return { db, source: `a copy of ${BENCH_REAL_DB} (real data)` };
  }
  const store = await openDuckDbStore(db);
  await writeSimulatedDataset(store, { seed: 42 });
  await store.close();
  return { db, source: 'the simulated database (seed 42)' };
}

/** Runs `body` against a fresh `tidemark serve` process, stopping it afterwards. */
async function withServer<T>(
  db: string,
  body: (base: string) => Promise<T>,
  extra: readonly string[] = [],
): Promise<T> {
  const { url, child } = await startServer(db, extra);
  try {
    return await body(url);
  } finally {
    child.kill('SIGINT');
  }
}

/** GETs `url`, failing on anything but 200, and returns the milliseconds it took. */
async function timedGet(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = await res.text();
  if (res.status !== 200) throw new Error(`bench/api: ${url} answered ${res.status}: ${body.slice(0, 300)}`);
  return performance.now() - t0;
}

/** The cached mix: one past date at a fixed rate, then unthrottled. */
async function cachedMix(base: string, source: string, duration: number, rate: number): Promise<BenchResult[]> {
  const url = `${base}/api/analysis?asset=BTC&asOf=${BENCH_AS_OF}`;
  const coldMs = await timedGet(url);
  const headers = { 'accept-encoding': 'gzip' }; // as browsers ask
  await autocannon({ url, connections: 10, duration: 2, headers }); // JIT warm-up, not reported
  const fixed = await autocannon({ url, connections: 10, duration, overallRate: rate, headers });
  const flat = await autocannon({ url, connections: 10, duration: Math.max(3, Math.round(duration / 2)), headers });
  const failures = fixed.non2xx + fixed.errors + fixed.timeouts + flat.non2xx + flat.errors + flat.timeouts;
  const detail = `${source}; ${fixed.requests.total.toLocaleString('en-US')} requests, ${failures} failed`;
  return [
    {
      name: 'API /api/analysis first (uncached) request',
      value: coldMs,
      unit: 'ms',
      target: '',
      ok: null,
      detail: `${source} (loads the asset's histories)`,
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
}

/** The 1,000 (asset, date) pairs of the uncached mix: 500 consecutive days from 2025-01-01, BTC and ETH alternating. */
export function uncachedMixPaths(): string[] {
  const paths: string[] = [];
  for (let day = 0; day < 500; day += 1)
    for (const asset of ['BTC', 'ETH']) paths.push(`/api/analysis?asset=${asset}&asOf=${addDays(MIX_FIRST_DAY, day)}`);
  return paths;
}

/** The first day of the uncached mix. */
const MIX_FIRST_DAY = '2025-01-01';

/**
 * Waits until the server's background precomputation covers the mix (every date from MIX_FIRST_DAY
 * on kept, or the run ended), printing its progress; resolves the seconds it took from start-up.
 */
async function precomputedBack(base: string, limitSeconds = 1800): Promise<{ seconds: number; detail: string }> {
  const t0 = performance.now();
  for (;;) {
    const health = (await (await fetch(`${base}/api/health`)).json()) as {
      precompute?: {
        state: string;
        completeSince: string | null;
        answered: number;
        dates: number;
        keptBytes: number;
        seconds: number;
      };
    };
    const p = health.precompute;
    if (p === undefined) return { seconds: 0, detail: 'no precomputation' };
    const covered = p.completeSince !== null && p.completeSince <= MIX_FIRST_DAY;
    if (covered || !['running', 'waiting'].includes(p.state)) {
      const detail = `${p.answered.toLocaleString('en-US')} of ${p.dates.toLocaleString('en-US')} (asset, date) pairs kept (${(p.keptBytes / 1048576).toFixed(0)} MiB gzipped), complete since ${p.completeSince ?? '—'}, state ${p.state}`;
      return { seconds: p.seconds, detail };
    }
    if ((performance.now() - t0) / 1000 > limitSeconds)
      throw new Error(`bench/api: the precomputation did not reach ${MIX_FIRST_DAY} within ${limitSeconds} s`);
    process.stderr.write(
      `\rbench/api: precomputing… ${p.answered}/${p.dates}, complete since ${p.completeSince ?? '—'}   `,
    );
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/**
 * The uncached mix: every request a different (asset, date), from `connections` clients for
 * `duration` s, while one client asks /api/health at 20 req/s. Both assets' histories are loaded
 * first (one request each, a date outside the mix), as a running server would have them.
 */
async function uncachedMix(
  base: string,
  source: string,
  duration: number,
  connections: number,
  cold: boolean,
): Promise<BenchResult[]> {
  // Warm: the server has precomputed the mix's dates in the background, as a server running for a few
  // minutes has; cold (TIDEMARK_BENCH_COLD=1): started with --no-precompute, every answer computed when asked.
  const precompute = cold ? null : await precomputedBack(base);
  // The day before and the day after the mix: on the real data they read different spot sources
  // (CryptoQuant, then CoinGecko), so every history the mix slices is loaded before it starts.
  const warmMs: number[] = [];
  for (const asset of ['BTC', 'ETH'])
    for (const asOf of ['2024-12-31', '2026-05-16'])
      warmMs.push(await timedGet(`${base}/api/analysis?asset=${asset}&asOf=${asOf}`));
  const paths = uncachedMixPaths();
  let next = 0;
  const mix = autocannon({
    url: base,
    connections,
    duration,
    timeout: 60, // a client that gave up would leave its job queued and see 503s: wait instead
    headers: { 'accept-encoding': 'gzip' }, // as browsers ask
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  });
  const health = autocannon({
    url: `${base}/api/health`,
    connections: 1,
    duration,
    overallRate: 20,
    headers: { 'accept-encoding': 'gzip' },
  });
  const [uncached, healthy] = await Promise.all([mix, health]);
  const ok = uncached.requests.total - uncached.non2xx;
  const okPerSecond = ok / duration;
  const repeats = Math.max(0, uncached.requests.total - paths.length);
  const detail =
    `${source}${cold ? ' started with --no-precompute' : ''}; ${connections} clients, ${ok.toLocaleString('en-US')} answered 200, ${uncached.non2xx} busy (503) or other, ` +
    `${uncached.errors + uncached.timeouts} errors/timeouts${repeats > 0 ? `, ${repeats} repeats (cached)` : ''}`;
  const mode = cold ? 'cold (--no-precompute)' : 'after the precomputation';
  return [
    ...(precompute === null
      ? []
      : [
          {
            name: `API background precomputation back to ${MIX_FIRST_DAY} (from start-up)`,
            value: precompute.seconds,
            unit: 's',
            target: '',
            ok: null,
            detail: precompute.detail,
          },
        ]),
    {
      name: 'API /api/analysis uncached: first request per asset (loads its histories)',
      value: Math.max(...warmMs),
      unit: 'ms',
      target: '',
      ok: null,
      detail: `BTC ${warmMs[0]!.toFixed(0)} ms, ETH ${warmMs[2]!.toFixed(0)} ms (then ${warmMs[1]!.toFixed(0)} and ${warmMs[3]!.toFixed(0)} ms at the mix's end)`,
    },
    {
      name: `API /api/analysis different dates, ${mode}, ${duration} s: answered req/s`,
      value: okPerSecond,
      unit: 'req/s',
      target: '>= 200',
      ok: okPerSecond >= 200,
      detail,
    },
    {
      name: `API /api/analysis different dates, ${mode}: p50`,
      value: uncached.latency.p50,
      unit: 'ms',
      target: '',
      ok: null,
      detail,
    },
    {
      name: `API /api/analysis different dates, ${mode}: p99`,
      value: uncached.latency.p99,
      unit: 'ms',
      target: '< 250 ms',
      ok: uncached.latency.p99 < 250 && uncached.non2xx === 0,
      detail,
    },
    {
      name: `API /api/health during the different-dates mix, ${mode} (20 req/s): p99`,
      value: healthy.latency.p99,
      unit: 'ms',
      target: '< 20 ms',
      ok: healthy.latency.p99 < 20 && healthy.non2xx + healthy.errors + healthy.timeouts === 0,
      detail: `p50 ${healthy.latency.p50} ms, ${healthy.requests.total} requests, ${healthy.non2xx + healthy.errors + healthy.timeouts} failed`,
    },
  ];
}

/**
 * Runs the benchmark: each mix against its own fresh server process (so the uncached mix finds no
 * cached answer). `durationSeconds` (default 10; the uncached mix runs 3× as long), `rate` of the
 * cached mix (default 1,000 req/s), `connections` of the uncached mix (default 10: two workers plus
 * the pool's queue of eight, so no client is refused), `mixes` (default both; TIDEMARK_BENCH_MIX).
 */
export async function main(
  options: {
    durationSeconds?: number;
    rate?: number;
    connections?: number;
    mixes?: readonly ('cached' | 'uncached')[];
  } = {},
): Promise<BenchResult[]> {
  const duration = options.durationSeconds ?? 10;
  const rate = options.rate ?? 1000;
  const connections = options.connections ?? 10;
  const fromEnv = process.env['TIDEMARK_BENCH_MIX'];
  const mixes = options.mixes ?? (fromEnv === 'cached' || fromEnv === 'uncached' ? [fromEnv] : ['cached', 'uncached']);
  const dir = mkdtempSync(join(tmpdir(), 'tidemark-api-bench-'));
  try {
    const { db, source: data } = await benchDatabase(dir);
    const source = `tidemark serve (own process) on ${data}`;
    const results: BenchResult[] = [];
    if (mixes.includes('cached'))
      results.push(...(await withServer(db, (base) => cachedMix(base, source, duration, rate))));
    const cold = process.env['TIDEMARK_BENCH_COLD'] === '1';
    if (mixes.includes('uncached'))
      results.push(
        ...(await withServer(
          db,
          (base) => uncachedMix(base, source, duration * 3, connections, cold),
          cold ? ['--no-precompute'] : [],
        )),
      );
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('bench/api.ts')) {
  for (const r of await main())
    console.log(
      `${r.name}: ${r.value === null ? 'skipped' : r.value.toFixed(2)} ${r.unit} ${r.target ? `(target ${r.target}: ${r.ok ? 'met' : 'NOT met'})` : ''} — ${r.detail}`,
    );
}
