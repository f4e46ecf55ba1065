// The simulator's ground truth: what was planted, day by day and as dated episodes. Signal and
// phase tests score their detectors against it; `tidemark simulate --truth FILE` writes it as JSON.
import type { AnalysedAsset } from '../domain/assets.js';
import type { FlowRegime, PhaseLabel, Segment, SelloffType } from '../domain/analysis.js';

/** The planted state of one calendar day. */
export interface TruthDay {
  readonly date: string;
  readonly phase: PhaseLabel;
  /** ETF flow regime in force that day (weekends carry the regime of the surrounding trading days). */
  readonly flowRegime: Readonly<Record<AnalysedAsset, FlowRegime>>;
}

/** A stretch of days with one phase label. */
export interface TruthPhase {
  readonly phase: PhaseLabel;
  readonly start: string;
  readonly end: string;
  /** Which planted step this is (e.g. "uptrend", "leverage-flush-decline"), "filler" before the episode. */
  readonly name: string;
}

/** One planted de-risking wave, in the order they happened. */
export interface TruthWave {
  /** 1-based order of the wave within the episode. */
  readonly order: number;
  readonly segment: Segment;
  readonly asset: AnalysedAsset;
  readonly start: string;
  readonly end: string;
  /** Positive magnitude: USD of OI shed (perps, cme) or of net ETF outflow (etf). */
  readonly sizeUsd: number;
  readonly description: string;
}

/** A planted sell-off window and how it was made. */
export interface TruthSelloff {
  readonly asset: AnalysedAsset;
  readonly start: string;
  readonly end: string;
  readonly kind: Exclude<SelloffType, 'none'>;
}

/** Everything planted in one simulated dataset. */
export interface GroundTruth {
  readonly seed: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly days: readonly TruthDay[];
  readonly phases: readonly TruthPhase[];
  /** First US trading day of each new ETF flow regime (the planted change points), per asset. */
  readonly flowChangePoints: Readonly<Record<AnalysedAsset, readonly string[]>>;
  readonly waves: readonly TruthWave[];
  readonly events: readonly {
    readonly id: string;
    readonly date: string;
    readonly kind: string;
    readonly title: string;
  }[];
  readonly selloffs: readonly TruthSelloff[];
  /** The leverage flush: its date and the OI drop per asset (fraction of the previous day's OI in USD). */
  readonly flush: { readonly date: string; readonly openInterestDrop: Readonly<Record<AnalysedAsset, number>> };
  /** The second decline: its window and BTC's peak-to-trough drawdown of daily closes within it. */
  readonly secondDecline: {
    readonly start: string;
    readonly end: string;
    readonly drawdown: Readonly<Record<AnalysedAsset, number>>;
  };
}
