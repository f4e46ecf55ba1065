// The liquidity section of the analysis: the cost of trading against its own trailing year (Amihud,
// Abdi–Ranaldo, Corwin–Schultz, Kyle-style λ), Hui-Heubel and dollar volume, and the sell-off diagnosis.
import type { SelloffType } from '../analysis-terms.js';
import type { DatedValue } from '../market-series.js';
import type { SelloffAsOf, SelloffLabel } from './selloff.js';
import type { SignalSection } from './signal-section.js';

export type VolumeTrend = 'rising' | 'falling' | 'flat';

/** One sell-off in the section's list: its reading on the as-of date. */
export interface LiquiditySelloff {
  readonly start: string;
  readonly end: string;
  readonly drawdownPct: number;
  readonly type: SelloffLabel;
  readonly reasons: readonly string[];
  /** First as-of date on which it could be classified. */
  readonly classifiedOn: string;
  readonly initialType: SelloffLabel;
  /** Date the label was revised (position-rebalancing → liquidity-failure); null when never by the as-of date. */
  readonly revisedOn: string | null;
}

export interface LiquiditySection extends SignalSection {
  /** Label of the latest sell-off ending within the lookback; 'none' when there was none. */
  readonly selloffType: SelloffType;
  /** Every sell-off classified by the as-of date (ascending), as it stood on that date. */
  readonly selloffs: readonly LiquiditySelloff[];
  /** The sell-off behind selloffType, with all its measures; null when none. */
  readonly latestSelloff: SelloffAsOf | null;
  /** 20-day Amihud illiquidity, |return| per USD traded. */
  readonly amihud: number | null;
  readonly amihudVsMedian: number | null;
  /** Percentile (0–1) of the 20-day Amihud price impact among the 20-day windows of the trailing 365 bars. */
  readonly priceImpactPercentile: number | null;
  readonly huiHeubel: number | null;
  readonly unitsOutstanding: number;
  /** 20-day Corwin–Schultz spread: raw two-day estimates averaged, then floored at 0 (fraction of price). */
  readonly corwinSchultzSpread: number | null;
  /** The same average before the floor (negative when drift dominated the window). */
  readonly corwinSchultzSpreadRaw: number | null;
  readonly corwinSchultzPercentile: number | null;
  /** 20-day Abdi–Ranaldo spread: √ of the mean raw squared estimate, floored at 0 (fraction of price). */
  readonly abdiRanaldoSpread: number | null;
  /** sign(m)·√|m| of the mean raw squared estimate m (negative when drift dominated the window). */
  readonly abdiRanaldoSpreadSigned: number | null;
  readonly abdiRanaldoPercentile: number | null;
  /** 20-day Kyle-style λ̂: return per USD of return-signed dollar volume (reported, does not vote). */
  readonly kyleLambda: number | null;
  readonly kyleLambdaPercentile: number | null;
  /** Rolling 20-day Amihud illiquidity per day over the last year (per USD traded): the chart's series. */
  readonly amihudSeries: readonly DatedValue[];
  /** Rolling 20-day mean Corwin–Schultz spread per day over the last year (a fraction of price). */
  readonly corwinSchultzSpreadSeries: readonly DatedValue[];
  readonly volumeTrend: {
    readonly recentMeanUsd: number | null;
    readonly ratio: number | null;
    readonly trend: VolumeTrend | null;
  };
}
