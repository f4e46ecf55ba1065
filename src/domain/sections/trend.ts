// The trend section of the analysis: moving averages, drawdown, support and resistance, momentum.
import type { SignalSection } from './signal-section.js';

/** The state of the online price regime. */
export type PriceRegimeState = 'bull' | 'bear';

export interface PriceMomentum {
  readonly close: number | null;
  /** close / close N days earlier − 1, as a fraction; null with too little history. */
  readonly return10d: number | null;
  readonly return20d: number | null;
  /** close / lowest low of the last 20 bars − 1. */
  readonly aboveLow20d: number | null;
}

export interface TrendSection extends SignalSection {
  readonly date: string | null;
  readonly close: number | null;
  readonly sma50: number | null;
  readonly sma100: number | null;
  readonly sma200: number | null;
  readonly aboveSma50: boolean | null;
  readonly aboveSma100: boolean | null;
  readonly aboveSma200: boolean | null;
  readonly pctFromSma200: number | null;
  /** SMA50 above SMA200; null when either is missing. */
  readonly sma50AboveSma200: boolean | null;
  readonly drawdownFromPeakPct: number | null;
  readonly peakDate: string | null;
  readonly peakClose: number | null;
  readonly supports: readonly number[];
  readonly resistances: readonly number[];
  /** Close above the top of the latest completed consolidation range. */
  readonly aboveResistance: boolean | null;
  readonly lastRange: {
    readonly start: string;
    readonly end: string;
    readonly low: number;
    readonly high: number;
  } | null;
}

/** The trend signals of the analysis: the section, the price momentum and the fall from the running peak (a positive fraction). */
export interface TrendSignals extends TrendSection {
  readonly momentum: PriceMomentum;
  readonly drawdownFromPeak: number | null;
  /** The online price regime (a 20 % move confirms a turn); null until the history's first such move. */
  readonly regime: PriceRegimeState | null;
  /** Date the current regime was confirmed (its threshold first crossed). */
  readonly regimeConfirmedOn: string | null;
  /** The regime's extreme close so far (the bull's high or the bear's low) and its date. */
  readonly regimeExtremeClose: number | null;
  readonly regimeExtremeDate: string | null;
}
