// The sell-off diagnosis as the analysis carries it: each episode's reading on the as-of date, with
// the cost-of-trading and position measures behind its label (signals/selloff-*.ts compute them).
import type { SelloffType } from '../analysis-terms.js';

/** A sell-off's label: the cost of trading exploded (liquidity failure) or positions were cut through a liquid market. */
export type SelloffLabel = Exclude<SelloffType, 'none'>;

export type CostMeasureName = 'amihud' | 'abdiRanaldo' | 'corwinSchultz';

/** extreme / elevated per SELLOFF_THRESHOLDS; normal below both. */
export type CostLevel = 'extreme' | 'elevated' | 'normal';

export interface CostWindowReading {
  readonly start: string;
  readonly end: string;
  readonly bars: number;
  /**
   * The window's value: Amihud = mean |r|/DV (per USD); Abdi–Ranaldo = signed spread from the mean
   * raw squared estimate; Corwin–Schultz = mean raw two-day spread (fractions of price, may be < 0).
   */
  readonly value: number;
  /** Percentile rank (0–1) among the baseline's same-length windows. */
  readonly percentile: number;
  /** Robust z against the same windows (Amihud on a log scale); null when the baseline has no spread. */
  readonly robustZ: number | null;
}

export interface CostMeasure {
  /**
   * The whole fall so far: peak (exclusive) to the lowest close; null when a crash day lacks the
   * input. Reported for context; it does not set the level (a long fall dilutes an acute failure).
   */
  readonly fall: CostWindowReading | null;
  /**
   * The most extreme acute window of the fall: every run of `acuteBars` crash days (the whole fall
   * when it is shorter), ranked by level, then robust z, then percentile. Windows only accumulate
   * as the fall extends and its data become public, so the level never falls back.
   */
  readonly worst: CostWindowReading | null;
  /** The level of `worst`; null when no window could be measured (too little baseline or data). */
  readonly level: CostLevel | null;
}

export interface PositionMeasures {
  /** Perp open interest in coins (USD OI / spot close), peak → lowest close, percent. */
  readonly perpOiCoinsChangePct: number | null;
  /** CFTC total open interest (all CME maturities, coins) between the two reports in `cftcReports`, percent. */
  readonly cftcOiChangePct: number | null;
  /** The CFTC report dates compared: the last on or before the peak, and the first on or after the low (else the latest in between). */
  readonly cftcReports: { readonly from: string; readonly to: string } | null;
  /** ETF holdings in coins, peak → lowest close, percent. */
  readonly etfHoldingsChangePct: number | null;
  /** Sum of ETF net flows dated in (peak, lowest close], USD. */
  readonly etfNetFlowUsd: number | null;
  /** etfNetFlowUsd / ETF AUM at the peak. */
  readonly etfFlowShareOfAum: number | null;
  /** Largest crash-day long liquidations, USD, and its date. */
  readonly longLiquidationsPeakUsd: number | null;
  readonly longLiquidationsPeakDate: string | null;
  /** Median daily long liquidations over the baseline (public at classification), USD. */
  readonly longLiquidationsMedianUsd: number | null;
  /** longLiquidationsPeakUsd / longLiquidationsMedianUsd. */
  readonly longLiquidationsMultiple: number | null;
  /** Mean crash-day dollar volume / baseline median dollar volume (descriptive: volume is not a cost). */
  readonly dollarVolumeRatio: number | null;
}

export interface SelloffMeasures extends PositionMeasures {
  /** Crash days: bars after the peak up to the lowest close. */
  readonly crashDays: number;
  /** Bars in the trailing baseline (≤ baselineBars when the history is shorter). */
  readonly baselineBars: number;
  readonly amihud: CostMeasure;
  readonly abdiRanaldo: CostMeasure;
  readonly corwinSchultz: CostMeasure;
}

/** An episode as it stood on an as-of date. */
export interface SelloffAsOf {
  readonly start: string;
  readonly end: string;
  readonly drawdownPct: number;
  readonly type: SelloffLabel;
  readonly reasons: readonly string[];
  readonly measures: SelloffMeasures;
  readonly classifiedOn: string;
  readonly initialType: SelloffLabel;
  /** The last revision on or before the as-of date; null when none. */
  readonly revisedOn: string | null;
}
