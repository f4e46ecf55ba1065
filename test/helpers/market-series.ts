// Builders for MarketSeries and daily bars used by the signal tests: an empty series to extend (as of
// 2025-12-31, or 2026-01-09 for the flow tests), and bars from closes with explicit highs/lows/volumes.
import { addDays } from '../../src/domain/dates.js';
import type { DailyBar, DatedValue, MarketSeries } from '../../src/domain/market-series.js';

/** A MarketSeries with every series empty; spread overrides into it. */
export function emptyMarketSeries(overrides: Partial<MarketSeries> = {}): MarketSeries {
  return {
    asset: 'BTC',
    asOf: '2025-12-31',
    simulated: false,
    etfFlows: [],
    etfAumUsd: [],
    etfHoldingsCoins: [],
    spot: [],
    openInterestUsd: [],
    fundingRate8h: [],
    leverageRatio: [],
    longLiquidationsUsd: [],
    shortLiquidationsUsd: [],
    cme: [],
    cmeBasisUsd: [],
    cot: [],
    treasuries: [],
    equityEtfFlowsUsd: [],
    treasuryStock: [],
    events: [],
    ...overrides,
  };
}

/** A MarketSeries with every series empty, as of 2026-01-09 (the flow tests' date); override what a test needs. */
export function emptyFlowsMarketSeries(overrides: Partial<MarketSeries> = {}): MarketSeries {
  return emptyMarketSeries({ asOf: '2026-01-09', ...overrides });
}

/** Daily dated values from `start`, one per calendar day. */
export function daily(start: string, values: readonly number[]): DatedValue[] {
  return values.map((value, i) => ({ date: addDays(start, i), value }));
}

/** A bar with close-based defaults: high = close × 1.01, low = close × 0.99, volumeUsd given. */
export function bar(
  date: string,
  close: number,
  volumeUsd: number | null = 1e9,
  high = close * 1.01,
  low = close * 0.99,
): DailyBar {
  return { date, open: close, high, low, close, volumeUsd, volumeUnits: null };
}

/** Daily bars from `start` for the given closes (volume 1e9 USD each, ±1 % range). */
export function barsFromCloses(start: string, closes: readonly number[], volumeUsd = 1e9): DailyBar[] {
  return closes.map((c, i) => bar(addDays(start, i), c, volumeUsd));
}
