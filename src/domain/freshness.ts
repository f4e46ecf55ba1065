// How fresh each input of the judgment must be at an as-of date. Every input has a publication
// cadence and lag (known-at.ts says when each value becomes public); an input whose latest value is
// older than that allows is *stale*: the judgment leaves it out (its rules become undecidable),
// names it in the evidence, and every output shows its age. Source: ../shared/domain-notes.md
// ("Freshness") and the known-at rules.

/** The inputs whose freshness is judged, in the order they are shown. */
export const FRESHNESS_INPUTS = [
  'spot',
  'etfFlows',
  'openInterestUsd',
  'fundingRate8h',
  'liquidations',
  'cme',
  'cot',
  'etfAumUsd',
  'mnav',
] as const;
export type FreshnessInput = (typeof FRESHNESS_INPUTS)[number];

/** Calendar days an input's latest value may lag the as-of date before it is stale, with the reason. */
export const MAX_AGE_DAYS: Readonly<Record<FreshnessInput, { readonly days: number; readonly why: string }>> = {
  spot: { days: 3, why: 'daily bars close at 00:00 UTC and are known the next day; 3 days allows a late export' },
  etfFlows: {
    days: 5,
    why: 'Farside fills a US trading day by D+1 morning; a long weekend with a holiday spans 4 days',
  },
  openInterestUsd: { days: 3, why: 'perp open interest is reported continuously (daily aggregates)' },
  fundingRate8h: { days: 3, why: 'funding settles every 8 h (daily aggregates)' },
  liquidations: { days: 3, why: 'liquidations are reported continuously (daily aggregates)' },
  cme: { days: 5, why: 'CME settles each US trading day; a long weekend with a holiday spans 4 days' },
  cot: {
    days: 17,
    why: 'CFTC positions as of Tuesday are published the Friday after (10 days), a holiday adds one; a missed week is stale',
  },
  etfAumUsd: { days: 7, why: 'ETF assets are reported daily; exports carry weekends forward' },
  mnav: { days: 7, why: "Strategy's mNAV is computed daily from its share price; exports carry weekends forward" },
};

/** Names of the inputs for people. */
export const FRESHNESS_INPUT_LABELS: Readonly<Record<FreshnessInput, string>> = {
  spot: 'spot price',
  etfFlows: 'ETF flows',
  openInterestUsd: 'perp open interest',
  fundingRate8h: 'funding',
  liquidations: 'liquidations',
  cme: 'CME futures',
  cot: 'CFTC positioning',
  etfAumUsd: 'ETF assets',
  mnav: 'Strategy mNAV',
};

/** One input's freshness at an as-of date. */
export interface InputFreshness {
  readonly input: FreshnessInput;
  /** Date of the latest value known at the as-of date; null when the input has none. */
  readonly lastDate: string | null;
  /** Calendar days from lastDate to the as-of date; null without data. */
  readonly ageDays: number | null;
  /** Older than MAX_AGE_DAYS allows (an input with no data at all is missing, not stale). */
  readonly stale: boolean;
  /** The series' source when several could have supplied it (e.g. 'coingecko' for spot). */
  readonly source?: string;
}

/** Whether an input last dated `ageDays` before the as-of date is stale. */
export function isStale(input: FreshnessInput, ageDays: number | null): boolean {
  return ageDays !== null && ageDays > MAX_AGE_DAYS[input].days;
}
