// The analysis contract: what `tidemark analyze --json`, `/api/analysis`, the report and the
// dashboard all carry. Other tools depend on it: extend it, never break it.
import type { AnalysedAsset } from './assets.js';
import type { MarketEvent } from './events.js';

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

export interface Analysis {
  readonly asOf: string;
  readonly asset: AnalysedAsset;
  readonly simulated: boolean;
  readonly phase: {
    readonly label: PhaseLabel;
    readonly confidence: number;
    readonly evidence: readonly Evidence[];
    /** Evidence the judgment could not use because inputs were missing. */
    readonly unusedEvidence?: readonly string[];
    /** Every phase's score in [0, 1] and the rules that held for it. */
    readonly scores?: readonly {
      readonly label: PhaseLabel;
      readonly score: number;
      readonly held: readonly string[];
    }[];
  };
  readonly signals: {
    readonly etfFlows: { readonly regime: FlowRegime | null; readonly directionality: number | null } & Record<
      string,
      unknown
    >;
    readonly positioning: Record<string, unknown>;
    readonly liquidity: { readonly selloffType: SelloffType } & Record<string, unknown>;
    readonly divergence: Record<string, unknown>;
    readonly events: readonly (MarketEvent & Record<string, unknown>)[];
    readonly trend: Record<string, unknown>;
    readonly treasuries: Record<string, unknown>;
  };
  readonly waves: readonly Wave[];
  /** Order of the segments' waves, lead-lag between them, and the waves' own evidence. */
  readonly wavesDetail?: Record<string, unknown>;
  readonly checklist: readonly ChecklistItem[];
}
