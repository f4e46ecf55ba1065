// The de-risking waves of the analysis: each segment's waves, their order and lead-lag.
import type { Segment, Wave } from '../analysis-terms.js';
import type { SignalSection } from './signal-section.js';

/** Where the CME wave levels came from: CFTC total OI (preferred) or front-month OI once per contract cycle. */
export type CmeLevelSource = 'cftc-total-open-interest' | 'front-month-once-per-cycle';

/** A wave with the date its threshold was first met (the Wave contract plus one field). */
export interface DeRiskingWave extends Wave {
  readonly confirmedOn: string;
}

export interface LeadLag {
  readonly leader: Segment;
  readonly follower: Segment;
  /** Calendar days from the leader's wave confirmation to the follower's. */
  readonly days: number;
}

export interface WavesSection extends SignalSection {
  /** All waves found, every segment, by start date (start = the peak before the fall). */
  readonly waves: readonly DeRiskingWave[];
  /** Segments in the order their first recent wave was confirmed (threshold first met). */
  readonly order: readonly Segment[];
  readonly leadLagDays: readonly LeadLag[];
  /** True when the first segment to de-risk was crypto-native (perps) and ETF/CME followed. */
  readonly cryptoNativeLed: boolean | null;
  /** Segments whose latest wave is still under way at asOf. */
  readonly ongoing: readonly Segment[];
  /** The series CME waves were found on (null without CME data). */
  readonly cmeLevelSource: CmeLevelSource | null;
}

/** What the analysis keeps of the waves section besides the waves: order, lead-lag, evidence. */
export type WavesDetail = Pick<
  WavesSection,
  'order' | 'leadLagDays' | 'cryptoNativeLed' | 'ongoing' | 'evidence' | 'availability'
>;
