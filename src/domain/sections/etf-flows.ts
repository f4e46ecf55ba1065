// The ETF flows section of the analysis: flow regime, directionality, weekly and per-issuer flows.
import type { FlowRegime } from '../analysis-terms.js';
import type { SignalSection } from './signal-section.js';

export interface WeeklyNetFlow {
  /** The Friday that ends the week (Saturday–Friday window); may be after the last data day. */
  readonly weekEnding: string;
  readonly netFlowUsd: number;
  readonly days: number;
  /**
   * Present when `weeklyNetFlows` was given an `asOf`: true once the as-of date is past the week's
   * last US trading day, false for the current, partial week (shown, but not counted in streaks).
   */
  readonly complete?: boolean;
}

export interface IssuerFlow {
  readonly issuer: string;
  readonly netFlowUsd: number;
  /** netFlowUsd / Σ|issuer net flows| — signed, in [−1, 1]; shares' absolute values sum to 1. */
  readonly share: number;
}

export interface EtfFlowsSection extends SignalSection {
  readonly regime: FlowRegime | null;
  readonly directionality: number | null;
  readonly outflowShare: number | null;
  readonly outflowDays: number;
  readonly days: number;
  readonly windowFrom: string | null;
  readonly windowTo: string | null;
  readonly netFlowUsd: number;
  readonly runsTest: {
    readonly runs: number;
    readonly expectedRuns: number;
    readonly z: number;
    readonly pValue: number;
  } | null;
  /** Window net flow as % of AUM at the window start. */
  readonly flowPctOfAum: number | null;
  /** Weeks ending Friday; the current, partial week is last with `complete: false`. */
  readonly weeklyNetFlowsUsd: readonly WeeklyNetFlow[];
  /** Positive complete weeks in a row, ending at the latest complete week. */
  readonly consecutivePositiveWeeks: number;
  /** Dates on which BOCPD's MAP run length reset, each found with data up to that date only. */
  readonly changePoints: readonly string[];
  /** For each change point, the date the new regime is estimated to have begun. */
  readonly changePointStarts: readonly string[];
  readonly issuers: readonly IssuerFlow[];
  readonly regimeHistory?: readonly { date: string; regime: FlowRegime | null; directionality: number | null }[];
}
