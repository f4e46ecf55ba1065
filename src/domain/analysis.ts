// The analysis contract: what `tidemark analyze --json`, `/api/analysis`, the report and the
// dashboard all carry. Other tools depend on it: extend it, never break it.
import type { InputFreshness } from './freshness.js';
import type { ChecklistItem, Evidence, PhaseLabel, Wave } from './analysis-terms.js';
import type { AnalysedAsset } from './assets.js';
import type { DivergenceSection } from './sections/divergence.js';
import type { EtfFlowsSection } from './sections/etf-flows.js';
import type { AnalysedEvent } from './sections/events.js';
import type { LiquiditySection } from './sections/liquidity.js';
import type { PositioningSection } from './sections/positioning.js';
import type { TreasuriesSection } from './sections/treasuries.js';
import type { TrendSignals } from './sections/trend.js';
import type { WavesDetail } from './sections/waves.js';

export {
  FLOW_REGIMES,
  PHASE_LABELS,
  SEGMENTS,
  SELLOFF_TYPES,
  type ChecklistItem,
  type Evidence,
  type FlowRegime,
  type PhaseLabel,
  type Segment,
  type SelloffType,
  type SignalAvailability,
  type Wave,
} from './analysis-terms.js';

/**
 * The judgment's call: a phase label with its calibrated confidence, or — when the data cannot
 * support a call (no price known at the as-of date: an empty store, a date before the data) — no
 * label, no confidence, and the reason in words. Never a label by default.
 */
export type PhaseCall =
  | { readonly label: PhaseLabel; readonly confidence: number; readonly noCallReason?: undefined }
  | { readonly label: null; readonly confidence: null; readonly noCallReason: string };

export interface Analysis {
  readonly asOf: string;
  readonly asset: AnalysedAsset;
  readonly simulated: boolean;
  /** Each input's latest date and age at the as-of date; stale inputs were left out of the judgment. */
  readonly freshness: readonly InputFreshness[];
  readonly phase: PhaseCall & {
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
  /** Every signal section, typed in domain/sections/ (one file per section). */
  readonly signals: {
    readonly etfFlows: EtfFlowsSection;
    readonly positioning: PositioningSection;
    readonly liquidity: LiquiditySection;
    readonly divergence: DivergenceSection;
    readonly events: readonly AnalysedEvent[];
    readonly trend: TrendSignals;
    readonly treasuries: TreasuriesSection;
  };
  /** The waves of the analysis window (the whole history's waves that end in it or are under way). */
  readonly waves: readonly Wave[];
  /** Order of the segments' waves, lead-lag between them, and the waves' own evidence. */
  readonly wavesDetail?: WavesDetail;
  readonly checklist: readonly ChecklistItem[];
}
