// Integration: imports the real vendor exports of /work/shared/data (skipped when absent).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatasetName } from '../../../src/domain/datasets.js';
import { importFiles, type FileImportSummary } from '../../../src/sources/import-files.js';
import { VENDOR_CSV_LAYOUTS } from '../../../src/sources/layouts-vendor-csv.js';
import { openDuckDbStore } from '../../../src/store/duckdb/duckdb-store.js';
import type { Store } from '../../../src/store/store.js';
import { SHARED_DATA_DIR } from '../../helpers/shared-data-dir.js';

const SHARED = SHARED_DATA_DIR;

const FILES = [
  'etf_flows/Bitcoin Fund Holdings - All Symbol - Day.csv',
  'etf_flows/Ethereum Fund Holdings - All Symbol - Day.csv',
  'etf_flows/Bitcoin ETFs AUM.csv',
  'etf_flows/Ethereum ETFs AUM.csv',
  'etf_flows/Crypto ETF Flows.csv',
  'etf_flows/Monthly Bitcoin ETF flows.csv',
  'etf_flows/Monthly Ethereum ETF flows.csv',
  'derivatives/Bitcoin Funding Rates - All Exchanges - Day.csv',
  'derivatives/Ethereum Funding Rates - All Exchanges - Day.csv',
  'derivatives/Bitcoin Open Interest - All Exchanges, All Symbol - Day.csv',
  'derivatives/Ethereum Open Interest - All Exchanges, All Symbol - Day.csv',
  'derivatives/Bitcoin Estimated Leverage Ratio - All Exchanges - Day.csv',
  'derivatives/Ethereum Estimated Leverage Ratio - All Exchanges - Day.csv',
  'derivatives/Centralized Exchanges - Open Interest.csv',
  'liquidations',
  'ohlcv/Bitcoin Price & Volume - Spot, All Exchanges, BTC-USD - Day.csv',
  'ohlcv/Ethereum Price & Volume - Spot, All Exchanges, ETH-USD - Day.csv',
  'cme',
  'mstr',
];

async function one(
  store: Store,
  dataset: DatasetName,
  field: string,
  asset: 'BTC' | 'ETH' | 'MULTI' | 'EQUITY',
  key: string,
  date: string,
): Promise<number | undefined> {
  const found = await store.read({ dataset, fields: [field], asset, keys: [key], from: date, to: date });
  return found[0]?.value;
}

describe.skipIf(!existsSync(SHARED))('vendor CSV importers on the real exports', () => {
  it('imports every file with zero rejects, the known figures, and an idempotent re-import', async () => {
    const store = await openDuckDbStore(':memory:');
    const paths = FILES.map((f) => join(SHARED, f));
    const first = await importFiles(store, paths, { layouts: VENDOR_CSV_LAYOUTS });
    const problems = (s: FileImportSummary): string[] => [
      ...(s.skipped ? [`${s.path}: ${s.skipped}`] : []),
      ...s.rejects,
    ];
    expect(first.flatMap(problems)).toEqual([]);
    expect(first).toHaveLength(32);
    expect(first.every((s) => s.layout !== null && s.counts.inserted > 0)).toBe(true);

    expect(await one(store, 'perp', 'openInterestUsd', 'BTC', 'all', '2025-10-09')).toBeCloseTo(45.61e9, -7);
    expect(await one(store, 'perp', 'openInterestUsd', 'BTC', 'all', '2025-10-10')).toBeCloseTo(34.23e9, -7);
    // SOURCES.md rounds it to 1,050,483,641; the file holds 1050483641.3423028.
    expect(await one(store, 'perp', 'longLiquidationsUsd', 'BTC', 'all', '2025-10-10')).toBeCloseTo(1_050_483_641, -1);
    expect(await one(store, 'treasury', 'coinsHeld', 'BTC', 'strategy', '2025-10-10')).toBe(640_031);
    expect(await one(store, 'treasury', 'coinsHeld', 'BTC', 'strategy', '2026-01-12')).toBe(687_410);
    expect(await one(store, 'perp', 'fundingRate8h', 'BTC', 'all', '2024-03-12')).toBeCloseTo(0.000676, 6);
    // Binance OI (all coins): 42.2 bn on 2025-10-09 → 29.2 bn on 2025-10-10 (SOURCES.md).
    expect(await one(store, 'exchange-oi', 'openInterestUsd', 'MULTI', 'binance', '2025-10-10')).toBeCloseTo(
      29.2e9,
      -8,
    );
    expect(await one(store, 'exchange-oi', 'openInterestUsd', 'MULTI', 'kraken', '2025-10-10')).toBeUndefined();
    const oiFile = first.find((s) => s.path.endsWith('Centralized Exchanges - Open Interest.csv'));
    expect(oiFile?.warnings.join(' ')).toMatch(/Crypto\.com, Gate\.io, Kraken/);
    const micro = await store.read({ dataset: 'cme', asset: 'BTC', keys: ['micro'], fields: ['close'] });
    expect(micro[0]?.date).toBe('2021-05-03');

    const second = await importFiles(store, paths, { layouts: VENDOR_CSV_LAYOUTS });
    expect(second.every((s) => s.counts.inserted === 0 && s.counts.revised === 0 && s.counts.unchanged > 0)).toBe(true);
    await store.close();
  }, 120_000);
});
