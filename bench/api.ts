// Benchmark: GET /api/analysis over real loopback HTTP with autocannon, two mixes, each against a
// fresh `tidemark serve` in its own process. Cached: one past date at a fixed 1,000 req/s for ~10 s
// (p50/p99, target p99 < 20 ms), then unthrottled for the ceiling. Different dates: 1,000 (asset,
// date) pairs in turn, once the server's background precomputation covers them (TIDEMARK_BENCH_COLD=1:
// a server started with --no-precompute), at TIDEMARK_BENCH_MIX_RATE (default 300) req/s (target ≥ 200
// req/s, p99 < 250 ms) while a second client asks /api/health 20 times a second (target p99 < 20 ms),
// then unthrottled; the server's memory after it. The database is a copy of TIDEMARK_BENCH_DB
// (default /tmp/tm/real.duckdb, the real data) when it exists, else the simulated dataset.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '../src/domain/dates.js';
import { writeSimulatedDataset } from '../src/sim/simulate.js';
import { openDuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { pacedLoad, type PacedLoadResult } from './paced-load.js';
import { BIN, ensureBuilt, ROOT } from './built-cli.js';
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
  const args = [BIN, 'serve', '--db', db, '--port', '0', ...extra];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
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
  body: (base: string, pid: number | undefined) => Promise<T>,
  extra: readonly string[] = [],
): Promise<T> {
  const { url, child } = await startServer(db, extra);
  try {
    return await body(url, child.pid);
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

/** The cached mix: one past date at a fixed rate (evenly paced), then unthrottled. */
async function cachedMix(base: string, source: string, duration: number, rate: number): Promise<BenchResult[]> {
  const url = `${base}/api/analysis?asset=BTC&asOf=${BENCH_AS_OF}`;
  const coldMs = await timedGet(url);
  // Measured once the server has settled: its histories loaded (on the event loop, ~0.5 s each) and
  // its background run past the mix's dates, as on a server that has run for a minute.
  await precomputedBack(base);
  const headers = { 'accept-encoding': 'gzip' }; // as browsers ask
  const path = `/api/analysis?asset=BTC&asOf=${BENCH_AS_OF}`;
  // Warm-up, not reported: the same paced load for 3 s, so the JIT of both processes (this client's
  // too: its first paced run otherwise charges its own compilation to the server) and the background
  // jobs in flight when the load begins are behind it.
  await pacedLoad({ base, path: () => path, rate, seconds: 3, connections: 10, headers });
  const fixed = await pacedLoad({ base, path: () => path, rate, seconds: duration, connections: 10, headers });
  const flat = await autocannon({ url, connections: 10, duration: Math.max(3, Math.round(duration / 2)), headers });
  const failures = fixed.non200 + fixed.errors + flat.non2xx + flat.errors + flat.timeouts;
  const detail = `${source}; ${fixed.total.toLocaleString('en-US')} requests evenly paced over 10 kept-alive connections, ${failures} failed`;
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
      value: fixed.p50,
      unit: 'ms',
      target: '',
      ok: null,
      detail,
    },
    {
      name: `API /api/analysis cached, ${rate} req/s for ${duration} s: p99`,
      value: fixed.p99,
      unit: 'ms',
      target: '< 20 ms',
      ok: fixed.p99 < 20 && failures === 0,
      detail,
    },
    {
      name: 'API /api/analysis cached: sustained req/s at the fixed rate',
      value: fixed.perSecond,
      unit: 'req/s',
      target: `>= ${rate}`,
      ok: fixed.perSecond >= rate * 0.98,
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
    // TIDEMARK_BENCH_PRECOMPUTE=all: wait for the whole run (then the workers are idle during the mix).
    const waitAll = process.env['TIDEMARK_BENCH_PRECOMPUTE'] === 'all';
    const covered = !waitAll && p.completeSince !== null && p.completeSince <= MIX_FIRST_DAY;
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

/** An unthrottled autocannon run in the paced runs' terms. */
function fromAutocannon(r: AutocannonResult, seconds: number): PacedLoadResult {
  return {
    total: r.requests.total,
    non200: r.non2xx,
    errors: r.errors + r.timeouts,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: Number.NaN,
    perSecond: (r.requests.total - r.non2xx) / seconds,
  };
}

/** The server process's resident memory now and at its peak, in MB (Linux /proc; null elsewhere). */
function serverMemory(pid: number | undefined): { rssMb: number; peakMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/**
 * The different-dates mix: every request a different (asset, date) — the 1,000 pairs of
 * uncachedMixPaths, in turn — from `connections` clients, first at a fixed `rate` for `duration` s
 * while one client asks /api/health at 20 req/s, then unthrottled for a third as long (the ceiling).
 * Warm (default): the server has precomputed the mix's dates in the background, as one running for a
 * few minutes has. Cold (TIDEMARK_BENCH_COLD=1): started with --no-precompute, every answer computed
 * when asked; then the first phase is unthrottled too (a fixed rate above the ceiling would only queue).
 */
async function uncachedMix(
  base: string,
  pid: number | undefined,
  source: string,
  options: { duration: number; connections: number; rate: number; cold: boolean },
): Promise<BenchResult[]> {
  const { duration, connections, rate, cold } = options;
  const precompute = cold ? null : await precomputedBack(base);
  // The day before and the day after the mix: on the real data they read different spot sources
  // (CryptoQuant, then CoinGecko), so every history the mix slices is loaded before it starts.
  const warmMs: number[] = [];
  for (const asset of ['BTC', 'ETH'])
    for (const asOf of ['2024-12-31', '2026-05-16'])
      warmMs.push(await timedGet(`${base}/api/analysis?asset=${asset}&asOf=${asOf}`));
  const paths = uncachedMixPaths();
  let next = 0;
  const headers = { 'accept-encoding': 'gzip' }; // as browsers ask
  const mixRun = (seconds: number, overallRate?: number): ReturnType<Autocannon> =>
    autocannon({
      url: base,
      connections,
      duration: seconds,
      ...(overallRate !== undefined ? { overallRate } : {}),
      timeout: 60, // a client that gave up would leave its job queued and see 503s: wait instead
      headers,
      requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
    });
  const mixPaced = (): Promise<PacedLoadResult> =>
    pacedLoad({ base, path: (i) => paths[i % paths.length]!, rate, seconds: duration, connections, headers });
  const [fixed, healthy] = await Promise.all([
    cold ? mixRun(duration).then((r) => fromAutocannon(r, duration)) : mixPaced(),
    pacedLoad({ base, path: () => '/api/health', rate: 20, seconds: duration, connections: 1, headers }),
  ]);
  const flat = cold ? null : await mixRun(Math.max(5, Math.round(duration / 3)));
  const memory = serverMemory(pid);
  const ok = fixed.total - fixed.non200 - fixed.errors;
  const okPerSecond = ok / duration;
  const passes = fixed.total / paths.length;
  const detail =
    `${source}${cold ? ' started with --no-precompute' : ''}; ${connections} clients${cold ? '' : ` at ${rate} req/s`}, ${ok.toLocaleString('en-US')} answered 200 ` +
    `(${passes >= 1 ? `the 1,000 pairs ${passes.toFixed(1)} times over` : `${ok} different pairs`}), ${fixed.non200} busy (503) or other, ` +
    `${fixed.errors} errors/timeouts${cold ? '' : "; requests evenly paced, latency from each one's due time"}`;
  const mode = cold ? 'cold (--no-precompute), unthrottled' : `after the precomputation, ${rate} req/s`;
  const results: BenchResult[] = [];
  if (precompute !== null)
    results.push({
      name: `API background precomputation back to ${MIX_FIRST_DAY} (from start-up)`,
      value: precompute.seconds,
      unit: 's',
      target: '',
      ok: null,
      detail: precompute.detail,
    });
  results.push(
    {
      name: 'API /api/analysis different dates: first request per asset',
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
      value: fixed.p50,
      unit: 'ms',
      target: '',
      ok: null,
      detail,
    },
    {
      name: `API /api/analysis different dates, ${mode}: p99`,
      value: fixed.p99,
      unit: 'ms',
      target: '< 250 ms',
      ok: fixed.p99 < 250 && fixed.non200 === 0,
      detail,
    },
    {
      name: `API /api/health at 20 req/s during the different-dates mix (${mode}): p99`,
      value: healthy.p99,
      unit: 'ms',
      target: '< 20 ms',
      ok: healthy.p99 < 20 && healthy.non200 + healthy.errors === 0,
      detail: `p50 ${healthy.p50.toFixed(1)} ms, ${healthy.total} requests evenly paced on one kept-alive connection, ${healthy.non200 + healthy.errors} failed`,
    },
  );
  if (flat !== null)
    results.push({
      name: 'API /api/analysis different dates, after the precomputation: unthrottled req/s (ceiling)',
      value: flat.requests.average,
      unit: 'req/s',
      target: '',
      ok: null,
      detail: `${connections} clients, p50 ${flat.latency.p50} ms, p99 ${flat.latency.p99} ms, ${flat.non2xx + flat.errors + flat.timeouts} failed`,
    });
  if (memory !== null)
    results.push({
      name: 'API server resident memory after the mix',
      value: memory.rssMb,
      unit: 'MB',
      target: '',
      ok: null,
      detail: `peak ${memory.peakMb.toFixed(0)} MB (VmHWM); ${precompute?.detail ?? 'no precomputation'}`,
    });
  return results;
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
  ensureBuilt(); // the server runs as users run it: the compiled CLI
  const dir = mkdtempSync(join(tmpdir(), 'tidemark-api-bench-'));
  try {
    const { db, source: data } = await benchDatabase(dir);
    const source = `tidemark serve (own process) on ${data}`;
    const results: BenchResult[] = [];
    if (mixes.includes('cached'))
      results.push(...(await withServer(db, (base) => cachedMix(base, source, duration, rate))));
    const cold = process.env['TIDEMARK_BENCH_COLD'] === '1';
    const mixRate = Number(process.env['TIDEMARK_BENCH_MIX_RATE'] ?? 300);
    if (mixes.includes('uncached'))
      results.push(
        ...(await withServer(
          db,
          (base, pid) => uncachedMix(base, pid, source, { duration: duration * 3, connections, rate: mixRate, cold }),
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
