// The judgment on the real shared data (skipped when ../shared/data is absent). Expectations are
// what the market did, from public figures, not the engine's own output: BTC at highs with steady
// ETF inflows in July 2025; the November 2025 sell-off with −$3.5B of one-way ETF outflows; two-way
// flows in the first week of January 2026 (+697M, −243M, −486M …); the further ~25 % fall into February.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dateRange } from '../../src/domain/dates.js';
import { isUsTradingDay } from '../../src/domain/us-market-calendar.js';
import { analyzeStore } from '../../src/phase/analyze.js';
import { walkForward } from '../../src/phase/walk-forward.js';
import { importFiles } from '../../src/sources/import-files.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { loadMarketSeries } from '../../src/store/market-series-loader.js';
import { loadShippedEvents } from '../../src/sources/events/shipped-calendar.js';
import type { Store } from '../../src/store/store.js';
import { SHARED_DATA_DIR } from '../helpers/shared-data-dir.js';

const SHARED = SHARED_DATA_DIR;

describe.skipIf(!existsSync(SHARED))('phase judgment on the real 2025–2026 data', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openDuckDbStore(':memory:');
    await importFiles(store, [SHARED]);
  });

  const share = (labels: (string | null)[], label: string): number =>
    labels.filter((l) => l === label).length / labels.length;

  it('July 2025 (highs, one-way inflows): uptrend', async () => {
    const full = await loadMarketSeries(store, {
      asset: 'BTC',
      asOf: '2025-07-31',
      shippedEvents: loadShippedEvents(),
    });
    const readings = walkForward(full, dateRange('2025-07-01', '2025-07-31').filter(isUsTradingDay));
    expect(
      share(
        readings.map((r) => r.label),
        'uptrend',
      ),
    ).toBeGreaterThanOrEqual(0.8);
  });

  it('the November 2025 sell-off: one-way ETF outflow and trend-decline', async () => {
    const a = await analyzeStore(store, { asset: 'BTC', asOf: '2025-11-21' });
    expect(a.signals.etfFlows.regime).toBe('one-way-outflow');
    expect(a.phase.label).toBe('trend-decline');
    expect(a.phase.evidence.some((e) => /one-way out/.test(e.text))).toBe(true);
  });

  it('first week of January 2026: flows two-way, and not called an uptrend (price below its 200-day average)', async () => {
    const a = await analyzeStore(store, { asset: 'BTC', asOf: '2026-01-08' });
    expect(a.signals.etfFlows.regime).toBe('two-way');
    expect(Math.abs(a.signals.etfFlows.directionality ?? 1)).toBeLessThan(0.5);
    expect(a.phase.label).not.toBe('uptrend');
    expect(a.checklist.find((c) => c.id === 'price-above-key-averages')?.met).toBe(false);
  });

  it('February 2026 (the further fall): the call changes back to trend-decline', async () => {
    const full = await loadMarketSeries(store, {
      asset: 'BTC',
      asOf: '2026-02-13',
      shippedEvents: loadShippedEvents(),
    });
    const readings = walkForward(full, dateRange('2026-02-02', '2026-02-13').filter(isUsTradingDay));
    expect(
      share(
        readings.map((r) => r.label),
        'trend-decline',
      ),
    ).toBeGreaterThanOrEqual(0.6);
  });
});
