// Estimate of forced passive selling of a treasury company's stock if index providers excluded it:
// index-tracking ownership share × market cap. Without a market cap it falls back to JPMorgan's
// published figures for Strategy (Oct–Nov 2025). An estimate with its assumptions, never a forecast.
import { formatUsd } from '../format/money.js';
import { formatPercent } from '../format/percent.js';
import type { ForcedSellingEstimate } from '../domain/sections/treasuries.js';

/** JPMorgan's published estimates for Strategy: ~2.8 bn USD from MSCI alone, 8.8–11.6 bn if other providers followed. */
export const JPM_FORCED_SELLING_USD = { msciOnly: 2.8e9, allProvidersLow: 8.8e9, allProvidersHigh: 11.6e9 } as const;

export interface ForcedSellingOptions {
  /** Market capitalisation of the company's equity, USD; when absent the published figures are used. */
  readonly marketCapUsd?: number;
  /** Share of the equity held by funds tracking MSCI indices. Default 0.04 (an assumption; state it). */
  readonly msciTrackingShare?: number;
  /** Share held by funds tracking any index that might follow (MSCI, FTSE, S&P, Nasdaq …). Default 0.15. */
  readonly allProvidersTrackingShare?: number;
}

/**
 * Low = MSCI-tracking share × market cap (or 2.8 bn USD), high = all-provider share × market cap
 * (or 11.6 bn USD). forcedSellingEstimate({ marketCapUsd: 70e9 }) = { low: 2.8e9, high: 10.5e9, … }.
 * Throws RangeError on a negative or non-finite market cap or a share outside [0, 1].
 */
export function forcedSellingEstimate(options: ForcedSellingOptions = {}): ForcedSellingEstimate {
  const { marketCapUsd, msciTrackingShare = 0.04, allProvidersTrackingShare = 0.15 } = options;
  for (const [name, share] of [
    ['msciTrackingShare', msciTrackingShare],
    ['allProvidersTrackingShare', allProvidersTrackingShare],
  ] as const) {
    if (!(share >= 0 && share <= 1))
      throw new RangeError(`forcedSellingEstimate: ${name} must be in [0, 1], got ${share}`);
  }
  if (marketCapUsd === undefined) {
    return {
      low: JPM_FORCED_SELLING_USD.msciOnly,
      high: JPM_FORCED_SELLING_USD.allProvidersHigh,
      assumptions: [
        'JPMorgan estimate for Strategy: ~2.8 bn USD of passive selling from MSCI exclusion alone',
        '8.8–11.6 bn USD if other index providers followed; the upper figure is used as high',
        'applies only if the exclusion happens (MSCI said in January 2026 it would not exclude in that review)',
      ],
    };
  }
  if (!(Number.isFinite(marketCapUsd) && marketCapUsd >= 0)) {
    throw new RangeError(
      `forcedSellingEstimate: marketCapUsd must be a finite non-negative USD amount, got ${marketCapUsd}`,
    );
  }
  return {
    low: marketCapUsd * msciTrackingShare,
    high: marketCapUsd * allProvidersTrackingShare,
    assumptions: [
      `market cap ${formatUsd(marketCapUsd)}`,
      `${formatPercent(msciTrackingShare)} held by MSCI-tracking funds (low)`,
      `${formatPercent(allProvidersTrackingShare)} held by funds tracking any provider that might follow (high)`,
      'all tracking holders sell at exclusion; active managers and timing are ignored',
    ],
  };
}
