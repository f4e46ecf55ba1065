// The positioning section of the analysis: perp OI, funding, leverage, liquidations, OI-price
// divergence, CME and COT.
import type { SignalSection } from './signal-section.js';

export const FUNDING_REGIMES = ['negative', 'neutral', 'elevated', 'overheated'] as const;

export type FundingRegime = (typeof FUNDING_REGIMES)[number];

export interface CotPositioning {
  readonly date: string;
  readonly leveragedFundsNetCoins: number;
  readonly assetManagersNetCoins: number;
  /** Change of each net position over `changeWeeks` reports; null when history is shorter. */
  readonly change4w: { readonly leveragedFundsNetCoins: number; readonly assetManagersNetCoins: number } | null;
  /** Percentile rank in [0, 1] of each net position within the trailing history. */
  readonly percentile: { readonly leveragedFundsNet: number | null; readonly assetManagersNet: number | null };
}

export type OiPriceDivergence = 'oi-falling-price-holding' | 'oi-rising-price-falling' | 'aligned';

/** Which open interest fed the CME position proxy. */
export type ProxySource = 'cftc-total-oi' | 'cme-front-month';

/** The positioning section's figures (the section adds its evidence and availability). */
export interface PositioningFigures {
  readonly openInterestUsd: number | null;
  readonly openInterestDate: string | null;
  readonly oiChangePct: { readonly d1: number | null; readonly d7: number | null; readonly d30: number | null };
  /** 30-day percent change of perp OI in coins (OI USD ÷ same-day spot close): positions, not price. */
  readonly oiCoinsChange30dPct: number | null;
  readonly oiZScore: number | null;
  readonly oiPctFromPeak: number | null;
  readonly fundingRate8h: number | null;
  readonly fundingAnnualised: number | null;
  /** Regime of the 7-day average funding. */
  readonly fundingRegime: FundingRegime | null;
  readonly leverageRatio: number | null;
  readonly leverageChange30dPct: number | null;
  readonly liquidations: {
    readonly date: string | null;
    readonly longUsd: number | null;
    readonly shortUsd: number | null;
    readonly multipleOfMedian: number | null;
    /** The latest day is a spike. */
    readonly spike: boolean;
    /** Spike days in the last 14 days. */
    readonly recentSpikeDates: readonly string[];
  };
  readonly oiPriceDivergence: OiPriceDivergence | null;
  readonly cme: {
    readonly openInterestUsd: number | null;
    readonly openInterestCoins: number | null;
    /** 30-day percent change of CME OI in coins (price moves excluded). */
    readonly oiChangePct30d: number | null;
    /** Fraction per year. */
    readonly annualisedBasis: number | null;
    /** The annualised basis of each CME day in the window (fraction per year; near-expiry days left out). */
    readonly annualisedBasisSeries: readonly { readonly date: string; readonly value: number }[];
    readonly daysToExpiry: number | null;
    /** Basis not annualised because the front month is within 7 days of expiry. */
    readonly nearExpiry: boolean;
    /** Cumulative weekly proxy over the last `proxyWeeks` weeks, in coins. */
    readonly positionProxy: number | null;
    readonly positionProxyChange: number | null;
    /** Which OI fed the proxy: CFTC total CME OI when COT is present, else the front month (roll weeks skipped). */
    readonly positionProxySource: ProxySource | null;
  };
  readonly cot: CotPositioning | null;
  /**
   * Positions rising — perp OI in coins up ≥ oiRebuildPct over 30 days (else the leverage ratio, when
   * no spot close prices the OI) — while funding is not overheated and no liquidation spike in the
   * last 14 days; null when both measures or funding are missing. A price rise alone never counts.
   */
  readonly leverageRebuiltWithoutStress: boolean | null;
}

/** Positioning: perp OI, funding, leverage, liquidations, OI-price divergence, CME and COT, with evidence. */
export interface PositioningSection extends SignalSection, PositioningFigures {}
