// The handful of facts the phase rules read, extracted from the signal sections. This file is the
// only place the judgment depends on section field names: a missing input becomes null, and the
// rule that needs it is reported as unusable rather than guessed.
import type { FlowRegime, SelloffType, Wave } from '../domain/analysis.js';
import type { InputFreshness } from '../domain/freshness.js';
import type { PriceRegimeState } from '../signals/price-regime.js';

export interface PhaseFacts {
  readonly close: number | null;
  /** Date of the latest known close. */
  readonly closeDate: string | null;
  readonly sma50: number | null;
  readonly sma200: number | null;
  /** Fall from the running peak as a positive fraction (0.25 = 25 % below the peak). */
  readonly drawdownFromPeak: number | null;
  readonly return10d: number | null;
  readonly return20d: number | null;
  /** close / 20-day low − 1, a fraction. */
  readonly aboveLow20d: number | null;
  readonly aboveResistance: boolean | null;
  /** The nearest support below the close from prior consolidation ranges (signals/support-resistance.ts), USD; null when none. */
  readonly nearestSupport: number | null;
  /** The nearest resistance above the close, USD; null when none. */
  readonly nearestResistance: number | null;
  /** The online price regime (signals/price-regime.ts): null until the first 20 % move of the history. */
  readonly regime: PriceRegimeState | null;
  /** Date the current regime was confirmed (its threshold first crossed). */
  readonly regimeConfirmedOn: string | null;
  /** The regime's extreme close so far: the bull's high or the bear's low, and its date. */
  readonly regimeExtremeClose: number | null;
  readonly regimeExtremeDate: string | null;
  readonly flowRegime: FlowRegime | null;
  readonly flowDirectionality: number | null;
  readonly flowOutflowDays: number | null;
  readonly flowDays: number | null;
  readonly consecutivePositiveWeeks: number | null;
  readonly lastWeekNetFlowUsd: number | null;
  /** Perp OI change over 30 days, a fraction (−0.12 = −12 %). */
  readonly oiChange30d: number | null;
  readonly oiPriceDivergence: 'oi-falling-price-holding' | 'oi-rising-price-falling' | 'aligned' | null;
  readonly fundingRegime: string | null;
  readonly fundingAnnualised: number | null;
  readonly liquidationSpike: boolean | null;
  readonly leverageRebuiltWithoutStress: boolean | null;
  readonly selloffType: SelloffType | null;
  readonly waves: readonly Wave[];
  /** Whether any wave input (perp OI, ETF flows, CME OI) was present: without them, wave rules are undecidable. */
  readonly wavesDecidable: boolean;
  /** Days since the most recent wave ended (null when none ended). */
  readonly daysSinceWaveEnded: number | null;
  readonly asset: string;
  /** Each input's latest date, age and staleness at the as-of date (stale inputs' facts are null). */
  readonly freshness: readonly InputFreshness[];
}
