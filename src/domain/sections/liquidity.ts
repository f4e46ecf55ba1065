// The liquidity section of the analysis: dollar volume, Amihud, Hui-Heubel, Corwin–Schultz and the
// sell-off classification.
import type { SelloffType } from '../analysis-terms.js';
import type { DatedValue } from '../market-series.js';
import type { SignalSection } from './signal-section.js';

export type VolumeTrend = 'rising' | 'falling' | 'flat';

export interface LiquiditySection extends SignalSection {
  /** Label of the latest sell-off ending within the lookback; 'none' when there was none. */
  readonly selloffType: SelloffType;
  /** Every sell-off in the series (ascending). */
  readonly selloffs: readonly {
    readonly start: string;
    readonly end: string;
    readonly drawdownPct: number;
    readonly type: 'liquidity-failure' | 'position-rebalancing';
    readonly reasons: readonly string[];
    /** The acute stretch that made a longer sell-off a liquidity failure, when that is why. */
    readonly acute?: { readonly start: string; readonly end: string };
  }[];
  /** 20-day Amihud illiquidity, |return| per USD traded. */
  readonly amihud: number | null;
  readonly amihudVsMedian: number | null;
  readonly huiHeubel: number | null;
  readonly unitsOutstanding: number;
  /** 20-day mean Corwin–Schultz spread, a fraction of price. */
  readonly corwinSchultzSpread: number | null;
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
