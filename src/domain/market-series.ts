// Typed market series the signal engine reads: what the store's loaders produce and the pure
// signal functions take. Every array is sorted by date ascending, one element per date (per fund
// for fund flows). Missing data is an empty array, never invented values.
import type { AnalysedAsset } from './assets.js';
import type { MarketEvent } from './events.js';

/**
 * Calendar days the analysis window spans: the signal sections read this much history before the
 * as-of date (room for a 200-day average, last year's ranges and a cycle's peak).
 */
export const ANALYSIS_WINDOW_DAYS = 1100;
/**
 * Calendar days loaded for an analysis: all of it (40 years). Path-dependent facts — the price
 * regime, the de-risking waves — are read from the whole history so that a day's reading does not
 * depend on where a window happened to start.
 */
export const FULL_HISTORY_DAYS = 14_610;

/** When a value became public; loaders set it so a walk-forward can slice series point-in-time. */
export interface Published {
  readonly knownAt?: string;
}

/** One number on one date. */
export interface DatedValue extends Published {
  readonly date: string;
  readonly value: number;
}

/** One fund's net flow on one US trading day. */
export interface FundFlow extends Published {
  readonly date: string;
  readonly fund: string;
  readonly issuer: string;
  readonly netFlowUsd: number;
}

/** A daily bar. `volumeUsd` is the dollar value traded when known (coins × price for spot). */
export interface DailyBar extends Published {
  readonly date: string;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volumeUsd: number | null;
  /** Volume in the instrument's own unit (coins, shares or contracts). */
  readonly volumeUnits: number | null;
  /** When the volume became public, if later than the bar's `knownAt` (prices) — e.g. CME settles volume a day after. */
  readonly volumeKnownAt?: string;
}

/** CME futures day, dated by trade date. */
export interface CmeDay extends DailyBar {
  readonly openInterestContracts: number | null;
  /** When the open interest became public, if later than the bar's `knownAt` (CME posts OI a day after). */
  readonly openInterestKnownAt?: string;
  /** Coins per contract (5 for BTC, 50 for ETH). */
  readonly coinsPerContract: number;
}

/** One weekly CFTC TFF report, dated by its Tuesday. Positions in coins. */
export interface CotWeek extends Published {
  readonly date: string;
  readonly openInterestCoins: number;
  readonly leveragedFundsNetCoins: number;
  readonly assetManagersNetCoins: number;
  readonly dealersNetCoins: number;
}

/** A digital-asset treasury company's series. */
export interface TreasuryCompany {
  readonly company: string;
  readonly coinsHeld: readonly DatedValue[];
  readonly mnav: readonly DatedValue[];
}

/** Everything the engine reads for one asset, as known at `asOf`. */
export interface MarketSeries {
  readonly asset: AnalysedAsset;
  readonly asOf: string;
  /** Whether the data is the simulator's (reports must say so). */
  readonly simulated: boolean;
  readonly etfFlows: readonly FundFlow[];
  /** Total AUM across the asset's spot ETFs, per day. */
  readonly etfAumUsd: readonly DatedValue[];
  /** Coins held by ETFs/trusts, per day. */
  readonly etfHoldingsCoins: readonly DatedValue[];
  readonly spot: readonly DailyBar[];
  /** Which source the spot bars come from (one series per asset, chosen by freshness then priority). */
  readonly spotSource?: string;
  /** Aggregate perp positioning across venues. */
  readonly openInterestUsd: readonly DatedValue[];
  readonly fundingRate8h: readonly DatedValue[];
  readonly leverageRatio: readonly DatedValue[];
  readonly longLiquidationsUsd: readonly DatedValue[];
  readonly shortLiquidationsUsd: readonly DatedValue[];
  readonly cme: readonly CmeDay[];
  /** CME front-month futures minus spot, USD per coin. */
  readonly cmeBasisUsd: readonly DatedValue[];
  readonly cot: readonly CotWeek[];
  readonly treasuries: readonly TreasuryCompany[];
  /** Net flows into equity ETFs (any cadence; dated by period end). */
  readonly equityEtfFlowsUsd: readonly DatedValue[];
  /** Daily bars of the largest treasury company's stock (MSTR), when present. */
  readonly treasuryStock: readonly DailyBar[];
  readonly events: readonly MarketEvent[];
}
