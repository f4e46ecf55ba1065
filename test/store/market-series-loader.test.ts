// loadMarketSeries and sliceMarketSeries on a simulated store: a series loaded once and sliced to an
// earlier as-of date equals the series loaded at that date (same lookback window, same vintages).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { writeSimulatedDataset } from '../../src/sim/simulate.js';
import { openDuckDbStore, type DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { DEFAULT_LOOKBACK_DAYS, loadMarketSeries, sliceMarketSeries } from '../../src/store/market-series-loader.js';

describe('sliceMarketSeries', () => {
  let store: DuckDbStore;
  beforeAll(async () => {
    store = await openDuckDbStore(':memory:');
    await writeSimulatedDataset(store, { seed: 42 });
  }, 120_000);
  afterAll(async () => store.close());

  it('equals a fresh load at the earlier date, lookback window included', async () => {
    const full = await loadMarketSeries(store, { asset: 'BTC', asOf: '2026-03-31' });
    const asOf = '2026-01-07';
    const lookbackDays = 400;
    const loaded = await loadMarketSeries(store, { asset: 'BTC', asOf, lookbackDays });
    const sliced = sliceMarketSeries(full, asOf, { lookbackDays });
    expect(sliced.spot[0]!.date >= addDays(asOf, -lookbackDays)).toBe(true);
    expect(full.spot[0]!.date < addDays(asOf, -lookbackDays)).toBe(true); // something was dropped
    expect(sliceMarketSeries(full, asOf).spot[0]!.date >= addDays(asOf, -DEFAULT_LOOKBACK_DAYS)).toBe(true);
    expect(sliced.spot).toEqual(loaded.spot);
    expect(sliced.etfFlows).toEqual(loaded.etfFlows);
    expect(sliced.openInterestUsd).toEqual(loaded.openInterestUsd);
    expect(sliced.cme).toEqual(loaded.cme);
    expect(sliced.cot).toEqual(loaded.cot);
    expect(sliced.events).toEqual(loaded.events);
  }, 60_000);

  it('keeps a shorter window when asked', async () => {
    const full = await loadMarketSeries(store, { asset: 'BTC', asOf: '2026-03-31' });
    const sliced = sliceMarketSeries(full, '2026-01-07', { lookbackDays: 30 });
    expect(sliced.spot.map((b) => b.date)).toEqual(full.spot.map((b) => b.date).filter((d) => d >= '2025-12-08' && d <= '2026-01-06')); // the 01-07 bar is published after the cut-off
  }, 60_000);

  it('hands out the cached series while the store is unchanged, and reloads after an ingest', async () => {
    const asOf = '2026-01-07';
    const first = await loadMarketSeries(store, { asset: 'BTC', asOf });
    expect(await loadMarketSeries(store, { asset: 'BTC', asOf })).toBe(first);
    const uncached = await loadMarketSeries(store, { asset: 'BTC', asOf, cache: false });
    expect(uncached).not.toBe(first);
    expect(uncached).toEqual(first);
    expect(await loadMarketSeries(store, { asset: 'BTC', asOf, lookbackDays: 400 })).not.toBe(first); // another window
    const lastFlow = first.etfFlows.at(-1)!;
    await store.ingest([
      {
        provenance: { source: 'test-new-fund', origin: 'cache.test', observedAt: '2026-01-01T00:00:00.000Z' },
        observations: [{ dataset: 'etf-flows', field: 'netFlowUsd', asset: 'BTC', key: 'TESTX', date: lastFlow.date, value: 1e6, knownAt: lastFlow.knownAt! }],
      },
    ]);
    const after = await loadMarketSeries(store, { asset: 'BTC', asOf });
    expect(after).not.toBe(first);
    expect(after.etfFlows).toHaveLength(first.etfFlows.length + 1);
    expect(after.etfFlows.find((f) => f.fund === 'TESTX')?.netFlowUsd).toBe(1e6);
  }, 60_000);
});
