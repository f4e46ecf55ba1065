// The treasury-companies section of the analysis: mNAV per company and the forced-selling estimate.
import type { SignalSection } from './signal-section.js';

export interface TreasuryMnav {
  readonly company: string;
  readonly date: string | null;
  readonly mnav: number | null;
  /** mNAV now minus mNAV 30 calendar days earlier. */
  readonly mnavChange30d: number | null;
  readonly coinsHeld: number | null;
  readonly peakMnav: number | null;
  readonly peakDate: string | null;
  /** Premium compressed vs its peak, or mNAV below 1; null when there is no mNAV. */
  readonly premiumCompressed: boolean | null;
}

export interface ForcedSellingEstimate {
  readonly low: number;
  readonly high: number;
  readonly assumptions: readonly string[];
}

export interface TreasuriesSection extends SignalSection {
  readonly companies: readonly Pick<
    TreasuryMnav,
    'company' | 'date' | 'mnav' | 'mnavChange30d' | 'coinsHeld' | 'premiumCompressed'
  >[];
  readonly strategyMnav: number | null;
  readonly strategyMnavChange30d: number | null;
  /** Strategy's premium compressed (≤ half its 180-day peak premium) or mNAV < 1; null without its mNAV. */
  readonly premiumCompressed: boolean | null;
  readonly strategyBelowOne: boolean | null;
  readonly forcedSellingEstimateUsd: ForcedSellingEstimate;
}
