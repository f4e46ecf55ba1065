// When there is no call: the judgment reads its side from the price (the online regime and the
// 200-day average), so without a known close at the as-of date there is nothing to judge — an empty
// store, a date before the data, a last close older than the spot freshness allowance. The
// analysis then says "no call" and why, never a label picked by default.
import { ANALYSIS_WINDOW_DAYS } from '../domain/market-series.js';
import { formatDate } from '../format/dates.js';
import { formatCount } from '../format/numbers.js';
import type { PhaseFacts } from './facts.js';

/**
 * Why the phase cannot be called from `facts` at `asOf`, or null when it can. Three reasons: the
 * latest close is stale (older than the spot allowance, so the judgment left it out), nothing at all
 * is known for the asset by then (no price, ETF flow, open interest, funding or CME figure), or other
 * data is known but no close within the ANALYSIS_WINDOW_DAYS (1,100) days up to `asOf`.
 * Example: noCallReason(factsOfAnEmptyStore, '2026-01-07') → "no data for BTC was known by 7 Jan 2026
 * (no price, ETF flow, open interest, funding or CME figure)".
 */
export function noCallReason(facts: PhaseFacts, asOf: string): string | null {
  if (facts.close !== null) return null;
  const spot = facts.freshness.find((f) => f.input === 'spot');
  if (spot?.stale && spot.lastDate !== null)
    return `the ${facts.asset} spot price is stale at ${formatDate(asOf)} (last close ${formatDate(spot.lastDate)}, ${formatCount(spot.ageDays ?? 0)} days old): the phase is read from the price`;
  const anyInput = facts.wavesDecidable || facts.fundingRegime !== null || facts.flowDays !== null;
  if (!anyInput)
    return `no data for ${facts.asset} was known by ${formatDate(asOf)} (no price, ETF flow, open interest, funding or CME figure)`;
  return `no ${facts.asset} price was known by ${formatDate(asOf)} (no close in the ${formatCount(ANALYSIS_WINDOW_DAYS)} days up to it): the phase is read from the price`;
}
