// What the CFTC connector (live Socrata rows) and the CFTC JSON cache share, so that a report stores
// the same rows whichever way it arrives: the key, the rounding of coins and the one knownAt rule.
import { cotKnownAt } from '../../domain/known-at.js';

/** The key stored observations carry: TFF report, CME Bitcoin plus Micro Bitcoin summed in BTC. */
export const COT_KEY = 'tff-btc+micro';

/**
 * Positions in coins rounded to 0.1 BTC: they are whole contracts of 5 BTC (Bitcoin) or 0.1 BTC
 * (Micro), so 0.1 is exact and drops float noise such as 11828.400000000001.
 */
export function cotCoins(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * When a report dated `reportDate` (positions as of Tuesday) became public: cotKnownAt, the CFTC's
 * Friday 15:30 New York release (20:30 UTC), later in holiday weeks and in the post-shutdown
 * catch-ups. A cache's own availableAfter is not used: caches round it to the next 00:00 UTC
 * (Saturday), which would make an imported report visible a day later than the same report synced.
 */
export function cotReportKnownAt(reportDate: string): string {
  return cotKnownAt(reportDate);
}
