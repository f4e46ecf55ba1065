// The handful of facts the phase rules read, extracted from the signal sections. This file is the
// only place the judgment depends on section field names: a missing input becomes null, and the
// rule that needs it is reported as unusable rather than guessed.
import type { FlowRegime, SelloffType, Wave } from '../domain/analysis.js';

export interface PhaseFacts {
  readonly close: number | null;
  readonly sma50: number | null;
  readonly sma200: number | null;
  /** Fall from the running peak as a positive fraction (0.25 = 25 % below the peak). */
  readonly drawdownFromPeak: number | null;
  readonly return10d: number | null;
  readonly return20d: number | null;
  /** close / 20-day low − 1, a fraction. */
  readonly aboveLow20d: number | null;
  readonly aboveResistance: boolean | null;
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
}
