// The positioning section's figures as a type: what positioning-section computes and
// positioning-evidence turns into sentences (kept apart so neither file imports the other).
import type { CotPositioning } from '../cot-positioning.js';
import type { FundingRegime } from '../funding-regime.js';
import type { OiPriceDivergence } from '../oi-price-divergence.js';

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
