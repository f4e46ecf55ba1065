// The vocabulary of the analysis contract: phase labels, flow regimes, sell-off types, segments,
// evidence, availability, waves and checklist items. Sections and the Analysis itself are built from it.

export const PHASE_LABELS = ['trend-decline', 'bottoming', 'uptrend', 'topping'] as const;
export type PhaseLabel = (typeof PHASE_LABELS)[number];

export const FLOW_REGIMES = ['one-way-outflow', 'two-way', 'one-way-inflow'] as const;
export type FlowRegime = (typeof FLOW_REGIMES)[number];

export const SELLOFF_TYPES = ['liquidity-failure', 'position-rebalancing', 'none'] as const;
export type SelloffType = (typeof SELLOFF_TYPES)[number];

export const SEGMENTS = ['perps', 'etf', 'cme'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** One piece of evidence: which signal, a sentence citing numbers, the headline number. */
export interface Evidence {
  readonly signal: string;
  readonly text: string;
  readonly value: number | null;
  /** + pushes towards uptrend/bottoming, − towards trend-decline; 0 neutral. */
  readonly weight?: number;
}

/** What a signal could not compute, and why (missing series, too short a history …). */
export interface SignalAvailability {
  readonly available: boolean;
  readonly missing: readonly string[];
}

export interface Wave {
  readonly segment: Segment;
  readonly start: string;
  /** null while the wave is still under way at the as-of date. */
  readonly end: string | null;
  /** Size in the segment's unit: USD of OI shed (perps/cme) or of net outflow (etf). */
  readonly size: number;
  readonly unit?: string;
}

export interface ChecklistItem {
  readonly id: string;
  readonly met: boolean;
  readonly text: string;
}
