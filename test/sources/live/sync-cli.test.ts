import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src/cli/main.js';
import { COT_DATASET_PATH } from '../../../src/sources/live/cftc-cot.js';
import { DEFAULT_QUOTE_TICKERS } from '../../../src/sources/live/yahoo-quotes.js';
import { openDuckDbStore } from '../../../src/store/duckdb/duckdb-store.js';
import { fixture, startFixtureServer, type FixtureServer } from '../../helpers/fixture-server.js';
import { binanceRoutes } from '../../helpers/venue-routes.js';

const farsideHtml = readFileSync(resolve(process.cwd(), 'test/fixtures/farside-html/btc-all-data.html'), 'utf8');

let server: FixtureServer;
let dir: string;
beforeAll(async () => {
  server = await startFixtureServer({
    '/bitcoin-etf-flow-all-data/': () => ({ body: farsideHtml }),
    [COT_DATASET_PATH]: () => ({ body: fixture('cftc-tff-bitcoin.json') }),
    ...binanceRoutes(),
    ...Object.fromEntries(
      DEFAULT_QUOTE_TICKERS.map((t) => [`/v8/finance/chart/${t}`, () => ({ body: fixture('yahoo-chart-IBIT.json') })]),
    ),
  });
  dir = mkdtempSync(join(tmpdir(), 'tidemark-sync-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    const code = await runCli(['node', 'tidemark', 'sync', ...args]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('tidemark sync (CLI against a local server)', () => {
  it('stores every source that works, lists the one that failed, exits 1', async () => {
    const db = join(dir, 'a.duckdb');
    const endpoints = ['farside', 'binance', 'cftc', 'quotes', 'bybit'].flatMap((n) => [
      '--endpoint',
      `${n}=${server.url}`,
    ]);
    const { code, out, err } = await run([
      '--db',
      db,
      '--asset',
      'BTC',
      '--since',
      '2026-01-05',
      '--source',
      'farside,binance,bybit,cftc,quotes',
      '--retries',
      '2',
      '--retry-base-ms',
      '1',
      ...endpoints,
    ]);
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^source\s+status\s+new\s+revised\s+unchanged\s+dates\s+requests$/);
    expect(lines.find((l) => l.startsWith('farside'))).toMatch(
      /^farside\s+ok\s+\d+\s+0\s+0\s+2026-01-05\.\.2026-01-07/,
    );
    expect(lines.find((l) => l.startsWith('cftc'))).toMatch(/^cftc\s+ok\s+20\s+0\s+0\s+2025-12-30\.\.2026-01-06/);
    expect(lines.find((l) => l.startsWith('bybit'))).toMatch(/^bybit\s+failed/);
    expect(err).toMatch(/error: bybit: loadMarkets failed/);
    expect(err).toMatch(
      /sync: 1 of 5 source\(s\) failed: bybit; farside, binance, cftc, quotes synced; [\d,]+ new or revised rows were stored/,
    );
    const store = await openDuckDbStore(db);
    try {
      const ibit = await store.read({ dataset: 'etf-flows', asset: 'BTC', keys: ['IBIT'] });
      expect(ibit.map((o) => [o.date, o.value])).toContainEqual(['2026-01-05', -243_200_000]);
      expect(
        (
          await store.read({
            dataset: 'spot',
            asset: 'BTC',
            keys: ['binance'],
            fields: ['close'],
            from: '2026-01-09',
            to: '2026-01-09',
          })
        )[0]?.value,
      ).toBe(93100.1);
      const runs = await store.runs(50);
      expect(runs.filter((r) => r.kind === 'sync' && r.source === 'bybit').map((r) => r.status)).toEqual(['failed']);
      expect(
        runs.some((r) => r.kind === 'sync' && r.source === 'cftc' && r.status === 'ok' && r.counts.inserted === 20),
      ).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('a second run stores nothing new (rows unchanged) and exits 0', async () => {
    const db = join(dir, 'b.duckdb');
    const args = [
      '--db',
      db,
      '--source',
      'farside,cftc',
      '--asset',
      'BTC',
      '--since',
      '2026-01-05',
      '--endpoint',
      `farside=${server.url}`,
      '--endpoint',
      `cftc=${server.url}`,
    ];
    expect((await run(args)).code).toBe(0);
    const second = await run(args);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/\ncftc\s+ok\s+0\s+0\s+20\s/);
  });

  it('offline (no host resolves): fails in seconds without retrying, in one line, and says nothing was stored', async () => {
    // `.invalid` never resolves (RFC 2606): every lookup fails with ENOTFOUND, as on a machine without network.
    const endpoints = ['farside', 'binance', 'bybit', 'okx', 'cftc', 'quotes'].flatMap((n) => [
      '--endpoint',
      `${n}=http://${n}.tidemark-test.invalid`,
    ]);
    const started = Date.now();
    // Default retry policy (4 attempts, 0.5 s doubling): before, this took over a minute.
    const { code, out, err } = await run(['--db', join(dir, 'offline.duckdb'), '--asset', 'BTC', ...endpoints]);
    const seconds = (Date.now() - started) / 1000;
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.trimEnd().split('\n')).toEqual([
      'tidemark: sync: no source could be reached — cannot resolve farside.tidemark-test.invalid, binance.tidemark-test.invalid, bybit.tidemark-test.invalid, okx.tidemark-test.invalid, cftc.tidemark-test.invalid, quotes.tidemark-test.invalid (offline, or wrong endpoints?); nothing was stored',
    ]);
    expect(err).not.toContain('everything else');
    // No retry waits (they alone would be ≥ 3 × 0.4 s per request); the rest is loading ccxt on a busy machine.
    expect(seconds).toBeLessThan(20);
  });

  it('every source failing with nothing stored says so (never "everything else was stored")', async () => {
    const { code, err } = await run([
      '--db',
      join(dir, 'down.duckdb'),
      '--source',
      'cftc',
      '--asset',
      'BTC',
      '--retries',
      '1',
      '--endpoint',
      `cftc=${server.url}/no-such-prefix`,
    ]);
    expect(code).toBe(1);
    expect(err).toMatch(/tidemark: sync: 1 of 1 source\(s\) failed: cftc; nothing new was stored\n$/);
  });

  it('bad flags are usage errors (exit 2)', async () => {
    expect((await run(['--db', join(dir, 'c.duckdb'), '--source', 'farside,nasdaq'])).err).toContain(
      '--source: unknown "nasdaq"',
    );
    expect((await run(['--db', join(dir, 'c.duckdb'), '--endpoint', 'cftc'])).code).toBe(2);
    expect((await run(['--db', join(dir, 'c.duckdb'), '--endpoint', 'cftc=ftp://x'])).code).toBe(2);
  });
});
