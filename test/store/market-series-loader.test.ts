// loadMarketSeries and sliceMarketSeries on a simulated store: a series loaded once and sliced to an
// earlier as-of date equals the series loaded at that date (same lookback window, same vintages).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { writeSimulatedDataset } from '../../src/sim/simulate.js';
import { openDuckDbStore, type DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { DEFAULT_LOOKBACK_DAYS, sliceMarketSeries } from '../../src/domain/slice-market-series.js';
import { loadMarketSeries } from '../../src/store/market-series-loader.js';

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
    expect(sliced.spot.map((b) => b.date)).toEqual(
      full.spot.map((b) => b.date).filter((d) => d >= '2025-12-08' && d <= '2026-01-06'),
    ); // the 01-07 bar is published after the cut-off
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
        observations: [
          {
            dataset: 'etf-flows',
            field: 'netFlowUsd',
            asset: 'BTC',
            key: 'TESTX',
            date: lastFlow.date,
            value: 1e6,
            knownAt: lastFlow.knownAt!,
          },
        ],
      },
    ]);
    const after = await loadMarketSeries(store, { asset: 'BTC', asOf });
    expect(after).not.toBe(first);
    expect(after.etfFlows).toHaveLength(first.etfFlows.length + 1);
    expect(after.etfFlows.find((f) => f.fund === 'TESTX')?.netFlowUsd).toBe(1e6);
  }, 60_000);
});

describe('loadMarketSeries cross-key totals (ETF AUM, venue sums)', () => {
  const aum = (
    key: string,
    date: string,
    value: number,
    field = 'aumUsd',
    dataset: 'etf-aum' | 'perp' = 'etf-aum',
  ) => ({ dataset, field, asset: 'BTC' as const, key, date, value, knownAt: `${date}T23:00:00.000Z` });
  const load = async (observations: ReturnType<typeof aum>[], asOf = '2026-01-31') => {
    const store = await openDuckDbStore(':memory:');
    try {
      await store.ingest([
        { provenance: { source: 'test', origin: 'loader.test', observedAt: '2026-02-01T00:00:00.000Z' }, observations },
      ]);
      return await loadMarketSeries(store, { asset: 'BTC', asOf, cache: false });
    } finally {
      await store.close();
    }
  };

  it('sums the funds present on each date: a later launch joins the total, it does not erase the earlier totals', async () => {
    const m = await load([
      aum('IBIT', '2026-01-05', 100),
      aum('IBIT', '2026-01-06', 110),
      aum('IBIT', '2026-01-07', 120),
      aum('IBIT', '2026-01-08', 130),
      aum('FBTC', '2026-01-05', 50),
      aum('FBTC', '2026-01-06', 55),
      aum('FBTC', '2026-01-07', 60),
      aum('FBTC', '2026-01-08', 65),
      aum('MSBT', '2026-01-08', 7), // a new fund: launched on the last date
    ]);
    expect(m.etfAumUsd.map((d) => [d.date, d.value])).toEqual([
      ['2026-01-05', 150],
      ['2026-01-06', 165],
      ['2026-01-07', 180],
      ['2026-01-08', 202],
    ]);
  }, 60_000);

  it('carries a missing fund forward at most 5 calendar days and never past its last date', async () => {
    const m = await load([
      aum('IBIT', '2026-01-05', 100),
      aum('IBIT', '2026-01-06', 110),
      aum('IBIT', '2026-01-09', 120),
      aum('IBIT', '2026-01-12', 130),
      aum('IBIT', '2026-01-13', 140),
      aum('FBTC', '2026-01-05', 50),
      aum('FBTC', '2026-01-12', 70), // gap of 7 days: not bridged beyond 01-10
      aum('GBTC', '2026-01-05', 20),
      aum('GBTC', '2026-01-06', 21), // stops reporting after 01-06
    ]);
    expect(m.etfAumUsd.map((d) => [d.date, d.value])).toEqual([
      ['2026-01-05', 170],
      ['2026-01-06', 110 + 50 + 21], // FBTC carried 1 day
      ['2026-01-09', 120 + 50], // FBTC carried 4 days; GBTC past its last date
      ['2026-01-12', 130 + 70],
      ['2026-01-13', 140], // FBTC's last date is 01-12: not carried past it
    ]);
  }, 60_000);

  it('averages venue funding over the venues present on each date', async () => {
    const m = await load([
      aum('binance', '2026-01-05', 0.0001, 'fundingRate8h', 'perp'),
      aum('binance', '2026-01-06', 0.0003, 'fundingRate8h', 'perp'),
      aum('okx', '2026-01-06', 0.0001, 'fundingRate8h', 'perp'),
    ]);
    expect(m.fundingRate8h.map((d) => d.date)).toEqual(['2026-01-05', '2026-01-06']);
    expect(m.fundingRate8h[0]!.value).toBeCloseTo(0.0001, 12);
    expect(m.fundingRate8h[1]!.value).toBeCloseTo(0.0002, 12);
  }, 60_000);
});
