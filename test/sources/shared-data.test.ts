// Integration: import the WHOLE shared data directory (real vendor files, read-only) with
// importFiles and check it against figures read by hand from the files (SOURCES.md spot checks).
// Skips when /work/shared/data is absent.
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles, type FileImportSummary } from '../../src/sources/import-files.js';
import { openDuckDbStore, type DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { SHARED_DATA_DIR } from '../helpers/shared-data-dir.js';

const SHARED = SHARED_DATA_DIR;
const MILLION = 1e6;

describe.skipIf(!existsSync(SHARED))('importing the whole shared data directory', () => {
  let store: DuckDbStore;
  let first: FileImportSummary[];

  beforeAll(async () => {
    store = await openDuckDbStore(':memory:');
    first = await importFiles(store, [SHARED]);
  }, 300_000);
  afterAll(async () => {
    await store?.close();
  });

  const rel = (s: FileImportSummary): string => relative(SHARED, s.path);

  it('imports every data file with some layout (only SOURCES.md is skipped)', () => {
    const skipped = first
      .filter((s) => s.layout === null || s.skipped)
      .map((s) => `${rel(s)} — ${s.layout ?? 'no layout'}: ${s.skipped}`);
    const unexpected = skipped.filter((s) => !s.startsWith('SOURCES.md —'));
    expect(unexpected, `files not imported:\n  ${unexpected.join('\n  ')}`).toEqual([]);
    expect(first.find((s) => rel(s) === 'SOURCES.md')?.layout).toBeNull();
    for (const s of first) if (s.layout) expect(s.counts.inserted + s.counts.revised, rel(s)).toBeGreaterThan(0);
  });

  it('rejects no row', () => {
    const rejects = first.flatMap((s) => s.rejects);
    expect(rejects.slice(0, 20), `${rejects.length} rejected row(s)`).toEqual([]);
  });

  it('reads each JSON cache with its layout', () => {
    const layoutOf = (file: string) => first.find((s) => rel(s) === file)?.layout;
    expect(layoutOf('etf_flows/etf-flow-history.json')).toBe('farside-json-cache');
    expect(layoutOf('derivatives/derivatives-history.json')).toBe('binance-derivatives-json-cache');
    expect(layoutOf('cftc_cot/cot-history.json')).toBe('cftc-cot-json-cache');
    expect(layoutOf('ohlcv/btc-history.json')).toBe('coingecko-ohlcv-json');
  });

  it('sums BTC ETF fund flows to Farside’s reported days', async () => {
    const fundSum = async (date: string): Promise<number> =>
      (await store.read({ dataset: 'etf-flows', asset: 'BTC', from: date, to: date })).reduce(
        (sum, o) => sum + o.value,
        0,
      );
    expect(Math.abs((await fundSum('2026-01-05')) - 697.2 * MILLION)).toBeLessThanOrEqual(0.05 * MILLION);
    expect(Math.abs((await fundSum('2026-01-06')) - -243.2 * MILLION)).toBeLessThanOrEqual(0.05 * MILLION);
  });

  it('monthly sums of the Farside BTC total match Nov and Dec 2025', async () => {
    const monthSum = async (from: string, to: string): Promise<number> =>
      (await store.read({ dataset: 'etf-flows-total', asset: 'BTC', keys: ['farside'], from, to })).reduce(
        (sum, o) => sum + o.value,
        0,
      );
    expect(Math.abs((await monthSum('2025-11-01', '2025-11-30')) - -3466.7 * MILLION)).toBeLessThanOrEqual(
      0.05 * MILLION,
    );
    expect(Math.abs((await monthSum('2025-12-01', '2025-12-31')) - -1092.5 * MILLION)).toBeLessThanOrEqual(
      0.05 * MILLION,
    );
  });

  it('keeps the cache’s later restatement of 2026-04-10 as a new version (CSV 240.4 → cache 256.7)', async () => {
    const total = async (asOf?: string) =>
      store.read({
        dataset: 'etf-flows-total',
        asset: 'BTC',
        keys: ['farside'],
        from: '2026-04-10',
        to: '2026-04-10',
        asOf,
      });
    expect((await total()).map((o) => o.value)).toEqual([256.7 * MILLION]);
    expect((await total('2026-04-15')).map((o) => o.value)).toEqual([240.4 * MILLION]);
    expect((await total())[0]?.knownAt).toBe('2026-07-07T00:12:59.999Z');
  });

  it('stores the Binance and CFTC caches point-in-time', async () => {
    const funding = await store.read({
      dataset: 'perp',
      asset: 'BTC',
      keys: ['binance'],
      fields: ['fundingRate8h'],
      from: '2019-09-10',
      to: '2019-09-10',
    });
    expect(funding.map((o) => [o.value, o.knownAt])).toEqual([[0.0001, '2019-09-11T00:00:00.000Z']]);
    const oi = await store.read({ dataset: 'perp', asset: 'BTC', keys: ['binance'], fields: ['openInterestUsd'] });
    expect(oi).toHaveLength(29);
    // The 2026-07-07 (Tuesday) report is invisible on Thursday and visible on Saturday.
    const cot = (asOf: string) =>
      store.read({
        dataset: 'cot',
        asset: 'BTC',
        fields: ['leveragedFundsNetCoins'],
        from: '2026-07-07',
        to: '2026-07-07',
        asOf,
      });
    expect(await cot('2026-07-09')).toEqual([]);
    expect((await cot('2026-07-11')).map((o) => o.value)).toEqual([-33325.6]);
    // One rule with the synced reports: Friday 2026-07-10 20:30 UTC, not the cache's Saturday 00:00.
    expect((await cot('2026-07-10')).map((o) => o.knownAt)).toEqual(['2026-07-10T20:30:00.000Z']);
  });

  it('MSBT 2026-04-10 (blank in the CSV, 16.3 in the later JSON cache) is known from the cache’s fetch', async () => {
    const msbt = (asOf?: string) =>
      store.read({ dataset: 'etf-flows', asset: 'BTC', keys: ['MSBT'], from: '2026-04-10', to: '2026-04-10', asOf });
    expect((await msbt()).map((o) => [o.value, o.knownAt])).toEqual([[16.3 * MILLION, '2026-07-07T00:12:59.999Z']]);
    expect(await msbt('2026-04-15')).toEqual([]);
  });

  it('a second import of everything inserts and revises nothing', async () => {
    const rows = await store.countRows();
    const again = await importFiles(store, [SHARED]);
    const changed = again
      .filter((s) => s.counts.inserted + s.counts.revised > 0)
      .map((s) => `${rel(s)}: ${JSON.stringify(s.counts)}`);
    expect(changed).toEqual([]);
    expect(await store.countRows()).toBe(rows);
  }, 300_000);
});
