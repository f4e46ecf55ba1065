// The divergence section of the analysis: crypto ETF flows against equity ETF flows per period.
import type { SignalSection } from './signal-section.js';

export const DIVERGENCE_KINDS = [
  'selective-crypto-derisking',
  'general-risk-off',
  'broad-risk-on',
  'crypto-led-inflow',
] as const;

export type DivergenceKind = (typeof DIVERGENCE_KINDS)[number];

export interface FlowDivergencePeriod {
  /** Exclusive start (the previous equity period's end). */
  readonly from: string;
  /** Inclusive end: the equity observation's date. */
  readonly to: string;
  readonly cryptoFlowUsd: number;
  readonly equityFlowUsd: number;
  readonly cryptoDays: number;
  readonly kind: DivergenceKind | null;
}

export interface DivergenceSection extends SignalSection {
  /** Crypto ETF net flow over the latest equity period (USD); null when not computable. */
  readonly cryptoFlowUsd: number | null;
  readonly equityFlowUsd: number | null;
  readonly kind: DivergenceKind | null;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  /** Median days between equity observations (≈7 weekly, ≈30 monthly). */
  readonly cadenceDays: number | null;
  readonly history: readonly FlowDivergencePeriod[];
  /** Consecutive latest periods of selective crypto de-risking. */
  readonly selectiveStreak: number;
}
