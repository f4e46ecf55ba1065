// The TradingView chart exports Tidemark knows, recognised by file name (TradingView names an
// export after the chart's symbol): where each is stored and how its dates and units convert.
import type { Asset } from '../../domain/assets.js';
import { COINS_PER_CONTRACT } from '../../domain/cme-contracts.js';

export type TradingViewTarget =
  | { readonly kind: 'cme'; readonly dataset: 'cme' | 'cme-weekly'; readonly coinsPerContract: number }
  | { readonly kind: 'cme-basis' }
  | { readonly kind: 'equity' };

export interface TradingViewInstrument {
  /** File-name prefix as TradingView writes it, e.g. "CME_BTC_front_month". */
  readonly symbol: string;
  readonly asset: Asset;
  readonly key: string;
  readonly target: TradingViewTarget;
  /**
   * How the export's date maps to the stored date:
   * - 'none': the row is dated by its trade date (MSTR).
   * - 'next-day': CME daily rows are dated by the UTC date the session OPENED, the evening before
   *   the trade date (Sunday rows hold Monday's session): stored on date + 1 day. (A NYSE-calendar
   *   "next trading day" was tried and rejected: CME traded on days the NYSE was shut, e.g.
   *   2025-01-09 and Good Friday 2023, and it made two sessions share one date.)
   * - 'week-friday': weekly CME bars are dated by their first session's opening date: stored on
   *   the Friday of the week holding date + 1 ("week ending Friday"); a bar opened on a Thursday
   *   before a Friday holiday (2020-07-02, 2025-07-03) belongs to the following week.
   */
  readonly dating: 'none' | 'next-day' | 'week-friday';
  /** Trade dates before this are placeholder bars (before the contract existed): dropped, with a warning. */
  readonly firstTradeDate?: string;
}

/** Known exports, matched by file-name prefix (first match wins; prefixes do not overlap). */
export const TRADINGVIEW_INSTRUMENTS: readonly TradingViewInstrument[] = [
  {
    symbol: 'CME_BTC_front_month',
    asset: 'BTC',
    key: 'front',
    target: { kind: 'cme', dataset: 'cme', coinsPerContract: COINS_PER_CONTRACT['BTC/front'] },
    dating: 'next-day',
  },
  {
    symbol: 'CME_ETH_front_month',
    asset: 'ETH',
    key: 'front',
    target: { kind: 'cme', dataset: 'cme', coinsPerContract: COINS_PER_CONTRACT['ETH/front'] },
    dating: 'next-day',
  },
  // Micro Bitcoin futures launched on trade date 2021-05-03; the export has bogus bars from 2018.
  {
    symbol: 'CME_Micro_Bitcoin',
    asset: 'BTC',
    key: 'micro',
    target: { kind: 'cme', dataset: 'cme', coinsPerContract: COINS_PER_CONTRACT['BTC/micro'] },
    dating: 'next-day',
    firstTradeDate: '2021-05-03',
  },
  {
    symbol: 'CME_BTC1_continuous_futures__weekly',
    asset: 'BTC',
    key: 'continuous',
    target: { kind: 'cme', dataset: 'cme-weekly', coinsPerContract: COINS_PER_CONTRACT['BTC/front'] },
    dating: 'week-friday',
  },
  {
    symbol: 'CME_BTC_futures_minus_SPOT_BTC_basis',
    asset: 'BTC',
    key: 'front-minus-spot',
    target: { kind: 'cme-basis' },
    dating: 'next-day',
  },
  { symbol: 'MSTR_microstrategy_stock', asset: 'EQUITY', key: 'MSTR', target: { kind: 'equity' }, dating: 'none' },
];

/** The instrument a TradingView export's file name belongs to (by prefix), or undefined. */
export function tradingViewInstrumentOfFile(name: string): TradingViewInstrument | undefined {
  return TRADINGVIEW_INSTRUMENTS.find((i) => name.startsWith(i.symbol));
}
